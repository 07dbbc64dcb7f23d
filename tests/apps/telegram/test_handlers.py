"""The handlers' behaviour through Application.process_update, against the fake Bot API.

Each test reads what a patient would see: the exact texts and keyboards of the sendMessage calls
the fake Bot API recorded, and what reached the (scripted) assistant.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from dataclasses import replace
from pathlib import Path

from bot.apps.telegram.app import build_application
from bot.apps.telegram.config import TelegramSettings
from bot.apps.telegram.rendering import MESSAGE_LIMIT
from tests.apps.telegram.conftest import AnyApplication, make_settings, process
from tests.apps.telegram.fake_assistant import LONG_PAYLOAD, LONG_TEXT, FakeAssistant
from tests.apps.telegram.fake_bot_api import FakeBotAPI

CHAT = 1001
SENDER = f"telegram:{CHAT}"
UCCLE = (50.8008, 4.3353)  # nearer Boitsfort
STOCKEL = (50.8436, 4.4427)  # nearer Kraainem


def keyboard(params: dict) -> list[list[dict]]:
    return (params.get("reply_markup") or {}).get("inline_keyboard", [])


def titles(params: dict) -> list[str]:
    return [button["text"] for row in keyboard(params) for button in row]


async def start_to_location_question(app: AnyApplication, api: FakeBotAPI) -> None:
    await process(app, api.text_update(CHAT, "/start"))
    await process(app, api.button_update(CHAT, "Yes, I agree"))
    await process(app, api.button_update(CHAT, "Lower back"))


async def test_start_greets_and_asks_consent_with_inline_buttons(
    app: AnyApplication, telegram_api: FakeBotAPI, assistant: FakeAssistant
):
    await process(app, telegram_api.text_update(CHAT, "/start", language="fr"))

    assert assistant.received == [
        {
            "sender": SENDER,
            "message": "/greet",
            "metadata": {"channel": "telegram", "language": "fr"},
        }
    ]
    greeting, consent = telegram_api.sent(CHAT)
    # HTML parse mode, escaped: the patient sees "<not> a doctor & can't diagnose".
    assert greeting["parse_mode"] == "HTML"
    assert greeting["text"] == (
        "Hello, I'm HCMC's automated assistant. I'm &lt;not&gt; a doctor &amp; can't diagnose."
    )
    assert consent["text"] == "Do you agree?"
    assert keyboard(consent) == [
        [
            {"text": "Yes, I agree", "callback_data": "/give_consent"},
            {"text": "No, thanks", "callback_data": "/decline_consent"},
        ]
    ]
    assert "sendChatAction" in telegram_api.methods()  # "typing…" while the assistant thinks


async def test_a_pressed_button_sends_its_payload_is_answered_and_marked(
    app: AnyApplication, telegram_api: FakeBotAPI, assistant: FakeAssistant
):
    await process(app, telegram_api.text_update(CHAT, "/start"))
    await process(app, telegram_api.button_update(CHAT, "Yes, I agree"))

    assert assistant.messages(SENDER)[-1] == "/give_consent"
    assert len(telegram_api.answered()) == 1
    consent_message = telegram_api.sent(CHAT)[1]
    edits = [c.params for c in telegram_api.calls if c.method == "editMessageReplyMarkup"]
    assert edits[-1]["reply_markup"] == {
        "inline_keyboard": [[{"text": "✓ Yes, I agree", "callback_data": "!done"}]]
    }
    assert titles(consent_message) == ["Yes, I agree", "No, thanks"]  # as first sent
    question = telegram_api.sent(CHAT)[-1]
    assert question["text"] == "Where do you feel the pain?"

    # A payload longer than Telegram's 64-byte limit still works.
    long_button = keyboard(question)[0][0]
    assert long_button["text"] == "Lower back"
    assert len(long_button["callback_data"].encode()) <= 64
    await process(app, telegram_api.button_update(CHAT, "Lower back"))
    assert assistant.messages(SENDER)[-1] == LONG_PAYLOAD
    assert len(telegram_api.answered()) == 2

    # Pressing the mark again does nothing but is still answered.
    before = len(assistant.received)
    await process(app, telegram_api.button_update(CHAT, "✓ Yes"))
    assert len(assistant.received) == before
    assert len(telegram_api.answered()) == 3


async def test_location_question_offers_location_button_and_location_picks_the_centre(
    app: AnyApplication, telegram_api: FakeBotAPI, assistant: FakeAssistant
):
    await start_to_location_question(app, telegram_api)
    question, prompt = telegram_api.sent(CHAT)[-2:]
    assert question["text"].startswith("To suggest the nearer of our two centres")
    assert titles(question) == ["I'll go to Kraainem", "I'll go to Boitsfort"]
    assert prompt["text"] == "Or tap the button below to share your location."
    assert prompt["reply_markup"] == {
        "keyboard": [[{"text": "📍 Share my location", "request_location": True}]],
        "resize_keyboard": True,
        "one_time_keyboard": True,
    }

    await process(app, telegram_api.location_update(CHAT, *UCCLE))
    assert assistant.messages(SENDER)[-1] == (
        '/share_location{"latitude": 50.8008, "longitude": 4.3353}'
    )
    nearer, booking = telegram_api.sent(CHAT)[-2:]
    assert nearer["text"] == "The nearer centre for you is HCMC Boitsfort."
    assert nearer["reply_markup"] == {"remove_keyboard": True}  # the location button goes away
    link = "https://booking.example.org/hcmc/boitsfort?centre=boitsfort&reason=lower+back"
    assert booking["text"] == (
        "You can book an appointment at HCMC Boitsfort here: "
        f'<a href="{link.replace("&", "&amp;")}">{link.replace("&", "&amp;")}</a>'
    )
    assert keyboard(booking) == [[{"text": "Book at HCMC Boitsfort", "url": link}]]


async def test_a_shared_venue_counts_as_a_location(
    app: AnyApplication, telegram_api: FakeBotAPI, assistant: FakeAssistant
):
    await process(app, telegram_api.venue_update(CHAT, *STOCKEL))
    assert assistant.messages(SENDER) == [
        '/share_location{"latitude": 50.8436, "longitude": 4.4427}'
    ]
    assert telegram_api.texts(CHAT)[0] == "The nearer centre for you is HCMC Kraainem."


async def test_anything_but_text_gets_a_polite_reply_in_the_patients_language(
    app: AnyApplication, telegram_api: FakeBotAPI, assistant: FakeAssistant
):
    api = telegram_api
    await process(app, api.photo_update(CHAT))
    await process(app, api.voice_update(CHAT, language="fr"))
    await process(app, api.sticker_update(CHAT, language="nl-BE"))
    await process(app, api.document_update(CHAT, language="de"))

    assert api.texts(CHAT) == [
        "Sorry, I can only read text. Could you type your message?",
        "Désolé, je ne peux lire que du texte. Pourriez-vous écrire votre message ?",
        "Sorry, ik kan alleen tekst lezen. Kunt u uw bericht typen?",
        "Sorry, I can only read text. Could you type your message?",  # German: English
    ]
    assert assistant.received == []


async def test_the_bridge_speaks_the_language_the_patient_writes_in(
    app: AnyApplication, telegram_api: FakeBotAPI, assistant: FakeAssistant
):
    api = telegram_api
    # The phone is set to English; the patient writes French, as the assistant then answers.
    await process(
        app, api.text_update(CHAT, "j'ai mal au dos depuis trois semaines", language="en")
    )
    await process(app, api.photo_update(CHAT, language="en"))
    assert api.texts(CHAT)[-1].startswith("Désolé, je ne peux lire que du texte")
    # A neutral message ("ok", a commune) changes nothing; a clear Dutch one does.
    await process(app, api.text_update(CHAT, "Uccle", language="en"))
    await process(app, api.voice_update(CHAT, language="en"))
    assert api.texts(CHAT)[-1].startswith("Désolé, je ne peux lire que du texte")
    await process(app, api.text_update(CHAT, "ik heb pijn in mijn nek", language="en"))
    await process(app, api.sticker_update(CHAT, language="en"))
    assert api.texts(CHAT)[-1].startswith("Sorry, ik kan alleen tekst lezen")
    # And a later session starts in the language last written, not the phone's.
    assert assistant.received[-1]["metadata"] == {"channel": "telegram", "language": "nl"}


async def test_in_a_group_it_only_says_it_is_for_private_chats(
    app: AnyApplication, telegram_api: FakeBotAPI, assistant: FakeAssistant
):
    group = -5005
    await process(app, telegram_api.text_update(group, "/start", chat_type="group", user_id=77))
    await process(app, telegram_api.text_update(group, "my back hurts", chat_type="group"))

    assert telegram_api.texts(group) == [
        "I'm HCMC's assistant for private conversations only, so I don't answer in groups. "
        "Please write to me directly: "
        '<a href="https://t.me/hcmc_test_bot">https://t.me/hcmc_test_bot</a>'
    ]
    assert assistant.received == []


async def test_in_the_staff_alert_chat_it_says_nothing(
    settings: TelegramSettings, telegram_api: FakeBotAPI, assistant: FakeAssistant
):
    staff_chat = -100777
    application = build_application(replace(settings, staff_chat_id=str(staff_chat)))
    await application.initialize()
    try:
        reply = telegram_api.text_update(staff_chat, "/start", chat_type="group", user_id=77)
        await process(application, reply)
    finally:
        await application.shutdown()
    assert telegram_api.texts(staff_chat) == []
    assert assistant.received == []


async def test_commands_go_to_the_assistant_and_unknown_ones_get_help(
    app: AnyApplication, telegram_api: FakeBotAPI, assistant: FakeAssistant
):
    for command in ("/help", "/restart", "/unknown", "/start@hcmc_test_bot"):
        await process(app, telegram_api.text_update(CHAT, command))
    assert assistant.messages(SENDER) == ["/help", "/restart", "/help", "/greet"]
    # Typed text is never taken for a payload.
    await process(app, telegram_api.text_update(CHAT, "hello /give_consent"))
    assert assistant.messages(SENDER)[-1] == "hello /give_consent"


async def test_privacy_says_what_is_stored_and_for_how_long(
    telegram_api: FakeBotAPI, assistant: FakeAssistant, tmp_path: Path
):
    from bot.apps.telegram.app import build_application

    settings = make_settings(telegram_api, assistant.url, tmp_path, retention_days=30)
    app = build_application(settings)
    await app.initialize()
    try:
        await process(app, telegram_api.text_update(CHAT, "/privacy", language="nl"))
    finally:
        await app.shutdown()
    (text,) = telegram_api.texts(CHAT)
    assert text.startswith("Wat dit gesprek bewaart, en hoe lang:")
    assert "Alles wordt na 30 dagen gewist." in text
    assert "/forget" in text
    assert assistant.received == []


async def test_language_choice_without_switch_intent_goes_as_metadata(
    app: AnyApplication, telegram_api: FakeBotAPI, assistant: FakeAssistant
):
    await process(app, telegram_api.text_update(CHAT, "/language"))
    (prompt,) = telegram_api.sent(CHAT)
    assert prompt["text"] == "Which language would you like me to use?"
    assert keyboard(prompt) == [
        [
            {"text": "English", "callback_data": "!lang:en"},
            {"text": "Français", "callback_data": "!lang:fr"},
            {"text": "Nederlands", "callback_data": "!lang:nl"},
        ]
    ]
    await process(app, telegram_api.button_update(CHAT, "Français"))
    assert telegram_api.texts(CHAT)[-1].startswith("C'est noté : je vous répondrai en français")
    assert telegram_api.answered()

    await process(app, telegram_api.text_update(CHAT, "bonjour", language="en"))
    assert assistant.received[-1]["metadata"] == {"channel": "telegram", "language": "fr"}
    await process(app, telegram_api.photo_update(CHAT, language="en"))
    assert telegram_api.texts(CHAT)[-1].startswith("Désolé, je ne peux lire que du texte")


async def test_an_erasure_in_words_makes_the_bridge_forget_the_chat_too(
    app: AnyApplication, telegram_api: FakeBotAPI, assistant: FakeAssistant
):
    await process(app, telegram_api.text_update(CHAT, "/language"))
    await process(app, telegram_api.button_update(CHAT, "Français"))
    await process(app, telegram_api.text_update(CHAT, "bonjour", language="en"))
    assert assistant.received[-1]["metadata"]["language"] == "fr"

    await process(app, telegram_api.text_update(CHAT, "please erase my data", language="en"))
    assert telegram_api.texts(CHAT)[-1] == "Done: this conversation is erased."
    # The chosen language went with the conversation, as after /forget.
    await process(app, telegram_api.text_update(CHAT, "hello", language="en"))
    assert assistant.received[-1]["metadata"]["language"] == "en"


async def test_language_choice_goes_to_the_assistant_when_it_can_switch(
    telegram_api: FakeBotAPI, assistant: FakeAssistant, tmp_path: Path
):
    from bot.apps.telegram.app import build_application

    domain = tmp_path / "domain"
    domain.mkdir()
    (domain / "core.yml").write_text('version: "3.1"\nintents:\n  - greet\n  - switch_language\n')
    app = build_application(make_settings(telegram_api, assistant.url, tmp_path))
    await app.initialize()
    try:
        await process(app, telegram_api.text_update(CHAT, "/language"))
        await process(app, telegram_api.button_update(CHAT, "Nederlands"))
    finally:
        await app.shutdown()
    assert assistant.received[-1]["message"] == '/switch_language{"language": "nl"}'
    assert assistant.received[-1]["metadata"]["language"] == "nl"


async def test_with_the_project_domain_language_choice_switches_the_assistant(
    telegram_api: FakeBotAPI, assistant: FakeAssistant, tmp_path: Path
):
    """The project's own domain declares switch_language, so /language is sent as that intent."""
    from bot.apps.telegram.app import build_application
    from bot.config import PROJECT_ROOT

    settings = replace(
        make_settings(telegram_api, assistant.url, tmp_path), domain_dir=PROJECT_ROOT / "domain"
    )
    app = build_application(settings)
    await app.initialize()
    try:
        await process(app, telegram_api.text_update(CHAT, "/language"))
        await process(app, telegram_api.button_update(CHAT, "Français"))
    finally:
        await app.shutdown()
    assert assistant.received[-1]["message"] == '/switch_language{"language": "fr"}'


def tracker_store(database: Path, senders: dict[str, int]) -> None:
    """A tracker store with Rasa's `events` table and some events per sender."""
    with sqlite3.connect(database) as db:
        db.execute(
            "CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255) NOT NULL, "
            "type_name VARCHAR(255) NOT NULL, timestamp FLOAT, intent_name VARCHAR(255), "
            "action_name VARCHAR(255), data TEXT)"
        )
        for sender, count in senders.items():
            for _ in range(count):
                db.execute(
                    "INSERT INTO events (sender_id, type_name, timestamp, data) "
                    "VALUES (?, 'user', ?, '{}')",
                    (sender, time.time()),
                )


def event_counts(database: Path) -> dict[str, int]:
    with sqlite3.connect(database) as db:
        rows = db.execute("SELECT sender_id, COUNT(*) FROM events GROUP BY sender_id")
        return dict(rows.fetchall())


async def test_forget_erases_this_chats_conversation_and_confirms(
    app: AnyApplication,
    telegram_api: FakeBotAPI,
    settings: TelegramSettings,
    tmp_path: Path,
):
    database = tmp_path / "conversations.db"
    tracker_store(database, {SENDER: 7, "telegram:2002": 3, "rest-user": 2})

    await process(app, telegram_api.text_update(CHAT, "/forget"))
    assert event_counts(database) == {"telegram:2002": 3, "rest-user": 2}
    assert telegram_api.texts(CHAT) == [
        "Done: this conversation has been erased from our records. If you write again, we'll "
        "start from the beginning. (The messages shown in this Telegram chat stay on your device "
        "until you delete them.)"
    ]
    await process(app, telegram_api.text_update(CHAT, "/forget", language="fr"))
    assert telegram_api.texts(CHAT)[-1] == (
        "Rien n'était enregistré pour cette conversation : il n'y avait donc rien à effacer."
    )


async def test_forget_says_so_when_it_cannot_erase(
    telegram_api: FakeBotAPI, assistant: FakeAssistant, tmp_path: Path
):
    from bot.apps.telegram.app import build_application

    broken = "sqlite:////nonexistent-directory/conversations.db"
    app = build_application(
        make_settings(telegram_api, assistant.url, tmp_path, database_url=broken)
    )
    await app.initialize()
    try:
        await process(app, telegram_api.text_update(CHAT, "/forget"))
    finally:
        await app.shutdown()
    (text,) = telegram_api.texts(CHAT)
    assert text.startswith("Sorry, I couldn't erase the conversation just now.")
    assert "• HCMC Kraainem: +32 2 111 11 11" in text


async def test_a_long_reply_is_split_cleanly(
    app: AnyApplication, telegram_api: FakeBotAPI, assistant: FakeAssistant
):
    await process(app, telegram_api.text_update(CHAT, "long please"))
    texts = telegram_api.texts(CHAT)
    assert len(texts) == 3
    assert all(len(text) <= MESSAGE_LIMIT for text in texts)
    assert all(text.startswith("Paragraph") for text in texts)  # split between paragraphs
    assert "\n\n".join(texts) == LONG_TEXT


async def test_an_expired_button_is_answered_with_an_explanation(
    app: AnyApplication, telegram_api: FakeBotAPI, assistant: FakeAssistant
):
    message = {"message_id": 1, "date": 0, "chat": {"id": CHAT, "type": "private"}}
    await process(app, telegram_api.callback_update(CHAT, "#no-such-payload-key", message))
    assert telegram_api.answered()[-1]["text"] == (
        "This button is no longer available. Please type your answer instead."
    )
    assert assistant.received == []


async def test_assistant_down_then_back_tells_the_patient_and_loses_nothing(
    app: AnyApplication, telegram_api: FakeBotAPI, assistant: FakeAssistant
):
    await assistant.stop()
    started = time.monotonic()
    first = asyncio.create_task(process(app, telegram_api.text_update(CHAT, "my back hurts")))
    second = asyncio.create_task(process(app, telegram_api.text_update(CHAT, "since Monday")))
    notice = await telegram_api.wait_for_text(CHAT, "briefly unavailable", timeout=5)
    assert time.monotonic() - started < 3  # the patient hears within a few seconds
    assert "If this is an emergency, call 112." in notice
    assert "• HCMC Kraainem: +32 2 111 11 11\n• HCMC Boitsfort: +32 2 222 22 22" in notice

    await asyncio.sleep(0.5)
    await assistant.start()
    await asyncio.wait_for(asyncio.gather(first, second), timeout=10)
    assert assistant.messages(SENDER) == ["my back hurts", "since Monday"]  # once each, in order
    assert telegram_api.texts(CHAT) == [
        notice,  # said once, not once per waiting message
        "You said: my back hurts",
        "You said: since Monday",
    ]


async def test_telegram_rate_limit_is_respected(
    app: AnyApplication, telegram_api: FakeBotAPI, assistant: FakeAssistant
):
    telegram_api.fail_next("sendMessage", status=429, retry_after=1)
    await process(app, telegram_api.text_update(CHAT, "hello"))
    sends = [call for call in telegram_api.calls if call.method == "sendMessage"]
    assert len(sends) == 2  # refused once, then sent
    assert sends[1].at - sends[0].at >= 1.0  # after retry_after, not before
    assert telegram_api.texts(CHAT) == ["You said: hello"] * 2  # the fake records both tries


async def test_a_telegram_server_error_is_retried(
    app: AnyApplication, telegram_api: FakeBotAPI, assistant: FakeAssistant
):
    telegram_api.fail_next("sendMessage", status=502)
    await process(app, telegram_api.text_update(CHAT, "hello"))
    sends = [call for call in telegram_api.calls if call.method == "sendMessage"]
    assert len(sends) == 2


async def test_the_assistants_own_language_buttons_are_followed_by_the_bridge(
    app: AnyApplication, telegram_api: FakeBotAPI, assistant: FakeAssistant
):
    message = {"message_id": 1, "date": 0, "chat": {"id": CHAT, "type": "private"}}
    switch = '/switch_language{"language":"nl"}'
    await process(app, telegram_api.callback_update(CHAT, switch, message, language="en"))
    assert assistant.messages(SENDER) == [switch]
    await process(app, telegram_api.photo_update(CHAT, language="en"))
    dutch = "Sorry, ik kan alleen tekst lezen. Kunt u uw bericht typen?"
    assert telegram_api.texts(CHAT)[-1] == dutch
    await process(app, telegram_api.text_update(CHAT, "dank u", language="en"))
    assert assistant.received[-1]["metadata"]["language"] == "nl"


EXPIRED_BUTTON = "This button is no longer available. Please type your answer instead."


def payload_rows(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute("SELECT COUNT(*) FROM payloads").fetchone()[0])


async def erasure_drops_the_bridges_own_copies(
    erase: str, telegram_api: FakeBotAPI, assistant: FakeAssistant, tmp_path: Path
) -> None:
    """Both chats reach the long-payload button; CHAT erases; its copies go, the other's stay."""
    other, store = 2002, tmp_path / "telegram-payloads.sqlite3"
    app = build_application(
        make_settings(telegram_api, assistant.url, tmp_path, payload_store_path=store)
    )
    await app.initialize()
    try:
        for chat in (CHAT, other):
            await process(app, telegram_api.text_update(chat, "/start"))
            await process(app, telegram_api.button_update(chat, "Yes, I agree"))
        assert payload_rows(store) == 2  # one per chat
        bridge = app.bot_data["bridge"]
        # A message of each chat written down but not yet handled.
        for chat in (CHAT, other):
            assert bridge.queue.keep(telegram_api.text_update(chat, "my back hurts"))

        await process(app, telegram_api.text_update(CHAT, erase))
        await process(app, telegram_api.button_update(CHAT, "Lower back"))
        assert telegram_api.answered()[-1]["text"] == EXPIRED_BUTTON
        assert LONG_PAYLOAD not in assistant.messages(SENDER)
        assert payload_rows(store) == 1
        assert bridge.queue.pending_count() == 1
        await process(app, telegram_api.button_update(other, "Lower back"))
        assert assistant.messages("telegram:2002")[-1] == LONG_PAYLOAD
    finally:
        await app.shutdown()


async def test_forget_also_drops_the_chats_button_payloads_and_waiting_messages(
    telegram_api: FakeBotAPI, assistant: FakeAssistant, tmp_path: Path
):
    await erasure_drops_the_bridges_own_copies("/forget", telegram_api, assistant, tmp_path)


async def test_an_erasure_in_words_also_drops_the_chats_button_payloads_and_waiting_messages(
    telegram_api: FakeBotAPI, assistant: FakeAssistant, tmp_path: Path
):
    await erasure_drops_the_bridges_own_copies(
        "please erase my data", telegram_api, assistant, tmp_path
    )
