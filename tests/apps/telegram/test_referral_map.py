"""The referral map on Telegram: the explanation arrives as one photo with the text as its
caption, in the patient's language, in its place in the turn; chest and belly get no picture.

Through the bridge over real HTTP: the fake Bot API receives the uploaded PNG, the scripted
assistant answers as Rasa's REST channel does (the text, then its custom data alone).
"""

from __future__ import annotations

import logging
import struct
from pathlib import Path

import pytest

from bot.apps.telegram.rendering import to_html
from bot.pictures import referral_map_png
from tests.apps.telegram.conftest import AnyApplication, make_settings, process, running_bridge
from tests.apps.telegram.fake_assistant import (
    LONG_EXPLANATION,
    FakeAssistant,
    domain_text,
    explanation,
)
from tests.apps.telegram.fake_bot_api import FakeBotAPI

CHAT = 2001
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header chunk (IHDR)."""
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("language", ["en", "fr", "nl"])
async def test_the_knee_explanation_is_a_photo_captioned_in_the_patients_language(
    language: str, telegram_api: FakeBotAPI, assistant: FakeAssistant, tmp_path: Path
):
    api = telegram_api
    async with running_bridge(make_settings(api, assistant.url, tmp_path)):
        api.push(api.text_update(CHAT, f"explain knee_front in {language}", language=language))
        closing = domain_text("utter_explanation_closing", language)
        await api.wait_for_text(CHAT, to_html(closing))

    intro, referred, _, closing_reply = explanation("knee_front", language)
    # One message per text, in the turn's order; the explanation is the photo's caption.
    assert api.shown(CHAT) == [
        to_html(intro["text"]),
        f"[photo] {to_html(referred['text'])}",
        to_html(closing_reply["text"]),
    ]
    (photo,) = api.photos(CHAT)
    assert photo["parse_mode"] == "HTML"
    region = {"en": "the front of the knee", "fr": "l'avant du genou",
              "nl": "de voorkant van de knie"}[language]  # fmt: skip
    assert region in photo["caption"]
    # A real PNG, the knee's map drawn for that side and language.
    assert png_size(photo["photo"]) > (1, 1)
    assert photo["photo"] == referral_map_png("knee_front", "left", language)


async def test_a_chest_explanation_sends_no_photo(
    app: AnyApplication, telegram_api: FakeBotAPI, assistant: FakeAssistant
):
    await process(app, telegram_api.text_update(CHAT, "explain chest in fr", language="fr"))
    assert telegram_api.photos() == []
    assert telegram_api.texts(CHAT) == [
        to_html(reply["text"]) for reply in explanation("chest", "fr")
    ]


async def test_the_body_map_of_the_where_question_adds_nothing(
    app: AnyApplication, telegram_api: FakeBotAPI, assistant: FakeAssistant
):
    await process(app, telegram_api.text_update(CHAT, "/start"))
    await process(app, telegram_api.button_update(CHAT, "Yes, I agree"))
    assert telegram_api.shown(CHAT)[-1] == "Where do you feel the pain?"
    assert telegram_api.photos() == []


async def test_an_explanation_too_long_for_a_caption_follows_a_photo_naming_the_region(
    app: AnyApplication, telegram_api: FakeBotAPI, assistant: FakeAssistant
):
    await process(app, telegram_api.text_update(CHAT, "explain at length"))
    assert telegram_api.shown(CHAT) == [
        "[photo] Where the pain can come from (the front of the knee)",
        LONG_EXPLANATION.strip(),
    ]
    (photo,) = telegram_api.photos(CHAT)
    assert photo["photo"] == referral_map_png("knee_front", "right", "en")


async def test_when_the_picture_cannot_be_drawn_the_explanation_still_goes_out(
    app: AnyApplication,
    telegram_api: FakeBotAPI,
    assistant: FakeAssistant,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
):
    def broken(*args: object) -> bytes:
        raise RuntimeError("no drawing today")

    monkeypatch.setattr("bot.apps.telegram.handlers.referral_map_png", broken)
    await process(app, telegram_api.text_update(CHAT, "explain knee_front in nl", language="nl"))
    assert telegram_api.photos() == []
    assert telegram_api.texts(CHAT) == [
        to_html(reply["text"]) for reply in explanation("knee_front", "nl") if "text" in reply
    ]
    assert any(
        record.levelno == logging.WARNING and "referral map" in record.getMessage()
        for record in caplog.records
    )


async def test_when_telegram_refuses_the_photo_the_explanation_goes_as_text(
    app: AnyApplication, telegram_api: FakeBotAPI, assistant: FakeAssistant
):
    telegram_api.fail_next("sendPhoto", status=400, description="Bad Request: IMAGE_PROCESS_FAILED")
    await process(app, telegram_api.text_update(CHAT, "explain knee_front in en"))
    assert telegram_api.texts(CHAT) == [
        to_html(reply["text"]) for reply in explanation("knee_front", "en") if "text" in reply
    ]


async def test_a_map_for_a_region_that_has_none_leaves_the_text_alone(
    app: AnyApplication, telegram_api: FakeBotAPI, assistant: FakeAssistant
):
    await process(app, telegram_api.text_update(CHAT, "explain an unknown region"))
    assert telegram_api.photos() == []
    assert telegram_api.shown(CHAT) == ["Pain felt there often comes from muscles."]
