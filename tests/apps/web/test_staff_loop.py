"""The whole staff loop with real parts: a red flag typed in the website widget (headless
Chromium) alerts the staff's Telegram chat (the fake Bot API over real HTTP), their mailbox (a
real SMTP server) and the review app's follow-up queue (Chromium, no reload) within a minute;
staff take the conversation over from the review app, their replies reach the widget and a
patient's Telegram chat, the assistant says nothing meanwhile, and after the hand back it answers
again. Every review page passes axe-core."""

from __future__ import annotations

import asyncio
import os
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from bot.apps.review.accounts import add_account
from bot.apps.review.database import review_engine
from bot.apps.telegram.config import load_telegram_settings
from bot.apps.web.config import WebSettings
from bot.config import Settings, load_settings
from bot.ops.supervisor import Stack
from tests.apps.telegram.fake_bot_api import FAKE_TOKEN, FakeBotAPI
from tests.apps.web.conftest import (
    CHROMIUM,
    Watched,
    accessibility_violations,
    screenshot,
    watch,
)
from tests.apps.web.widget import Widget
from tests.support.smtp import Mailbox, start_smtp

PORTS = {
    "HCMC_RASA_PORT": "5705",
    "HCMC_ACTION_PORT": "5755",
    "HCMC_REVIEW_PORT": "8701",
    "TELEGRAM_LISTEN_PORT": "8791",
}
WEB_PORT = 8781
STAFF_CHAT = -100777
PATIENT_CHAT = 5150
PASSWORD = "correct horse battery staple"
ALERT_WITHIN_S = 60


class ThreadedBotAPI:
    """The fake Bot API on its own event loop in a thread, for a synchronous browser test."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.api: FakeBotAPI = self.run(FakeBotAPI().start())

    def run(self, coroutine: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout=30)

    def push(self, update: dict[str, Any]) -> None:
        self.loop.call_soon_threadsafe(self.api.push, update)

    def texts(self, chat_id: int) -> list[str]:
        return list(self.api.texts(chat_id))

    def stop(self) -> None:
        self.run(self.api.stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)


@dataclass
class Loop:
    settings: Settings
    web: WebSettings
    telegram: ThreadedBotAPI
    mailbox: Mailbox

    def review(self, path: str = "/") -> str:
        return f"{self.settings.review_url}{path}"


def wait_until(condition: Any, timeout: float, what: str) -> float:
    """Seconds it took for `condition()` to hold; fails after `timeout`."""
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > timeout:
            raise AssertionError(f"not within {timeout:.0f} s: {what}")
        time.sleep(0.2)
    return time.monotonic() - start


@pytest.fixture(scope="module")
def staff_loop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Loop]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium is not installed at {CHROMIUM}: `make chromium` installs it")
    var_dir = tmp_path_factory.mktemp("staff-loop")
    telegram = ThreadedBotAPI()
    smtp, mailbox = start_smtp()
    env = {
        **PORTS,
        "HCMC_VAR_DIR": str(var_dir),
        "HCMC_SECRET_KEY": "staff-loop-" + uuid.uuid4().hex,
        "TELEGRAM_BOT_TOKEN": FAKE_TOKEN,
        "TELEGRAM_API_BASE_URL": telegram.api.base_url,
        "HCMC_STAFF_TELEGRAM_CHAT_ID": str(STAFF_CHAT),
        "HCMC_SMTP_URL": f"smtp://127.0.0.1:{smtp.port}",
        "HCMC_STAFF_EMAIL": "desk@hcmc.example",
        "HCMC_REVIEW_PUBLIC_URL": "http://127.0.0.1:8701",
    }
    saved = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    settings = load_settings()
    engine = review_engine(settings)
    add_account(engine, "amelie", PASSWORD, "admin")
    engine.dispose()
    web = WebSettings(port=WEB_PORT, assistant_url=settings.rasa_url)
    stack = Stack(
        settings,
        var_dir / "logs",
        telegram=load_telegram_settings(os.environ, settings),
        web=web,
        review=True,
    )
    stack.start()
    try:
        stack.wait_until_ready(timeout=240)
        yield Loop(settings, web, telegram, mailbox)
    finally:
        stack.stop()
        smtp.stop()
        telegram.stop()
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def log_in(page: Any, loop: Loop) -> None:
    page.goto(loop.review("/login"))
    page.fill("input[name=username]", "amelie")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("#follow-up-queue")).to_be_visible()


def pages(browser: Any, patient_width: int) -> tuple[Watched, Watched]:
    """A patient's page (at a desktop or phone width) and a staff member's, each on its own."""
    patient = browser.new_context(viewport={"width": patient_width, "height": 800})
    staff = browser.new_context(viewport={"width": 1280, "height": 900})
    return watch(patient.new_page()), watch(staff.new_page())


def bot_bubbles(widget: Widget) -> int:
    return int(widget.page.locator(".hcmc-from-bot, .hcmc-urgent").count())


def test_red_flag_alerts_takeover_and_hand_back(staff_loop: Loop, browser: Any) -> None:
    loop = staff_loop
    patient, staff = pages(browser, patient_width=1280)
    try:
        log_in(staff.page, loop)
        assert "Nothing needs follow-up" in staff.page.locator("#queue-rows").inner_text()

        widget = Widget(patient.page).visit(f"{loop.web.url}/")
        widget.open()
        widget.say("I have a crushing pain in my chest and my left arm feels heavy")
        expect(patient.page.locator(".hcmc-urgent").last).to_be_visible()

        # Alerts in the three places, the review queue without a reload.
        queue_row = staff.page.locator("#queue-rows tr.flag")
        took = wait_until(
            lambda: loop.telegram.texts(STAFF_CHAT) and loop.mailbox.messages,
            ALERT_WITHIN_S,
            "the Telegram and e-mail alerts",
        )
        expect(queue_row.first).to_be_visible(timeout=ALERT_WITHIN_S * 1000)
        assert took < ALERT_WITHIN_S
        alert = loop.telegram.texts(STAFF_CHAT)[0]
        assert alert.startswith("EMERGENCY") and "Channel: the website chat" in alert
        assert "chest" not in alert.lower() and "chest" not in loop.mailbox.texts()[0].lower()
        assert "Emergency: 112" in queue_row.first.inner_text()
        assert not accessibility_violations(staff)
        screenshot(staff.page, "review-follow-up-queue")

        # Take over from the queue.
        queue_row.first.locator("a").click()
        staff.page.get_by_role("button", name="Take over").click()
        expect(staff.page.locator("text=You have taken over")).to_be_visible()
        expect(patient.page.locator(".hcmc-chat-notice", has_text="has joined")).to_be_visible(
            timeout=15_000
        )
        staff.page.fill("#reply-text", "Hello, I'm Amelie from the clinic. Have you called 112?")
        staff.page.get_by_role("button", name="Send to the patient").click()
        staff_bubble = patient.page.locator(".hcmc-from-staff").last
        expect(staff_bubble).to_contain_text("Have you called 112?", timeout=15_000)
        expect(staff_bubble.locator(".hcmc-staff-name")).to_have_text("Amelie · HCMC team")

        # The patient answers: the staff page shows it live, the assistant says nothing.
        before = bot_bubbles(widget)
        widget.say("Yes, the ambulance is on its way, thank you")
        expect(
            staff.page.locator("#transcript", has_text="the ambulance is on its way")
        ).to_be_visible(timeout=15_000)
        patient.page.wait_for_timeout(1500)
        assert bot_bubbles(widget) == before
        assert not accessibility_violations(staff)
        assert not accessibility_violations(patient)
        screenshot(staff.page, "review-takeover")
        screenshot(patient.page, "widget-staff-reply")

        # After a reload the widget still shows the person as a person.
        patient.page.reload()
        widget.ready()
        expect(patient.page.locator(".hcmc-from-staff").last).to_contain_text(
            "Have you called 112?"
        )

        staff.page.get_by_role("button", name="Hand back to the assistant").click()
        expect(patient.page.locator(".hcmc-chat-notice", has_text="has left")).to_be_visible(
            timeout=15_000
        )
        before = bot_bubbles(widget)
        widget.say("what is dry needling?")
        wait_until(
            lambda: bot_bubbles(widget) > before, 30, "the assistant's answer after hand back"
        )

        patient.assert_stayed_local_and_quiet()
        staff.assert_stayed_local_and_quiet()
    finally:
        patient.page.context.close()
        staff.page.context.close()


def test_staff_reply_reaches_a_telegram_patient(staff_loop: Loop, browser: Any) -> None:
    loop = staff_loop
    api = loop.telegram
    api.push(api.api.text_update(PATIENT_CHAT, "hello"))
    wait_until(lambda: api.texts(PATIENT_CHAT), 30, "the assistant's greeting on Telegram")
    api.push(api.api.text_update(PATIENT_CHAT, "I would like to talk to a person"))
    wait_until(lambda: len(api.texts(STAFF_CHAT)) >= 2, ALERT_WITHIN_S, "the person alert")
    assert "asked to talk to a person" in api.texts(STAFF_CHAT)[-1]
    assert "Channel: Telegram" in api.texts(STAFF_CHAT)[-1]
    # The assistant says what happens now, and the patient leaves a number for a call back.
    wait_until(
        lambda: any("leave a phone number" in t for t in api.texts(PATIENT_CHAT)), 30, "the offer"
    )
    assert any("I've let our staff know" in t for t in api.texts(PATIENT_CHAT))
    api.push(api.api.button_update(PATIENT_CHAT, "Yes, I'd like that"))
    wait_until(
        lambda: any("type the phone number" in t for t in api.texts(PATIENT_CHAT)), 30, "ask"
    )
    api.push(api.api.text_update(PATIENT_CHAT, "0470 12 34 56"))
    wait_until(lambda: any("I've noted" in t for t in api.texts(PATIENT_CHAT)), 30, "noted")

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    staff = watch(context.new_page())
    try:
        log_in(staff.page, loop)
        row = staff.page.locator("#queue-rows tr", has_text="Wants a person")
        expect(row.first).to_be_visible(timeout=15_000)
        row.first.locator("a").click()
        expect(staff.page.locator("#takeover")).to_contain_text("+32 470 12 34 56")
        staff.page.get_by_role("button", name="Take over").click()
        wait_until(
            lambda: any("has joined" in t for t in api.texts(PATIENT_CHAT)), 15, "the join notice"
        )
        long_reply = "We can call you back this afternoon. " * 150  # over Telegram's limit
        staff.page.fill("#reply-text", long_reply)
        staff.page.get_by_role("button", name="Send to the patient").click()
        wait_until(
            lambda: any(t.startswith("Amelie (HCMC team):") for t in api.texts(PATIENT_CHAT)),
            15,
            "the staff reply on Telegram",
        )
        pieces = [t for t in api.texts(PATIENT_CHAT) if "call you back this afternoon" in t]
        assert len(pieces) == 2 and all(len(piece) <= 4096 for piece in pieces)

        sent = len(api.texts(PATIENT_CHAT))
        api.push(api.api.text_update(PATIENT_CHAT, "great, thanks"))
        expect(staff.page.locator("#transcript", has_text="great, thanks")).to_be_visible(
            timeout=15_000
        )
        time.sleep(1.5)
        assert len(api.texts(PATIENT_CHAT)) == sent, "the assistant stayed silent"

        staff.page.get_by_role("button", name="Hand back to the assistant").click()
        wait_until(lambda: any("has left" in t for t in api.texts(PATIENT_CHAT)), 15, "left")
        sent = len(api.texts(PATIENT_CHAT))
        api.push(api.api.text_update(PATIENT_CHAT, "what is a trigger point?"))
        wait_until(lambda: len(api.texts(PATIENT_CHAT)) > sent, 30, "the assistant again")
        staff.assert_stayed_local_and_quiet()
    finally:
        context.close()


def test_a_patient_who_clears_the_chat_during_a_takeover_ends_it(
    staff_loop: Loop, browser: Any
) -> None:
    loop = staff_loop
    patient, staff = pages(browser, patient_width=390)
    try:
        widget = Widget(patient.page).visit(f"{loop.web.url}/")
        widget.open()
        widget.say("Can I talk to a real person please?")
        log_in(staff.page, loop)
        row = staff.page.locator("#queue-rows tr", has_text="Wants a person")
        expect(row.first).to_be_visible(timeout=15_000)
        row.first.locator("a").click()
        staff.page.get_by_role("button", name="Take over").click()
        expect(patient.page.locator(".hcmc-chat-notice", has_text="has joined")).to_be_visible(
            timeout=15_000
        )
        widget.clear_conversation()  # asks first, then erases
        expect(patient.page.locator(".hcmc-from-widget").first).to_contain_text("erased")
        expect(staff.page.locator("h1")).to_have_text("Conversation erased", timeout=15_000)
        expect(staff.page.get_by_role("alert")).to_contain_text("nothing of it is kept")
        expect(staff.page.locator(".bubble")).to_have_count(0)
        expect(staff.page.get_by_role("button", name="Send to the patient")).to_have_count(0)
        assert not accessibility_violations(staff)
        screenshot(staff.page, "review-takeover-erased")
        patient.assert_stayed_local_and_quiet()
        staff.assert_stayed_local_and_quiet()
    finally:
        patient.page.context.close()
        staff.page.context.close()
