"""The bridge's small modules on their own: rendering, payloads, messages, settings, erasure."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from telegram import ReplyKeyboardMarkup, ReplyKeyboardRemove
from telegram.error import InvalidToken

from bot.apps.telegram.config import load_telegram_settings
from bot.apps.telegram.messages import LANGUAGES, load_messages, messages
from bot.apps.telegram.payloads import PayloadStore
from bot.apps.telegram.rendering import (
    render_replies,
    split_text,
    to_html,
    utf16_length,
)
from bot.redaction import protect
from bot.storage.erase import erase_conversation
from bot.triage.language import language_from_code
from tests.apps.telegram.fake_bot_api import FAKE_TOKEN

# --- rendering ------------------------------------------------------------------------------


def test_text_is_escaped_for_html_and_links_stay_whole():
    assert to_html("1 < 2 & 3 > 2") == "1 &lt; 2 &amp; 3 &gt; 2"
    url = "https://booking.example.org/hcmc/kraainem?centre=kraainem&reason=neck"
    assert to_html(f"Book here: {url}.") == (
        f'Book here: <a href="{url.replace("&", "&amp;")}">{url.replace("&", "&amp;")}</a>.'
    )
    assert to_html('See [our "centres"](https://hcmc.example/a?b=1&c=2) <now>') == (
        'See <a href="https://hcmc.example/a?b=1&amp;c=2">our "centres"</a> &lt;now&gt;'
    )


def test_long_texts_split_at_boundaries_never_inside_a_link():
    url = "https://booking.example.org/" + "x" * 60
    text = ("word " * 810) + url + " end"  # the URL straddles the 4,096th character
    chunks = split_text(text)
    assert len(chunks) == 2
    assert all(utf16_length(chunk) <= 4096 for chunk in chunks)
    assert chunks[1].startswith(url)
    # No spaces at all: a hard cut, still within the limit.
    assert [len(chunk) for chunk in split_text("a" * 9000)] == [4096, 4096, 808]
    # Telegram counts UTF-16 code units: an emoji counts twice.
    assert all(utf16_length(chunk) <= 4096 for chunk in split_text("🙂" * 3000))
    assert split_text("short") == ["short"]


def test_replies_become_messages_and_the_location_keyboard_is_removed_after_use():
    payloads, texts = PayloadStore(), messages()
    question = {
        "text": "Where do you live?",
        "buttons": [{"title": "Send you my location", "payload": "/share_location"}],
    }
    rendered = render_replies([question], payloads, texts, "fr")
    (message,) = rendered.messages  # no other button: the keyboard goes on the question
    assert isinstance(message.reply_markup, ReplyKeyboardMarkup)
    assert message.reply_markup.keyboard[0][0].text == "📍 Partager ma position"
    assert message.reply_markup.keyboard[0][0].request_location
    assert rendered.location_keyboard_open

    answer = [{"text": "Boitsfort it is."}, {"text": "Anything else?"}]
    rendered = render_replies(answer, payloads, texts, "fr", location_keyboard_open=True)
    assert isinstance(rendered.messages[0].reply_markup, ReplyKeyboardRemove)
    assert rendered.messages[1].reply_markup is None
    assert not rendered.location_keyboard_open

    image = render_replies([{"image": "https://hcmc.example/map.png"}], payloads, texts, "en")
    assert image.messages[0].photo_url == "https://hcmc.example/map.png"


# --- payloads -------------------------------------------------------------------------------


def test_payloads_of_any_length_fit_in_callback_data(tmp_path: Path):
    store = PayloadStore(tmp_path / "payloads.sqlite3")
    short = '/describe_pain{"pain_side":"left"}'
    long = (
        '/describe_pain{"body_region":"low_back","pain_side":"both","pain_onset":"gradual","x":1}'
    )
    plain = "yes please"
    assert store.encode(short) == short
    for payload in (long, plain, "/" + "é" * 40):
        data = store.encode(payload)
        assert len(data.encode("utf-8")) <= 64
        assert data.startswith("#")
        assert store.decode(data) == payload
    assert store.encode(long) == store.encode(long)  # stable keys
    store.close()
    # After a restart, old buttons still work.
    again = PayloadStore(tmp_path / "payloads.sqlite3")
    assert again.decode(store.encode(long)) == long
    assert again.decode("#unknown") is None
    assert again.decode("!done") is None


# --- messages -------------------------------------------------------------------------------


def test_every_message_exists_in_english_french_and_dutch():
    texts = load_messages()
    for key, by_language in texts.texts.items():
        assert set(by_language) == set(LANGUAGES), key
    assert texts.text("text_only", "de") == texts.text("text_only", "en")
    assert "vous" in texts.text("unavailable", "fr", routes="x").lower()
    assert " u " in texts.text("unavailable", "nl", routes="x")
    assert [name for name, _ in texts.command_descriptions("nl")] == [
        "start", "help", "restart", "language", "privacy", "forget",
    ]  # fmt: skip


def test_language_codes_from_telegram():
    assert language_from_code("fr") == "fr"
    assert language_from_code("nl-BE") == "nl"
    assert language_from_code("de") is None
    assert language_from_code(None) is None


def test_messages_file_is_checked(tmp_path: Path):
    broken = tmp_path / "messages.yml"
    broken.write_text(
        "language_names: {en: English, fr: Français, nl: Nederlands}\n"
        "messages:\n  hello: {en: 'Hi {name}', fr: 'Bonjour', nl: 'Dag {name}'}\n"
    )
    with pytest.raises(ValueError, match="placeholders"):
        load_messages(broken)


# --- settings -------------------------------------------------------------------------------


def test_settings_from_the_environment():
    settings = load_telegram_settings({"TELEGRAM_BOT_TOKEN": FAKE_TOKEN})
    assert settings.mode == "polling"
    assert settings.bot_api_base_url == "https://api.telegram.org/bot"
    assert settings.assistant_url == "http://127.0.0.1:5005/webhooks/rest/webhook"
    assert settings.retention_days == 90
    assert [name for name, _ in settings.contact_routes] == ["HCMC Kraainem", "HCMC Boitsfort"]
    assert FAKE_TOKEN.split(":")[1] not in repr(settings)

    webhook = load_telegram_settings(
        {
            "TELEGRAM_BOT_TOKEN": FAKE_TOKEN,
            "TELEGRAM_MODE": "webhook",
            "TELEGRAM_WEBHOOK_URL": "https://bot.hcmc.example/telegram/hook",
            "TELEGRAM_WEBHOOK_SECRET": "s3cret_-value",
            "TELEGRAM_API_BASE_URL": "http://127.0.0.1:8081/",
            "HCMC_RASA_PORT": "6005",
            "HCMC_CONTACT_KRAAINEM": "+32 2 000 00 00",
        }
    )
    assert webhook.webhook_path == "/telegram/hook"
    assert webhook.bot_api_base_url == "http://127.0.0.1:8081/bot"
    assert webhook.assistant_url == "http://127.0.0.1:6005/webhooks/rest/webhook"
    assert webhook.contact_routes[0] == ("HCMC Kraainem", "+32 2 000 00 00")


@pytest.mark.parametrize(
    ("env", "error"),
    [
        ({}, "TELEGRAM_BOT_TOKEN is not set"),
        ({"TELEGRAM_BOT_TOKEN": "not a token"}, "does not look like a bot token"),
        ({"TELEGRAM_BOT_TOKEN": FAKE_TOKEN, "TELEGRAM_MODE": "push"}, "TELEGRAM_MODE"),
        ({"TELEGRAM_BOT_TOKEN": FAKE_TOKEN, "TELEGRAM_MODE": "webhook"}, "TELEGRAM_WEBHOOK_URL"),
        (
            {
                "TELEGRAM_BOT_TOKEN": FAKE_TOKEN,
                "TELEGRAM_MODE": "webhook",
                "TELEGRAM_WEBHOOK_URL": "https://bot.hcmc.example/hook",
                "TELEGRAM_WEBHOOK_SECRET": "has spaces",
            },
            "TELEGRAM_WEBHOOK_SECRET",
        ),
    ],
)
def test_wrong_settings_are_explained(env: dict[str, str], error: str):
    with pytest.raises(ValueError, match=error) as raised:
        load_telegram_settings(env)
    assert "not a token" not in str(raised.value)  # a token is never echoed


# --- erasure and logs -----------------------------------------------------------------------


def test_erasing_from_an_empty_store_erases_nothing(tmp_path: Path):
    assert erase_conversation(f"sqlite:///{tmp_path / 'empty.db'}", "telegram:1") == 0


def test_the_token_is_redacted_even_in_tracebacks(caplog: pytest.LogCaptureFixture):
    protect(FAKE_TOKEN)
    logger = logging.getLogger("bot.apps.telegram.test")
    try:
        raise InvalidToken(f"The token `{FAKE_TOKEN}` was rejected by the server.")
    except InvalidToken:
        logger.exception("Start-up failed with %s", FAKE_TOKEN)
    (record,) = [r for r in caplog.records if r.name == "bot.apps.telegram.test"]
    assert "[REDACTED]" in record.getMessage()
    assert "was rejected" in (record.exc_text or "")
    # The autouse fixture `token_never_logged` checks the rest.
