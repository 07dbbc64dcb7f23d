"""The interview form's validation action, offline, with exact events."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import SlotSet

from actions.interview import (
    ActionDeferBooking,
    ActionStartInterview,
    ValidateInterviewForm,
    required_slots_for,
)
from tests.actions.interview_form import validate
from tests.conftest import make_tracker, parse, payload, responses

ANSWERED_UP_TO_SEVERITY = {
    "pain_regions": ["knee_front"],
    "pain_area_checked": True,
    "pain_side": "left",
    "pain_onset": "gradual",
    "pain_duration": "acute",
    "time_pattern": ["during_activity"],
    "pain_modifiers": "stairs",
}
ASKED_WHEN_WORST = {
    "pain_regions": ["knee_front"],
    "pain_area_checked": True,
    "pain_side": "left",
    "pain_onset": "gradual",
    "pain_duration": "acute",
    "requested_slot": "time_pattern",
}


async def test_several_answers_at_once_are_all_kept_and_not_asked_again(dispatcher, domain):
    message = parse("my knee has hurt for three weeks, worse on stairs", "describe_pain")
    events = await validate(message, {"requested_slot": "pain_regions"}, dispatcher, domain)
    assert SlotSet("pain_regions", ["knee_front"]) in events
    assert SlotSet("pain_duration", "acute") in events
    assert SlotSet("pain_duration_days", 21) in events
    assert SlotSet("pain_modifiers", "worse on stairs") in events
    # Next question: the side of the knee, then the onset; the duration is not asked again.
    assert events[-1] == SlotSet("requested_slot", "pain_side")
    assert dispatcher.messages == []


async def test_button_answer_moves_to_the_next_question(dispatcher, domain):
    slots = {
        "requested_slot": "pain_side",
        "pain_regions": ["knee_front"],
        "pain_area_checked": True,
    }
    events = await validate(
        payload("describe_pain", {"pain_side": "left"}), slots, dispatcher, domain
    )
    assert events == [SlotSet("pain_side", "left"), SlotSet("requested_slot", "pain_onset")]


async def test_an_answer_not_understood_is_asked_again_politely(dispatcher, domain):
    slots = {**ANSWERED_UP_TO_SEVERITY, "requested_slot": "pain_severity"}
    events = await validate(parse("quite bad really", "describe_pain"), slots, dispatcher, domain)
    assert events == [
        SlotSet("missed_question", "pain_severity"),
        SlotSet("pain_severity", None),
        SlotSet("requested_slot", "pain_severity"),
    ]
    assert responses(dispatcher) == ["utter_not_understood_answer"]


async def test_a_second_unreadable_answer_leaves_the_question_to_the_therapist(dispatcher, domain):
    slots = {
        **ANSWERED_UP_TO_SEVERITY,
        "requested_slot": "pain_severity",
        "missed_question": "pain_severity",
    }
    events = await validate(
        parse("hard to say, it varies", "describe_pain"), slots, dispatcher, domain
    )
    assert events == [
        SlotSet("missed_question", None),
        SlotSet("skipped_questions", ["pain_severity"]),
        SlotSet("requested_slot", "precautions"),
    ]
    assert responses(dispatcher) == ["utter_question_skipped"]


async def test_unreadable_precautions_twice_are_noted_as_unsure_not_none(dispatcher, domain):
    slots = {
        **ANSWERED_UP_TO_SEVERITY,
        "pain_severity": 4.0,
        "requested_slot": "precautions",
        "missed_question": "precautions",
    }
    events = await validate(parse("hmm well", "describe_pain"), slots, dispatcher, domain)
    assert SlotSet("precautions", ["unsure"]) in events
    assert events[-1] == SlotSet("requested_slot", "screen_general")


@pytest.mark.parametrize("text", ["hmm well", "bof", "tja"])
async def test_a_safety_screen_unclear_twice_is_left_open_with_what_to_do(text, dispatcher, domain):
    slots = {
        **ANSWERED_UP_TO_SEVERITY,
        "pain_severity": 4.0,
        "precautions": ["none"],
        "requested_slot": "screen_general",
    }
    first = await validate(parse(text, "describe_pain"), slots, dispatcher, domain)
    assert first[-1] == SlotSet("requested_slot", "screen_general")  # asked once more
    slots = {**slots, "missed_question": "screen_general"}
    events = await validate(parse(text, "describe_pain"), slots, dispatcher, domain)
    # Not a "no": nothing is recorded as ruled out; the patient is told what to do if a sign
    # applies (1733, 112), and the question is not asked a third time.
    assert "utter_screen_left_open" in responses(dispatcher)
    assert SlotSet("screen_general", False) not in events
    assert SlotSet("skipped_questions", ["screen_general"]) in events
    assert events[-1] == SlotSet("requested_slot", None)


async def test_a_yes_to_a_safety_screen_is_never_left_open(dispatcher, domain):
    slots = {
        **ANSWERED_UP_TO_SEVERITY,
        "pain_severity": 4.0,
        "precautions": ["none"],
        "requested_slot": "screen_general",
        "missed_question": "screen_general",
    }
    for _ in range(3):
        events = await validate(parse("yes", "affirm"), slots, dispatcher, domain)
        assert events[-1] == SlotSet("requested_slot", "screen_general")
    assert "utter_screen_left_open" not in responses(dispatcher)


@pytest.mark.parametrize(
    "text",
    [
        "Neen, geen tintelingen, geen duizeligheid, kracht in mijn armen is normaal.",
        "des fourmillements ? non, rien d'autre.",
        "No swelling, no warmth, my leg looks completely normal. Both calves are the same.",
    ],
)
async def test_a_screen_answer_that_rules_out_every_sign_is_a_no(text, dispatcher, domain):
    slots = {
        **ANSWERED_UP_TO_SEVERITY,
        "pain_severity": 4.0,
        "precautions": ["none"],
        "requested_slot": "screen_general",
    }
    events = await validate(parse(text, "describe_pain"), slots, dispatcher, domain)
    assert SlotSet("screen_general", False) in events


async def test_a_screen_answer_with_one_part_not_ruled_out_is_asked_again(dispatcher, domain):
    slots = {
        **ANSWERED_UP_TO_SEVERITY,
        "pain_severity": 4.0,
        "precautions": ["none"],
        "requested_slot": "screen_general",
    }
    message = parse("my weight is stable, just the arm feels a bit funny", "describe_pain")
    events = await validate(message, slots, dispatcher, domain)
    assert SlotSet("screen_general", False) not in events
    assert events[-1] == SlotSet("requested_slot", "screen_general")


async def test_a_readable_answer_forgets_the_earlier_miss(dispatcher, domain):
    slots = {
        **ANSWERED_UP_TO_SEVERITY,
        "requested_slot": "pain_severity",
        "missed_question": "pain_severity",
    }
    events = await validate(parse("a 5", "describe_pain"), slots, dispatcher, domain)
    assert SlotSet("pain_severity", 5.0) in events
    assert SlotSet("missed_question", None) in events


async def test_interruptions_let_the_form_step_aside(dispatcher, domain):
    for intent in ("faq", "stop", "red_flag", "request_human"):
        events = await validate(
            parse("what is dry needling?", intent),
            {"requested_slot": "pain_onset"},
            dispatcher,
            domain,
        )
        assert events == []
    for refusal in ("I don't want to answer health questions any more", "je retire mon accord"):
        events = await validate(
            parse(refusal, "decline_consent"), {"requested_slot": "pain_onset"}, dispatcher, domain
        )
        assert events == []


@pytest.mark.parametrize(
    ("text", "onset"),
    [
        ("Tout doucement, sans raison, je n'ai rien soulevé ni rien.", "gradual"),
        ("geleidelijk, niks speciaals gedaan", "gradual"),
    ],
)
async def test_an_answer_taken_for_a_refusal_is_still_an_answer(text, onset, dispatcher, domain):
    # Consent is withdrawn in words the consent rules know, never by a negated answer.
    slots = {"pain_regions": ["low_back"], "pain_side": "both", "requested_slot": "pain_onset"}
    events = await validate(parse(text, "decline_consent"), slots, dispatcher, domain)
    assert SlotSet("pain_onset", onset) in events


async def test_goodbye_that_answers_nothing_lets_the_interview_end(dispatcher, domain):
    slots = {**ANSWERED_UP_TO_SEVERITY, "requested_slot": "pain_severity"}
    assert await validate(parse("doei", "goodbye"), slots, dispatcher, domain) == []
    assert dispatcher.messages == []


async def test_goodbye_at_a_free_text_question_is_not_taken_as_the_answer(dispatcher, domain):
    slots = {**ASKED_WHEN_WORST, "time_pattern": ["constant"], "requested_slot": "pain_modifiers"}
    assert await validate(parse("doei", "goodbye"), slots, dispatcher, domain) == []


async def test_an_answer_read_as_goodbye_is_still_an_answer(dispatcher, domain):
    # "de hele dag door" (all day long) holds "dag", which also says goodbye in Flemish.
    slots = ASKED_WHEN_WORST
    events = await validate(parse("de hele dag door", "goodbye"), slots, dispatcher, domain)
    assert events[0].get("name") == "time_pattern"
    assert events[0].get("value")
    assert events[-1] == SlotSet("requested_slot", "pain_modifiers")


async def test_yes_to_a_screen_question_asks_which_one(dispatcher, domain):
    slots = {
        **ANSWERED_UP_TO_SEVERITY,
        "requested_slot": "screen_general",
        "pain_severity": 5.0,
        "precautions": ["none"],
    }
    events = await validate(parse("yes", "affirm"), slots, dispatcher, domain)
    assert events == [SlotSet("screen_general", None), SlotSet("requested_slot", "screen_general")]
    assert responses(dispatcher) == ["utter_screen_which_one"]


async def test_not_sure_to_a_screen_question_advises_caution_and_asks_again(dispatcher, domain):
    slots = {
        **ANSWERED_UP_TO_SEVERITY,
        "requested_slot": "screen_general",
        "pain_severity": 5.0,
        "precautions": ["none"],
    }
    events = await validate(parse("not sure", "deny"), slots, dispatcher, domain)
    assert events == [
        SlotSet("missed_question", "screen_general"),
        SlotSet("screen_general", None),
        SlotSet("requested_slot", "screen_general"),
    ]
    assert responses(dispatcher) == ["utter_screen_unsure"]


async def test_last_screen_answered_ends_the_form(dispatcher, domain):
    slots = {
        **ANSWERED_UP_TO_SEVERITY,
        "requested_slot": "screen_general",
        "pain_severity": 5.0,
        "precautions": ["none"],
        "screen_calf": False,
    }
    events = await validate(parse("none", "deny"), slots, dispatcher, domain)
    assert events == [SlotSet("screen_general", False), SlotSet("requested_slot", None)]


def test_the_screen_is_tailored_to_the_regions():
    assert required_slots_for({"pain_regions": ["low_back"]})[-2:] == [
        "screen_back",
        "screen_general",
    ]
    chest = required_slots_for({"pain_regions": ["chest"]})
    assert "pain_side" not in chest
    assert chest[-2:] == ["screen_chest", "screen_general"]
    assert required_slots_for({"pain_regions": ["calf"]})[-2:] == ["screen_calf", "screen_general"]
    assert required_slots_for({"pain_regions": ["temple"]})[-2:] == [
        "screen_head",
        "screen_general",
    ]


async def test_start_interview_keeps_what_was_said_before_consent(dispatcher, domain):
    before = parse("my lower back hurts since two months", "describe_pain")
    events = [
        {"event": "action", "name": "action_session_start"},
        {"event": "user", "text": before["text"], "parse_data": before},
        {"event": "bot", "text": "consent question"},
        {"event": "user", "text": "yes", "parse_data": parse("yes", "give_consent")},
    ]
    tracker = make_tracker(parse("yes", "give_consent"), events=events)
    result = await ActionStartInterview().run(dispatcher, tracker, domain)
    assert SlotSet("pain_regions", ["low_back"]) in result
    assert SlotSet("pain_duration", "subacute") in result
    assert SlotSet("pain_severity", None) in result
    assert responses(dispatcher) == ["utter_interview_prefilled"]
    assert "two months" not in dispatcher.messages[0]["noted"]  # labels, not raw text
    assert "6 weeks to 3 months" in dispatcher.messages[0]["noted"]


async def test_start_interview_with_nothing_said_yet_notes_nothing(dispatcher, domain):
    events = [
        {"event": "action", "name": "action_session_start"},
        {"event": "user", "text": "hi", "parse_data": parse("hi", "greet")},
    ]
    tracker = make_tracker(parse("I agree", "give_consent"), events=events)
    result = await ActionStartInterview().run(dispatcher, tracker, domain)
    kept = ("booking_deferred", "pain_area_checked")
    assert all(event["value"] is None for event in result if event["name"] not in kept)
    # Nothing was said about where: the "where?" question will say exactly where.
    assert SlotSet("pain_area_checked", True) in result
    assert SlotSet("booking_deferred", False) in result  # a new interview may defer booking again
    assert dispatcher.messages == []


async def test_a_possible_red_flag_in_the_interview_is_read_as_the_answer(dispatcher, domain):
    """Only the classifier suspected a red flag: the interview reads the message, it does not
    step aside (the end-of-interview screens still ask the red-flag questions)."""
    message = parse("it came on gradually, it squeezes like a band", "possible_red_flag")
    slots = {
        "requested_slot": "pain_onset",
        "pain_regions": ["temple"],
        "pain_area_checked": True,
        "pain_side": "both",
    }
    events = await validate(message, slots, dispatcher, domain)
    assert SlotSet("pain_onset", "gradual") in events


FINISHED = {
    **ANSWERED_UP_TO_SEVERITY,
    "pain_severity": 4.0,
    "precautions": ["none"],
    "screen_general": False,
    "interview_complete": True,
}


def with_field(message, field):
    message["entities"] = [
        *message.get("entities", []),
        {"entity": "correct_field", "value": field},
    ]
    return message


async def test_a_correction_after_the_interview_changes_one_answer_and_keeps_the_rest(
    dispatcher, domain
):
    tracker = make_tracker(parse("sorry, it's 6 not 4", "describe_pain"), FINISHED)
    events = await ActionStartInterview().run(dispatcher, tracker, domain)
    assert events == [SlotSet("pain_severity", 6.0), SlotSet("requested_slot", None)]
    assert responses(dispatcher) == ["utter_answer_corrected"]
    assert dispatcher.messages[0]["noted"] == "6/10"


@pytest.mark.parametrize(
    ("text", "language"),
    [("change the duration", "en"), ("la durée est fausse", "fr"), ("de duur klopt niet", "nl")],
)
async def test_naming_a_field_to_change_asks_that_question_again(
    text, language, dispatcher, domain
):
    message = with_field(parse(text, "describe_pain"), "pain_duration")
    tracker = make_tracker(message, {**FINISHED, "language": language, "pain_duration_days": 21})
    events = await ActionStartInterview().run(dispatcher, tracker, domain)
    assert events == [
        SlotSet("pain_duration", None),
        SlotSet("pain_duration_days", None),
        SlotSet("requested_slot", "pain_duration"),
    ]


async def test_a_pressed_summary_button_with_a_value_in_words_takes_the_value(dispatcher, domain):
    message = with_field(
        parse("the intensity is wrong, it's a 7", "describe_pain"), "pain_severity"
    )
    events = await ActionStartInterview().run(dispatcher, make_tracker(message, FINISHED), domain)
    assert SlotSet("pain_severity", 7.0) in events
    assert events[-1] == SlotSet("requested_slot", None)


async def test_a_new_region_after_the_interview_asks_its_side_and_screens(dispatcher, domain):
    tracker = make_tracker(
        parse("no wait, it's my shoulder, not the knee", "describe_pain"), FINISHED
    )
    events = await ActionStartInterview().run(dispatcher, tracker, domain)
    assert SlotSet("pain_regions", ["shoulder_top"]) in events
    # The side of the new region is asked; the other answers stay.
    assert SlotSet("pain_onset", None) not in events
    assert events[-1] == SlotSet("requested_slot", "pain_side")


async def test_in_the_middle_of_the_interview_a_correction_changes_only_that(dispatcher, domain):
    slots = {**ASKED_WHEN_WORST, "pain_side": "left"}
    events = await validate(
        parse("behind the knee, not in front, and it's the right one", "describe_pain"),
        slots, dispatcher, domain,
    )  # fmt: skip
    assert SlotSet("pain_regions", ["knee_back"]) in events
    assert SlotSet("pain_side", "right") in events
    assert SlotSet("pain_duration", None) not in events
    assert events[-1] == SlotSet("requested_slot", "time_pattern")


async def test_a_fresh_interview_starts_when_none_was_finished(dispatcher, domain):
    tracker = make_tracker(parse("my neck hurts", "describe_pain"), {"pain_severity": 4.0})
    events = await ActionStartInterview().run(dispatcher, tracker, domain)
    assert SlotSet("pain_severity", None) in events
    assert "utter_answer_corrected" not in responses(dispatcher)


@pytest.mark.parametrize("text", ["I don't know", "je ne sais pas", "geen idee"])
async def test_i_dont_know_leaves_the_question_to_the_therapist_at_once(text, dispatcher, domain):
    slots = {**ASKED_WHEN_WORST, "requested_slot": "pain_onset", "pain_onset": None}
    events = await validate(parse(text, "deny"), slots, dispatcher, domain)
    assert SlotSet("skipped_questions", ["pain_onset"]) in events
    assert responses(dispatcher) == ["utter_question_skipped"]


@pytest.mark.parametrize(
    ("text", "practical"),
    [
        ("can i keep running till the appointment?", False),
        ("vous êtes ouverts le samedi ? je travaille la semaine", True),
        ("kan ik de baby meebrengen naar de afspraak?", False),
    ],
)
async def test_a_booking_request_mid_interview_keeps_the_link_for_the_end(
    text, practical, dispatcher, domain
):
    tracker = make_tracker(parse(text, "request_booking"), ASKED_WHEN_WORST, None, "interview_form")
    events = await ActionDeferBooking().run(dispatcher, tracker, domain)
    assert responses(dispatcher)[0] == "utter_booking_after_interview"
    # The opening hours are answered now, from the clinic's practical data.
    assert ("utter_practical_answer" in responses(dispatcher)) == practical
    assert events == [SlotSet("booking_deferred", True)]


async def test_back_in_the_interview_a_question_is_not_taken_for_an_answer(dispatcher, domain):
    said = [
        {"event": "user", "text": "can i keep running till the appointment?"},
        {"event": "action", "name": "action_defer_booking"},
    ]
    message = parse("can i keep running till the appointment?", "request_booking")
    tracker = make_tracker(message, ASKED_WHEN_WORST, said, "interview_form")
    events = await ValidateInterviewForm().run(dispatcher, tracker, domain)
    assert events == [SlotSet("requested_slot", "time_pattern")]  # running is not when it hurts


async def test_a_place_named_in_passing_is_checked_once_where_exactly(dispatcher, domain):
    events = [
        {"event": "action", "name": "action_session_start"},
        {
            "event": "user",
            "text": "tennis elbow, can I book?",
            "parse_data": parse("tennis elbow, can I book?", "request_booking"),
        },
    ]
    tracker = make_tracker(parse("yes", "give_consent"), events=events)
    result = await ActionStartInterview().run(dispatcher, tracker, domain)
    assert SlotSet("pain_regions", ["elbow_outer"]) in result
    assert SlotSet("pain_area_checked", None) in result
    assert required_slots_for({"pain_regions": ["elbow_outer"]})[:2] == [
        "pain_regions",
        "pain_area_checked",
    ]


@pytest.mark.parametrize(
    ("text", "intent", "regions"),
    [
        (
            "on the outside of the elbow and down the forearm",
            "describe_pain",
            ["elbow_outer", "forearm_hand"],
        ),
        ("à l'arrière de la tête et dans la nuque", "describe_pain", ["back_of_head", "neck"]),
        ("alleen daar", "deny", ["elbow_outer"]),
        ("/deny", "deny", ["elbow_outer"]),
    ],
)
async def test_where_exactly_replaces_the_guess_or_keeps_it(
    text, intent, regions, dispatcher, domain
):
    slots = {"pain_regions": ["elbow_outer"], "requested_slot": "pain_area_checked"}
    events = await validate(parse(text, intent), slots, dispatcher, domain)
    assert SlotSet("pain_area_checked", True) in events
    got = next((e["value"] for e in events if e.get("name") == "pain_regions"), ["elbow_outer"])
    assert got == regions
    assert events[-1] == SlotSet("requested_slot", "pain_side")  # never asked again


@pytest.mark.parametrize(
    ("text", "requested", "slot", "value"),
    [
        ("Tintelingen? Nee. Krachtverlies? Ook niet :)", "screen_general", "screen_general", False),
        ("des fourmillements ? non, rien de tout ça.", "screen_head", "screen_head", False),
        (
            "I take fish oil and ginkgo... no idea if that thins the blood?",
            "precautions",
            "precautions",
            ["unsure"],
        ),
        (
            "Worse on stairs. Is dry needling painful?",
            "pain_modifiers",
            "pain_modifiers",
            "Worse on stairs",
        ),
    ],
)
async def test_after_a_question_is_answered_what_the_message_states_answers_the_interview(
    text, requested, slot, value, dispatcher, domain
):
    slots = {**ANSWERED_UP_TO_SEVERITY, "pain_severity": 4.0, "requested_slot": requested}
    if requested.startswith("screen_"):
        slots["precautions"] = ["none"]
    if requested == "pain_modifiers":
        slots.pop("pain_modifiers")
    said = [{"event": "user", "text": text}, {"event": "action", "name": "action_answer_faq"}]
    tracker = make_tracker(parse(text, "faq"), slots, said, "interview_form")
    events = await ValidateInterviewForm().run(dispatcher, tracker, domain)
    assert SlotSet(slot, value) in events


@pytest.mark.parametrize(
    ("text", "requested", "filled"),
    [
        ("le weekend ca va mieux, la souris verticale aide un peu", "pain_modifiers", None),
        ("stuur hoger zetten hielp wat, na de rit is t binnen een uur weg", "pain_modifiers", None),
        ("the front of the thigh above it feels tight and tender", "pain_area_checked", True),
    ],
)
async def test_a_statement_the_classifier_took_for_a_question_answers_the_question(
    text, requested, filled, dispatcher, domain
):
    slots = {**ANSWERED_UP_TO_SEVERITY, "pain_modifiers": None, "requested_slot": requested}
    if requested == "pain_area_checked":
        slots = {"pain_regions": ["knee_front"], "requested_slot": requested}
    events = await validate(parse(text, "faq"), slots, dispatcher, domain)
    assert events  # the form takes it: no FAQ or opening-hours answer to a statement
    taken = {e["name"]: e["value"] for e in events}
    assert taken.get(requested) is not None
    if filled is not None:
        assert taken[requested] == filled
    assert taken["requested_slot"] != requested


async def test_turning_to_the_other_side_in_bed_is_when_it_hurts_not_a_new_side(dispatcher, domain):
    slots = {**ASKED_WHEN_WORST, "pain_regions": ["low_back"], "pain_side": "right"}
    text = "Evening time and at night when I turn in bed. If I change to the other side it settles."
    events = await validate(parse(text, "describe_pain"), slots, dispatcher, domain)
    assert SlotSet("time_pattern", ["night"]) in events
    assert not [e for e in events if e.get("name") == "pain_side"]
    assert events[-1] == SlotSet("requested_slot", "pain_modifiers")


async def test_no_question_is_shown_a_third_time_whatever_the_path(dispatcher, domain):
    # Asked twice already, each time answered by a question the form stepped aside for.
    said = []
    for _ in range(2):
        said += [
            {"event": "slot", "name": "requested_slot", "value": "time_pattern"},
            {"event": "user", "text": "what does it cost?"},
            {"event": "action", "name": "action_answer_faq"},
        ]
    message = parse("what does it cost?", "faq")
    tracker = make_tracker(message, ASKED_WHEN_WORST, said, "interview_form")
    events = await ValidateInterviewForm().run(dispatcher, tracker, domain)
    assert SlotSet("skipped_questions", ["time_pattern"]) in events
    assert events[-1] == SlotSet("requested_slot", "pain_modifiers")
    assert responses(dispatcher) == ["utter_question_skipped"]


async def test_a_question_read_as_goodbye_does_not_end_the_interview(dispatcher, domain):
    slots = {
        "pain_regions": ["knee_front"],
        "pain_area_checked": True,
        "pain_side": "left",
        "pain_duration": "acute",
        "pain_duration_days": 1,
        "requested_slot": "pain_onset",
    }
    events = await validate(parse("Vandaag nog, lukt da?", "goodbye"), slots, dispatcher, domain)
    assert events  # the form goes on: a goodbye would have made it step aside ([])
    assert events[-1] == SlotSet("requested_slot", "pain_onset")


async def test_a_sign_that_allows_booking_is_advised_and_the_interview_goes_on(dispatcher, domain):
    text = "Getting up off the sofa. And in bed, can't get comfy whichever way I lie."
    events = await validate(parse(text, "red_flag"), ASKED_WHEN_WORST, dispatcher, domain)
    assert responses(dispatcher)[:3] == [
        "utter_red_flag_night_pain",
        "utter_tier_gp_soon",
        "utter_red_flag_staff_note",
    ]
    assert "utter_interview_goes_on" in responses(dispatcher)
    assert SlotSet("red_flag_tier", "gp_soon") in events
    assert SlotSet("red_flags", ["night_pain"]) in events
    # The answer is still taken, and the next question comes: the last safety check is ahead.
    assert events[-1]["name"] == "requested_slot"
    assert events[-1]["value"] not in (None, "time_pattern")


async def test_an_emergency_sign_in_the_interview_ends_it_as_before(dispatcher, domain):
    text = "it's gone numb round my backside and I had to push to pee"
    events = await validate(parse(text, "red_flag"), ASKED_WHEN_WORST, dispatcher, domain)
    assert events == []  # the form steps aside: the red-flag rule gives the advice and ends it
    assert responses(dispatcher) == []


# --- an answer that makes a red flag with earlier ones: one safety question first ---------------

SWEATING = "it came on gradually, and now I'm sweating"
AT_ONSET = {
    "requested_slot": "pain_onset",
    "pain_regions": ["upper_arm"],
    "pain_area_checked": True,
    "pain_side": "left",
}


def completes_a_flag(text: str) -> dict:
    message = parse(text, "possible_red_flag")
    message["entities"].append({"entity": "suspected_red_flag", "value": "atypical_heart_attack"})
    return message


async def test_the_safety_question_comes_before_the_next_one_and_the_answer_is_kept(
    dispatcher, domain
):
    events = await validate(completes_a_flag(SWEATING), AT_ONSET, dispatcher, domain)
    assert events[-3:] == [
        SlotSet("suspected_red_flags", ["atypical_heart_attack"]),
        SlotSet("safety_answer", None),
        SlotSet("requested_slot", "safety_answer"),
    ]
    assert any(e.get("name") == "pain_onset" and e.get("value") for e in events)


async def test_no_to_the_safety_question_and_the_interview_goes_on(dispatcher, domain):
    slots = {
        **AT_ONSET,
        "pain_onset": "gradual",
        "requested_slot": "safety_answer",
        "suspected_red_flags": ["atypical_heart_attack"],
    }
    events = await validate(payload("deny"), slots, dispatcher, domain)
    assert responses(dispatcher) == ["utter_safety_clear_interview"]
    assert events == [
        SlotSet("suspected_red_flags", None),
        SlotSet("safety_answer", "no"),
        SlotSet("requested_slot", "pain_duration"),
    ]


ASKED_ABOUT_DVT = {**AT_ONSET, "requested_slot": "safety_answer", "suspected_red_flags": ["dvt"]}


def safety_tracker(message: dict, answers_before: int = 0, slots: dict | None = None):
    """The interview waiting on the safety question, asked after ``answers_before`` replies."""
    events = [{"event": "user", "text": "my calf is swollen"}]
    events.append({"event": "slot", "name": "suspected_red_flags", "value": ["dvt"]})
    events += [{"event": "user", "text": "hmm"}] * answers_before
    events.append({"event": "user", "text": message["text"]})
    return make_tracker(message, slots or ASKED_ABOUT_DVT, events, active_loop="interview_form")


async def test_the_safety_question_comes_with_no_word_about_the_answer_it_interrupts(
    dispatcher, domain
):
    message = completes_a_flag("hmm and now I'm sweating")  # no onset in it
    events = await validate(message, {**AT_ONSET, "requested_slot": "screen_general"},
                            dispatcher, domain)  # fmt: skip
    assert dispatcher.messages == []
    assert not any(e.get("name") == "missed_question" for e in events)
    assert events[-1] == SlotSet("requested_slot", "safety_answer")


async def test_an_unclear_answer_is_asked_once_more_then_gets_the_unclear_advice(
    dispatcher, domain
):
    message = parse("hmm what do you mean", "out_of_scope")
    events = await ValidateInterviewForm().run(dispatcher, safety_tracker(message), domain)
    assert events == [SlotSet("safety_answer", None), SlotSet("requested_slot", "safety_answer")]
    assert responses(dispatcher) == ["utter_not_understood_answer"]

    dispatcher.messages.clear()
    tracker = safety_tracker(message, answers_before=1)
    events = await ValidateInterviewForm().run(dispatcher, tracker, domain)
    assert responses(dispatcher)[:2] == ["utter_red_flag_unclear", "utter_tier_unclear"]
    assert "utter_interview_goes_on" in responses(dispatcher)
    assert SlotSet("red_flag_tier", "unclear") in events
    assert events[-3:] == [
        SlotSet("suspected_red_flags", None),
        SlotSet("safety_answer", "unclear"),
        SlotSet("requested_slot", "pain_onset"),
    ]


async def test_a_question_asked_instead_goes_to_its_rule_first(dispatcher, domain):
    message = parse("will the needles hurt?", "faq")
    assert await ValidateInterviewForm().run(dispatcher, safety_tracker(message), domain) == []


@pytest.mark.parametrize(
    "text",
    [
        "nee, niks. k ben wel 3 kilo kwijt maar da's expres, k doe aan de lijn voor ons trouwfeest",
        "No, none of that. My weight is stable, I sleep through.",
        "non, rien de tout ça, juste la mâchoire fatiguée le soir",
    ],
)
async def test_a_no_taken_for_a_question_is_a_no_to_the_safety_question(dispatcher, domain, text):
    events = await ValidateInterviewForm().run(
        dispatcher, safety_tracker(parse(text, "faq")), domain
    )
    assert responses(dispatcher) == ["utter_safety_clear_interview"]
    assert SlotSet("safety_answer", "no") in events


async def test_questions_instead_of_an_answer_twice_get_the_unclear_advice_not_a_third_ask(
    dispatcher, domain
):
    message = parse("where do I park?", "faq")
    tracker = safety_tracker(message, answers_before=1)
    tracker.events.append({"event": "action", "name": "action_answer_faq"})  # its rule answered
    events = await ValidateInterviewForm().run(dispatcher, tracker, domain)
    assert "utter_red_flag_unclear" in responses(dispatcher)
    assert SlotSet("safety_answer", "unclear") in events
    assert events[-1] != SlotSet("requested_slot", "safety_answer")


async def test_another_flag_completed_in_the_answer_joins_the_question(dispatcher, domain):
    message = completes_a_flag("I'm sweating now")
    events = await ValidateInterviewForm().run(dispatcher, safety_tracker(message), domain)
    assert events == [
        SlotSet("suspected_red_flags", ["dvt", "atypical_heart_attack"]),
        SlotSet("safety_answer", None),
        SlotSet("requested_slot", "safety_answer"),
    ]


async def test_yes_about_a_sign_that_allows_booking_gives_the_advice_and_goes_on(
    dispatcher, domain
):
    slots = {**ASKED_ABOUT_DVT, "suspected_red_flags": ["new_pain_over_50"]}
    message = payload("red_flag", {"red_flag_id": "new_pain_over_50"})
    events = await ValidateInterviewForm().run(
        dispatcher, safety_tracker(message, slots=slots), domain
    )
    assert responses(dispatcher)[:2] == ["utter_red_flag_new_pain_over_50", "utter_tier_gp_soon"]
    assert responses(dispatcher)[-1] == "utter_interview_goes_on"
    assert SlotSet("red_flag_tier", "gp_soon") in events
    assert events[-1] == SlotSet("requested_slot", "pain_onset")


@pytest.mark.parametrize(
    "text",
    [
        "Can my daughter come in with me?",
        "Est-ce que je dois apporter une serviette ?",
        "Moet ik een handdoek meebrengen?",
    ],
)
async def test_a_question_it_cannot_answer_is_owned_up_to_not_a_miss(text, dispatcher, domain):
    slots = {**ASKED_WHEN_WORST}
    events = await validate(parse(text, "describe_pain"), slots, dispatcher, domain)
    assert responses(dispatcher) == ["utter_question_not_answered_here"]
    assert not any(e.get("name") == "missed_question" for e in events)
    assert events[-1] == SlotSet("requested_slot", "time_pattern")


async def test_an_answer_that_echoes_the_safety_question_is_an_answer(dispatcher, domain):
    # "des fourmillements ? non. juste la main fatiguée": not a question of the patient's own;
    # unclear (a tired hand), so asked once more, then left open: never a loop.
    slots = {
        **ANSWERED_UP_TO_SEVERITY,
        "pain_severity": 4.0,
        "precautions": ["none"],
        "requested_slot": "screen_general",
    }
    text = "des fourmillements ? non. juste la main fatiguée"
    first = await validate(parse(text, "describe_pain"), slots, dispatcher, domain)
    assert SlotSet("missed_question", "screen_general") in first
    assert "utter_question_not_answered_here" not in responses(dispatcher)
    slots = {**slots, "missed_question": "screen_general"}
    events = await validate(parse(text, "describe_pain"), slots, dispatcher, domain)
    assert "utter_screen_left_open" in responses(dispatcher)
    assert events[-1] == SlotSet("requested_slot", None)


async def test_a_safety_question_is_never_shown_a_third_time(dispatcher, domain):
    # A question of the patient's own, twice, at the last safety check: no third showing.
    slots = {
        **ANSWERED_UP_TO_SEVERITY,
        "pain_severity": 4.0,
        "precautions": ["none"],
        "requested_slot": "screen_general",
    }
    asked = {"event": "slot", "name": "requested_slot", "value": "screen_general"}
    said = {"event": "user", "text": "my hand is tired, is that a problem?"}
    tracker = make_tracker(
        parse("my hand is tired, is that a problem?", "describe_pain"),
        slots,
        events=[asked, said, asked, said],
        active_loop="interview_form",
    )
    events = await ValidateInterviewForm().run(dispatcher, tracker, domain)
    assert "utter_screen_left_open" in responses(dispatcher)
    assert events[-1] == SlotSet("requested_slot", None)


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("nee, u mag niks noteren", "pain_onset"),
        ("pas de questions sur ma santé svp", "pain_severity"),
        ("no, I don't want you to write down my pain", "time_pattern"),
        ("nee, u mag niks noteren", "screen_back"),
        ("geen gezondheidsvragen aub", "precautions"),
    ],
)
async def test_a_refusal_during_the_interview_stays_a_refusal(text, asked, dispatcher, domain):
    slots = {"pain_regions": ["low_back"], "pain_side": "both", "requested_slot": asked}
    assert await validate(parse(text, "decline_consent"), slots, dispatcher, domain) == []


async def test_a_no_to_a_screen_taken_for_a_refusal_still_answers_the_screen(dispatcher, domain):
    slots = {
        "pain_regions": ["achilles_heel"],
        "pain_side": "right",
        "requested_slot": "screen_calf",
    }
    text = "nee, geen knal gehoord, ik kan gewoon op mijn tenen staan"
    events = await validate(parse(text, "decline_consent"), slots, dispatcher, domain)
    assert SlotSet("screen_calf", False) in events


# --- "no, carry on" to dropping the answers, then the same kind of message again ----------------


def after_carrying_on(message: dict, slots: dict) -> Any:
    events = [
        {"event": "user", "text": "no, none of that stuff, start again is not what I want"},
        {"event": "bot", "metadata": {"utter_action": "utter_ask_restart_confirm"}},
        {"event": "user", "text": "/deny"},
        {"event": "action", "name": "utter_interview_continues"},
        {"event": "action", "name": "interview_form"},
        {"event": "user", "text": message["text"]},
    ]
    return make_tracker(message, slots, events, active_loop="interview_form")


@pytest.mark.parametrize("intent", ["restart_conversation", "decline_consent"])
async def test_the_same_message_after_carry_on_is_read_as_an_answer(dispatcher, domain, intent):
    slots = {**AT_ONSET}
    message = parse("geleidelijk, van al da geschroef en gekap in ons nieuw huis", intent)
    events = await ValidateInterviewForm().run(
        dispatcher, after_carrying_on(message, slots), domain
    )
    assert SlotSet("pain_onset", "gradual") in events  # the answer is taken, no second question


async def test_a_first_wish_to_start_over_still_goes_to_its_confirmation(dispatcher, domain):
    message = parse("start over", "restart_conversation")
    assert await validate(message, {**AT_ONSET}, dispatcher, domain) == []  # the rule asks first


@pytest.mark.parametrize(
    ("text", "intent"),
    [("ok", "affirm"), ("merci beaucoup", "thank"), ("👍", "affirm"), ("😂", "acknowledge")],
)
@pytest.mark.parametrize("requested", ["pain_onset", "pain_modifiers"])
async def test_an_ok_between_two_questions_is_not_a_miss(
    text, intent, requested, dispatcher, domain
):
    slots = {**ANSWERED_UP_TO_SEVERITY, "requested_slot": requested, requested: None}
    events = await validate(parse(text, intent), slots, dispatcher, domain)
    assert responses(dispatcher) == []  # no "Sorry, I didn't catch that"
    assert not [e for e in events if e.get("name") == "missed_question"]
    assert events[-1] == SlotSet("requested_slot", requested)  # nor taken for the answer


async def test_an_ok_to_a_safety_screen_still_asks_which_sign(dispatcher, domain):
    slots = {**ANSWERED_UP_TO_SEVERITY, "pain_severity": 4.0, "precautions": ["none"]}
    events = await validate(
        parse("ok", "affirm"), {**slots, "requested_slot": "screen_general"}, dispatcher, domain
    )
    assert responses(dispatcher) == ["utter_screen_which_one"]
    assert events[-1] == SlotSet("requested_slot", "screen_general")


@pytest.mark.parametrize("text", ["a while", "Moeilijk te zeggen, een tijdje al.", "quelque temps"])
async def test_a_duration_nobody_can_count_is_left_to_the_therapist_at_once(
    text, dispatcher, domain
):
    slots = {**ASKED_WHEN_WORST, "requested_slot": "pain_duration", "pain_duration": None}
    events = await validate(parse(text, "describe_pain"), slots, dispatcher, domain)
    assert SlotSet("skipped_questions", ["pain_duration"]) in events
    assert "utter_not_understood_answer" not in responses(dispatcher)
    assert events[-1] != SlotSet("requested_slot", "pain_duration")
