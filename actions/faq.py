"""Answers to questions about the treatments and the clinic, one after the other.

The FAQ answer chosen by the response selector comes first; practical topics the message also
names ("does it hurt, and where can I park?") are answered after it, from bot/triage/clinic.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import (
    entity_values,
    language_of,
    latest_entities,
    latest_intent,
    latest_text,
    settings,
)
from bot.triage.clinic import FAQ_TOPICS, answer_lines, load_practical
from bot.triage.geography import load_centres
from bot.triage.knowledge.faq_topics import faq_topic_name
from bot.triage.nlp.action_words import load_action_words
from bot.triage.nlp.message_cues import (
    QUESTION_PART,
    asks_a_question,
    is_a_plea,
    mentions_pain,
)


def selector_response(tracker: Tracker) -> dict[str, Any]:
    """The response selector's pick for the latest message (key, confidence), or {}."""
    selector = (tracker.latest_message.get("response_selector") or {}).get("faq") or {}
    return dict(selector.get("response") or {})


def selector_key(tracker: Tracker) -> str | None:
    """The FAQ answer key the response selector chose ("faq/prices"), if any."""
    key = selector_response(tracker).get("intent_response_key")
    return str(key) if key else None


def practical_topics(tracker: Tracker) -> list[str]:
    """Practical topics of the latest message: the selector's, then those its words name."""
    topics = load_practical().topics_in(latest_text(tracker))
    chosen = FAQ_TOPICS.get(selector_key(tracker) or "")
    if chosen and chosen not in topics:
        topics.insert(0, chosen)
    return topics


def utter_practical(dispatcher: CollectingDispatcher, tracker: Tracker, topics: list[str]) -> None:
    from actions.follow_up import staff_alerted  # follow_up uses this module too

    centres = load_centres()
    named = [value for value in entity_values(tracker, "centre") if value in centres]
    centre = named[0] if named else tracker.get_slot("nearest_centre")
    config = settings()
    urls = {centre_id: config.booking_url(centre_id) for centre_id in centres}
    contacts = {centre_id: config.contact_route(centre_id) for centre_id in centres}
    for topic in topics:
        lines = answer_lines(
            load_practical(),
            topic,
            language_of(tracker),
            centre,
            urls,
            contacts,
            staff_alerted=staff_alerted(),
        )
        dispatcher.utter_message(
            response="utter_practical_answer", practical_answer="\n".join(lines)
        )


# Intents whose own rule already answers the question (or must not be followed by chat).
ANSWERED_ELSEWHERE = frozenset(
    {"faq", "ask_centres", "request_human", "red_flag", "possible_red_flag", "erase_data"}
)
# The patterns whose words live in bot/triage/nlp/action_words.yml (section "faq"), by entry.
ACTION_WORD_ENTRIES = ("help_request",)
_WORDS = load_action_words("faq", ACTION_WORD_ENTRIES)
_HELP_REQUEST = re.compile(_WORDS["help_request"], re.I)
# Below this, the selector's choice for a question asked beside something else is not trusted.
SIDE_QUESTION_CONFIDENCE = 0.6


def answer_side_questions(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """Answers the questions of a message that was mainly something else ("Auderghem. Will the
    needling hurt? And can I park there?"), after the action's own reply."""
    text = latest_text(tracker)
    if "?" not in text or text.startswith("/") or latest_intent(tracker) in ANSWERED_ELSEWHERE:
        return
    questions = [
        part
        for part in QUESTION_PART.findall(text)
        # "vous traitez ça ?" asks for the interview; "jsp 6?" is a guess, no question
        if not _HELP_REQUEST.search(part) and not is_a_plea(part) and asks_a_question(part)
    ]
    if not questions:
        return  # "can you help me?" asks for the interview, not for a FAQ answer
    key = selector_key(tracker)
    confident = float(selector_response(tracker).get("confidence") or 0) >= SIDE_QUESTION_CONFIDENCE
    if key and confident and key not in FAQ_TOPICS:
        dispatcher.utter_message(response=f"utter_{key}")
    topics = load_practical().topics_in(text)
    if key and confident and FAQ_TOPICS.get(key) and FAQ_TOPICS[key] not in topics:
        topics.insert(0, FAQ_TOPICS[key])
    if topics:
        utter_practical(dispatcher, tracker, topics)


def interview_offered_next(tracker: Tracker, about_pain: bool) -> bool:
    """Whether the consent question follows this answer: once, to a patient not asked yet, who
    talks about their pain (the rules in data/rules/consent.yml read the slot)."""
    return (
        about_pain
        and tracker.get_slot("consent") == "unknown"
        and not tracker.get_slot("interview_offered")
        and not any(
            event.get("event") == "action" and event.get("name") == "utter_ask_consent"
            for event in tracker.events
        )
    )


def offer_interview(tracker: Tracker, about_pain: bool) -> list[EventType]:
    offer = interview_offered_next(tracker, about_pain)
    events: list[EventType] = [SlotSet("offer_interview", offer)]
    return events + [SlotSet("interview_offered", True)] if offer else events


def talks_about_pain(tracker: Tracker) -> bool:
    return mentions_pain(latest_text(tracker), latest_entities(tracker))


# Below these, the selector's pick is not answered: the patient chooses among its best guesses.
# Cross-validated on the selector's training questions: below UNSURE_BELOW about as many picks
# are wrong as right. A practical answer the message names no word of ("what if the needling
# hurts too much?" taken for prices) needs more confidence than a treatment answer.
UNSURE_BELOW = 0.5
UNSURE_PRACTICAL_BELOW = 0.7
MAX_CHOICES = 3


def unsure_choices(tracker: Tracker, key: str, topics: list[str]) -> list[dict[str, str]]:
    """Buttons of the selector's best answers when its pick is too unsure to give; [] when sure."""
    response = ((tracker.latest_message.get("response_selector") or {}).get("faq") or {}).get(
        "response"
    ) or {}
    raw_confidence = response.get("confidence")
    confidence = 1.0 if raw_confidence is None else float(raw_confidence)
    practical = FAQ_TOPICS.get(key)
    if practical and practical in topics:
        return []
    if confidence >= (UNSURE_PRACTICAL_BELOW if practical else UNSURE_BELOW):
        return []
    ranking = ((tracker.latest_message.get("response_selector") or {}).get("faq") or {}).get(
        "ranking"
    ) or [{"intent_response_key": key}]
    language = language_of(tracker)
    buttons: list[dict[str, str]] = []
    for entry in ranking:
        answer = str(entry.get("intent_response_key") or "")
        name = faq_topic_name(answer, language)
        if name and all(b["payload"] != f"/{answer}" for b in buttons):
            buttons.append({"title": name, "payload": f"/{answer}"})
        if len(buttons) == MAX_CHOICES:
            break
    return buttons


def answers_the_interview(tracker: Tracker) -> bool:
    """A message of the interview that the classifier took for a question but that asks nothing:
    "No. No chest pain, I only sweat in the gym." to a safety question, "I'm 52 but it's the same
    old back", "le soir, jsp 6?" (not a question about opening hours). Such a message answers the
    question asked; an answer to another question, or "which of these topics?", would only
    confuse the patient. The form, which runs next, reads it."""
    in_interview = (tracker.active_loop or {}).get("name") == "interview_form"
    return in_interview and not asks_a_question(latest_text(tracker))


class ActionAnswerFaq(Action):
    def name(self) -> str:
        return "action_answer_faq"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if answers_the_interview(tracker):
            return []  # the interview form, which runs next, reads it as the answer
        key = selector_key(tracker)
        named = load_practical().topics_in(latest_text(tracker))
        choices = unsure_choices(tracker, key, named) if key else []
        about_pain = talks_about_pain(tracker)
        names_a_place = any(e.get("entity") == "body_region" for e in latest_entities(tracker))
        if choices and not named and names_a_place and interview_offered_next(tracker, about_pain):
            # "My knee hurts, do you treat that?": the interview offered next answers it; a list
            # of guessed topics first would only puzzle the patient. ("What if the needling hurts
            # too much?" names no place of the patient's: a question, its topics are offered.)
            return offer_interview(tracker, about_pain)
        if choices:
            dispatcher.utter_message(response="utter_faq_which", buttons=choices)
            if named:
                utter_practical(dispatcher, tracker, named)
            return offer_interview(tracker, about_pain)
        if key and key not in FAQ_TOPICS:
            dispatcher.utter_message(response=f"utter_{key}")
        topics = practical_topics(tracker)
        if topics:
            utter_practical(dispatcher, tracker, topics)
        elif not key:
            dispatcher.utter_message(response="utter_default")
        return offer_interview(tracker, about_pain)
