"""The staff review app in a real headless Chromium (Debian's /usr/bin/chromium, driven by
Playwright; no browser is downloaded): log in, filter to red flags, open a transcript, mark it
reviewed, see the dashboard. Screenshots go to var/screenshots/ for a person to look at.

Uses the recording of tests.review.fixtures (loaded with `-p tests.review.fixtures`)."""

from __future__ import annotations

import shutil
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from bot.config import PROJECT_ROOT, Settings
from bot.review.app import create_app
from tests.accessibility import axe_violations
from tests.review.fixtures import PASSWORD

CHROMIUM = "/usr/bin/chromium"
PORT = 8501
SCREENSHOTS = PROJECT_ROOT / "var" / "screenshots"

pytestmark = pytest.mark.skipif(
    shutil.which(CHROMIUM) is None, reason=f"{CHROMIUM} is not installed (apt-get install chromium)"
)


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

        page.click("nav >> text=Inbox")
        page.select_option("select[name=status]", "reviewed")
        page.click("button:has-text('Filter')")
        expect(page.locator("table#conversations tbody tr")).to_have_count(1)

        page.click("nav >> text=Dashboard")
        expect(page.locator("svg.chart")).to_have_count(5)
        expect(page.locator("text=booking link followed").first).to_be_visible()
        shot(page, "5-dashboard")
        assert axe_violations(page) == []
        browser.close()
