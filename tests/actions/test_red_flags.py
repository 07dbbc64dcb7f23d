"""Urgent advice: the right tier, the conversation marked for staff, booking blocked after it."""

from __future__ import annotations

import pytest
from rasa_sdk.events import SlotSet

from actions.booking import ActionBookingHandoff
from actions.red_flags import (
    ActionAskSafetyCheck,
    ActionLiftRedFlag,
    ActionRedFlagAdvice,
    ActionReviewRedFlag,
    ActionSafetyClear,
    more_urgent,
)
from tests.conftest import make_tracker, parse, payload, responses


@pytest.mark.parametrize(
    ("text", "flag", "tier"),
    [
        (
            "my back hurts and I can't feel anything between my legs",
            "cauda_equina",
            "emergency_department",
        ),
        ("crushing chest pain going into my left arm", "heart_attack_signs", "call_112"),
        ("worst headache of my life, it came on in seconds", "thunderclap_headache", "call_112"),
        ("my calf is swollen, red and hot", "dvt", "doctor_today"),
        ("I had cancer five years ago", "cancer_history", "gp_soon"),
        ("I want to kill myself", "self_harm", "call_112"),
    ],
)
async def test_red_flag_gives_its_reason_then_the_tier(text, flag, tier, dispatcher, domain):
    events = await ActionRedFlagAdvice().run(dispatcher, make_tracker(parse(text)), domain)
    assert responses(dispatcher) == [
        f"utter_red_flag_{flag}",
        f"utter_tier_{tier}",
        "utter_red_flag_staff_note",
    ]
    assert events == [
        SlotSet("red_flag_tier", tier),
        SlotSet("red_flags", [flag]),
        SlotSet("needs_staff_followup", True),
    ]


async def test_screen_button_names_the_flag(dispatcher, domain):
    message = payload("red_flag", {"red_flag_id": "dvt"})
    events = await ActionRedFlagAdvice().run(dispatcher, make_tracker(message), domain)
    assert responses(dispatcher)[:2] == ["utter_red_flag_dvt", "utter_tier_doctor_today"]
    assert SlotSet("red_flags", ["dvt"]) in events


async def test_classifier_only_red_flag_still_escalates(dispatcher, domain):
    message = {"text": "something odd is happening", "intent": {"name": "red_flag"}, "entities": []}
    events = await ActionRedFlagAdvice().run(dispatcher, make_tracker(message), domain)
    assert responses(dispatcher) == [
        "utter_red_flag_unclear",
        "utter_tier_unclear",
        "utter_red_flag_staff_note",
    ]
    assert SlotSet("red_flag_tier", "unclear") in events


async def test_the_most_urgent_tier_of_the_conversation_is_kept(dispatcher, domain):
    tracker = make_tracker(
        parse("I've lost weight without trying"),
        slots={"red_flag_tier": "call_112", "red_flags": ["heart_attack_signs"]},
    )
    events = await ActionRedFlagAdvice().run(dispatcher, tracker, domain)
    assert SlotSet("red_flag_tier", "call_112") in events
    assert SlotSet("red_flags", ["heart_attack_signs", "weight_loss"]) in events


def test_tier_order():
    assert more_urgent("gp_soon", "call_112") == "call_112"
    assert more_urgent("unclear", "gp_soon") == "unclear"
    assert more_urgent("doctor_today", "unclear") == "doctor_today"
    assert more_urgent(None, "gp_soon") == "gp_soon"


@pytest.mark.parametrize("tier", ["call_112", "emergency_department", "doctor_today", "unclear"])
async def test_no_booking_link_after_an_urgent_red_flag(tier, dispatcher, domain):
    tracker = make_tracker(
        parse("I want to book an appointment", "request_booking"),
        slots={"red_flag_tier": tier, "nearest_centre": "kraainem"},
    )
    events = await ActionBookingHandoff().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_booking_blocked_by_red_flag", f"utter_tier_{tier}"]
    assert events == [SlotSet("offer_interview", False)]  # no link, and no interview offered


async def test_a_correction_after_a_softer_red_flag_asks_once_then_opens_booking(
    dispatcher, domain
):
    slots = {"red_flag_tier": "doctor_today", "red_flags": ["giant_cell_arteritis"]}
    tracker = make_tracker(parse("no, I mean my jaw is just tired, I'm 34", "deny"), slots)
    assert await ActionReviewRedFlag().run(dispatcher, tracker, domain) == []
    events = await ActionLiftRedFlag().run(dispatcher, tracker, domain)
    assert events == [SlotSet("red_flag_tier", "gp_soon")]
    assert responses(dispatcher) == ["utter_ask_red_flag_still", "utter_red_flag_lifted"]


@pytest.mark.parametrize("tier", ["call_112", "emergency_department"])
async def test_an_emergency_tier_stands_whatever_is_said_next(tier, dispatcher, domain):
    tracker = make_tracker(parse("no no, it's nothing", "deny"), {"red_flag_tier": tier})
    assert await ActionReviewRedFlag().run(dispatcher, tracker, domain) == []
    assert await ActionLiftRedFlag().run(dispatcher, tracker, domain) == []
    assert responses(dispatcher) == ["utter_red_flag_stands", "utter_red_flag_stands"]


@pytest.mark.parametrize(
    ("raised", "offered"),
    [
        ("my back is killing me 😅 when can I come in?", True),
        ("mijn rug vermoordt mij, wanneer kan ik langskomen?", True),
        ("j'ai un mal de dos à crever", True),
        ("I think something serious might be happening", False),
    ],
)
async def test_no_to_the_safety_question_offers_the_interview_when_it_was_about_pain(
    raised, offered, dispatcher, domain
):
    events = [
        {"event": "user", "text": raised, "parse_data": parse(raised, "possible_red_flag")},
        {"event": "bot", "text": "...", "metadata": {"utter_action": "utter_ask_safety_check"}},
        {"event": "user", "text": "no", "parse_data": parse("no", "deny")},
    ]
    tracker = make_tracker(parse("no", "deny"), {"consent": "unknown"}, events)
    result = await ActionSafetyClear().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_safety_clear"]
    assert result[0] == SlotSet("offer_interview", offered)


# --- a red flag told over several messages: one question, then that flag's own advice ----------

ACROSS = "and now I'm sweating"


def suspected(text: str, flag: str) -> dict:
    message = parse(text, "possible_red_flag")
    message["entities"].append({"entity": "suspected_red_flag", "value": flag})
    return message


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "which can come from the heart"), ("fr", "venir du cœur"), ("nl", "van het hart")],
)
async def test_the_safety_question_names_what_the_messages_together_may_be(
    language, words, dispatcher, domain
):
    tracker = make_tracker(suspected(ACROSS, "atypical_heart_attack"), {"language": language})
    assert await ActionAskSafetyCheck().run(dispatcher, tracker, domain) == []
    [asked] = dispatcher.messages
    assert asked["response"] == "utter_ask_safety_check_across"
    assert words in asked["reason"]


async def test_a_classifier_guess_gets_the_general_safety_question(dispatcher, domain):
    tracker = make_tracker(parse("something feels off", "possible_red_flag"))
    await ActionAskSafetyCheck().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_ask_safety_check"]
