"""The staff review app in a real headless Chromium (Debian's /usr/bin/chromium, driven by
Playwright; no browser is downloaded): log in, filter to red flags, open a transcript, mark it
reviewed, see the dashboard; no page wider than the window, at desktop and phone width; an action
keeps the staff member's place. Screenshots go to var/results/screenshots/ for a person to look at.

Uses the recording of tests.apps.review.fixtures."""

from __future__ import annotations

import re
import shutil
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from bot.apps.review.app import create_app
from bot.config import PROJECT_ROOT, Settings
from bot.storage.tokens import conversation_token
from tests.apps.review.fixtures import PASSWORD
from tests.support.accessibility import axe_violations

CHROMIUM = "/usr/bin/chromium"
PORT = 8501
SCREENSHOTS = PROJECT_ROOT / "var" / "results" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        shutil.which(CHROMIUM) is None,
        reason=f"{CHROMIUM} is not installed (apt-get install chromium)",
    ),
]


@pytest.fixture
def review_server(store: Settings) -> Iterator[str]:
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(store), host="127.0.0.1", port=PORT, log_level="warning", ws="none"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{PORT}"
    deadline = time.monotonic() + 20
    while True:
        try:
            urllib.request.urlopen(f"{url}/login", timeout=1)
            break
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
    yield url
    server.should_exit = True
    thread.join(timeout=10)


def shot(page, name: str) -> Path:  # type: ignore[no-untyped-def]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"review-{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def test_log_in_filter_red_flags_review_a_transcript_and_see_the_dashboard(
    review_server, recording
):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{review_server}/")
        expect(page).to_have_url(f"{review_server}/login")
        assert axe_violations(page) == []
        page.fill("input[name=username]", "rex")
        page.fill("input[name=password]", PASSWORD)
        page.click("button:has-text('Log in')")
        expect(page.locator("h1")).to_have_text("Inbox")
        expect(page.locator("h2.inbox-title")).to_contain_text("Conversations")
        shot(page, "1-inbox")
        assert axe_violations(page) == []

        page.select_option("select[name=red_flag]", "yes")
        page.click("button:has-text('Filter')")
        rows = page.locator("table#conversations tbody tr")
        expect(rows).to_have_count(1)
        expect(rows.first).to_contain_text("red flag")
        shot(page, "2-red-flags")
        assert axe_violations(page) == []

        rows.first.locator("a").click()
        expect(page.locator(".event.red")).to_be_visible()
        expect(page.locator(".bubble.user").first).to_contain_text("crushing pain")
        expect(page.locator("#status")).to_have_text("to review")
        shot(page, "3-transcript")
        assert axe_violations(page) == []

        page.click("button:has-text('Mark reviewed')")
        expect(page.locator("#status")).to_have_text("reviewed by rex")
        shot(page, "4-reviewed")
        assert axe_violations(page) == []

        page.click(".main-nav >> text=Inbox")
        page.select_option("select[name=status]", "reviewed")
        page.click("button:has-text('Filter')")
        expect(page.locator("table#conversations tbody tr")).to_have_count(1)

        page.click(".main-nav >> text=Dashboard")
        expect(page.locator("svg.chart")).to_have_count(5)
        expect(page.locator("text=booking link followed").first).to_be_visible()
        shot(page, "5-dashboard")
        assert axe_violations(page) == []
        browser.close()


def logged_in_page(playwright, url: str, viewport: dict[str, int]):  # type: ignore[no-untyped-def]
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
    )
    page = browser.new_page(viewport=viewport)
    page.goto(f"{url}/login")
    page.fill("input[name=username]", "ada")
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('Log in')")
    page.wait_for_url(f"{url}/")
    return browser, page


def overflow(page) -> int:  # type: ignore[no-untyped-def]
    """How many pixels the page is wider than the window (0: nothing to scroll sideways)."""
    return int(page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_nothing_is_wider_than_the_window(review_server, recording, store, size):
    from playwright.sync_api import expect, sync_playwright

    viewport = DESKTOP if size == "desktop" else PHONE
    many = conversation_token(store, recording.senders["many_regions"])
    with sync_playwright() as playwright:
        browser, page = logged_in_page(playwright, review_server, viewport)
        page.goto(f"{review_server}/c/{many}")
        # The message names many regions: a line of entity chips, and a long unbroken word.
        bubble = page.locator(".bubble.user", has_text="pleasehelp")
        expect(bubble).to_have_count(1)
        assert bubble.locator(".entity").count() >= 6
        assert overflow(page) <= 0
        aside = page.locator("aside").bounding_box()
        assert aside is not None and aside["x"] + aside["width"] <= viewport["width"]
        shot(page, f"6-many-entities-{size}")
        assert axe_violations(page) == []
        for path, name in (("/", "inbox"), ("/audit", "audit"), ("/dashboard", "dashboard")):
            page.goto(f"{review_server}{path}")
            assert overflow(page) <= 0, path
            shot(page, f"7-{name}-{size}")
            assert axe_violations(page) == []
        browser.close()


def test_saving_a_note_keeps_the_staff_members_place(review_server, recording, store):
    from playwright.sync_api import expect, sync_playwright

    booking = conversation_token(store, recording.senders["booking"])
    with sync_playwright() as playwright:
        browser, page = logged_in_page(playwright, review_server, PHONE)
        page.goto(f"{review_server}/c/{booking}")
        page.fill("textarea[name=note]", "Called back, booked for Tuesday.")
        page.click("button:has-text('Save tags and note')")
        expect(page).to_have_url(f"{review_server}/c/{booking}#note")
        expect(page.locator("#note")).to_be_in_viewport()
        expect(page.locator("textarea[name=note]")).to_have_value(
            "Called back, booked for Tuesday."
        )
        shot(page, "8-note-saved-phone")
        page.fill("input[name=confirm]", "no")
        page.click("button:has-text('Erase conversation')")
        expect(page.locator("#erase-error")).to_be_in_viewport()
        expect(page.locator("input[name=confirm]")).to_be_focused()
        shot(page, "9-erase-refused-phone")
        assert axe_violations(page) == []
        browser.close()


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_referral_maps_load_fit_and_pass_axe(review_server, recording, store, size):
    """The picture beside the knee explanation and on the card: loaded from the app itself (the
    page's CSP allows it), no wider than its box, described for screen readers."""
    from playwright.sync_api import expect, sync_playwright

    viewport = DESKTOP if size == "desktop" else PHONE
    booking = conversation_token(store, recording.senders["booking"])
    with sync_playwright() as playwright:
        browser, page = logged_in_page(playwright, review_server, viewport)
        page.goto(f"{review_server}/c/{booking}")
        pictures = page.locator("img.referral-map")
        expect(pictures).to_have_count(2)  # in the transcript, and on the summary card
        expect(page.locator(".bubble.bot img.referral-map")).to_have_attribute(
            "alt", re.compile(r"^Pain felt in the front of the knee")
        )
        for index in range(pictures.count()):
            picture = pictures.nth(index)
            picture.scroll_into_view_if_needed()
            loaded = picture.evaluate("e => e.complete && e.naturalWidth > 0")
            assert loaded, picture.get_attribute("src")
            box = picture.bounding_box()
            assert box is not None and box["x"] + box["width"] <= viewport["width"]
        assert overflow(page) <= 0
        shot(page, f"13-referral-maps-{size}")
        assert axe_violations(page) == []
        browser.close()


# --- the interface in three languages, at desktop and phone width -----------------------------

PAGES = ("inbox", "conversation", "episodes", "dashboard", "corrections", "audit")


def choose_language(page, url: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """The switch in the header, as staff use it: back on the same page, in that language."""
    from playwright.sync_api import expect

    before = page.url
    with page.expect_navigation():
        page.locator(f".languages a[lang={language}]").click()
    page.wait_for_url(before)
    expect(page.locator("html")).to_have_attribute("lang", language)


@pytest.mark.parametrize("language", ["en", "fr", "nl"])
def test_every_page_in_each_language_passes_axe_at_desktop_and_phone_width(
    review_server, recording, store, language
):
    from playwright.sync_api import sync_playwright

    paths = {
        "inbox": "/",
        "conversation": f"/c/{conversation_token(store, recording.senders['red_flag'])}",
        "episodes": f"/c/{conversation_token(store, recording.senders['episodes'])}",
        "dashboard": "/dashboard",
        "corrections": "/corrections",
        "audit": "/audit",
    }
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
        )
        page = browser.new_page(viewport=DESKTOP)
        page.goto(f"{review_server}/login")
        if language != "en":
            choose_language(page, review_server, language)
            shot(page, f"10-login-{language}")
        assert axe_violations(page) == []
        page.fill("input[name=username]", "ada")
        page.fill("input[name=password]", PASSWORD)
        page.locator("form button[type=submit]").click()
        page.wait_for_url(f"{review_server}/")
        for size, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            page.set_viewport_size(viewport)
            for name in PAGES:
                page.goto(f"{review_server}{paths[name]}")
                assert page.evaluate("document.documentElement.lang") == language, name
                assert overflow(page) <= 0, (name, size)
                assert axe_violations(page) == [], (name, size)
                if language != "en" and name in ("inbox", "conversation", "episodes", "dashboard"):
                    shot(page, f"10-{name}-{language}-{size}")
        browser.close()


def test_forms_and_the_inbox_are_styled_for_desktop_and_phone(review_server, recording, store):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser, page = logged_in_page(playwright, review_server, PHONE)
        # Fields, buttons and choices have the app's own look, not the browser's bare one, and
        # are big enough to touch.
        search = page.locator("input[name=q]")
        style = search.evaluate(
            "e => { const s = getComputedStyle(e); return [s.borderRadius, s.minHeight,"
            " e.getBoundingClientRect().height, e.labels.length] }"
        )
        assert float(style[0].removesuffix("px")) >= 6 and style[2] >= 40 and style[3] == 1
        submit = page.locator("form.filters button[type=submit]")
        colour = submit.evaluate("e => getComputedStyle(e).backgroundColor")
        assert colour == "rgb(31, 78, 110)" and submit.bounding_box()["height"] >= 40
        # On a phone each conversation is a card: every value beside its column's name, no
        # table wider than the screen, no sideways scrolling inside a box.
        rows = page.locator("table#conversations tbody tr")
        assert rows.count() == len(recording.senders)
        for index in range(rows.count()):
            box = rows.nth(index).bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        review = rows.first.locator("td").nth(6)
        assert review.evaluate("e => getComputedStyle(e, '::before').content") == '"Review"'
        # An empty value is left out of the card rather than shown as a dash.
        assert rows.first.locator("td.blank").count() >= 3
        for blank in rows.first.locator("td.blank").all():
            expect(blank).to_be_hidden()
        scroll = page.locator("#conversations").evaluate(
            "e => e.parentElement.scrollWidth - e.parentElement.clientWidth"
        )
        assert scroll <= 0
        # The filters beyond the first three wait behind "More filters".
        expect(page.locator("select[name=centre]")).to_be_hidden()
        page.locator(".more-filters summary").click()
        expect(page.locator("select[name=centre]")).to_be_visible()
        assert overflow(page) <= 0
        shot(page, "11-inbox-filters-open-phone")
        # The follow-up status is a set of choices, each a touchable, labelled radio button.
        flagged = conversation_token(store, recording.senders["red_flag"])
        page.goto(f"{review_server}/c/{flagged}")
        choices = page.locator("#follow-up .choice")
        assert choices.count() == 4
        page.get_by_label("in progress").check()
        page.locator("#follow-up button[type=submit]").click()
        expect(page).to_have_url(f"{review_server}/c/{flagged}#follow-up")
        expect(page.get_by_label("in progress")).to_be_checked()
        for field in ("#tags", "#staff-note", "#confirm", "#assignee"):
            radius = page.locator(field).evaluate("e => getComputedStyle(e).borderRadius")
            assert float(radius.removesuffix("px")) >= 6, field
        shot(page, "12-conversation-forms-phone")
        assert axe_violations(page) == []
        browser.close()
