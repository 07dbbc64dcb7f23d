"""Consent (GDPR art. 9), the session start and the explanation after the interview."""

from __future__ import annotations

from rasa_sdk.events import ActionExecuted, SessionStarted, SlotSet

from actions.consent import ActionIntroduce, ActionRecordConsent
from actions.explanation import ActionExplainPain
from actions.session import ActionSessionStart, language_from_metadata
from tests.conftest import make_tracker, parse, responses


async def test_consent_given(dispatcher, domain):
    events = await ActionRecordConsent().run(
        dispatcher, make_tracker(parse("I agree", "give_consent")), domain
    )
    assert events == [SlotSet("consent", "given")]
    assert responses(dispatcher) == ["utter_consent_thanks"]


async def test_consent_declined_erases_health_details_already_noted(dispatcher, domain):
    tracker = make_tracker(
        parse("I withdraw my consent", "decline_consent"),
        slots={"consent": "given", "pain_regions": ["neck"], "pain_severity": 4.0},
    )
    events = await ActionRecordConsent().run(dispatcher, tracker, domain)
    assert events == [
        SlotSet("consent", "declined"),
        SlotSet("pain_regions", None),
        SlotSet("pain_severity", None),
    ]
    assert responses(dispatcher) == ["utter_consent_declined"]


async def test_session_start_sets_language_from_channel_and_retention(dispatcher, domain):
    tracker = make_tracker(
        slots={"session_started_metadata": {"language": "nl-BE"}, "consent": "given"}
    )
    events = await ActionSessionStart().run(dispatcher, tracker, domain)
    assert events[0] == SessionStarted()
    assert SlotSet("consent", "given") in events
    assert SlotSet("retention_days", 90) in events
    assert SlotSet("language", "nl") in events
    assert events[-1] == ActionExecuted("action_listen")


def test_language_from_metadata():
    assert language_from_metadata({"language": "fr"}) == "fr"
    assert language_from_metadata({"language": "NL_be"}) == "nl"
    assert language_from_metadata({"language": "de"}) is None
    assert language_from_metadata(None) is None


async def test_explanation_names_possible_contributors_per_region(dispatcher, domain):
    tracker = make_tracker(
        slots={"pain_regions": ["low_back", "knee_front"], "time_pattern": ["sitting"]}
    )
    await ActionExplainPain().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == [
        "utter_explanation_intro",
        "utter_referred_pain",
        "utter_clinic_example_low_back",
        "utter_referred_pain",
        "utter_clinic_example_knee_front",
        "utter_explanation_closing",
    ]
    low_back = dispatcher.messages[1]
    assert "rectus abdominis" in low_back["muscles"]
    assert "quadratus lumborum" in low_back["muscles"]
    knee = dispatcher.messages[3]
    assert "rectus femoris" in knee["muscles"]


async def test_chest_and_belly_are_never_explained_as_muscular(dispatcher, domain):
    tracker = make_tracker(slots={"pain_regions": ["chest", "abdomen"]})
    await ActionExplainPain().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == [
        "utter_explanation_intro",
        "utter_doctor_first_chest",
        "utter_doctor_first_abdomen",
        "utter_explanation_closing",
    ]
    assert not any("muscles" in message for message in dispatcher.messages)


async def test_morning_stiffness_gets_a_gp_note(dispatcher, domain):
    tracker = make_tracker(slots={"pain_regions": ["neck"], "time_pattern": ["morning_stiffness"]})
    await ActionExplainPain().run(dispatcher, tracker, domain)
    assert "utter_note_morning_stiffness" in responses(dispatcher)


async def test_a_first_message_about_pain_with_a_question_gets_both_before_consent(
    dispatcher, domain
):
    message = parse("my shoulder hurts, is dry needling painful?", "describe_pain")
    message["response_selector"] = {
        "faq": {"response": {"intent_response_key": "faq/after_effects", "confidence": 0.9}}
    }
    await ActionIntroduce().run(dispatcher, make_tracker(message), domain)
    assert responses(dispatcher) == ["utter_introduction", "utter_faq/after_effects"]


async def test_declining_consent_also_drops_the_severity_note_and_explained_regions(
    dispatcher, domain
):
    slots = {"pain_severity_note": "2 at rest, 6 running", "explained_regions": ["neck"]}
    events = await ActionRecordConsent().run(
        dispatcher, make_tracker(parse("no", "decline_consent"), slots), domain
    )
    assert SlotSet("pain_severity_note", None) in events
    assert SlotSet("explained_regions", None) in events


async def test_can_you_help_me_is_not_taken_for_a_faq_question(dispatcher, domain):
    message = parse("ik heb al een tijdje last van mijn rug, kunt ge mij helpen?", "describe_pain")
    message["response_selector"] = {
        "faq": {"response": {"intent_response_key": "faq/aftercare", "confidence": 0.9}}
    }
    await ActionIntroduce().run(dispatcher, make_tracker(message), domain)
    assert responses(dispatcher) == ["utter_introduction"]
