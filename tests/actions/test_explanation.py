"""The explanation after the interview, offline, with exact events: each muscular region's text
carries its referral map on the same message; chest and belly never get a muscle picture."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import SlotSet

from actions.explanation import ActionExplainPain
from tests.conftest import make_tracker

FINISHED_KNEE = {
    "pain_regions": ["knee_front"],
    "pain_side": "left",
    "time_pattern": ["during_activity"],
}

KNEE_FRONT = {"en": "the front of the knee", "fr": "l'avant du genou",
              "nl": "de voorkant van de knie"}  # fmt: skip


def sent(dispatcher) -> list[tuple[str, dict[str, Any]]]:
    """Each message as (response, custom data): what a channel shows."""
    return [(message["response"], message["custom"]) for message in dispatcher.messages]


def referral_map(region: str, side: str | None, language: str) -> dict[str, Any]:
    return {"referral_map": {"region": region, "side": side, "language": language}}


async def explain(slots, dispatcher, domain):
    return await ActionExplainPain().run(dispatcher, make_tracker(slots=slots), domain)


@pytest.mark.parametrize("language", ["en", "fr", "nl"])
async def test_the_knee_explanation_carries_its_referral_map_in_the_patients_language(
    language, dispatcher, domain
):
    events = await explain({**FINISHED_KNEE, "language": language}, dispatcher, domain)
    assert events == [
        SlotSet("interview_complete", True),
        SlotSet("explained_regions", ["knee_front"]),
        SlotSet("explained_side", "left"),
    ]
    assert sent(dispatcher) == [
        ("utter_explanation_intro", {}),
        ("utter_referred_pain", referral_map("knee_front", "left", language)),
        ("utter_clinic_example_knee_front", {}),
        ("utter_explanation_closing", {}),
    ]
    # The picture is on the very message that names the region and its muscles.
    explanation = dispatcher.messages[1]
    assert explanation["region"] == KNEE_FRONT[language]
    assert explanation["muscles"].count("\n• ") == 2  # its three thigh muscles, one a line


async def test_chest_gets_its_doctor_first_advice_and_no_picture(dispatcher, domain):
    slots = {"pain_regions": ["chest", "neck"], "pain_side": None, "language": "fr"}
    events = await explain(slots, dispatcher, domain)
    assert events == [
        SlotSet("interview_complete", True),
        SlotSet("explained_regions", ["chest", "neck"]),
        SlotSet("explained_side", None),
    ]
    assert sent(dispatcher) == [
        ("utter_explanation_intro", {}),
        ("utter_doctor_first_chest", {}),
        ("utter_referred_pain", referral_map("neck", None, "fr")),
        ("utter_explanation_closing", {}),
    ]


async def test_a_belly_alone_sends_no_picture_at_all(dispatcher, domain):
    await explain({"pain_regions": ["abdomen"], "pain_side": "middle"}, dispatcher, domain)
    assert sent(dispatcher) == [
        ("utter_explanation_intro", {}),
        ("utter_doctor_first_abdomen", {}),
        ("utter_explanation_closing", {}),
    ]


async def test_after_a_corrected_region_the_picture_follows_the_new_region_and_side(
    dispatcher, domain
):
    # The knee was explained; the patient then said it is the shoulder, and answered its side.
    slots = {
        "pain_regions": ["shoulder_top"],
        "pain_side": "right",
        "interview_complete": True,
        "explained_regions": ["knee_front"],
        "language": "nl",
    }
    events = await explain(slots, dispatcher, domain)
    assert events == [
        SlotSet("interview_complete", True),
        SlotSet("explained_regions", ["shoulder_top"]),
        SlotSet("explained_side", "right"),
    ]
    assert sent(dispatcher) == [
        ("utter_explanation_intro", {}),
        ("utter_referred_pain", referral_map("shoulder_top", "right", "nl")),
        ("utter_explanation_closing", {}),
    ]


async def test_a_correction_elsewhere_sends_neither_the_text_nor_the_picture_again(
    dispatcher, domain
):
    slots = {
        **FINISHED_KNEE,
        "interview_complete": True,
        "explained_regions": ["knee_front"],
        "explained_side": "left",
    }
    events = await explain(slots, dispatcher, domain)
    assert events == [
        SlotSet("interview_complete", True),
        SlotSet("explained_regions", ["knee_front"]),
        SlotSet("explained_side", "left"),
    ]
    assert dispatcher.messages == []


async def test_the_other_side_gets_the_picture_of_that_side_without_the_rest(dispatcher, domain):
    # "Actually it's my right knee": same words, so no introduction or closing again.
    slots = {
        **FINISHED_KNEE,
        "pain_regions": ["knee_front", "chest"],
        "pain_side": "right",
        "interview_complete": True,
        "explained_regions": ["knee_front", "chest"],
        "explained_side": "left",
        "language": "fr",
    }
    events = await explain(slots, dispatcher, domain)
    assert sent(dispatcher) == [("utter_referred_pain", referral_map("knee_front", "right", "fr"))]
    assert SlotSet("explained_side", "right") in events
