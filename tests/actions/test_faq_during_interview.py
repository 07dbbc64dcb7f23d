"""Answers the classifier took for questions in the middle of the interview: the FAQ action
stays silent and the interview form reads them; real questions are still answered."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import SlotSet

from actions.faq import ActionAnswerFaq
from actions.interview import ValidateInterviewForm
from tests.actions.test_interview import ANSWERED_UP_TO_SEVERITY
from tests.conftest import make_tracker, parse, responses

BEFORE_THE_SCREENS = {
    **ANSWERED_UP_TO_SEVERITY,
    "pain_regions": ["chest_front"],
    "pain_severity": 4.0,
    "precautions": ["none"],
}


def faq_message(text: str, answer: str, confidence: float) -> dict[str, Any]:
    message = parse(text, "faq")
    message["response_selector"] = {
        "faq": {
            "response": {"intent_response_key": answer, "confidence": confidence},
            "ranking": [
                {"intent_response_key": answer, "confidence": confidence},
                {"intent_response_key": "faq/session", "confidence": confidence / 2},
            ],
        }
    }
    return message


async def answer_then_validate(message, slots, dispatcher, domain, loop="interview_form"):
    """The rule for a question during the interview: the FAQ action, then the form again."""
    tracker = make_tracker(message, slots, active_loop=loop)
    await ActionAnswerFaq().run(dispatcher, tracker, domain)
    said = [
        {"event": "user", "text": message["text"]},
        {"event": "action", "name": "action_answer_faq"},
    ]
    tracker = make_tracker(message, slots, said, loop)
    return await ValidateInterviewForm().run(dispatcher, tracker, domain)


@pytest.mark.parametrize(
    ("text", "answer", "confidence"),
    [
        # a chatty no, taken for a question about after effects with some confidence
        (
            "No. No chest pain, no breathlessness, I only sweat in the gym.",
            "faq/after_effects",
            0.8,
        ),
        # "arrêté" is no bus stop, "aan de lijn doen" is dieting, not De Lijn
        (
            "Non. J'ai perdu 3 kilos mais j'ai arrêté le sucre exprès, c'est voulu.",
            "faq/prices",
            0.3,
        ),
        (
            "nee, niks. k ben wel 3 kilo kwijt maar da's expres, k doe aan de lijn",
            "faq/session",
            0.2,
        ),
    ],
)
async def test_a_no_to_a_safety_screen_gets_no_faq_answer_and_clears_the_screen(
    text, answer, confidence, dispatcher, domain
):
    slots = {**BEFORE_THE_SCREENS, "requested_slot": "screen_chest"}
    events = await answer_then_validate(
        faq_message(text, answer, confidence), slots, dispatcher, domain
    )
    assert responses(dispatcher) == []
    assert SlotSet("screen_chest", False) in events


async def test_a_statement_the_selector_is_unsure_of_gets_no_list_of_topics(dispatcher, domain):
    slots = {**BEFORE_THE_SCREENS, "requested_slot": "screen_general"}
    text = "I'm 52 but it's the same old back, nothing new, my weight is the same"
    tracker = make_tracker(
        faq_message(text, "faq/evidence", 0.3), slots, active_loop="interview_form"
    )
    await ActionAnswerFaq().run(dispatcher, tracker, domain)
    assert "utter_faq_which" not in responses(dispatcher)
    assert responses(dispatcher) == []


async def test_a_real_question_in_the_interview_is_still_answered(dispatcher, domain):
    slots = {**BEFORE_THE_SCREENS, "requested_slot": "screen_chest"}
    message = faq_message("Is dry needling safe during pregnancy?", "faq/needling_precautions", 0.9)
    tracker = make_tracker(message, slots, active_loop="interview_form")
    await ActionAnswerFaq().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_faq/needling_precautions"]


async def test_an_unsure_statement_outside_the_interview_still_offers_the_topics(
    dispatcher, domain
):
    message = faq_message("I'm 52 and I walk a lot", "faq/evidence", 0.3)
    await ActionAnswerFaq().run(dispatcher, make_tracker(message), domain)
    assert responses(dispatcher) == ["utter_faq_which"]


@pytest.mark.parametrize(
    ("text", "precaution"),
    [
        ("Je suis enceinte de 10 semaines, c'est un problème ?", "pregnancy"),
        ("j'ai trop peur des aiguilles 😭😭 c obligé??", "needle_fear"),
    ],
)
async def test_a_precaution_said_then_asked_about_is_answered_and_noted(
    text, precaution, dispatcher, domain
):
    slots = {**ANSWERED_UP_TO_SEVERITY, "pain_severity": 4.0, "requested_slot": "precautions"}
    message = faq_message(text, "faq/needling_precautions", 0.9)
    events = await answer_then_validate(message, slots, dispatcher, domain)
    assert responses(dispatcher) == ["utter_faq/needling_precautions"]
    assert SlotSet("precautions", [precaution]) in events


@pytest.mark.parametrize(
    "text",
    [
        "Hi, since we moved house in August my mid back has been aching. I'd like to try your"
        " therapy.",
        "j'ai mal aux deux genoux à force d'être accroupie. Vous traitez ça ?",
        "mijn heup doet zeer na het wandelen met de hond, is dat iets voor jullie?",
    ],
)
async def test_a_first_message_about_pain_gets_the_interview_not_a_list_of_topics(
    text, dispatcher, domain
):
    tracker = make_tracker(faq_message(text, "faq/evidence", 0.3))
    events = await ActionAnswerFaq().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == []
    assert SlotSet("offer_interview", True) in events


async def test_an_unsure_question_about_pain_after_the_interview_still_gets_the_topics(
    dispatcher, domain
):
    message = faq_message("my knee still hurts, what else can I try?", "faq/evidence", 0.3)
    tracker = make_tracker(message, {"consent": "given", "interview_offered": True})
    await ActionAnswerFaq().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_faq_which"]


async def test_a_moment_of_the_day_is_no_question_about_opening_hours(dispatcher, domain):
    slots = {**ANSWERED_UP_TO_SEVERITY, "requested_slot": "time_pattern", "time_pattern": None}
    message = faq_message("le soir, jsp 6?", "faq/opening_hours", 0.9)
    events = await answer_then_validate(message, slots, dispatcher, domain)
    assert responses(dispatcher) == []
    assert SlotSet("time_pattern", ["night"]) in events


async def test_a_guessed_score_gets_no_side_answer_from_the_form(dispatcher, domain):
    slots = {**ANSWERED_UP_TO_SEVERITY, "requested_slot": "time_pattern", "time_pattern": None}
    message = faq_message("le soir, jsp 6?", "faq/opening_hours", 0.9)
    message["intent"] = {"name": "describe_pain", "confidence": 1.0}
    tracker = make_tracker(message, slots, active_loop="interview_form")
    events = await ValidateInterviewForm().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == []  # not "I don't have HCMC's opening hours"
    assert SlotSet("time_pattern", ["night"]) in events


async def test_do_you_treat_that_in_a_first_message_gets_no_faq_answer(dispatcher, domain):
    from actions.consent import ActionIntroduce

    text = "Bonjour, j'ai mal aux deux genoux à force d'être accroupie. Vous traitez ça ?"
    message = faq_message(text, "faq/after_effects", 0.9)
    message["intent"] = {"name": "describe_pain", "confidence": 1.0}
    await ActionIntroduce().run(dispatcher, make_tracker(message), domain)
    assert "utter_faq/after_effects" not in responses(dispatcher)
