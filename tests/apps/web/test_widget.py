"""The chat widget on the demo site, in headless Chromium, with the real assistant behind it."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.apps.web.conftest import UCCLE, Servers, accessibility_violations, screenshot
from tests.apps.web.widget import SocketGate, Widget, answer_the_knee_interview

pytestmark = pytest.mark.e2e

HOSTILE = (
    '<img src=x onerror="window.__hostile=1"><script>window.__hostile=1</script>'
    "<b>bold?</b> & <a href='javascript:alert(1)'>link</a>"
)

# The tests of the widget's look: each page language, on a desktop screen and on a phone.
EACH_LANGUAGE = pytest.mark.parametrize("language", ["en", "fr", "nl"])
EACH_DEVICE = pytest.mark.parametrize(
    ("viewport", "device"),
    [({"width": 1280, "height": 800}, "desktop"), ({"width": 390, "height": 844}, "phone-390")],
)


def stored_senders(servers: Servers) -> set[str]:
    with sqlite3.connect(servers.database) as connection:
        return {row[0] for row in connection.execute("SELECT DISTINCT sender_id FROM events")}


def session_id(page: Any) -> str:
    return str(page.evaluate("() => localStorage.getItem('hcmc-widget-session')"))


def test_greeting_to_booking_links_with_quick_replies_and_history_after_reload(
    new_page, servers: Servers
):
    page = new_page().page
    widget = Widget(page).visit(servers.url("/"))
    expect(widget.panel).to_be_hidden()  # data-open="false"
    widget.open()

    widget.bot_says("not a doctor")  # the greeting comes without typing anything
    widget.bot_says("90 days")
    expect(widget.quick_replies.filter(has_text="Yes, I agree")).to_be_visible()
    widget.press("No, thanks")
    widget.press("Book an appointment")
    widget.bot_says("book online at either centre")

    links = page.locator(".hcmc-from-bot a.hcmc-link")
    expect(links.first).to_be_visible()
    for index in range(links.count()):
        link = links.nth(index)
        assert link.get_attribute("href", timeout=1000).startswith("https://booking.example.org/")
        assert link.get_attribute("target") == "_blank"
        assert "noopener" in (link.get_attribute("rel") or "")
    screenshot(page, "desktop-booking-links")

    before = widget.messages()
    assert "user: No, thanks" in before and "user: Book an appointment" in before
    assert f"web:{session_id(page)}" in stored_senders(servers)

    # A reload and another page of the site show the same conversation, still open.
    page.reload()
    widget.ready()
    expect(widget.panel).to_be_visible()
    expect(widget.page.locator(".hcmc-message")).to_have_count(len(before))
    assert widget.messages() == before
    page.get_by_role("link", name="Treatments").click()
    widget.ready()
    expect(widget.page.locator(".hcmc-message")).to_have_count(len(before))
    assert widget.messages() == before
    # ...and the conversation goes on there.
    widget.say("Where are your centres?")
    widget.bot_says("two centres")


def test_interview_then_my_location_gives_the_nearer_centre_and_its_booking_button(
    new_page, servers: Servers
):
    page = new_page(geolocation=UCCLE, permissions=["geolocation"]).page
    widget = Widget(page).visit(servers.url("/"))
    widget.open()
    widget.bot_says("not a doctor")
    widget.press("Yes, I agree")
    widget.bot_says("Where do you feel the pain")
    answer_the_knee_interview(widget)
    widget.bot_says("commune")

    widget.press("Use my location")
    widget.bot_says("HCMC Boitsfort")
    assert "user: My location (shared)" in widget.messages()
    booking = page.locator("a.hcmc-quick-link", has_text="Book at HCMC Boitsfort")
    expect(booking).to_be_visible()
    assert booking.get_attribute("target") == "_blank"
    assert "centre=boitsfort" in (booking.get_attribute("href") or "")
    # The button is enough: its address is not printed again in the message.
    bubble = page.locator(".hcmc-from-bot", has=booking).locator(".hcmc-text")
    expect(bubble).to_have_text("You can book an appointment at HCMC Boitsfort here.")
    booking.scroll_into_view_if_needed()
    screenshot(page, "desktop-nearer-centre")
    # ...and the same from the server's copy, the button still with its message.
    page.reload()
    widget.ready()
    expect(bubble).to_have_text("You can book an appointment at HCMC Boitsfort here.")
    expect(booking).to_be_visible()


def test_refusing_the_location_asks_for_the_commune(new_page, servers: Servers):
    page = new_page(permissions=[]).page  # geolocation not granted: the browser refuses
    widget = Widget(page).visit(servers.url("/"))
    widget.open()
    widget.bot_says("not a doctor")
    widget.press("Yes, I agree")
    answer_the_knee_interview(widget)
    widget.quick_replies.filter(has_text="Use my location").click()
    expect(page.locator(".hcmc-from-widget", has_text="type the commune")).to_be_visible()
    assert widget.focused().startswith("input.")  # straight into the text box
    widget.say("Uccle")
    widget.bot_says("HCMC Boitsfort")


def test_hostile_text_is_shown_as_text_and_never_runs(new_page, servers: Servers):
    page = new_page().page
    widget = Widget(page).visit(servers.url("/"))
    widget.open()
    widget.bot_says("not a doctor")
    widget.say(HOSTILE)

    mine = page.locator(".hcmc-from-user .hcmc-text").last
    assert mine.text_content() == HOSTILE
    assert page.evaluate("() => window.__hostile") is None
    log = page.locator(".hcmc-log")
    for tag in ("img", "script", "b"):
        expect(log.locator(tag)).to_have_count(0)
    expect(log.locator("a[href^='javascript']")).to_have_count(0)
    # Still text after a reload, from the server's copy of the conversation.
    page.reload()
    widget.ready()
    expect(page.locator(".hcmc-from-user .hcmc-text").last).to_have_text(HOSTILE)
    assert page.evaluate("() => window.__hostile") is None
    expect(log.locator("img")).to_have_count(0)


def test_keyboard_only(new_page, servers: Servers):
    page = new_page().page
    widget = Widget(page).visit(servers.url("/"))
    # Tab from the top of the page reaches the launcher (after the page's own links).
    for _ in range(10):
        page.keyboard.press("Tab")
        if widget.focused().startswith("button.hcmc-launcher"):
            break
    assert widget.focused().startswith("button.hcmc-launcher")
    expect(widget.launcher).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    expect(widget.panel).to_be_visible()
    assert widget.focused().startswith("input.hcmc-input")  # focus moves into the panel
    widget.bot_says("not a doctor")
    widget.settled()
    expect(widget.quick_replies.filter(has_text="Yes, I agree")).to_be_visible()

    # Back from the text box to the suggested answers, and press one with the keyboard.
    for _ in range(4):
        page.keyboard.press("Shift+Tab")
        if widget.focused_text() == "Yes, I agree":
            break
    assert widget.focused().startswith("button.hcmc-quick-reply")
    assert widget.focused_text() == "Yes, I agree"
    page.keyboard.press("Enter")
    widget.settled()
    widget.bot_says("Where do you feel the pain")
    assert widget.focused().startswith("input.hcmc-input")  # the pressed button is gone

    page.keyboard.type("my shoulder hurts")
    page.keyboard.press("Enter")
    widget.settled()
    assert "user: my shoulder hurts" in widget.messages()

    # The focus ring is visible on keyboard focus.
    outline = page.evaluate(
        """() => getComputedStyle(
             document.getElementById('hcmc-widget').shadowRoot.activeElement).outlineStyle"""
    )
    assert outline == "solid"

    page.keyboard.press("Escape")
    expect(widget.panel).to_be_hidden()
    assert widget.focused().startswith("button.hcmc-launcher")  # focus back where it was
    expect(widget.launcher).to_have_attribute("aria-expanded", "false")


def test_clear_conversation_asks_first_then_erases_and_says_so(new_page, servers: Servers):
    watched = new_page(reduced_motion="reduce")
    page = watched.page
    widget = Widget(page).visit(servers.url("/"))
    widget.open()
    widget.bot_says("not a doctor")
    widget.press("No, thanks")
    first = session_id(page)
    assert f"web:{first}" in stored_senders(servers)

    # A question in the panel first, the focus on the safe answer; Cancel keeps everything.
    widget.clear.click()
    expect(widget.confirm).to_be_visible()
    expect(widget.confirm).to_contain_text("cannot be undone")
    expect(widget.clear).to_have_attribute("aria-expanded", "true")
    assert widget.focused().startswith("button.hcmc-confirm-cancel")
    assert accessibility_violations(watched) == []
    screenshot(page, "desktop-clear-question-en")
    page.keyboard.press("Enter")
    expect(widget.confirm).to_be_hidden()
    assert widget.focused().startswith("button.hcmc-clear")  # back where it was
    assert "user: No, thanks" in widget.messages()
    assert f"web:{first}" in stored_senders(servers)

    # Escape in the question cancels it too, and leaves the panel open.
    page.keyboard.press("Enter")
    expect(widget.confirm).to_be_visible()
    page.keyboard.press("Escape")
    expect(widget.confirm).to_be_hidden()
    expect(widget.panel).to_be_visible()
    assert f"web:{first}" in stored_senders(servers)

    # Confirmed with the keyboard: erased, said briefly, and a new conversation greets.
    page.keyboard.press("Enter")
    page.keyboard.press("Shift+Tab")
    assert widget.focused().startswith("button.hcmc-confirm-erase")
    page.keyboard.press("Enter")
    erased = page.locator(".hcmc-from-widget", has_text="Conversation erased")
    expect(erased).to_be_visible()
    expect(page.locator(".hcmc-from-user")).to_have_count(0)
    assert f"web:{first}" not in stored_senders(servers)
    widget.bot_says("not a doctor")
    widget.settled()
    expect(erased).to_be_in_viewport()  # above the new greeting, in view
    assert widget.focused().startswith("input.hcmc-input")
    expect(widget.status).to_be_hidden()  # no red line left behind
    assert session_id(page) not in (first, "None")
    screenshot(page, "desktop-cleared-en")
    page.reload()
    widget.ready()
    expect(page.locator(".hcmc-from-user")).to_have_count(0)
    expect(widget.status).to_be_hidden()


def test_a_session_id_without_its_token_starts_a_new_conversation(new_page, servers: Servers):
    page = new_page().page
    widget = Widget(page).visit(servers.url("/"))
    widget.open()
    widget.bot_says("not a doctor")
    widget.press("No, thanks")
    leaked = session_id(page)

    # Another browser holding only that id (a leak, or a browser from before the tokens).
    other = new_page().page
    other.add_init_script(f"localStorage.setItem('hcmc-widget-session', '{leaked}')")
    stranger = Widget(other).visit(servers.url("/"))
    stranger.open()
    stranger.bot_says("not a doctor")  # greeted as a new visitor
    assert session_id(other) not in (leaked, "None")
    assert "user: No, thanks" not in stranger.messages()
    # ...and the patient's own browser still has the conversation.
    page.reload()
    widget.ready()
    assert "user: No, thanks" in widget.messages()
    assert session_id(page) == leaked
    assert page.evaluate("() => localStorage.getItem('hcmc-widget-session-token')")


def test_french_page_gets_french_answers_and_widget(new_page, servers: Servers):
    page = new_page().page
    widget = Widget(page).visit(servers.url("/fr/"))
    expect(widget.launcher).to_contain_text("Discuter avec notre assistant")
    widget.open()
    widget.bot_says("pas un médecin")
    expect(widget.quick_replies.filter(has_text="Oui, je suis d'accord")).to_be_visible()
    expect(page.locator(".hcmc-clear")).to_have_text("Effacer la conversation")
    widget.press("Non merci")
    widget.clear_conversation()  # asked and confirmed in French too
    expect(widget.confirm).to_be_hidden()
    expect(page.locator(".hcmc-from-widget").first).to_have_text(
        "Conversation effacée, ici et sur notre serveur."
    )
    widget.bot_says("pas un médecin")


def test_accessible_structure_and_reduced_motion(new_page, servers: Servers):
    page = new_page(reduced_motion="reduce").page
    widget = Widget(page).visit(servers.url("/"))
    widget.open()
    expect(widget.log).to_have_attribute("aria-live", "polite")
    expect(widget.log).to_have_attribute("role", "log")
    expect(widget.panel).to_have_attribute("role", "dialog")
    expect(widget.launcher).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".hcmc-close")).to_have_attribute("aria-label", "Close the chat")
    widget.bot_says("not a doctor")
    animation = page.locator(".hcmc-panel").evaluate(
        "panel => getComputedStyle(panel).animationName"
    )
    assert animation == "none"


def test_phone_width(new_page, servers: Servers):
    page = new_page(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True).page
    widget = Widget(page).visit(servers.url("/"))
    screenshot(page, "phone-360-closed")
    widget.open()
    widget.bot_says("not a doctor")
    widget.press("No, thanks")
    box = widget.panel.bounding_box()
    assert box is not None and box["width"] <= 360 and box["x"] >= 0
    # Nothing wider than the screen: no sideways scrolling.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
    for button in widget.quick_replies.all():
        button_box = button.bounding_box()
        assert button_box is not None and button_box["x"] + button_box["width"] <= 360
    screenshot(page, "phone-360-open")


@pytest.mark.parametrize(
    ("path", "viewport", "message", "title", "tel", "name"),
    [
        (
            "/",
            {"width": 1280, "height": 800},
            "crushing chest pain going into my left arm",
            "Urgent: call 112 now",
            "tel:112",
            "desktop-urgent-en",
        ),
        (
            "/fr/",
            {"width": 390, "height": 844},
            "j'ai mal au bras gauche et je transpire beaucoup, j'ai des nausées",
            "Urgent : appelez le 112 maintenant",
            "tel:112",
            "phone-urgent-fr",
        ),
        (
            "/",
            {"width": 390, "height": 844},
            "mijn kuit is sinds gisteren dik, warm en rood",
            "Ga vandaag nog naar een arts",
            "tel:1733",
            "phone-urgent-nl",
        ),
        (
            "/",
            {"width": 390, "height": 844},
            "I have a crushing pain in my chest and I'm sweating",
            "Urgent: call 112 now",
            "tel:112",
            "phone-urgent-en",
        ),
        (
            "/fr/",
            {"width": 1280, "height": 800},
            "depuis l'accident de voiture j'ai des fourmillements dans les deux bras",
            "Urgent : allez aux urgences maintenant",
            "tel:112",
            "desktop-urgent-fr",
        ),
        (
            "/",
            {"width": 1280, "height": 800},
            "ik heb een scheurende pijn in mijn rug en ik voel me flauw",
            "Dringend: bel nu 112",
            "tel:112",
            "desktop-urgent-nl",
        ),
    ],
)
def test_a_red_flag_shows_an_urgent_card_that_stays_in_view(
    new_page, servers: Servers, path, viewport, message, title, tel, name
):
    watched = new_page(viewport=viewport)
    page = watched.page
    widget = Widget(page).visit(servers.url(path))
    widget.open()
    widget.settled()
    widget.say(message)

    card = page.locator(".hcmc-urgent").last
    expect(card).to_be_visible()
    assert accessibility_violations(watched) == []
    expect(card).to_have_attribute("role", "alert")  # announced by screen readers
    expect(card.locator(".hcmc-urgent-title")).to_have_text(title)
    expect(card.locator(".hcmc-urgent-icon")).to_be_attached()  # not by colour alone
    call = card.locator("a.hcmc-call-primary")
    expect(call).to_have_attribute("href", tel)
    box = call.bounding_box()
    assert box is not None and box["height"] >= 44  # a large tap target
    colours = card.evaluate(
        """card => [getComputedStyle(card).color, getComputedStyle(card).backgroundColor,
                    getComputedStyle(card.querySelector('.hcmc-call-primary')).color,
                    getComputedStyle(card.querySelector('.hcmc-call-primary')).backgroundColor]"""
    )
    assert contrast(colours[0], colours[1]) >= 4.5 and contrast(colours[2], colours[3]) >= 4.5

    # More messages follow; the advice and its call button stay pinned in view.
    widget.say("ok thanks")
    widget.say("what is dry needling?")
    bar = page.locator(".hcmc-urgent-bar")
    expect(bar).to_be_in_viewport()
    expect(bar.locator("a.hcmc-call")).to_have_attribute("href", tel)
    screenshot(page, name)

    # After a reload the card comes back from the history, without a new announcement.
    page.reload()
    widget.ready()
    expect(page.locator(".hcmc-urgent").first).to_be_visible()
    expect(page.locator(".hcmc-urgent-bar")).to_be_in_viewport()


def contrast(foreground: str, background: str) -> float:
    """The WCAG contrast ratio of two CSS rgb() colours."""

    def luminance(colour: str) -> float:
        channels = [int(part) / 255 for part in colour[colour.index("(") + 1 : -1].split(",")[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_erasure_typed_in_words_asks_first_then_forgets_everything(new_page, servers: Servers):
    page = new_page().page
    widget = Widget(page).visit(servers.url("/"))
    widget.open()
    widget.bot_says("not a doctor")
    widget.press("Yes, I agree")
    widget.say("my left knee hurts when I run")
    old = session_id(page)
    assert f"web:{old}" in stored_senders(servers)

    widget.say("please erase everything I told you")
    widget.bot_says("can't be undone")
    widget.press("Yes, erase everything")
    # The assistant's confirmation opens the new conversation; the status line stays free.
    confirmation = page.locator(".hcmc-from-widget", has_text="this conversation is erased")
    expect(confirmation).to_be_visible()
    expect(widget.status).to_be_hidden()
    page.wait_for_function("old => localStorage.getItem('hcmc-widget-session') !== old", arg=old)
    widget.bot_says("not a doctor")  # a new conversation greets afresh
    assert "user: my left knee hurts when I run" not in widget.messages()
    assert f"web:{old}" not in stored_senders(servers)


# Per language: the page, the consent button, the patient's turns up to the commune (a title
# in brackets is a button pressed), then the summary's intensity line, the fix button, the
# question it asks again, the new answer and the corrected line.
SUMMARY_FLOWS = {
    "en": ("/", "Yes, I agree",
           ["my knee has hurt for three weeks, worse on stairs", "[Left]", "it came on gradually",
            "6", "[None of these]", "[None of these]", "I live in Uccle"],
           "Intensity: 6/10", "Fix: how long", "How long have you had it", "about two months",
           "6 weeks to 3 months"),
    "fr": ("/fr/", "Oui, je suis d'accord",
           ["j'ai mal au genou depuis trois semaines, pire dans les escaliers", "[Gauche]",
            "c'est venu progressivement", "6", "[Aucun de ces points]", "[Aucun de ces]",
            "j'habite à Uccle"],
           "Intensité : 6/10", "Corriger : durée", "Depuis combien de temps", "environ deux mois",
           "de 6 semaines à 3 mois"),
    "nl": ("/nl/", "Ja, ik ga akkoord",
           ["mijn linkerknie doet al drie weken pijn, erger op de trap", "het kwam geleidelijk",
            "6", "[Geen van deze]", "[Geen van deze]", "ik woon in Ukkel"],
           "Intensiteit: 6/10", "Aanpassen: hoe lang", "Hoe lang hebt u al pijn",
           "ongeveer twee maanden", "6 weken tot 3 maanden"),
}  # fmt: skip


@EACH_LANGUAGE
@EACH_DEVICE
def test_the_summary_comes_before_the_link_and_a_line_is_fixed_by_its_button(
    new_page, servers: Servers, language, viewport, device
):
    path, consent, turns, intensity, fix, asked, answer, corrected = SUMMARY_FLOWS[language]
    watched = new_page(viewport=viewport, reduced_motion="reduce")
    page = watched.page
    widget = Widget(page).visit(servers.url(path))
    widget.open()
    widget.settled()
    widget.press(consent)
    for turn in turns:
        if turn.startswith("["):
            widget.press(turn.strip("[]"))
        else:
            widget.say(turn)
    widget.bot_says(intensity)
    # An answer of several messages: the view shows its first one, not its last.
    widget.assert_in_view_from_its_top(widget.answer_start())
    expect(widget.quick_replies.filter(has_text=fix)).to_be_visible()
    assert accessibility_violations(watched) == []
    link = page.locator("a.hcmc-quick-link", has_text="HCMC Boitsfort").last
    expect(link).to_be_visible()
    expect(page.locator(".hcmc-from-bot", has=link)).not_to_contain_text("https://")
    for button in widget.quick_replies.all():
        box = button.bounding_box()
        assert box is not None and box["x"] + box["width"] <= viewport["width"]
    screenshot(page, f"{device}-summary-{language}")

    widget.press(fix)
    widget.bot_says(asked)
    widget.say(answer)
    widget.bot_says(corrected)
    assert accessibility_violations(watched) == []
    screenshot(page, f"{device}-summary-fixed-{language}")


@pytest.mark.parametrize("path", ["/", "/fr/", "/nl/", "/treatments.html"])
def test_every_demo_page_with_the_widget_open_passes_axe(new_page, servers: Servers, path):
    # Reduced motion: axe measures contrast once the panel is fully shown, not mid-fade.
    watched = new_page(reduced_motion="reduce")
    widget = Widget(watched.page).visit(servers.url(path))
    assert accessibility_violations(watched) == []  # the page with the widget closed
    widget.open()
    widget.settled()
    assert accessibility_violations(watched) == []


# Per page: its language, the widget's title (from the widget's texts, not the page), the
# launcher, a word of the greeting's first message (the one with 112), the consent button and
# what screen readers hear while the assistant writes.
PAGES = {
    "en": ("/", "HCMC assistant", "Chat with our assistant", "not a doctor", "Yes, I agree",
           "The assistant is typing"),
    "fr": ("/fr/", "Assistant HCMC", "Discuter avec notre assistant", "pas un médecin",
           "Oui, je suis d'accord", "L'assistant écrit"),
    "nl": ("/nl/", "HCMC-assistent", "Chat met onze assistent", "geen arts", "Ja, ik ga akkoord",
           "De assistent typt"),
}  # fmt: skip


@EACH_LANGUAGE
@EACH_DEVICE
def test_each_language_page_opens_on_the_greeting_with_its_own_texts(
    new_page, servers: Servers, language, viewport, device
):
    path, title, launcher, greeting, consent, typing = PAGES[language]
    watched = new_page(viewport=viewport, reduced_motion="reduce")
    page = watched.page
    gate = SocketGate(page)
    widget = Widget(page).visit(servers.url(path))
    assert page.evaluate("() => document.documentElement.lang").startswith(language)
    # The page only loads the script; the title comes from the widget's texts.
    assert "data-title" not in page.content()
    expect(widget.launcher).to_have_text(launcher)
    widget.open()
    expect(widget.title).to_have_text(title)
    widget.bot_says(greeting)
    widget.settled()
    expect(widget.quick_replies.filter(has_text=consent)).to_be_visible()
    # The greeting's first message, the one that says to call 112, is in view on opening.
    first = page.locator(".hcmc-from-bot").first
    expect(first).to_contain_text("112")
    expect(first).to_be_in_viewport(ratio=1)
    widget.assert_in_view_from_its_top(first)
    assert accessibility_violations(watched) == []
    assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"]
    screenshot(page, f"{device}-open-{language}")

    # While the assistant writes, screen readers hear it, in the page's language.
    expect(widget.typing_live).to_have_attribute("aria-live", "polite")
    expect(widget.typing_live).to_have_text("")
    gate.hold()
    widget.quick_replies.filter(has_text=consent).click()
    expect(widget.typing).to_be_visible()
    expect(widget.typing_live).to_have_text(typing)
    screenshot(page, f"{device}-typing-{language}")
    gate.release()
    widget.settled()
    expect(widget.typing_live).to_have_text("")


def test_a_long_message_shows_a_counter_and_is_refused_whole_never_cut(new_page, servers: Servers):
    watched = new_page(reduced_motion="reduce")
    page = watched.page
    widget = Widget(page).visit(servers.url("/"))
    widget.open()
    widget.bot_says("not a doctor")
    widget.settled()
    words = "I would like to know where your centres are and when they are open. " * 30

    widget.input.fill(words[:700])
    expect(widget.counter).to_be_hidden()
    near = words[:850].strip()
    widget.input.fill(near)
    expect(widget.counter).to_be_visible()  # from 80% of the 1,000 characters
    expect(widget.counter).to_have_text(f"{len(near)} / 1,000 characters")

    # Over the limit: said in words, the send refused and the whole text kept.
    too_long = words[:1100].strip()
    widget.input.fill(too_long)
    expect(widget.counter).to_have_text(f"{len(too_long):,} / 1,000 characters")
    expect(widget.input).to_have_attribute("aria-invalid", "true")
    expect(widget.status).to_contain_text("too long")
    widget.input.press("Enter")
    expect(widget.input).to_have_value(too_long)
    expect(page.locator(".hcmc-from-user")).to_have_count(0)
    assert accessibility_violations(watched) == []
    screenshot(page, "desktop-too-long-en")

    # Shortened to the limit, it goes whole.
    fits = words[:1000].rsplit(" ", 1)[0]
    widget.input.fill(fits)
    expect(widget.status).to_be_hidden()
    expect(widget.input).not_to_have_attribute("aria-invalid", "true")
    widget.input.press("Enter")
    widget.settled()
    expect(page.locator(".hcmc-from-user .hcmc-text").last).to_have_text(fits)
    expect(widget.counter).to_be_hidden()
    expect(widget.input).to_have_value("")


def test_a_patient_who_scrolled_up_to_read_is_left_there(new_page, servers: Servers):
    page = new_page().page
    gate = SocketGate(page)
    widget = Widget(page).visit(servers.url("/"))
    widget.open()
    widget.bot_says("not a doctor")
    widget.settled()
    widget.press("No, thanks")

    gate.hold()  # the answer is slow to come
    widget.send_without_waiting("Where are your centres?")
    expect(widget.typing).to_be_visible()
    widget.log.hover()
    page.mouse.wheel(0, -5000)
    page.wait_for_function(
        "() => document.getElementById('hcmc-widget').shadowRoot"
        ".querySelector('.hcmc-log').scrollTop === 0"
    )
    gate.release()
    widget.settled()
    widget.bot_says("two centres")
    page.wait_for_timeout(300)
    assert widget.scroll_top() == 0  # still reading the beginning

    # Writing again brings the view back to the answer.
    widget.say("Book an appointment")
    widget.bot_says("book online")
    widget.assert_in_view_from_its_top(widget.answer_start())


def test_no_answer_offers_try_again_and_a_late_answer_does_not_hide_it(new_page, servers: Servers):
    watched = new_page(reduced_motion="reduce")
    page = watched.page
    page.clock.install()  # the 20 s wait for an answer, in fast forward
    gate = SocketGate(page)
    widget = Widget(page).visit(servers.url("/"))
    widget.open()
    widget.bot_says("not a doctor")
    widget.settled()
    widget.press("No, thanks")

    # A first message whose answer comes late, then a second one that is lost on the way.
    gate.hold()
    widget.send_without_waiting("What is a trigger point?")
    expect(widget.typing_live).to_have_text("The assistant is typing")
    gate.drop_next("Where are your centres")
    widget.send_without_waiting("Where are your centres?")
    page.wait_for_timeout(1000)  # the first answer and its end of turn wait at the gate
    gate.release()  # ...and arrive now, while the second message is awaited
    expect(page.locator(".hcmc-from-bot").last).not_to_contain_text("two centres")
    page.wait_for_timeout(500)
    assert gate.dropped, "the second message should have been lost"
    expect(widget.typing).to_be_visible()  # still waiting for the second answer

    page.clock.run_for(21_000)
    note = page.locator(".hcmc-from-widget", has_text="did not answer")
    expect(note).to_be_visible()
    expect(widget.typing).to_be_hidden()
    expect(widget.typing_live).to_have_text("")
    retry = note.get_by_role("button", name="Try again")
    expect(retry).to_be_visible()
    assert accessibility_violations(watched) == []
    screenshot(page, "desktop-no-answer-en")

    # "Try again" sends the lost message again, without showing it twice.
    retry.focus()
    page.keyboard.press("Enter")
    widget.settled()
    widget.bot_says("two centres")
    expect(page.locator(".hcmc-from-user", has_text="Where are your centres?")).to_have_count(1)
    expect(page.locator(".hcmc-retry")).to_have_count(0)
    assert widget.focused().startswith("input.hcmc-input")


# The panel's header: the title on one line beside "Clear conversation" (an icon button named for
# screen readers) and the close button, in every language, at desktop and phone width.
HEADER_BUTTONS = {
    "en": ("Clear conversation", "Close the chat"),
    "fr": ("Effacer la conversation", "Fermer la discussion"),
    "nl": ("Gesprek wissen", "Chat sluiten"),
}


@EACH_LANGUAGE
@EACH_DEVICE
def test_the_header_keeps_the_title_on_one_line_beside_its_buttons(
    new_page, servers: Servers, language, viewport, device
):
    path, title = PAGES[language][:2]
    clear_name, close_name = HEADER_BUTTONS[language]
    watched = new_page(viewport=viewport, reduced_motion="reduce")
    page = watched.page
    widget = Widget(page).visit(servers.url(path))
    widget.open()
    expect(widget.title).to_have_text(title)
    lines = widget.title.evaluate(
        "e => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)"
    )
    assert round(lines) == 1, f"the title takes {lines:.1f} lines"
    clear = widget.panel.get_by_role("button", name=clear_name, exact=True)
    close = widget.panel.get_by_role("button", name=close_name, exact=True)
    expect(clear).to_be_visible()
    expect(close).to_be_visible()
    assert clear.get_attribute("title") == clear_name  # a tooltip says what the icon does
    boxes = [locator.bounding_box() for locator in (widget.title, clear, close)]
    heading, bin_button, close_button = boxes
    assert heading and bin_button and close_button
    # Side by side on one row, nothing overlapping, everything inside the window.
    assert heading["x"] + heading["width"] <= bin_button["x"] < close_button["x"]
    assert abs(bin_button["y"] - close_button["y"]) < 1
    assert bin_button["width"] >= 40 and bin_button["height"] >= 40  # big enough to touch
    assert close_button["x"] + close_button["width"] <= viewport["width"]
    assert accessibility_violations(watched) == []
    # The icon still asks first.
    clear.click()
    expect(widget.confirm).to_be_visible()
    expect(clear).to_have_attribute("aria-expanded", "true")
    widget.panel.locator(".hcmc-header").screenshot(
        path=str(
            screenshot(page, f"{device}-header-{language}").with_name(
                f"{device}-header-only-{language}.png"
            )
        )
    )
