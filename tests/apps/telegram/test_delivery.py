"""No message lost, none handled twice: what a patient sees when the assistant refuses messages
under load, times out, or the bridge stops or crashes while messages wait.

The scripted assistant refuses messages as Rasa's REST channel does when too many arrive at once
for one conversation (``200 []`` after a lock timeout, or an error status), and saves the turns it
handles in a tracker store as Rasa does, so that a timeout can come after the turn was saved.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sqlite3
import sys
import time
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import aiohttp
import pytest

from bot.apps.telegram.app import build_application
from bot.apps.telegram.queue import UpdateQueue
from bot.config import PROJECT_ROOT
from tests.apps.telegram.conftest import (
    WEBHOOK_SECRET,
    AnyApplication,
    make_settings,
    process,
    running_bridge,
)
from tests.apps.telegram.fake_assistant import FakeAssistant, free_port
from tests.apps.telegram.fake_bot_api import FAKE_TOKEN, FakeBotAPI
from tests.apps.telegram.test_round_trip import settings_for, webhook_settings

CHAT = 1001
SENDER = f"telegram:{CHAT}"
BUSY = {
    "en": "Sorry, the assistant is very busy right now and could not handle your message.",
    "fr": "Désolé, l'assistant est très occupé en ce moment et n'a pas pu traiter votre message.",
    "nl": "Sorry, de assistent heeft het nu erg druk en kon uw bericht niet behandelen.",
}
FAILED = {
    "en": "Sorry, something went wrong on our side and the assistant could not handle this "
    "message.",
    "fr": "Désolé, un problème de notre côté a empêché l'assistant de traiter ce message.",
    "nl": "Sorry, door een probleem bij ons kon de assistent dit bericht niet behandelen.",
}
REJECTED = {
    "en": "Sorry, this message can't be handled here. Please contact one of our centres directly:",
    "fr": "Désolé, ce message ne peut pas être traité ici. Merci de contacter directement l'un",
    "nl": "Sorry, dit bericht kan hier niet worden behandeld. Neem rechtstreeks contact op met",
}
EXPIRED = {
    "en": "Sorry, a message you sent while the assistant was unavailable could not be passed on. "
    "Please send it again",
    "fr": "Désolé, un message que vous avez envoyé pendant que l'assistant était indisponible n'a "
    "pas pu lui être transmis. Merci de le renvoyer",
    "nl": "Sorry, een bericht dat u stuurde toen de assistent niet bereikbaar was, kon niet worden "
    "doorgegeven. Stuur het gerust opnieuw",
}
FORGET_NOTHING = "Nothing was stored for this chat, so there was nothing to erase."

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
    # On a loaded machine the check can outlast the delay of the "briefly unavailable" notice,
    # which is then true; what matters is that nothing else is said and nothing sent twice.
    replies = [text for text in telegram_api.texts(CHAT) if "briefly unavailable" not in text]
    assert replies == ["You said: hello"]


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
            await api.wait_for_text(chat, "briefly unavailable", timeout=15)
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
    """`python -m bot.apps.telegram` killed (SIGKILL) while the assistant is down, then started
    again."""
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
            sys.executable, "-m", "bot.apps.telegram", cwd=PROJECT_ROOT, env=env,
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


def assert_routes_and_emergency(text: str) -> None:
    assert "• HCMC Kraainem: +32 2 111 11 11" in text
    assert "• HCMC Boitsfort: +32 2 222 22 22" in text
    assert "112" in text


@pytest.mark.parametrize("language", ["en", "fr", "nl"])
async def test_a_message_the_assistant_keeps_failing_on_is_tried_a_few_times_then_explained(
    language: str, app: AnyApplication, telegram_api: FakeBotAPI, assistant: FakeAssistant
):
    """A server error says that handling this very message failed: not retried for the whole
    retry period (which the fixture sets long) while the chat's later messages wait."""
    said = WRITTEN[language]
    assistant.always_refuse[said] = 500
    await asyncio.wait_for(
        process(app, telegram_api.text_update(CHAT, said, language=language)), timeout=10
    )
    (told,) = telegram_api.texts(CHAT)  # no "no need to send it again" before
    assert told.startswith(FAILED[language])
    assert_routes_and_emergency(told)
    assert assistant.messages(SENDER) == [said] * 3
    # A passing failure is still retried; the chat's next message is not held up.
    assistant.refusals["/help"] = [500, 500]
    await asyncio.wait_for(process(app, telegram_api.text_update(CHAT, "/help")), timeout=10)
    assert telegram_api.texts(CHAT)[-1] == (
        "I'm HCMC's automated assistant. I can help you find a centre."
    )


@pytest.mark.parametrize(
    ("status", "language"), [(401, "en"), (403, "fr"), (400, "nl"), (413, "en")]
)
async def test_a_message_the_assistant_refuses_is_not_retried_and_the_patient_told_so(
    status: int,
    language: str,
    app: AnyApplication,
    telegram_api: FakeBotAPI,
    assistant: FakeAssistant,
    caplog: pytest.LogCaptureFixture,
):
    said = WRITTEN[language]
    assistant.always_refuse[said] = status
    await asyncio.wait_for(
        process(app, telegram_api.text_update(CHAT, said, language=language)), timeout=10
    )
    (told,) = telegram_api.texts(CHAT)
    assert told.startswith(REJECTED[language])  # not "send it again later"
    assert_routes_and_emergency(told)
    assert assistant.messages(SENDER) == [said]
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [f"The assistant refused a message (HTTP {status})"]
    assert said not in caplog.text


async def test_forget_drops_the_chats_waiting_messages_instead_of_waiting_behind_them(
    app: AnyApplication, telegram_api: FakeBotAPI, assistant: FakeAssistant
):
    assistant.always_refuse["my back hurts"] = 503  # retried for the fixture's long period
    first = asyncio.create_task(process(app, telegram_api.text_update(CHAT, "my back hurts")))
    second = asyncio.create_task(process(app, telegram_api.text_update(CHAT, "since Monday")))
    await telegram_api.wait_for(lambda: bool(assistant.messages(SENDER)), timeout=5)
    await asyncio.wait_for(process(app, telegram_api.text_update(CHAT, "/forget")), timeout=5)
    await asyncio.wait_for(asyncio.gather(first, second), timeout=5)
    tried = len(assistant.messages(SENDER))
    await asyncio.sleep(0.5)
    assert len(assistant.messages(SENDER)) == tried  # no longer retried
    assert set(assistant.messages(SENDER)) == {"my back hurts"}  # the later one never sent
    replies = [text for text in telegram_api.texts(CHAT) if "briefly unavailable" not in text]
    assert replies == [FORGET_NOTHING]  # neither answered nor "could not be passed on"
    # The chat goes on as new.
    await process(app, telegram_api.text_update(CHAT, "hello"))
    assert telegram_api.texts(CHAT)[-1] == "You said: hello"


def pending_rows(path: Path) -> int:
    with closing(sqlite3.connect(path)) as db:
        return int(db.execute("SELECT COUNT(*) FROM pending").fetchone()[0])


async def test_forget_drops_the_chats_waiting_messages_from_the_queue_on_disk(
    telegram_api: FakeBotAPI, tmp_path: Path
):
    api, chat = telegram_api, 52
    assistant = FakeAssistant()  # not started: the assistant is down
    queue = tmp_path / "telegram-queue.sqlite3"
    settings = replace(make_settings(api, assistant.url, tmp_path), queue_path=queue)
    try:
        async with running_bridge(settings):
            api.push(api.text_update(chat, "my knee hurts"))
            api.push(api.text_update(chat, "since last week"))
            await api.wait_for_text(chat, "briefly unavailable", timeout=15)
            api.push(api.text_update(chat, "/forget"))
            await api.wait_for_text(chat, FORGET_NOTHING, timeout=15)
            # The /forget update's own row goes when its handling ends, just after the reply.
            for _ in range(50):
                if pending_rows(queue) == 0:
                    break
                await asyncio.sleep(0.05)
            assert pending_rows(queue) == 0
        await assistant.start()
        async with running_bridge(settings):
            await asyncio.sleep(0.5)  # time for a message kept on disk, if any
        assert assistant.messages() == []
        assert b"my knee hurts" not in queue.read_bytes()
    finally:
        await assistant.stop()


async def test_messages_kept_past_the_retry_period_are_not_passed_on_and_the_patient_is_told(
    telegram_api: FakeBotAPI,
    assistant: FakeAssistant,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
):
    """The bridge stayed stopped longer than the retry period: what waited on disk is not passed
    on so late; each patient concerned is told once, without the text of the message."""
    api, old_chat, fresh_chat = telegram_api, 61, 62
    path = tmp_path / "telegram-queue.sqlite3"
    settings = replace(make_settings(api, assistant.url, tmp_path), queue_path=path)
    kept = UpdateQueue(path)
    old = [
        api.text_update(old_chat, "my ankle is swollen", language="nl"),
        api.text_update(old_chat, "since the fall", language="nl"),
    ]
    fresh = api.text_update(fresh_chat, "hello")
    for update in [*old, fresh]:
        kept.admit(update["update_id"], update)
        kept.release(update["update_id"])
    kept.close()
    with closing(sqlite3.connect(path)) as db, db:
        db.execute(
            "UPDATE pending SET received_at = ? WHERE update_id != ?",
            (time.time() - settings.retry_for - 60, fresh["update_id"]),
        )
    async with running_bridge(settings):
        await api.wait_for_text(fresh_chat, "You said: hello")
        await api.wait_for_text(old_chat, EXPIRED["nl"])
        await asyncio.sleep(0.3)  # time for a second notice, if any
    (told,) = api.texts(old_chat)
    assert_routes_and_emergency(told)
    assert assistant.messages() == ["hello"]
    for text in ("my ankle is swollen", "since the fall"):
        assert text not in told and text not in caplog.text
    assert pending_rows(path) == 0
    async with running_bridge(settings):
        await asyncio.sleep(0.3)
    assert len(api.texts(old_chat)) == 1  # told once
