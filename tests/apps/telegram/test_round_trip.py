"""The bridge as it runs, over real HTTP: the fake Bot API, polling and webhook, /health."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import aiohttp
import pytest

from bot.apps.telegram.app import serve
from bot.config import PROJECT_ROOT
from tests.apps.telegram.conftest import (
    WEBHOOK_SECRET,
    get_json,
    make_settings,
    running_bridge,
)
from tests.apps.telegram.fake_assistant import FakeAssistant, free_port
from tests.apps.telegram.fake_bot_api import FAKE_TOKEN, FakeBotAPI

UCCLE = (50.8008, 4.3353)


def webhook_settings(api: FakeBotAPI, assistant_url: str, tmp_path: Path):
    port = free_port()
    return make_settings(
        api,
        assistant_url,
        tmp_path,
        mode="webhook",
        listen_port=port,
        webhook_url=f"http://127.0.0.1:{port}/telegram/webhook",
        webhook_secret=WEBHOOK_SECRET,
    )


def settings_for(mode: str, api: FakeBotAPI, assistant_url: str, tmp_path: Path):
    if mode == "webhook":
        return webhook_settings(api, assistant_url, tmp_path)
    return make_settings(api, assistant_url, tmp_path)


@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_start_to_booking_link_through_buttons_and_a_shared_location(
    mode: str, telegram_api: FakeBotAPI, assistant: FakeAssistant, tmp_path: Path
):
    api, chat = telegram_api, 4242
    settings = settings_for(mode, api, assistant.url, tmp_path)
    async with running_bridge(settings):
        status, health = await get_json(settings.health_url)
        assert status == 200
        assert health == {
            "status": "ok", "mode": mode, "telegram": "ready", "assistant": "unknown",
        }  # fmt: skip
        # The command menu, in three languages.
        registered = [c.params for c in api.calls if c.method == "setMyCommands"]
        assert [params.get("language_code") for params in registered] == [None, "fr", "nl"]
        assert [c["command"] for c in registered[0]["commands"]] == [
            "start", "help", "restart", "language", "privacy", "forget",
        ]  # fmt: skip
        if mode == "webhook":
            assert api.webhook_url == settings.webhook_url
            assert api.webhook_secret == WEBHOOK_SECRET

        api.push(api.text_update(chat, "/start"))
        await api.wait_for_text(chat, "Do you agree?")
        api.push(api.button_update(chat, "Yes, I agree"))
        await api.wait_for_text(chat, "Where do you feel the pain?")
        api.push(api.button_update(chat, "Lower back"))
        await api.wait_for_text(chat, "share your location")
        api.push(api.location_update(chat, *UCCLE))
        booking = await api.wait_for_text(chat, "You can book an appointment")

        assert api.texts(chat) == [
            "Hello, I'm HCMC's automated assistant. I'm &lt;not&gt; a doctor &amp; can't diagnose.",
            "Do you agree?",
            "Where do you feel the pain?",
            "To suggest the nearer of our two centres: in which commune do you live?",
            "Or tap the button below to share your location.",
            "The nearer centre for you is HCMC Boitsfort.",
            booking,
        ]
        assert "https://booking.example.org/hcmc/boitsfort?centre=boitsfort" in booking
        assert len(api.answered()) == 2  # every button press answered
        _, health = await get_json(settings.health_url)
        assert health["assistant"] == "reachable"
    if mode == "webhook":
        assert set(api.webhook_statuses) == {200}


async def test_urgent_advice_is_marked_bold_with_the_number_alone_on_its_line(
    telegram_api: FakeBotAPI, assistant: FakeAssistant, tmp_path: Path
):
    api, chat = telegram_api, 112
    async with running_bridge(make_settings(api, assistant.url, tmp_path)):
        api.push(api.text_update(chat, "crushing chest pain"))
        await api.wait_for_text(chat, "marked this conversation")
        sent = api.sent(chat)
        assert [m["text"] for m in sent] == [
            "Chest pain like this can come from the heart.",
            "🚨 <b>Urgent: call 112 now</b>\nPlease call 112 now (free, day and night).\n\n"
            "📞 Call 112:\n<b>112</b>",
            "I've marked this conversation.",
        ]
        assert sent[1]["parse_mode"] == "HTML"
        assert "112" in sent[1]["text"].split("\n")[-1]


async def test_webhook_refuses_a_request_without_the_right_secret(
    telegram_api: FakeBotAPI, assistant: FakeAssistant, tmp_path: Path
):
    settings = webhook_settings(telegram_api, assistant.url, tmp_path)
    update = telegram_api.text_update(7, "hello")
    url = f"http://127.0.0.1:{settings.listen_port}/telegram/webhook"
    async with running_bridge(settings), aiohttp.ClientSession() as session:
        for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong-secret"}):
            async with session.post(url, json=update, headers=headers) as response:
                assert response.status == 403
        await asyncio.sleep(0.3)
        assert assistant.received == []
        assert telegram_api.sent() == []

        headers = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
        async with session.post(url, json=update, headers=headers) as response:
            assert response.status == 200
        await telegram_api.wait_for_text(7, "You said: hello")


@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_assistant_down_then_back_no_message_lost(
    mode: str, telegram_api: FakeBotAPI, tmp_path: Path
):
    assistant = FakeAssistant()  # not started: the assistant is down
    settings = settings_for(mode, telegram_api, assistant.url, tmp_path)
    api, chat = telegram_api, 31
    try:
        async with running_bridge(settings):
            api.push(api.text_update(chat, "my knee hurts"))
            api.push(api.text_update(chat, "since last week"))
            notice = await api.wait_for_text(chat, "briefly unavailable", timeout=5)
            _, health = await get_json(settings.health_url)
            assert health["assistant"] == "unreachable"
            await assistant.start()
            await api.wait_for_text(chat, "You said: since last week")
            assert assistant.messages() == ["my knee hurts", "since last week"]
            assert api.texts(chat) == [
                notice,
                "You said: my knee hurts",
                "You said: since last week",
            ]
    finally:
        await assistant.stop()


async def test_two_chats_at_once_without_cross_talk(
    telegram_api: FakeBotAPI, assistant: FakeAssistant, tmp_path: Path
):
    api, slow_chat, fast_chat = telegram_api, 501, 502
    assistant.delays["think hard"] = 1.0
    settings = make_settings(api, assistant.url, tmp_path, notice_after=5.0)
    async with running_bridge(settings):
        api.push(api.text_update(slow_chat, "think hard"))
        api.push(api.text_update(slow_chat, "and then this"))
        api.push(api.text_update(fast_chat, "quick one", language="fr"))
        await api.wait_for_text(slow_chat, "You said: and then this")

    # The fast chat did not wait for the slow one...
    order = [(int(p["chat_id"]), p["text"]) for p in api.sent()]
    assert order.index((fast_chat, "You said: quick one")) < order.index(
        (slow_chat, "You said: think hard")
    )
    # ...each chat kept its own order, and heard only its own replies.
    assert api.texts(slow_chat) == ["You said: think hard", "You said: and then this"]
    assert api.texts(fast_chat) == ["You said: quick one"]
    senders = {body["message"]: (body["sender"], body["metadata"]) for body in assistant.received}
    assert senders["quick one"] == ("telegram:502", {"channel": "telegram", "language": "fr"})
    assert senders["think hard"][0] == "telegram:501"


async def test_telegram_unreachable_at_start_does_not_kill_the_bridge(
    assistant: FakeAssistant, tmp_path: Path
):
    api, port = FakeBotAPI(), free_port()  # not started yet: Telegram is unreachable
    settings = make_settings(api, assistant.url, tmp_path, api_base_url=f"http://127.0.0.1:{port}")
    stop = asyncio.Event()
    task = asyncio.create_task(serve(settings, stop))
    try:
        await asyncio.sleep(1.5)
        assert not task.done()
        status, health = await get_json(settings.health_url)
        assert (status, health["telegram"]) == (200, "connecting")

        await api.start(port)  # Telegram is back
        for _ in range(100):
            _, health = await get_json(settings.health_url)
            if health["telegram"] == "ready":
                break
            await asyncio.sleep(0.1)
        assert health["telegram"] == "ready"
        api.push(api.text_update(9, "hello"))
        await api.wait_for_text(9, "You said: hello")
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=15)
        await api.stop()


async def run_the_bridge(env: dict[str, str]) -> tuple[int | None, str]:
    """`python -m bot.apps.telegram` with `env`: its exit code and all it printed."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.apps.telegram",
        cwd=PROJECT_ROOT, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    output, _ = await asyncio.wait_for(process.communicate(), timeout=30)
    return process.returncode, output.decode()


async def test_the_command_runs_and_never_prints_the_token(
    telegram_api: FakeBotAPI, tmp_path: Path
):
    """`python -m bot.apps.telegram` with a token Telegram rejects: a clear message, no token."""
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": "999999:WRONG-TOKEN-never-print-me",
        "TELEGRAM_API_BASE_URL": telegram_api.base_url,
        "TELEGRAM_LISTEN_PORT": str(free_port()),
        "HCMC_VAR_DIR": str(tmp_path),
    }
    code, text = await run_the_bridge(env)
    assert code == 1, text
    assert "Telegram rejected TELEGRAM_BOT_TOKEN" in text
    assert "WRONG-TOKEN-never-print-me" not in text

    env.pop("TELEGRAM_BOT_TOKEN")
    code, text = await run_the_bridge(env)
    assert code == 2
    assert "TELEGRAM_BOT_TOKEN is not set" in text
    assert FAKE_TOKEN not in text
