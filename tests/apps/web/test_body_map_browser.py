"""The body map in the widget (a patient shows where it hurts by tapping a picture of the body, or
by the list of buttons beside it), and the referral map that comes with the explanation, in
headless Chromium with the real assistant behind them."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.apps.web.conftest import Servers, Watched, accessibility_violations, screenshot
from tests.apps.web.widget import TURN_TIMEOUT_MS, Widget, answer_the_knee_interview

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
DEVICES = [(DESKTOP, "desktop"), (PHONE, "phone-390")]

# Per language: the demo page, the consent button, the "where" question, the body map's offer
# and its title, a front and a back area with their names, "Selected", Confirm.
LANGUAGES = {
    "en": ("/", "Yes, I agree", "Where do you feel the pain", "Show me on a body map",
           "Where does it hurt?", "Selected:", "Confirm"),
    "fr": ("/fr/", "Oui, je suis d'accord", "Où avez-vous mal", "Montrer sur un schéma du corps",
           "Où avez-vous mal ?", "Sélection :", "Confirmer"),
    "nl": ("/nl/", "Ja, ik ga akkoord", "Waar voelt u de pijn", "Aanduiden op een lichaamskaart",
           "Waar doet het pijn?", "Gekozen:", "Bevestigen"),
}  # fmt: skip


class BodyMap:
    """The body map dialog inside the widget."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.box = page.locator(".hcmc-map")
        self.chosen = page.locator(".hcmc-map-chosen")
        self.confirm = page.locator(".hcmc-map-confirm")
        self.cancel = page.locator(".hcmc-map-cancel")

    def shape(self, area: str) -> Any:
        return self.page.locator(f".hcmc-map-area[data-area='{area}']")

    def button(self, area: str) -> Any:
        return self.page.locator(f".hcmc-map-choice[data-area='{area}']")

    def opened(self) -> None:
        expect(self.box).to_be_visible()
        expect(self.page.locator(".hcmc-map-area").first).to_be_attached()  # drawn

    def focused_area(self) -> str | None:
        return self.page.evaluate(
            """() => {
                 const active = document.getElementById('hcmc-widget').shadowRoot.activeElement;
                 return active ? active.getAttribute('data-area') : null;
               }"""
        )

    def tab_to(self, area: str, limit: int = 120) -> None:
        """Tabs forward from where the focus is until the button of `area` has it."""
        for _ in range(limit):
            self.page.keyboard.press("Tab")
            if self.focused_area() == area:
                return
        raise AssertionError(f"Tab never reached the button of {area}")


def start_interview(widget: Widget, consent: str, where: str) -> None:
    widget.open()
    widget.settled()
    widget.press(consent)
    widget.bot_says(where)


def last_bot_text(widget: Widget) -> str:
    return str(widget.page.locator(".hcmc-from-bot .hcmc-text").last.text_content())


def test_the_where_question_answered_on_the_body_map_by_mouse_and_keyboard(
    new_page, servers: Servers
):
    watched = new_page(viewport=DESKTOP, reduced_motion="reduce")
    page = watched.page
    widget = Widget(page).visit(servers.url("/"))
    start_interview(widget, "Yes, I agree", "Where do you feel the pain")
    # Offered beside the suggested answers, as a real button.
    offer = page.get_by_role("button", name="Show me on a body map")
    expect(offer).to_be_visible()
    expect(widget.quick_replies.filter(has_text="Knee")).to_be_visible()
    screenshot(page, "desktop-body-map-offer-en")
    # Still offered when the conversation is shown again from the server's copy.
    page.reload()
    widget.ready()
    expect(offer).to_be_visible()
    offer.click()
    body_map = BodyMap(page)
    body_map.opened()
    expect(body_map.box).to_have_attribute("role", "dialog")
    expect(body_map.box).to_have_attribute("aria-modal", "true")
    expect(page.get_by_role("dialog", name="Where does it hurt?")).to_be_visible()
    assert widget.focused().startswith("h2.hcmc-map-title")  # the focus moved in
    # Both pictures side by side on a desktop.
    front = page.locator(".hcmc-map-figure[data-view='front']").bounding_box()
    back = page.locator(".hcmc-map-figure[data-view='back']").bounding_box()
    assert front and back and back["x"] >= front["x"] + front["width"] - 1
    assert abs(back["y"] - front["y"]) < 2
    expect(body_map.confirm).to_be_disabled()  # nothing chosen yet
    expect(body_map.chosen).to_have_text("Nothing selected yet.")

    # Two places by mouse, on the pictures: the knee from the front, the calf from the back.
    body_map.shape("knee_front-left").click()
    body_map.shape("calf-left").click()
    expect(body_map.button("knee_front-left")).to_have_attribute("aria-pressed", "true")
    expect(body_map.button("calf-left")).to_have_attribute("aria-pressed", "true")
    expect(body_map.confirm).to_be_enabled()
    # One by keyboard, in the list: Tab to its button, Space.
    body_map.tab_to("low_back-left")
    # The focused button shows its place on the picture.
    expect(body_map.shape("low_back-left")).to_have_class(re.compile(r"\bhcmc-map-area-hint\b"))
    page.keyboard.press("Space")
    expect(body_map.button("low_back-left")).to_have_attribute("aria-pressed", "true")
    expect(body_map.shape("low_back-left")).to_have_class(re.compile(r"\bhcmc-map-area-on\b"))
    expect(body_map.chosen).to_have_text(
        "Selected: the front of the knee, left side; the calf, left side; the lower back, left side"
    )
    assert accessibility_violations(watched) == []
    screenshot(page, "desktop-body-map-en")
    # The calf again: no longer chosen.
    body_map.shape("calf-left").click()
    expect(body_map.button("calf-left")).to_have_attribute("aria-pressed", "false")
    expect(body_map.chosen).to_have_text(
        "Selected: the front of the knee, left side; the lower back, left side"
    )

    body_map.confirm.click()
    expect(body_map.box).to_be_hidden()
    widget.settled()
    # The patient's bubble names the places in words, never the payload.
    user_bubble = page.locator(".hcmc-from-user .hcmc-text").last
    expect(user_bubble).to_have_text("The front of the knee, left side; the lower back, left side")
    assert widget.focused().startswith("input.hcmc-input")
    mapped_next = last_bot_text(widget)
    assert "left, on the right" not in mapped_next  # the side was given: not asked again

    # The same answer typed gives the same next question.
    typed = Widget(new_page(viewport=DESKTOP).page).visit(servers.url("/"))
    start_interview(typed, "Yes, I agree", "Where do you feel the pain")
    typed.say("my left knee and my lower back")
    assert last_bot_text(typed) == mapped_next


@pytest.mark.parametrize("language", ["en", "fr", "nl"])
@pytest.mark.parametrize(("viewport", "device"), DEVICES)
def test_the_body_map_opens_from_beside_the_text_box_in_each_language(
    new_page, servers: Servers, language, viewport, device
):
    path, consent, where, offer, title, selected, confirm = LANGUAGES[language]
    watched: Watched = new_page(viewport=viewport, reduced_motion="reduce")
    page = watched.page
    widget = Widget(page).visit(servers.url(path))
    widget.open()
    widget.settled()
    opener = page.locator(".hcmc-map-button")
    expect(opener).to_have_accessible_name(opener.get_attribute("title") or "")
    opener.click()
    body_map = BodyMap(page)
    body_map.opened()
    expect(page.get_by_role("dialog", name=title)).to_be_visible()
    expect(page.get_by_role("button", name=confirm)).to_be_disabled()
    panel = widget.panel.bounding_box()
    box = body_map.box.bounding_box()
    assert panel and box and box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"]

    body_map.shape("knee_front-right").click()
    if device == "desktop":
        expect(page.locator(".hcmc-map-views")).to_be_hidden()  # both pictures shown
    else:
        # One picture at a time on a phone, front first; the toggle shows the back.
        expect(page.locator(".hcmc-map-figure[data-view='back']")).to_be_hidden()
        expect(body_map.button("calf-left")).to_be_hidden()
        back = page.locator(".hcmc-map-view[data-view='back']")
        expect(back).to_have_attribute("aria-pressed", "false")
        back.click()
        expect(back).to_have_attribute("aria-pressed", "true")
        expect(page.locator(".hcmc-map-figure[data-view='front']")).to_be_hidden()
    body_map.shape("calf-left").click()
    expect(body_map.button("calf-left")).to_have_attribute("aria-pressed", "true")
    expect(body_map.chosen).to_contain_text(selected)
    expect(page.get_by_role("button", name=confirm)).to_be_enabled()
    assert accessibility_violations(watched) == []
    body_map.shape("calf-left").hover()
    screenshot(page, f"{device}-body-map-{language}")

    # Escape closes the map, not the chat, and the focus is back on the button that opened it.
    page.keyboard.press("Escape")
    expect(body_map.box).to_be_hidden()
    expect(widget.panel).to_be_visible()
    assert widget.focused().startswith("button.hcmc-map-button")
    # Opened again: a fresh choice, and the keyboard stays inside the dialog.
    page.keyboard.press("Enter")
    body_map.opened()
    expect(body_map.chosen).not_to_contain_text(selected)
    page.keyboard.press("Shift+Tab")
    assert widget.focused().startswith("button.hcmc-map-cancel")
    page.keyboard.press("Tab")
    assert widget.focused().startswith("button.hcmc-map-")  # the first button, still inside
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # Cancel
    expect(body_map.box).to_be_hidden()
    assert widget.focused().startswith("button.hcmc-map-button")
    # Fetched once, drawn from the same data every time.
    fetched = [url for url in watched.requests if "/body-map/" in url]
    assert fetched == [servers.url(f"/widget/body-map/{language}.json")]


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_the_body_map_answer_in_french_and_dutch_goes_on_to_the_next_question(
    new_page, servers: Servers, language
):
    path, consent, where, offer, title, selected, confirm = LANGUAGES[language]
    page = new_page(viewport=PHONE, reduced_motion="reduce").page
    widget = Widget(page).visit(servers.url(path))
    start_interview(widget, consent, where)
    page.get_by_role("button", name=offer).click()
    body_map = BodyMap(page)
    body_map.opened()
    body_map.button("knee_front-left").click()
    expect(body_map.button("knee_front-left")).to_have_attribute("aria-pressed", "true")
    screenshot(page, f"phone-390-body-map-chosen-{language}")
    page.get_by_role("button", name=confirm).click()
    widget.settled()
    names = {"fr": "L'avant du genou, côté gauche", "nl": "De voorkant van de knie, linkerkant"}
    expect(page.locator(".hcmc-from-user .hcmc-text").last).to_have_text(names[language])
    side_questions = {"fr": "à gauche, à droite", "nl": "links, rechts"}
    assert side_questions[language] not in last_bot_text(widget)


def test_a_body_map_that_cannot_load_leaves_the_typed_answer(new_page, servers: Servers):
    watched = new_page(viewport=DESKTOP)
    page = watched.page
    page.route("**/body-map/*.json", lambda route: route.fulfill(status=503, body="busy"))
    widget = Widget(page).visit(servers.url("/"))
    start_interview(widget, "Yes, I agree", "Where do you feel the pain")
    page.get_by_role("button", name="Show me on a body map").click()
    note = page.locator(".hcmc-from-widget", has_text="could not be loaded")
    expect(note).to_be_visible()
    expect(page.locator(".hcmc-map")).to_be_hidden()
    assert widget.focused().startswith("input.hcmc-input")
    widget.say("my knee hurts")
    widget.bot_says("on the left, on the right")
    # The refused request is the only error the page logged.
    assert all("503" in error for error in watched.errors), watched.errors
    watched.errors.clear()


def answer_the_knee_interview_to_the_explanation(widget: Widget) -> None:
    """From the first question to the explanation: a left knee, no red flag."""
    answer_the_knee_interview(widget)
    widget.say("I live in Uccle")


def answer_the_low_back_interview(widget: Widget) -> None:
    """From the first question to the explanation: a lower back on both sides, no red flag."""
    widget.say("my lower back has hurt for three weeks, worse when I sit for long")
    widget.press("Both sides")
    widget.say("it came on gradually")
    widget.say("5")
    widget.press("None of these")
    widget.press("None of these")  # the back's own safety check
    widget.press("None of these")
    widget.say("I live in Uccle")


PICTURED = [
    ("knee", answer_the_knee_interview_to_the_explanation, "knee_front/left", "knee"),
    ("low-back", answer_the_low_back_interview, "low_back/both", "lower back"),
]


@pytest.mark.parametrize(("viewport", "device"), DEVICES)
@pytest.mark.parametrize(("name", "interview", "drawn", "words"), PICTURED)
def test_the_explanation_comes_with_its_referral_map(
    new_page, servers: Servers, viewport, device, name, interview, drawn, words
):
    watched = new_page(viewport=viewport, reduced_motion="reduce")
    page = watched.page
    widget = Widget(page).visit(servers.url("/"))
    start_interview(widget, "Yes, I agree", "Where do you feel the pain")
    interview(widget)

    picture = page.locator(".hcmc-log img.hcmc-picture")
    expect(picture).to_have_count(1, timeout=30_000)
    src = picture.get_attribute("src") or ""
    assert src.endswith(f"/widget/referral-map/{drawn}/en.svg"), src
    bubble = page.locator(".hcmc-from-bot", has=page.locator("img.hcmc-picture"))
    explanation = str(bubble.locator(".hcmc-text").text_content())
    assert words in explanation
    assert picture.get_attribute("alt") == explanation  # the picture's text is the explanation
    page.wait_for_function(
        """() => {
             const img = document.getElementById('hcmc-widget').shadowRoot
               .querySelector('img.hcmc-picture');
             return img && img.complete && img.naturalWidth > 0;
           }""",
        timeout=TURN_TIMEOUT_MS,
    )
    # As wide as the conversation, never wider.
    log = widget.log.bounding_box()
    box = picture.bounding_box()
    assert log and box and box["width"] <= log["width"] and box["width"] > 0.6 * log["width"]
    assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"]
    # The picture from its top, in the conversation (the log scrolls, nothing else).
    picture.evaluate(
        """img => { const log = img.closest('.hcmc-log');
                    log.scrollTop += img.getBoundingClientRect().top
                      - log.getBoundingClientRect().top - 8; }"""
    )
    screenshot(page, f"{device}-referral-map-{name}-en")
    assert accessibility_violations(watched) == []

    # Replayed from the server's copy after a reload, with its picture.
    page.reload()
    widget.ready()
    expect(picture).to_have_count(1)
    assert picture.get_attribute("alt") == explanation

    # A picture that cannot load leaves the explanation as it was.
    page.route("**/referral-map/**", lambda route: route.fulfill(status=404, body=""))
    page.reload()
    widget.ready()
    expect(page.locator(".hcmc-from-bot .hcmc-text", has_text=explanation[:40])).to_be_visible()
    expect(picture).to_have_count(0)
    assert all("404" in error for error in watched.errors), watched.errors
    watched.errors.clear()
