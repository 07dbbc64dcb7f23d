"""Two questions in one: where exactly with the side, how it started with how long ago, when it
is worst with how strong it is."""

from __future__ import annotations

import pytest
from rasa_sdk.events import SlotSet

from actions.interview import (
    ActionAskPainAreaChecked,
    ActionAskPainOnset,
    ActionAskTimePattern,
    answers_to,
    read_answer,
)
from tests.actions.interview_form import validate
from tests.conftest import make_tracker, parse, payload, responses

KNEE_NAMED = {"pain_regions": ["knee_front"]}
KNEE_PLACED = {**KNEE_NAMED, "pain_area_checked": True, "pain_side": "left"}
ASKED_HOW_AND_SINCE = {
    **KNEE_PLACED,
    "requested_slot": "pain_onset",
    "asked_with": "pain_duration",
}


async def test_how_it_started_is_asked_with_how_long_ago_while_both_are_open(dispatcher, domain):
    tracker = make_tracker(slots={**KNEE_PLACED, "requested_slot": "pain_onset"})
    events = await ActionAskPainOnset().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_ask_pain_onset_with_duration"]
    assert events == [SlotSet("asked_with", "pain_duration")]


async def test_how_it_started_is_asked_alone_once_the_duration_is_known(dispatcher, domain):
    slots = {**KNEE_PLACED, "pain_duration": "chronic", "requested_slot": "pain_onset"}
    events = await ActionAskPainOnset().run(dispatcher, make_tracker(slots=slots), domain)
    assert responses(dispatcher) == ["utter_ask_pain_onset"]
    assert events == [SlotSet("asked_with", None)]


async def test_where_exactly_is_asked_with_the_side_only_where_a_side_is_needed(dispatcher, domain):
    tracker = make_tracker(slots={**KNEE_NAMED, "requested_slot": "pain_area_checked"})
    assert await ActionAskPainAreaChecked().run(dispatcher, tracker, domain) == [
        SlotSet("asked_with", "pain_side")
    ]
    midline = {"pain_regions": ["mid_back"], "requested_slot": "pain_area_checked"}
    assert await ActionAskPainAreaChecked().run(
        dispatcher, make_tracker(slots=midline), domain
    ) == [SlotSet("asked_with", None)]
    assert responses(dispatcher) == [
        "utter_ask_pain_area_checked_with_side",
        "utter_ask_pain_area_checked",
    ]


@pytest.mark.parametrize(
    ("text", "onset", "duration"),
    [
        ("gradually, for about three weeks now", "gradual", "acute"),
        ("it came on slowly over a few weeks", "gradual", "acute"),
        ("petit à petit, depuis trois mois environ", "gradual", "subacute"),
        ("geleidelijk, al een maand of vijf", "gradual", "chronic"),
    ],
)
async def test_one_answer_to_the_double_question_fills_both(
    text, onset, duration, dispatcher, domain
):
    events = await validate(parse(text, "describe_pain"), ASKED_HOW_AND_SINCE, dispatcher, domain)
    assert SlotSet("pain_onset", onset) in events
    assert SlotSet("pain_duration", duration) in events
    assert events[-1] == SlotSet("requested_slot", "time_pattern")
    assert dispatcher.messages == []


async def test_a_duration_in_answer_to_how_it_started_alone_is_not_read_as_how_long(
    dispatcher, domain
):
    # Asked alone, "over a few weeks" says how it came on, not how long ago.
    slots = {**ASKED_HOW_AND_SINCE, "asked_with": None}
    events = await validate(
        parse("it came on slowly over a few weeks", "describe_pain"), slots, dispatcher, domain
    )
    assert SlotSet("pain_onset", "gradual") in events
    assert events[-1] == SlotSet("requested_slot", "pain_duration")


async def test_a_button_answers_half_and_the_other_half_is_asked_alone(dispatcher, domain):
    events = await validate(
        payload("describe_pain", {"pain_onset": "sudden"}), ASKED_HOW_AND_SINCE, dispatcher, domain
    )
    assert events == [SlotSet("pain_onset", "sudden"), SlotSet("requested_slot", "pain_duration")]


@pytest.mark.parametrize("text", ["since last summer", "depuis trois semaines", "sinds drie weken"])
async def test_only_how_long_answered_is_no_miss_and_how_it_started_is_asked_alone(
    text, dispatcher, domain
):
    events = await validate(parse(text, "describe_pain"), ASKED_HOW_AND_SINCE, dispatcher, domain)
    assert any(e.get("name") == "pain_duration" and e.get("value") for e in events)
    assert not any(e.get("name") == "missed_question" and e.get("value") for e in events)
    assert events[-1] == SlotSet("requested_slot", "pain_onset")
    assert dispatcher.messages == []  # no "I didn't catch that"


@pytest.mark.parametrize(
    ("text", "side", "regions"),
    [
        ("left, and it goes down the back of the thigh", "left", ["knee_front", "thigh"]),
        ("à droite, seulement là", "right", ["knee_front"]),
        ("links, en het trekt naar mijn kuit", "left", ["knee_front", "calf"]),
    ],
)
async def test_where_exactly_and_the_side_in_one_answer(text, side, regions, dispatcher, domain):
    slots = {**KNEE_NAMED, "requested_slot": "pain_area_checked", "asked_with": "pain_side"}
    events = await validate(parse(text, "describe_pain"), slots, dispatcher, domain)
    assert SlotSet("pain_side", side) in events
    assert SlotSet("pain_area_checked", True) in events
    got = next((e["value"] for e in events if e.get("name") == "pain_regions"), ["knee_front"])
    assert sorted(got) == sorted(regions)
    assert events[-1] == SlotSet("requested_slot", "pain_onset")


@pytest.mark.parametrize(
    "message",
    [
        payload("describe_pain", {"pain_side": "left"}),
        parse("the left one", "describe_pain"),
        parse("à gauche", "describe_pain"),
        parse("de linker", "describe_pain"),
    ],
)
async def test_only_the_side_asks_where_exactly_once_on_its_own(message, dispatcher, domain):
    slots = {**KNEE_NAMED, "requested_slot": "pain_area_checked", "asked_with": "pain_side"}
    events = await validate(message, slots, dispatcher, domain)
    assert events == [
        SlotSet("pain_side", "left"),
        SlotSet("pain_area_checked", None),
        SlotSet("requested_slot", "pain_area_checked"),
    ]


@pytest.mark.parametrize("text", ["left, only there", "gauche, seulement là", "links, alleen daar"])
async def test_the_side_with_only_there_answers_both(text, dispatcher, domain):
    slots = {**KNEE_NAMED, "requested_slot": "pain_area_checked", "asked_with": "pain_side"}
    events = await validate(parse(text, "describe_pain"), slots, dispatcher, domain)
    assert SlotSet("pain_area_checked", True) in events
    assert events[-1] == SlotSet("requested_slot", "pain_onset")


def test_a_question_shown_inside_a_pair_counts_towards_the_third_showing():
    events = [
        {"event": "slot", "name": "requested_slot", "value": "pain_onset"},
        {"event": "slot", "name": "asked_with", "value": "pain_duration"},
        {"event": "user", "text": "gradually"},
        {"event": "slot", "name": "requested_slot", "value": "pain_duration"},
        {"event": "user", "text": "hmm the usual"},
    ]
    tracker = make_tracker(events=events)
    assert answers_to(tracker, "pain_duration") == 2
    assert answers_to(tracker, "pain_onset") == 1


async def test_the_side_with_a_place_in_words_it_cannot_name_still_answers_both(dispatcher, domain):
    slots = {**KNEE_NAMED, "requested_slot": "pain_area_checked", "asked_with": "pain_side"}
    message = parse("the left one, just under the kneecap", "describe_pain")
    events = await validate(message, slots, dispatcher, domain)
    assert SlotSet("pain_side", "left") in events
    assert SlotSet("pain_area_checked", True) in events


def read_beside_a_question(text: str) -> dict:
    message = parse(text, "faq")
    return read_answer(
        text, message["entities"], "faq", "pain_onset", KNEE_PLACED, "pain_duration",
        beside_a_question=True,
    )  # fmt: skip


def test_beside_a_question_the_second_half_is_read_only_after_the_first():
    assert read_beside_a_question("Gradually, about three weeks ago.") == {
        "pain_onset": "gradual", "pain_duration": "acute", "pain_duration_days": 21,
    }  # fmt: skip
    # "Do you treat children too? My girl of 6 has sore knees": no duration of six years.
    assert "pain_duration" not in read_beside_a_question("Ma grande de 6 ans se plaint des genoux.")


KNEE_STARTED = {**KNEE_PLACED, "pain_onset": "gradual", "pain_duration": "acute"}
ASKED_WHEN_AND_HOW_STRONG = {
    **KNEE_STARTED,
    "requested_slot": "time_pattern",
    "asked_with": "pain_severity",
}


async def test_when_it_is_worst_is_asked_with_how_strong_while_both_are_open(dispatcher, domain):
    tracker = make_tracker(slots={**KNEE_STARTED, "requested_slot": "time_pattern"})
    assert await ActionAskTimePattern().run(dispatcher, tracker, domain) == [
        SlotSet("asked_with", "pain_severity")
    ]
    known = {**KNEE_STARTED, "pain_severity": 4.0, "requested_slot": "time_pattern"}
    assert await ActionAskTimePattern().run(dispatcher, make_tracker(slots=known), domain) == [
        SlotSet("asked_with", None)
    ]
    assert responses(dispatcher) == [
        "utter_ask_time_pattern_with_severity",
        "utter_ask_time_pattern",
    ]


@pytest.mark.parametrize(
    ("text", "pattern", "severity"),
    [
        ("in the morning, about a 5", ["morning_stiffness"], 5.0),
        ("at night, it wakes me up. a 6 then", ["night"], 6.0),
        ("la nuit, je dirais 7", ["night"], 7.0),
        ("'s nachts, een zes op tien", ["night"], 6.0),
    ],
)
async def test_one_answer_to_when_and_how_strong_fills_both(
    text, pattern, severity, dispatcher, domain
):
    events = await validate(
        parse(text, "describe_pain"), ASKED_WHEN_AND_HOW_STRONG, dispatcher, domain
    )
    assert SlotSet("time_pattern", pattern) in events
    assert SlotSet("pain_severity", severity) in events
    assert events[-1] == SlotSet("requested_slot", "pain_modifiers")


@pytest.mark.parametrize(
    "text",
    [
        "at 7 in the morning when I get up",
        "when I sit on one buttock for long",
        "in the morning at 6:30 when I get up",
        "le matin, des deux côtés",
        "'s ochtends om 7u bij het opstaan",
    ],
)
async def test_a_clock_time_or_a_counted_thing_is_no_score(text, dispatcher, domain):
    events = await validate(
        parse(text, "describe_pain"), ASKED_WHEN_AND_HOW_STRONG, dispatcher, domain
    )
    assert not any(e.get("name") == "pain_severity" and e.get("value") for e in events)
    assert any(e.get("name") == "time_pattern" and e.get("value") for e in events)
    assert events[-1] == SlotSet("requested_slot", "pain_modifiers")


async def test_only_the_score_answered_asks_when_it_is_worst_alone(dispatcher, domain):
    events = await validate(
        parse("about a 6", "describe_pain"), ASKED_WHEN_AND_HOW_STRONG, dispatcher, domain
    )
    assert SlotSet("pain_severity", 6.0) in events
    assert not any(e.get("name") == "missed_question" and e.get("value") for e in events)
    assert events[-1] == SlotSet("requested_slot", "time_pattern")


async def test_after_a_question_of_their_own_the_pair_is_asked_again(dispatcher, domain):
    # The patient answered neither half: both are asked again, not the first alone.
    slots = {**ASKED_WHEN_AND_HOW_STRONG}
    tracker = make_tracker(slots=slots)
    assert await ActionAskTimePattern().run(dispatcher, tracker, domain) == [
        SlotSet("asked_with", "pain_severity")
    ]
    missed = make_tracker(slots={**slots, "missed_question": "time_pattern"})
    assert await ActionAskTimePattern().run(dispatcher, missed, domain) == [
        SlotSet("asked_with", None)
    ]


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("all day, about a six I'd say", 6.0),
        ("sept je pense", 7.0),
        ("'s avonds, een vijf op tien", 5.0),
    ],
)
async def test_a_score_with_its_cue_is_read_beside_the_moment(text, severity, dispatcher, domain):
    events = await validate(
        parse(text, "describe_pain"), ASKED_WHEN_AND_HOW_STRONG, dispatcher, domain
    )
    assert SlotSet("pain_severity", severity) in events


def test_the_second_half_of_a_pair_answered_by_halves_is_shown_alone_twice():
    events = [
        {"event": "slot", "name": "requested_slot", "value": "time_pattern"},
        {"event": "slot", "name": "asked_with", "value": "pain_severity"},
        {"event": "user", "text": "at night"},
        {"event": "slot", "name": "time_pattern", "value": ["night"]},
        {"event": "slot", "name": "requested_slot", "value": "pain_modifiers"},
        {"event": "user", "text": "rest helps"},
        {"event": "slot", "name": "requested_slot", "value": "pain_severity"},
        {"event": "user", "text": "hmm it depends"},
    ]
    # The pair's answer took the moment: the score has been asked alone once, not twice.
    assert answers_to(make_tracker(events=events), "pain_severity") == 1


async def test_what_qualifies_the_score_is_no_moment(dispatcher, domain):
    text = "stiff when I get out of bed. 4, sometimes 6 after a long run"
    events = await validate(
        parse(text, "describe_pain"), ASKED_WHEN_AND_HOW_STRONG, dispatcher, domain
    )
    assert SlotSet("time_pattern", ["morning_stiffness"]) in events
    assert SlotSet("pain_severity", 6.0) in events
