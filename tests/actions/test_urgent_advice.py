"""Urgent advice carries tier, title, reason and numbers; every channel draws it as urgent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk.events import SlotSet

from actions.booking import ActionBookingHandoff
from actions.red_flags import ActionRedFlagAdvice
from bot.apps.telegram.messages import messages
from bot.apps.telegram.payloads import PayloadStore
from bot.apps.telegram.rendering import merge_urgent, render_replies
from bot.storage.history import visible_messages
from bot.triage.red_flags import flag_ids, tiers
from bot.triage.red_flags.advice import DEFAULT_ADVICE_PATH, load_advice, urgent_payload
from tests.conftest import make_tracker, parse, responses


def test_every_tier_and_flag_has_a_title_or_reason_in_every_language():
    advice = load_advice()
    for tier in (*tiers(), "unclear"):
        assert {advice.title(tier, lang) for lang in ("en", "fr", "nl")}.__len__() == 3
    for flag in flag_ids():
        assert len({advice.reason(flag, lang) for lang in ("en", "fr", "nl")}) == 3


def test_a_missing_reason_stops_the_load(tmp_path: Path):
    raw = yaml.safe_load(DEFAULT_ADVICE_PATH.read_text(encoding="utf-8"))
    del raw["flags"]["dvt"]["reason"]["nl"]
    broken = tmp_path / "advice.yml"
    broken.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError, match="flag dvt reason: no text for nl"):
        load_advice.__wrapped__(broken)


@pytest.mark.parametrize(
    ("tier", "flag", "language", "numbers", "title"),
    [
        ("call_112", "heart_attack_signs", "en", ["112"], "Urgent: call 112 now"),
        ("emergency_department", "trauma_neuro", "fr", ["112"], "Urgent : allez aux urgences"),
        ("doctor_today", "dvt", "nl", ["1733", "112"], "Ga vandaag nog naar een arts"),
        ("gp_soon", "cancer_history", "en", [], "See your GP before therapy"),
        ("call_112", "self_harm", "en", ["112", "1813", "0800 32 123"], "Urgent: call 112"),
        ("unclear", None, "en", ["112", "1733"], "This may be urgent"),
    ],
)
def test_the_payload_names_the_numbers_the_tier_says(tier, flag, language, numbers, title):
    urgent = urgent_payload(tier, flag, language)["urgent"]
    assert [call["number"] for call in urgent["calls"]] == numbers
    assert [call["tel"] for call in urgent["calls"]] == [
        "tel:" + n.replace(" ", "") for n in numbers
    ]
    assert urgent["title"].startswith(title)
    assert urgent["tier"] == tier and urgent["flag"] == flag and urgent["language"] == language


async def test_the_tier_advice_carries_the_urgent_card(dispatcher, domain):
    tracker = make_tracker(
        parse("my jaw and left arm feel heavy and I'm sweating"), slots={"language": "fr"}
    )
    events = await ActionRedFlagAdvice().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == [
        "utter_red_flag_atypical_heart_attack",
        "utter_tier_call_112",
        "utter_red_flag_staff_note",
    ]
    card = dispatcher.messages[1]["custom"]["urgent"]
    assert card["tier"] == "call_112" and card["flag"] == "atypical_heart_attack"
    assert card["calls"][0]["tel"] == "tel:112"
    assert "transpiration" in card["reason"]  # the patient's language
    assert not dispatcher.messages[0]["custom"] and not dispatcher.messages[2]["custom"]
    assert SlotSet("red_flag_tier", "call_112") in events


async def test_the_booking_refusal_says_why_and_shows_the_card_again(dispatcher, domain):
    tracker = make_tracker(
        parse("can I book?", "request_booking"),
        slots={"red_flag_tier": "doctor_today", "red_flags": ["trauma", "dvt"], "language": "en"},
    )
    # "trauma" and "dvt" share the tier: the first of the conversation names the reason.
    events = await ActionBookingHandoff().run(dispatcher, tracker, domain)
    assert events == [SlotSet("offer_interview", False)]  # no link given
    refusal, advice = dispatcher.messages
    assert refusal["response"] == "utter_booking_blocked_by_red_flag"
    assert refusal["red_flag_reason"] == "a recent fall or accident"
    assert advice["custom"]["urgent"]["calls"][0]["number"] == "1733"


def test_the_refusal_sentence_names_the_reason_in_each_language(domain):
    variants = domain["responses"]["utter_booking_blocked_by_red_flag"]
    assert len(variants) == 3
    assert all("{red_flag_reason}" in variant["text"] for variant in variants)


def _reply_texts(replies: list[dict[str, Any]]) -> list[str]:
    rendered = render_replies(replies, PayloadStore(None), messages(), "en")
    return [message.text for message in rendered.messages]


def test_telegram_marks_the_advice_and_puts_each_number_alone_on_its_line():
    custom = urgent_payload("doctor_today", "dvt", "en")
    replies = [
        {"text": "A swollen calf can be a clot."},
        {"text": "Please see a doctor today."},
        {"custom": custom},
        {"text": "I've marked this conversation."},
    ]
    texts = _reply_texts(replies)
    assert len(texts) == 3
    urgent = texts[1].split("\n")
    assert urgent[0] == "⚠️ <b>See a doctor today</b>"
    assert urgent[1] == "Please see a doctor today."
    assert "<b>1733</b>" in urgent and "<b>112</b>" in urgent
    assert texts[0] == "A swollen calf can be a clot."


def test_telegram_112_advice_has_the_alarm_marker():
    custom = urgent_payload("call_112", "heart_attack_signs", "nl")
    texts = _reply_texts([{"text": "Bel nu 112."}, {"custom": custom}])
    assert texts == ["🚨 <b>Dringend: bel nu 112</b>\nBel nu 112.\n\n📞 Bel 112:\n<b>112</b>"]


def test_custom_data_of_another_kind_does_not_join_a_text():
    replies = [{"text": "Hello"}, {"custom": {"something": 1}}]
    assert merge_urgent(replies) == replies


def test_history_keeps_the_urgent_card_for_a_reload():
    custom = urgent_payload("call_112", "heart_attack_signs", "en")
    events = [
        {"event": "user", "text": "chest pain"},
        {"event": "bot", "text": "Please call 112 now.", "data": {"custom": custom}},
    ]
    assert visible_messages(events)[-1] == {
        "from": "bot",
        "text": "Please call 112 now.",
        "buttons": [],
        "custom": custom,
    }
