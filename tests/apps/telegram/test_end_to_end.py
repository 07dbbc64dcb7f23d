"""The bridge in front of the real assistant: the Rasa and action servers, over the fake Bot API.

A patient goes from /start to the booking link with inline buttons and a shared location, another
shares a location outside the interview, and /forget really erases the conversation from the
tracker store the Rasa server uses. The servers are started by conftest.py's
`started_real_assistant` (on ports 5305 and 5355).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from bot.apps.telegram.turns import stored_replies
from bot.config import Settings
from bot.pictures import referral_map_png
from bot.storage.tokens import channel_key
from tests.apps.telegram.conftest import make_settings, running_bridge
from tests.apps.telegram.fake_bot_api import FakeBotAPI

pytestmark = pytest.mark.e2e

UCCLE = (50.8008, 4.3353)  # nearer HCMC Boitsfort
STOCKEL = (50.8436, 4.4427)  # nearer HCMC Kraainem


def stored_events(settings: Settings, sender: str) -> int:
    database = settings.tracker_database_url.removeprefix("sqlite:///")
    with sqlite3.connect(database) as db:
        (count,) = db.execute(
            "SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)
        ).fetchone()
    return int(count)


def last_delivery_ids(settings: Settings, sender: str, count: int) -> list[str]:
    database = settings.tracker_database_url.removeprefix("sqlite:///")
    with sqlite3.connect(database) as db:
        rows = db.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' "
            "ORDER BY id DESC LIMIT ?",
            (sender, count),
        ).fetchall()
    return [json.loads(data)["metadata"]["delivery_id"] for (data,) in rows]


def question_of_commune(shown: list[str]) -> str:
    return next(text for text in shown if text.startswith("To suggest the nearer"))


def inline_titles(params: dict) -> list[str]:
    rows = (params.get("reply_markup") or {}).get("inline_keyboard", [])
    return [button["text"] for row in rows for button in row]


async def test_telegram_patient_with_the_real_assistant(
    real_assistant: Settings, telegram_api: FakeBotAPI, tmp_path: Path
):
    api, chat = telegram_api, 4001
    settings = make_settings(
        api,
        real_assistant.rest_webhook_url,
        tmp_path,
        database_url=real_assistant.tracker_database_url,
        notice_after=10.0,
        assistant_token=channel_key(real_assistant),
    )

    async def say(text: str, expect: str) -> str:
        api.push(api.text_update(chat, text))
        return await api.wait_for_text(chat, expect)

    async def press(title: str, expect: str) -> str:
        before = len(api.texts(chat))
        api.push(api.button_update(chat, title))
        await api.wait_for(lambda: any(expect in t for t in api.texts(chat)[before:]))
        return next(t for t in api.texts(chat)[before:] if expect in t)

    async with running_bridge(settings):
        consent = await say("/start", "Do you agree?")
        assert "kept for 90 days" in consent
        assert any("not a doctor" in text for text in api.texts(chat))
        assert inline_titles(api.sent(chat)[-1]) == ["Yes, I agree", "No, thanks"]

        await press("Yes, I agree", "Where do you feel the pain, and on which side?")
        await say("my knee has hurt for three weeks, worse on stairs", "on the left, on the right")
        await press("Left", "How did it start?")
        await press("Gradually", "scale from 0")
        await press("4-6 moderate", "therapist")
        await press("None of these", "Last safety check")
        await press("None of these", "share your location")

        # The explanation of the knee came as the referral map, with the text as its caption, in
        # its place: after the thanks, before the question of the commune.
        (photo,) = api.photos(chat)
        assert photo["caption"].startswith("Pain felt in the front of the knee often comes from")
        assert photo["photo"] == referral_map_png("knee_front", "left", "en")
        shown = api.shown(chat)
        at = shown.index(f"[photo] {photo['caption']}")
        assert shown[at - 1].startswith("Thank you, that's everything I need")
        assert shown.index(question_of_commune(shown)) > at

        question, prompt = api.sent(chat)[-2:]
        assert question["text"].startswith("To suggest the nearer of our two centres")
        assert inline_titles(question) == ["I'll go to Kraainem", "I'll go to Boitsfort"]
        assert prompt["reply_markup"]["keyboard"] == [
            [{"text": "📍 Share my location", "request_location": True}]
        ]

        api.push(api.location_update(chat, *UCCLE))
        booking = await api.wait_for_text(chat, "You can book an appointment at HCMC Boitsfort")
        nearer = next(t for t in api.texts(chat) if t.startswith("The nearer centre for you"))
        assert "HCMC Boitsfort" in nearer.splitlines()[0]
        assert "centre=boitsfort" in booking
        booking_message = next(p for p in api.sent(chat) if p["text"] == booking)
        (button,) = booking_message["reply_markup"]["inline_keyboard"][0]
        assert button["text"] == "Book at HCMC Boitsfort"
        assert button["url"].startswith(
            "https://booking.example.org/hcmc/boitsfort?centre=boitsfort"
        )
        assert len(api.answered()) == 6  # every press answered

        # Another patient, no consent, shares a venue outside the interview.
        other = 4002
        api.push(api.text_update(other, "/start"))
        await api.wait_for_text(other, "Do you agree?")
        api.push(api.button_update(other, "No, thanks"))
        await api.wait_for_text(other, "That's fine")
        api.push(api.venue_update(other, *STOCKEL))
        await api.wait_for_text(other, "The nearer centre for you is HCMC Kraainem")
        await api.wait_for_text(other, "You can book an appointment at HCMC Kraainem")
        # What the bridge reads back after a timeout: the real store keeps each message's
        # delivery id (even without consent), and the replies that followed it.
        (delivery,) = last_delivery_ids(real_assistant, f"telegram:{other}", 1)
        replies = stored_replies(real_assistant.tracker_database_url, f"telegram:{other}", delivery)
        assert replies is not None
        texts = [reply.get("text", "") for reply in replies]
        assert any(text.startswith("The nearer centre for you is HCMC Kraainem") for text in texts)

        # /forget erases this chat's conversation from the real tracker store, and only it.
        assert stored_events(real_assistant, f"telegram:{chat}") > 0
        others_before = stored_events(real_assistant, f"telegram:{other}")
        await say("/forget", "this conversation has been erased")
        assert stored_events(real_assistant, f"telegram:{chat}") == 0
        assert stored_events(real_assistant, f"telegram:{other}") == others_before
        # The assistant really starts afresh: it introduces itself and asks for consent again.
        await say("hello", "Do you agree?")
        await say("/restart", "Let's start again from the beginning.")
