"""No message lost, none handled twice: what a patient sees when the assistant refuses messages
under load, times out, or the bridge stops or crashes while messages wait.

The scripted assistant refuses messages as Rasa's REST channel does when too many arrive at once
for one conversation (``200 []`` after a lock timeout, or an error status), and saves the turns it
handles in a tracker store as Rasa does, so that a timeout can come after the turn was saved.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from dataclasses import replace
from pathlib import Path

import aiohttp
import pytest

from bot.config import PROJECT_ROOT
from bot.telegram.app import build_application
from tests.telegram.conftest import (
    WEBHOOK_SECRET,
    AnyApplication,
    make_settings,
    process,
    running_bridge,
)
from tests.telegram.fake_assistant import FakeAssistant, free_port
from tests.telegram.fake_bot_api import FAKE_TOKEN, FakeBotAPI
from tests.telegram.test_round_trip import settings_for, webhook_settings

CHAT = 1001
SENDER = f"telegram:{CHAT}"
BUSY = {
    "en": "Sorry, the assistant is very busy right now and could not handle your message.",
    "fr": "Désolé, l'assistant est très occupé en ce moment et n'a pas pu traiter votre message.",
    "nl": "Sorry, de assistent heeft het nu erg druk en kon uw bericht niet behandelen.",
}

WRITTEN = {
    "en": "my back hurts",
    "fr": "j'ai mal au dos depuis trois semaines",
    "nl": "ik heb pijn in mijn rug",
}


async def test_a_message_refused_under_load_is_sent_again_and_answered_once(
    app: AnyApplication, telegram_api: FakeBotAPI, assistant: FakeAssistant
):
    # Refused twice (the conversation's lock timed out, then the channel said it is busy).
    assistant.refusals["my back hurts"] = [200, 503]
    await process(app, telegram_api.text_update(CHAT, "my back hurts"))
    assert telegram_api.texts(CHAT) == ["You said: my back hurts"]
    assert assistant.messages(SENDER) == ["my back hurts"] * 3
    # The same message each time, recognisable by the assistant.
    assert len(set(assistant.delivery_ids)) == 1


@pytest.mark.parametrize(("refusal", "language"), [(200, "fr"), (503, "nl"), (200, "en")])
async def test_a_message_refused_until_the_bridge_gives_up_is_never_silently_dropped(
    refusal: int,
    language: str,
    telegram_api: FakeBotAPI,
    assistant: FakeAssistant,
    tmp_path: Path,
):
    settings = make_settings(
        telegram_api, assistant.url, tmp_path, retry_for=1.0, notice_after=30.0
    )
    app = build_application(settings)
    await app.initialize()
    said = WRITTEN[language]
    assistant.always_refuse[said] = refusal
    try:
        await process(app, telegram_api.text_update(CHAT, said, language=language))
        await process(app, telegram_api.text_update(CHAT, "/help", language=language))
    finally:
        await app.shutdown()
    told, helped = telegram_api.texts(CHAT)
    assert told.startswith(BUSY[language])  # in the patient's language
    assert "• HCMC Kraainem: +32 2 111 11 11" in told
    assert "112" in told
    assert helped == "I'm HCMC's automated assistant. I can help you find a centre."
    assert len(assistant.messages(SENDER)) > 2  # retried with backoff before giving up


async def test_a_real_empty_answer_is_not_sent_again(
    app: AnyApplication, telegram_api: FakeBotAPI, assistant: FakeAssistant, tmp_path: Path
):
    """A turn in which the assistant has nothing to say also answers `200 []`: the tracker store
    shows that it took the message, so it is not sent twice and the patient is told nothing."""
    assistant.tracker_store = tmp_path / "conversations.db"  # the bridge's database_url
    await process(app, telegram_api.text_update(CHAT, "ok thanks"))
    await process(app, telegram_api.text_update(CHAT, "hello"))
    assert assistant.messages(SENDER) == ["ok thanks", "hello"]
    assert telegram_api.texts(CHAT) == ["You said: hello"]


async def test_a_timeout_after_the_assistant_saved_the_turn_makes_no_second_turn(
    telegram_api: FakeBotAPI, assistant: FakeAssistant, tmp_path: Path
):
    """The assistant handles and saves the turn, but its answer comes after the bridge stopped
    waiting: the bridge reads the answer back from the tracker store instead of sending the
    message again (which would make a second turn in the conversation)."""
    settings = make_settings(
        telegram_api, assistant.url, tmp_path, request_timeout=0.5, retry_for=5.0
    )
    assistant.tracker_store = tmp_path / "conversations.db"
    assistant.delays["my knee hurts"] = 2.0
    app = build_application(settings)
    await app.initialize()
    try:
        await process(app, telegram_api.text_update(CHAT, "my knee hurts"))
    finally:
        await app.shutdown()
    assert assistant.messages(SENDER) == ["my knee hurts"]  # one turn
    replies = [text for text in telegram_api.texts(CHAT) if "briefly unavailable" not in text]
    assert replies == ["You said: my knee hurts"]  # answered once


@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_messages_waiting_when_the_bridge_stops_are_answered_after_the_restart(
    mode: str, telegram_api: FakeBotAPI, tmp_path: Path
):
    api, chat = telegram_api, 31
    assistant = FakeAssistant()  # not started: the assistant is down
    settings = settings_for(mode, api, assistant.url, tmp_path)
    settings = replace(settings, queue_path=tmp_path / "telegram-queue.sqlite3")
    try:
        async with running_bridge(settings):
            api.push(api.text_update(chat, "my knee hurts"))
            api.push(api.text_update(chat, "since last week"))
            await api.wait_for_text(chat, "briefly unavailable", timeout=5)
        # Stopped during the outage: Telegram has been told both updates were received.
        assert api.pending == []
        await assistant.start()
        async with running_bridge(settings):
            await api.wait_for_text(chat, "You said: since last week")
            await asyncio.sleep(0.5)  # time for a duplicate, if any
        assert assistant.messages() == ["my knee hurts", "since last week"]
        answers = [text for text in api.texts(chat) if text.startswith("You said")]
        assert answers == ["You said: my knee hurts", "You said: since last week"]
    finally:
        await assistant.stop()


async def test_messages_waiting_when_the_bridge_crashes_are_answered_after_the_restart(
    telegram_api: FakeBotAPI, tmp_path: Path
):
    """`python -m bot.telegram` killed (SIGKILL) while the assistant is down, then started again."""
    api, chat = telegram_api, 77
    assistant = FakeAssistant()  # not started: the assistant is down
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": FAKE_TOKEN,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "TELEGRAM_ASSISTANT_URL": assistant.url,
        "TELEGRAM_LISTEN_PORT": str(free_port()),
        "HCMC_VAR_DIR": str(tmp_path),
    }

    async def bridge() -> asyncio.subprocess.Process:
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.telegram", cwd=PROJECT_ROOT, env=env,
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
        )  # fmt: skip

    first = await bridge()
    try:
        api.push(api.text_update(chat, "my shoulder hurts"))
        # The bridge took the update (it shows "typing…") and Telegram forgot it.
        await api.wait_for(lambda: "sendChatAction" in api.methods(), timeout=30)
        await api.wait_for(lambda: api.pending == [], timeout=15)
    finally:
        first.send_signal(signal.SIGKILL)
        await first.wait()
    await assistant.start()
    second = await bridge()
    try:
        await api.wait_for_text(chat, "You said: my shoulder hurts", timeout=30)
    finally:
        second.send_signal(signal.SIGTERM)
        await asyncio.wait_for(second.wait(), timeout=20)
        await assistant.stop()
    assert second.returncode == 0
    assert assistant.messages() == ["my shoulder hurts"]
    queue = tmp_path / "telegram-queue.sqlite3"
    assert queue.stat().st_mode & 0o777 == 0o600  # patient text: for the owner only


async def test_the_same_update_delivered_twice_to_the_webhook_is_handled_once(
    telegram_api: FakeBotAPI, assistant: FakeAssistant, tmp_path: Path
):
    settings = replace(webhook_settings(telegram_api, assistant.url, tmp_path), notice_after=5.0)
    update = telegram_api.text_update(8, "hello")
    assistant.delays["hello"] = 0.5
    headers = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
    async with running_bridge(settings), aiohttp.ClientSession() as session:
        # Again while the first is being handled, and again once it has been answered.
        for _ in range(2):
            async with session.post(settings.webhook_url, json=update, headers=headers) as reply:
                assert reply.status == 200
        await telegram_api.wait_for_text(8, "You said: hello")
        async with session.post(settings.webhook_url, json=update, headers=headers) as reply:
            assert reply.status == 200
        await asyncio.sleep(0.8)
    assert assistant.messages() == ["hello"]
    assert telegram_api.texts(8) == ["You said: hello"]
