"""Staff alerts: a red flag or a request for a person reaches the staff's Telegram chat (the fake
Bot API over real HTTP) and their mailbox (a real SMTP server, aiosmtpd) once per conversation and
reason, says how urgent, where and when, and nothing about the patient's health; failures are
retried and logged and never raise."""

from __future__ import annotations

import json
import logging
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select

from bench.review_inbox import events_table
from bot.alerts.dispatcher import RETRY_DELAYS, Dispatcher, channels
from bot.alerts.wording import Alert
from bot.apps.review.database import review_engine
from bot.config import Settings, load_settings
from bot.rasa_plugins.channels.live import split_for_telegram
from bot.storage.tables import alerts
from tests.apps.telegram.fake_bot_api import FAKE_TOKEN, FakeBotAPI
from tests.support.smtp import free_port, self_signed, start_smtp

STAFF_CHAT = -100200300
WHAT_THE_PATIENT_SAID = "crushing pain in my chest since this morning"


def user(
    text: str, intent: str = "describe_pain", flags: tuple[str, ...] = (), **extra: Any
) -> dict:
    entities = [{"entity": "red_flag_id", "value": flag} for flag in flags]
    return {
        "event": "user",
        "text": text,
        "timestamp": time.time(),
        "parse_data": {"intent": {"name": intent, "confidence": 1.0}, "entities": entities},
        "metadata": extra,
    }


def slot(name: str, value: Any) -> dict:
    return {"event": "slot", "name": name, "value": value, "timestamp": time.time()}


def add_events(settings: Settings, sender: str, events: list[dict]) -> None:
    engine = review_engine(settings)
    events_table.metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(
            insert(events_table),
            [
                {
                    "sender_id": sender,
                    "type_name": e["event"],
                    "timestamp": e["timestamp"],
                    "data": json.dumps(e),
                }
                for e in events
            ],
        )


def red_flag_events() -> list[dict]:
    return [
        user(WHAT_THE_PATIENT_SAID, "red_flag", ("heart_attack_signs",), channel="web"),
        slot("red_flag_tier", "call_112"),
        slot("red_flags", ["heart_attack_signs"]),
        slot("needs_staff_followup", True),
    ]


def settings_for(tmp_path: Path, **env: str) -> Settings:
    return load_settings(
        {
            "HCMC_VAR_DIR": str(tmp_path / "var"),
            "HCMC_SECRET_KEY": "alerts-test",
            "HCMC_REVIEW_PUBLIC_URL": "https://review.hcmc.example",
            **env,
        }
    )


@pytest.fixture
async def telegram() -> Any:
    api = await FakeBotAPI().start()
    yield api
    await api.stop()


@pytest.fixture
def smtp() -> Any:
    controller, mailbox = start_smtp()
    yield controller, mailbox
    controller.stop()


def both_channels(tmp_path: Path, telegram: FakeBotAPI, port: int, **env: str) -> Settings:
    return settings_for(
        tmp_path,
        TELEGRAM_BOT_TOKEN=FAKE_TOKEN,
        TELEGRAM_API_BASE_URL=telegram.base_url,
        HCMC_STAFF_TELEGRAM_CHAT_ID=str(STAFF_CHAT),
        HCMC_SMTP_URL=f"smtp://127.0.0.1:{port}",
        HCMC_STAFF_EMAIL="desk@hcmc.example, nurse@hcmc.example",
        **env,
    )


def staff_chat_only(tmp_path: Path, telegram: FakeBotAPI) -> Settings:
    return settings_for(
        tmp_path,
        TELEGRAM_BOT_TOKEN=FAKE_TOKEN,
        TELEGRAM_API_BASE_URL=telegram.base_url,
        HCMC_STAFF_TELEGRAM_CHAT_ID=str(STAFF_CHAT),
    )


def mailbox_only(tmp_path: Path, port: int, address: str, login: str = "") -> Settings:
    """Alerts by e-mail alone, to the SMTP server on `port` (`login`: "user:password@")."""
    return settings_for(
        tmp_path, HCMC_SMTP_URL=f"smtp://{login}127.0.0.1:{port}", HCMC_STAFF_EMAIL=address
    )


def red_flag_to_alert(settings: Settings, sender: str) -> Dispatcher:
    """A conversation with a red flag in the store, and the dispatcher that will alert it."""
    add_events(settings, sender, red_flag_events())
    return Dispatcher(review_engine(settings), settings)


def alert_rows(settings: Settings) -> list[Any]:
    with review_engine(settings).connect() as connection:
        return connection.execute(select(alerts).order_by(alerts.c.id)).all()


async def test_a_red_flag_reaches_the_staff_chat_and_mailbox_once_without_health_details(
    tmp_path, telegram, smtp
):
    controller, mailbox = smtp
    settings = both_channels(tmp_path, telegram, controller.port)
    # A patient who keeps typing red flags: fifty of them.
    add_events(settings, "web:abc", red_flag_events() * 50)
    dispatcher = Dispatcher(review_engine(settings), settings)
    for _ in range(3):
        await dispatcher.tick()
    await dispatcher.close()

    staff_texts = telegram.texts(STAFF_CHAT)
    assert len(staff_texts) == 1
    assert len(mailbox.messages) == 1
    mail = mailbox.messages[0]
    assert mail["To"] == "desk@hcmc.example, nurse@hcmc.example"
    assert mail["Subject"].startswith("HCMC assistant: EMERGENCY")
    for text in (staff_texts[0], mailbox.texts()[0]):
        assert "told to call 112" in text
        assert "Channel: the website chat" in text
        assert "(Brussels)" in text
        assert "https://review.hcmc.example/c/" in text
        for private in ("chest", "crushing", "heart", "web:abc"):
            assert private not in text.lower()


async def test_a_request_for_a_person_alerts_and_a_later_red_flag_alerts_again(
    tmp_path, telegram, smtp
):
    controller, mailbox = smtp
    settings = both_channels(tmp_path, telegram, controller.port)
    add_events(
        settings,
        "telegram:42",
        [user("can I talk to someone", "request_human"), slot("needs_staff_followup", True)],
    )
    dispatcher = Dispatcher(review_engine(settings), settings)
    await dispatcher.tick()
    assert telegram.texts(STAFF_CHAT)[0].startswith("A patient asked to talk to a person")
    assert "Channel: Telegram" in telegram.texts(STAFF_CHAT)[0]

    add_events(settings, "telegram:42", red_flag_events())
    await dispatcher.tick()
    await dispatcher.tick()
    await dispatcher.close()
    assert len(telegram.texts(STAFF_CHAT)) == 2
    assert telegram.texts(STAFF_CHAT)[1].startswith("EMERGENCY")
    assert len(mailbox.messages) == 2


async def test_asking_for_a_person_after_a_red_flag_alerts_staff_again(tmp_path, telegram):
    settings = staff_chat_only(tmp_path, telegram)
    dispatcher = red_flag_to_alert(settings, "web:after-flag")
    await dispatcher.tick()
    assert len(telegram.texts(STAFF_CHAT)) == 1
    # The patient now waits for someone: staff must know, though the conversation was alerted.
    add_events(
        settings,
        "web:after-flag",
        [
            user("can someone call me please", "request_human"),
            {"event": "action", "timestamp": time.time(), "name": "action_human_handoff"},
            slot("needs_staff_followup", True),
        ],
    )
    await dispatcher.tick()
    await dispatcher.tick()
    await dispatcher.close()
    texts = telegram.texts(STAFF_CHAT)
    assert len(texts) == 2
    assert texts[0].startswith("EMERGENCY")
    assert texts[1].startswith("A patient asked to talk to a person")


def test_an_index_from_before_a_new_column_is_rebuilt_from_the_events(tmp_path):
    from sqlalchemy import create_engine, inspect, text

    from bot.storage.tables import create_tables

    settings = settings_for(tmp_path)
    add_events(settings, "web:old", red_flag_events())
    engine = create_engine(settings.tracker_database_url)
    with engine.begin() as connection:  # the index as an older version made it
        connection.execute(text("DROP TABLE IF EXISTS review_conversations"))
        connection.execute(text("CREATE TABLE review_conversations (sender_id VARCHAR(255))"))
    create_tables(engine)
    columns = {c["name"] for c in inspect(engine).get_columns("review_conversations")}
    assert "person_requested" in columns


async def test_the_time_is_said_in_brussels_time():
    winter = Alert("red_flag", "doctor_today", "web", datetime(2026, 12, 6, 17, 5), "x")
    summer = Alert("red_flag", "doctor_today", "web", datetime(2026, 7, 6, 17, 5), "x")
    assert "18:05 (Brussels)" in winter.text()
    assert "19:05 (Brussels)" in summer.text()
    assert winter.text().startswith("URGENT TODAY: the patient was told to see a doctor today")


async def test_an_smtp_server_that_is_down_is_retried_until_it_is_back(tmp_path, caplog):
    port = free_port()
    settings = mailbox_only(tmp_path, port, "desk@hcmc.example")
    dispatcher = red_flag_to_alert(settings, "web:down")
    now = datetime.utcnow()
    with caplog.at_level(logging.WARNING):
        await dispatcher.tick(now)  # nothing listens: the conversation is not disturbed
    [row] = alert_rows(settings)
    assert (row.status, row.attempts) == ("pending", 1)
    assert "ConnectionRefusedError" in row.last_error
    assert any("retrying" in record.getMessage() for record in caplog.records)

    await dispatcher.tick(now + timedelta(seconds=1))  # not due yet
    assert alert_rows(settings)[0].attempts == 1

    controller, mailbox = start_smtp(port=port)
    try:
        await dispatcher.tick(now + RETRY_DELAYS[0] + timedelta(seconds=1))
    finally:
        controller.stop()
        await dispatcher.close()
    assert alert_rows(settings)[0].status == "sent"
    assert len(mailbox.messages) == 1


async def test_a_refusing_smtp_server_ends_in_a_logged_failure(tmp_path, smtp, caplog):
    controller, mailbox = smtp
    mailbox.refuse = True
    settings = mailbox_only(tmp_path, controller.port, "nobody@hcmc.example")
    dispatcher = red_flag_to_alert(settings, "web:refused")
    now = datetime.utcnow()
    with caplog.at_level(logging.WARNING):
        for _ in range(len(RETRY_DELAYS) + 1):
            await dispatcher.tick(now)
            now += timedelta(hours=1)
    await dispatcher.close()
    [row] = alert_rows(settings)
    assert (row.status, row.attempts) == ("failed", len(RETRY_DELAYS) + 1)
    assert "SMTPRecipientsRefused" in row.last_error
    assert any(
        r.levelno == logging.ERROR and "failed for good" in r.getMessage() for r in caplog.records
    )


async def test_an_unknown_staff_chat_is_retried_and_the_token_never_logged(
    tmp_path, telegram, caplog
):
    settings = settings_for(
        tmp_path,
        TELEGRAM_BOT_TOKEN=FAKE_TOKEN,
        TELEGRAM_API_BASE_URL=telegram.base_url,
        HCMC_STAFF_TELEGRAM_CHAT_ID="-999",
    )
    telegram.fail_next("sendMessage", status=400, description="Bad Request: chat not found")
    dispatcher = red_flag_to_alert(settings, "web:chat")
    now = datetime.utcnow()
    with caplog.at_level(logging.DEBUG):
        await dispatcher.tick(now)
        [row] = alert_rows(settings)
        assert row.status == "pending"
        assert "chat not found" in row.last_error
        await dispatcher.tick(now + RETRY_DELAYS[0])
    await dispatcher.close()
    assert alert_rows(settings)[0].status == "sent"
    secret = FAKE_TOKEN.split(":", 1)[1]
    assert all(secret not in record.getMessage() for record in caplog.records)
    assert secret not in (alert_rows(settings)[0].last_error or "")


async def test_starttls_and_login_are_used_when_the_server_offers_them(tmp_path, monkeypatch):
    certificate, key = self_signed(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate))  # trust this test's own certificate
    controller, mailbox = start_smtp(tls=(certificate, key), login=("desk", "s3cret pass"))
    settings = mailbox_only(
        tmp_path, controller.port, "desk@hcmc.example", login="desk:s3cret%20pass@"
    )
    dispatcher = red_flag_to_alert(settings, "web:tls")
    try:
        await dispatcher.tick()
    finally:
        controller.stop()
        await dispatcher.close()
    assert alert_rows(settings)[0].status == "sent"
    assert mailbox.logins == ["desk"]
    assert len(mailbox.messages) == 1


async def test_last_months_conversations_are_not_alerted_but_last_nights_are(tmp_path, telegram):
    settings = staff_chat_only(tmp_path, telegram)
    for sender, hours_ago in (("web:last-month", 30 * 24), ("web:last-night", 9)):
        events = red_flag_events()
        for event in events:
            event["timestamp"] -= hours_ago * 3600
        add_events(settings, sender, events)
    dispatcher = Dispatcher(review_engine(settings), settings)
    await dispatcher.tick()
    await dispatcher.close()
    assert len(telegram.texts(STAFF_CHAT)) == 1  # the review app was down overnight: late, sent


def test_alert_channels_are_on_only_when_fully_configured(tmp_path):
    assert channels(settings_for(tmp_path)) == []
    assert channels(settings_for(tmp_path, HCMC_STAFF_TELEGRAM_CHAT_ID="-1")) == []
    assert channels(settings_for(tmp_path, HCMC_SMTP_URL="smtp://mail:25")) == []
    on = settings_for(
        tmp_path,
        HCMC_STAFF_TELEGRAM_CHAT_ID="-1",
        TELEGRAM_BOT_TOKEN="1:x",
        HCMC_SMTP_URL="smtp://mail:25",
        HCMC_STAFF_EMAIL="a@x.example;b@x.example",
    )
    assert channels(on) == ["telegram", "email"]
    assert on.staff_emails == ("a@x.example", "b@x.example")
    assert on.staff_alerted
    with pytest.raises(ValueError, match="smtp://"):
        settings_for(tmp_path, HCMC_SMTP_URL="mail.example.org:587")
    with pytest.raises(ValueError, match="HCMC_STAFF_REPLY_HOURS"):
        settings_for(tmp_path, HCMC_STAFF_REPLY_HOURS="weekdays 9 to 5")


def test_a_long_staff_reply_is_split_for_telegram_at_word_boundaries():
    words = [f"word{n}" for n in range(2000)]
    text = " ".join(words)
    pieces = split_for_telegram(text)
    assert len(pieces) > 1
    assert all(len(piece) <= 4096 for piece in pieces)
    assert " ".join(pieces).split() == words


async def test_a_red_flag_that_becomes_more_urgent_is_alerted_again(tmp_path, telegram):
    settings = staff_chat_only(tmp_path, telegram)
    softer = [
        user("my calf is swollen", "red_flag", ("dvt",)),
        slot("red_flag_tier", "doctor_today"),
    ]
    add_events(settings, "web:worse", softer)
    dispatcher = Dispatcher(review_engine(settings), settings)
    await dispatcher.tick()
    add_events(settings, "web:worse", red_flag_events())  # now call 112
    await dispatcher.tick()
    add_events(settings, "web:worse", softer)  # less urgent again: nothing new
    await dispatcher.tick()
    await dispatcher.close()
    assert [text.split(":")[0] for text in telegram.texts(STAFF_CHAT)] == [
        "URGENT TODAY",
        "EMERGENCY",
    ]


async def test_a_round_tells_the_assistant_that_alerts_are_running(tmp_path, telegram):
    from bot.alerts.heartbeat import alerts_running

    settings = staff_chat_only(tmp_path, telegram)
    assert not alerts_running(settings.tracker_database_url)
    dispatcher = Dispatcher(review_engine(settings), settings)
    now = datetime.utcnow()
    await dispatcher.tick(now)
    await dispatcher.close()
    assert alerts_running(settings.tracker_database_url, now + timedelta(seconds=30))
    assert not alerts_running(settings.tracker_database_url, now + timedelta(minutes=5))
