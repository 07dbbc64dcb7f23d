"""Nearer centre from a commune, a postcode or coordinates; the booking handoff and summary."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from rasa_sdk.events import SlotSet

from actions.booking import ActionBookingHandoff, ActionHumanHandoff
from actions.centres import ActionListCentres, ActionSuggestCentre, ValidateLocationForm
from bot.triage.geography.booking_link import booking_link
from tests.conftest import make_tracker, parse, payload, responses


def asked_where(message):
    return make_tracker(message, {"requested_slot": "nearest_centre"}, active_loop="location_form")


@pytest.mark.parametrize(
    ("text", "centre"),
    [
        ("I live in Uccle", "boitsfort"),
        ("1150", "kraainem"),
        ("ik woon in Elsene", "boitsfort"),
        ("Zaventem", "kraainem"),
        ("my postcode is 1410", "boitsfort"),
    ],
)
async def test_location_form_finds_the_nearer_centre(text, centre, dispatcher, domain):
    tracker = asked_where(parse(text, "inform_location"))
    events = await ValidateLocationForm().run(dispatcher, tracker, domain)
    assert events[0] == SlotSet("nearest_centre", centre)
    assert dispatcher.messages == []


async def test_unknown_place_is_asked_again(dispatcher, domain):
    tracker = asked_where(parse("Paris", "inform_location"))
    events = await ValidateLocationForm().run(dispatcher, tracker, domain)
    assert events == [SlotSet("nearest_centre", None), SlotSet("missed_question", "nearest_centre")]
    assert responses(dispatcher) == ["utter_unknown_place"]


async def test_a_second_unknown_place_gives_both_centres_instead_of_a_third_question(
    dispatcher, domain
):
    tracker = asked_where(parse("the blue house by the canal", "inform_location"))
    tracker.slots["missed_question"] = "nearest_centre"
    events = await ValidateLocationForm().run(dispatcher, tracker, domain)
    assert events == [SlotSet("nearest_centre", "either"), SlotSet("missed_question", None)]
    assert responses(dispatcher) == ["utter_place_skipped"]
    dispatcher.messages.clear()
    booked = make_tracker(slots={"nearest_centre": "either", "consent": "given"})
    await ActionBookingHandoff().run(dispatcher, booked, domain)
    assert responses(dispatcher) == ["utter_booking_links_both"]


@pytest.mark.parametrize(
    "text", ["I'd like to book", "je voudrais prendre rendez-vous", "ik wil een afspraak maken"]
)
async def test_a_booking_request_instead_of_a_place_gives_both_centres(text, dispatcher, domain):
    events = await ValidateLocationForm().run(
        dispatcher, asked_where(parse(text, "request_booking")), domain
    )
    assert events == [SlotSet("nearest_centre", "either"), SlotSet("missed_question", None)]
    assert responses(dispatcher) == ["utter_place_skipped"]


async def test_goodbye_lets_the_question_end(dispatcher, domain):
    tracker = asked_where(parse("doei", "goodbye"))
    assert await ValidateLocationForm().run(dispatcher, tracker, domain) == []
    assert dispatcher.messages == []


async def test_a_place_with_a_goodbye_is_still_an_answer(dispatcher, domain):
    tracker = asked_where(parse("ik woon in Ukkel, dag!", "goodbye"))
    events = await ValidateLocationForm().run(dispatcher, tracker, domain)
    assert events[0] == SlotSet("nearest_centre", "boitsfort")


async def test_shared_coordinates_choose_the_centre(dispatcher, domain):
    # Place Flagey, Ixelles.
    message = payload("share_location", {"latitude": 50.8275, "longitude": 4.3725})
    tracker = asked_where(message)
    events = await ValidateLocationForm().run(dispatcher, tracker, domain)
    assert events == [
        SlotSet("nearest_centre", "boitsfort"),
        SlotSet("home_place", "geo:50.8275,4.3725"),
    ]


async def test_a_centre_chosen_by_name(dispatcher, domain):
    tracker = asked_where(parse("I'll go to Kraainem", "choose_centre"))
    events = await ValidateLocationForm().run(dispatcher, tracker, domain)
    assert events == [SlotSet("nearest_centre", "kraainem"), SlotSet("home_place", None)]


async def test_the_message_before_the_question_is_not_taken_as_an_answer(dispatcher, domain):
    # Rasa validates when the form starts, with the last answer of the interview.
    tracker = make_tracker(parse("none of these", "deny"), active_loop="location_form")
    assert await ValidateLocationForm().run(dispatcher, tracker, domain) == []
    assert dispatcher.messages == []


async def test_suggestion_names_both_centres_with_distances(dispatcher, domain):
    tracker = make_tracker(
        parse("Uccle", "inform_location"),
        slots={"nearest_centre": "boitsfort", "home_place": "uccle"},
    )
    tracker.latest_message["intent"]["name"] = "describe_pain"
    await ActionSuggestCentre().run(dispatcher, tracker, domain)
    (message,) = dispatcher.messages
    assert message["response"] == "utter_nearest_centre"
    assert message["centre_name"] == "HCMC Boitsfort"
    assert message["other_name"] == "HCMC Kraainem"
    assert "Dries 53" in message["address"]
    assert float(message["distance"]) < float(message["other_distance"])


async def test_place_given_outside_the_form_sets_the_slots(dispatcher, domain):
    tracker = make_tracker(parse("I live in Woluwe-Saint-Pierre", "inform_location"))
    events = await ActionSuggestCentre().run(dispatcher, tracker, domain)
    assert events[0] == SlotSet("nearest_centre", "kraainem")
    assert responses(dispatcher) == ["utter_nearest_centre"]


def test_booking_link_carries_centre_and_reason():
    url = booking_link("https://book.example/hcmc?lang=fr", "kraainem", "low back, knee")
    query = parse_qs(urlsplit(url).query)
    assert query == {"lang": ["fr"], "centre": ["kraainem"], "reason": ["low back, knee"]}


async def test_booking_after_the_interview_shows_the_summary_then_the_link(dispatcher, domain):
    slots = {
        "consent": "given",
        "interview_complete": True,
        "nearest_centre": "boitsfort",
        "pain_regions": ["knee_front"],
        "pain_side": "left",
        "pain_onset": "gradual",
        "pain_duration": "acute",
        "time_pattern": ["during_activity"],
        "pain_modifiers": "worse on stairs",
        "pain_severity": 6.0,
        "pain_severity_note": "2 at rest, 6 when serving",
        "precautions": ["needle_fear"],
    }
    events = await ActionBookingHandoff().run(dispatcher, make_tracker(slots=slots), domain)
    assert responses(dispatcher) == ["utter_interview_summary", "utter_booking_link"]
    link = dispatcher.messages[1]["booking_url"]
    assert parse_qs(urlsplit(link).query)["centre"] == ["boitsfort"]
    summary = dispatcher.messages[0]
    assert summary["severity"] == "6/10 (\u201c2 at rest, 6 when serving\u201d)"
    assert summary["precautions"] == "afraid of needles"
    assert summary["side"] == " (left side)"
    assert events == [SlotSet("booking_link_given", True), SlotSet("offer_interview", False)]


async def test_a_first_booking_request_gets_the_link_then_the_interview_offered_once(
    dispatcher, domain
):
    slots = {"consent": "unknown", "nearest_centre": "kraainem"}
    events = await ActionBookingHandoff().run(dispatcher, make_tracker(slots=slots), domain)
    assert events == [
        SlotSet("booking_link_given", True),
        SlotSet("offer_interview", True),
        SlotSet("interview_offered", True),
    ]
    again = await ActionBookingHandoff().run(
        dispatcher, make_tracker(slots={**slots, "interview_offered": True}), domain
    )
    assert again == [SlotSet("booking_link_given", True), SlotSet("offer_interview", False)]


async def test_booking_without_consent_carries_no_health_detail(dispatcher, domain):
    slots = {"consent": "declined", "nearest_centre": "kraainem"}
    await ActionBookingHandoff().run(dispatcher, make_tracker(slots=slots), domain)
    assert responses(dispatcher) == ["utter_booking_link"]
    assert "reason" not in parse_qs(urlsplit(dispatcher.messages[0]["booking_url"]).query)


async def test_booking_without_a_centre_gives_both_links(dispatcher, domain):
    await ActionBookingHandoff().run(dispatcher, make_tracker(), domain)
    (message,) = dispatcher.messages
    assert message["response"] == "utter_booking_links_both"
    assert "kraainem" in message["kraainem_booking_url"]
    assert "boitsfort" in message["boitsfort_booking_url"]


async def test_chest_pain_booking_reminds_to_see_a_doctor_first(dispatcher, domain):
    slots = {"consent": "given", "nearest_centre": "kraainem", "pain_regions": ["chest"]}
    await ActionBookingHandoff().run(dispatcher, make_tracker(slots=slots), domain)
    assert responses(dispatcher)[0] == "utter_booking_after_doctor"


async def test_talk_to_a_person_marks_the_conversation(dispatcher, domain):
    events = await ActionHumanHandoff().run(dispatcher, make_tracker(), domain)
    assert events == [SlotSet("needs_staff_followup", True)]
    (message,) = dispatcher.messages
    assert message["response"] == "utter_human_handoff"
    assert "1950 Kraainem" in message["kraainem_address"]


async def test_centres_list(dispatcher, domain):
    await ActionListCentres().run(dispatcher, make_tracker(), domain)
    (message,) = dispatcher.messages
    assert "Wezembeek" in message["kraainem_address"]
    assert "1170" in message["boitsfort_address"]


async def test_a_commune_beside_a_question_is_taken_once_the_question_is_answered(
    dispatcher, domain
):
    message = parse("Auderghem. will the needling hurt?", "faq")
    slots = {"requested_slot": "nearest_centre"}
    first = make_tracker(message, slots, events=[{"event": "user"}], active_loop="location_form")
    assert await ValidateLocationForm().run(dispatcher, first, domain) == []  # the rule answers
    answered = [{"event": "user"}, {"event": "action", "name": "action_answer_faq"}]
    back = make_tracker(message, slots, events=answered, active_loop="location_form")
    events = await ValidateLocationForm().run(dispatcher, back, domain)
    assert events == [SlotSet("nearest_centre", "boitsfort"), SlotSet("home_place", "auderghem")]


@pytest.mark.parametrize(
    ("text", "nearer"),
    [
        ("Which of your centres is closest to Uccle?", "boitsfort"),
        ("j'habite à Auderghem, quel centre est le plus proche ?", "boitsfort"),
        ("ik woon in Tervuren, welke praktijk is het dichtstbij?", "kraainem"),
        ("my postcode is 1930, where should I go?", "kraainem"),
    ],
)
async def test_the_nearer_centre_asked_as_a_question_names_it(text, nearer, dispatcher, domain):
    events = await ActionListCentres().run(
        dispatcher, make_tracker(parse(text, "ask_centres"), {"consent": "unknown"}), domain
    )
    assert SlotSet("nearest_centre", nearer) in events
    assert responses(dispatcher) == ["utter_nearest_centre"]
    assert dispatcher.messages[0]["centre_name"] == f"HCMC {nearer.capitalize()}"


async def test_where_are_you_without_a_place_lists_both_centres(dispatcher, domain):
    events = await ActionListCentres().run(
        dispatcher, make_tracker(parse("where are you located?", "ask_centres")), domain
    )
    assert events == []
    assert responses(dispatcher) == ["utter_centres_list"]


def test_a_question_left_to_the_therapist_says_so_in_the_summary():
    from bot.triage.interview.summary import summary_fields

    slots = {"pain_regions": ["neck"], "skipped_questions": ["pain_onset", "pain_severity"]}
    assert summary_fields(slots, "nl")["onset"] == "na te vragen op de afspraak"
    assert summary_fields(slots, "en")["severity"] == "to ask at the appointment"
    assert summary_fields(slots, "fr")["duration"] == "-"  # not asked yet, not skipped


@pytest.mark.parametrize(("language", "word"), [("fr", "genou"), ("nl", "knie"), ("en", "knee")])
async def test_the_booking_reason_is_in_the_patients_language(language, word, dispatcher, domain):
    slots = {"consent": "given", "nearest_centre": "kraainem", "pain_regions": ["knee_front"],
             "language": language}  # fmt: skip
    await ActionBookingHandoff().run(dispatcher, make_tracker(slots=slots), domain)
    link = dispatcher.messages[-1]["booking_url"]
    assert word in parse_qs(urlsplit(link).query)["reason"][0]


@pytest.mark.parametrize(
    "text",
    [
        "Hello, I have tennis elbow from padel, is it possible to make an appointment?",
        "slt j'ai mal à l'aine depuis un tacle, je peux prendre rendez-vous ?",
        "kan ik een afspraak maken voor mijn rug?",
        # pain without a place is pain too
        "Bonjour, j'ai mal et je voudrais un rendez-vous.",
        "Hello, I'm in pain, can I book?",
        "ik heb veel pijn, kan ik een afspraak maken?",
    ],
)
async def test_a_booking_request_that_describes_pain_gets_the_questions_first(
    text, dispatcher, domain
):
    slots = {"consent": "unknown", "nearest_centre": "kraainem"}
    tracker = make_tracker(parse(text, "request_booking"), slots)
    events = await ActionBookingHandoff().run(dispatcher, tracker, domain)
    # No link before the red-flag screen; the consent question follows (the rule reads the slot).
    assert responses(dispatcher) == ["utter_booking_after_questions"]
    assert events == [SlotSet("offer_interview", True), SlotSet("interview_offered", True)]


async def test_a_patient_who_skips_the_questions_gets_the_link(dispatcher, domain):
    slots = {"consent": "unknown", "nearest_centre": "kraainem", "interview_offered": True}
    said = [{"event": "bot", "metadata": {"utter_action": "utter_booking_after_questions"}}]
    message = parse("just the link for my knee please", "request_booking")
    tracker = make_tracker(message, slots, said)
    events = await ActionBookingHandoff().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_booking_link"]
    assert SlotSet("booking_link_given", True) in events


async def test_pain_named_earlier_also_gets_the_questions_before_the_link(dispatcher, domain):
    first = "je me suis mis à courir et j'ai mal aux tibias"
    events = [
        {"event": "action", "name": "action_session_start"},
        {"event": "user", "text": first, "parse_data": parse(first, "describe_pain")},
    ]
    question = "je peux continuer à courir en attendant le rendez-vous ?"
    tracker = make_tracker(parse(question, "request_booking"), {"consent": "unknown"}, events)
    await ActionBookingHandoff().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_booking_after_questions"]


async def test_after_the_widgets_greeting_a_booking_request_about_pain_gets_the_questions(
    dispatcher, domain
):
    # The widget's greeting asked for consent already; the patient wrote about their pain.
    slots = {"consent": "unknown", "interview_offered": True}
    said = [{"event": "action", "name": "utter_ask_consent"}]
    text = "Hello, I have tennis elbow from padel, can I make an appointment?"
    tracker = make_tracker(parse(text, "request_booking"), slots, said)
    events = await ActionBookingHandoff().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_booking_after_questions"]
    assert SlotSet("offer_interview", True) in events  # the consent question follows again


@pytest.mark.parametrize(
    "text",
    [
        "Does the dry needling hurt? I'd like to book an appointment",
        "I'm not in pain, I just want a check-up appointment",
        "j'ai pas mal de disponibilités la semaine prochaine, je peux réserver ?",
        "je n'ai plus mal mais je voudrais un rendez-vous d'entretien",
        "ik heb geen pijn meer, maar graag een controleafspraak",
        "Can I book for my husband? He's in pain",
        "je voudrais un rendez-vous pour ma fille, elle a mal",
        "j'ai mal compris l'horaire, je peux réserver ?",
        "Will I have pain after dry needling? I'd like to book",
    ],
)
async def test_a_booking_request_without_pain_of_ones_own_gets_the_links(text, dispatcher, domain):
    tracker = make_tracker(parse(text, "request_booking"), {"consent": "unknown"})
    await ActionBookingHandoff().run(dispatcher, tracker, domain)
    assert "utter_booking_after_questions" not in responses(dispatcher)


def back_at_where_after_a_centres_answer(text: str, missed: str | None = None):
    """ "Where do you live?" validated again after the rule for a centres question answered."""
    message = parse(text, "ask_centres")
    events = [
        {"event": "user", "text": text, "parse_data": message},
        {"event": "action", "name": "action_list_centres"},
    ]
    slots = {"requested_slot": "nearest_centre", "missed_question": missed}
    return make_tracker(message, slots, events, active_loop="location_form")


@pytest.mark.parametrize("missed", [None, "nearest_centre"])
async def test_an_answer_taken_for_a_question_cannot_trap_the_patient(missed, dispatcher, domain):
    # Read as a question about the centres, answered by its rule, then validated again: no
    # question was asked, so it is a place it cannot find, and the second time both centres.
    tracker = back_at_where_after_a_centres_answer(
        "near the big roundabout behind the bakery", missed
    )
    got = await ValidateLocationForm().run(dispatcher, tracker, domain)
    if missed:
        assert got == [SlotSet("nearest_centre", "either"), SlotSet("missed_question", None)]
        assert responses(dispatcher) == ["utter_place_skipped"]
    else:
        assert got == [
            SlotSet("nearest_centre", None),
            SlotSet("missed_question", "nearest_centre"),
        ]
        assert responses(dispatcher) == ["utter_unknown_place"]


async def test_a_real_question_at_where_do_you_live_is_no_miss(dispatcher, domain):
    tracker = back_at_where_after_a_centres_answer("is there parking at the centre?")
    assert await ValidateLocationForm().run(dispatcher, tracker, domain) == []
