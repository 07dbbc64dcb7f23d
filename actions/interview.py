"""The pain interview: where, when, how strong, precautions, then a red-flag screen.

The form's slots are all filled here (custom mappings), never by Rasa's automatic extraction,
so that nothing about a patient's health is stored before they consent.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Mapping
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    entity_values,
    language_of,
    latest_entities,
    latest_intent,
    latest_text,
    returning_to_form,
)
from actions.faq import (
    answer_side_questions,
    answers_the_interview,
    practical_topics,
    utter_practical,
)
from actions.red_flags import (
    SUSPECTED_SLOT,
    flags_in_message,
    give_red_flag_advice,
    interview_goes_on_after,
    suspected_flags,
)
from bot.triage.consent import consent_answer
from bot.triage.interview.answers import (
    INTERVIEW_SLOTS,
    MAX_NOTE,
    SEVERITY_NOTE,
    interpret,
    is_unknown_duration,
    is_unsure,
    needs_side,
)
from bot.triage.interview.asked_together import ASKED_TOGETHER, asked_with
from bot.triage.interview.severity import clauses_led_by_a_score, paired_scores_in
from bot.triage.interview.summary import noted_so_far
from bot.triage.language.text import fold
from bot.triage.nlp.action_words import load_action_words
from bot.triage.nlp.message_cues import QUESTION_PART, asks_a_question, opens_with_no
from bot.triage.red_flags import screens_for_regions

# Intents that are not answers: the form steps aside and a rule handles them, then it resumes.
INTERRUPTING_INTENTS = frozenset(
    {
        "faq",
        "ask_centres",
        "request_human",
        "request_booking",
        "stop",
        "red_flag",
        "help",
        "bot_challenge",
        "decline_consent",
        "erase_data",
        "restart_conversation",
        "switch_language",
    }
)
# Intents that end the interview only when the message answers nothing: "de hele dag door" (all
# day long) can be read as a goodbye, and must still count as an answer.
LEAVING_INTENTS = frozenset({"goodbye"})
ALL_SCREENS = ("screen_back", "screen_chest", "screen_head", "screen_calf", "screen_general")
# After a second answer that cannot be read, these questions are left to the therapist and the
# interview goes on. Where the pain is (the explanation needs it) and the safety screens are
# always asked until answered.
SKIPPABLE = frozenset(
    {"pain_side", "pain_onset", "pain_duration", "time_pattern", "pain_severity", "precautions"}
)
MISSED = "missed_question"
SKIPPED = "skipped_questions"
# Set once the explanation after a finished interview was given; later pain messages correct it.
COMPLETE = "interview_complete"
CORRECT_FIELD = "correct_field"
# Whether the patient said exactly where it hurts and where it spreads: asked when the place
# was only named in passing before the interview ("tennis elbow, can I book?").
AREA_CHECKED = "pain_area_checked"
# An answer that, with earlier ones, could be a red flag (bot/triage/red_flags/across_messages.py):
# one safety question before the interview goes on; a yes is a red flag and ends it.
SAFETY_ANSWER = "safety_answer"
# The question asked along with the requested one (asked_together.py), when it was.
ASKED_WITH = "asked_with"
SLOTS_READ = (
    *INTERVIEW_SLOTS, "pain_duration_days", SEVERITY_NOTE, *ALL_SCREENS, MISSED, SKIPPED,
    AREA_CHECKED, SUSPECTED_SLOT, SAFETY_ANSWER,
)  # fmt: skip


# What an answer can fill (not the interview's own bookkeeping).
ANSWERS = frozenset(SLOTS_READ) - {MISSED, SKIPPED, SUSPECTED_SLOT, SAFETY_ANSWER}


def required_slots_for(values: Mapping[str, Any]) -> list[str]:
    """The questions this patient needs, in the order they are asked."""
    regions = values.get("pain_regions") or []
    slots = [SAFETY_ANSWER] if values.get(SUSPECTED_SLOT) else []
    slots.append("pain_regions")
    if values.get(AREA_CHECKED) is None and regions:
        slots.append(AREA_CHECKED)  # the place came from the first messages: where exactly?
    if not regions or needs_side(regions):
        slots.append("pain_side")
    slots += [
        "pain_onset",
        "pain_duration",
        "time_pattern",
        "pain_modifiers",
        "pain_severity",
        "precautions",
    ]
    skipped = set(values.get(SKIPPED) or ())
    return [slot for slot in [*slots, *screens_for_regions(regions)] if slot not in skipped]


def next_slot(values: Mapping[str, Any]) -> str | None:
    return next((slot for slot in required_slots_for(values) if values.get(slot) is None), None)


def current_values(tracker: Tracker) -> dict[str, Any]:
    return {slot: tracker.get_slot(slot) for slot in SLOTS_READ}


def still_open(values: Mapping[str, Any]) -> list[str]:
    return [slot for slot in required_slots_for(values) if values.get(slot) is None]


class ActionAskTogether(Action, ABC):
    """Asks the form's question, with the one that goes with it while that one is open too
    ("which side, and where exactly?"); notes which, so that the answer is read for both."""

    @property
    @abstractmethod
    def slot(self) -> str:
        """The form's question this action asks."""

    @abstractmethod
    def ask(self, dispatcher: CollectingDispatcher, together: bool) -> None:
        """Sends the question, alone or with its partner."""

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        partner = asked_with(self.slot, still_open(current_values(tracker)))
        if partner and tracker.get_slot(ASKED_WITH) == partner and tracker.get_slot(MISSED):
            # Asked together and not understood: the first half alone is easier to answer. (A
            # question of the patient's own in between is no miss: both are asked again.)
            partner = None
        self.ask(dispatcher, together=partner is not None)
        return [SlotSet(ASKED_WITH, partner)]


class ActionAskPainAreaChecked(ActionAskTogether):
    slot = AREA_CHECKED

    def ask(self, dispatcher: CollectingDispatcher, together: bool) -> None:
        if together:
            dispatcher.utter_message(response="utter_ask_pain_area_checked_with_side")
        else:
            dispatcher.utter_message(response="utter_ask_pain_area_checked")


class ActionAskTimePattern(ActionAskTogether):
    slot = "time_pattern"

    def ask(self, dispatcher: CollectingDispatcher, together: bool) -> None:
        if together:
            dispatcher.utter_message(response="utter_ask_time_pattern_with_severity")
        else:
            dispatcher.utter_message(response="utter_ask_time_pattern")


class ActionAskPainOnset(ActionAskTogether):
    slot = "pain_onset"

    def ask(self, dispatcher: CollectingDispatcher, together: bool) -> None:
        if together:
            dispatcher.utter_message(response="utter_ask_pain_onset_with_duration")
        else:
            dispatcher.utter_message(response="utter_ask_pain_onset")


class ActionStartInterview(Action):
    """Starts a fresh interview, keeping what the patient already said in this message or
    in the messages that led to the consent question.

    After a finished interview, a message about the pain corrects it instead: the answers it
    names change ("it's my other knee", "change the duration"), the rest stay, and only the
    questions left open are asked."""

    def name(self) -> str:
        return "action_start_interview"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if tracker.get_slot(COMPLETE):
            return correct_answers(dispatcher, tracker)
        values: dict[str, Any] = {slot: None for slot in SLOTS_READ}
        for message in _messages_to_read(tracker):
            values.update(
                interpret(
                    message.get("text") or "",
                    (message.get("parse_data") or {}).get("entities") or [],
                    ((message.get("parse_data") or {}).get("intent") or {}).get("name"),
                    None,
                    values,
                )
            )
        values[AREA_CHECKED] = None if values.get("pain_regions") else True
        events: list[EventType] = [SlotSet(slot, value) for slot, value in values.items()]
        events.append(SlotSet(ASKED_WITH, None))  # a new interview asks its pairs afresh
        events.append(SlotSet("booking_deferred", False))
        noted = noted_so_far(values, language_of(tracker))
        if noted:
            dispatcher.utter_message(response="utter_interview_prefilled", noted=noted)
        return events


def field_to_correct(tracker: Tracker) -> str | None:
    fields = [v for v in entity_values(tracker, CORRECT_FIELD) if v in INTERVIEW_SLOTS]
    return fields[0] if fields else None


# Answers that go with another one: a new region may need a new side, a new score a new note.
DEPENDENT_SLOTS = {
    "pain_regions": ("pain_side",),
    "pain_duration": ("pain_duration_days",),
    "pain_severity": (SEVERITY_NOTE,),
}


def correct_answers(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """Changes the answers a message corrects; a field named without a new value is cleared,
    so the interview form asks it again."""
    values = current_values(tracker)
    field = field_to_correct(tracker)
    updates = interpret(
        latest_text(tracker), latest_entities(tracker), latest_intent(tracker), field, values
    )
    if field and field not in updates:
        updates[field] = None
        for dependent in DEPENDENT_SLOTS.get(field, ()):
            updates[dependent] = None
    if field:
        skipped = [slot for slot in values.get(SKIPPED) or [] if slot != field]
        if skipped != (values.get(SKIPPED) or []):
            updates[SKIPPED] = skipped
    values.update(updates)
    changed = {slot: value for slot, value in updates.items() if value is not None}
    if changed:
        noted = noted_so_far(changed, language_of(tracker))
        if noted:
            dispatcher.utter_message(response="utter_answer_corrected", noted=noted)
    return [SlotSet(slot, value) for slot, value in updates.items()] + [
        SlotSet("requested_slot", next_slot(values))
    ]


# A short "ok", "thanks" or emoji between two questions (message_cues.yml maps emoji to these).
ACKNOWLEDGING_INTENTS = frozenset({"affirm", "acknowledge", "thank"})
ACKNOWLEDGEMENT_WORDS = 3


def only_acknowledges(intent: str | None, text: str) -> bool:
    """ "ok", "merci beaucoup", "👍" between two questions: no answer to either."""
    return intent in ACKNOWLEDGING_INTENTS and len(text.split()) <= ACKNOWLEDGEMENT_WORDS


# "left", "the left one", "à gauche", "de linker": an answer this short names only the side.
SIDE_ONLY_WORDS = 3
# The patterns whose words live in bot/triage/nlp/action_words.yml (section "interview"), by
# entry.
ACTION_WORD_ENTRIES = ("stays_there", "refusal_words", "says_yes")
_WORDS = load_action_words("interview", ACTION_WORD_ENTRIES)
STAYS_THERE = re.compile(_WORDS["stays_there"], re.I)
_REFUSAL_WORDS = re.compile(_WORDS["refusal_words"])
# Questions whose answer can be read as a fact, and the safety screens (a screen is cleared only
# when every part of the answer rules a sign out: "nee, geen knal gehoord, ik kan gewoon op
# mijn tenen staan"); never the precautions or what makes it worse, where a refusal could be
# kept as the answer.
SCREEN_ANSWER_WORDS = 4
_FACT_QUESTIONS = frozenset(
    {"pain_regions", "pain_side", "pain_onset", "pain_duration", "time_pattern", "pain_severity",
     AREA_CHECKED, *ALL_SCREENS}
)  # fmt: skip


def answers_despite_refusal(
    text: str, entities: list[dict[str, Any]], requested: str | None, values: Mapping[str, Any]
) -> bool:
    """A message the classifier took for a refusal of consent that is an answer: to a question
    about a fact of the pain, read as that answer, with no word of a refusal in it."""
    if requested not in _FACT_QUESTIONS or consent_answer(text) is not None:
        return False
    if _REFUSAL_WORDS.search(fold(text)):
        return False
    if requested in ALL_SCREENS and len(text.split()) < SCREEN_ANSWER_WORDS:
        return False  # a bare "non" to a screen, taken for a refusal, stays one
    context = "pain_regions" if requested == AREA_CHECKED else requested
    read = interpret(text, entities, "describe_pain", context, values)
    return bool(read) and (requested in read or requested == AREA_CHECKED)


_SAYS_YES = re.compile(_WORDS["says_yes"], re.I)


def statements_only(text: str, entities: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """What a message states, without its questions: "can I keep running?" says nothing of when
    it hurts. Questions are blanked, so the entities keep their offsets."""
    blanked = QUESTION_PART.sub(lambda found: " " * len(found.group()), text)
    kept = [
        entity for entity in entities
        if not isinstance(entity.get("start"), int)
        or not blanked[entity["start"] : entity.get("end") or entity["start"] + 1].isspace()
    ]  # fmt: skip
    return blanked, kept


class ActionDeferBooking(Action):
    """A booking request in the middle of the interview: the link comes with the summary after
    the last questions (the form asks the next one); a practical question in the message is
    answered now. A second request ends the interview with the link (data/rules)."""

    def name(self) -> str:
        return "action_defer_booking"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_booking_after_interview")
        topics = practical_topics(tracker)
        utter_practical(dispatcher, tracker, topics)
        if not topics:
            answer_side_questions(dispatcher, tracker)
        return [SlotSet("booking_deferred", True)]


# Messages that would drop every answer: the patient confirms first (data/rules/interview.yml).
DROPPING_INTENTS = frozenset({"decline_consent", "restart_conversation"})


def carried_on_in_this_interview(tracker: Tracker) -> bool:
    """The patient said "no, carry on" to dropping the answers since this interview started."""
    for event in reversed(tracker.events):
        name = event.get("name") or (event.get("metadata") or {}).get("utter_action")
        if name == "utter_interview_continues":
            return True
        if name == "action_start_interview" or event.get("event") == "restart":
            return False
    return False


def answers_since_asked(tracker: Tracker) -> int:
    """The patient's messages since the safety question about several messages was raised
    (the latest included)."""
    count = 0
    for event in reversed(tracker.events):
        if event.get("event") == "slot" and event.get("name") == SUSPECTED_SLOT:
            if event.get("value"):
                break
        elif event.get("event") == "user":
            count += 1
    return count


def read_answer(
    text: str,
    entities: list[dict[str, Any]],
    intent: str | None,
    requested: str | None,
    values: Mapping[str, Any],
    together: Any,
    beside_a_question: bool = False,
) -> dict[str, Any]:
    """What an answer fills, read as the answer to the question asked, and to the question
    asked with it ("Gradually, for about three weeks"). Beside a question of the patient's own,
    the second is read only when the first was answered: "do you treat children? my girl of 6
    has sore knees" says nothing of how long."""
    context = "pain_regions" if requested == AREA_CHECKED else requested
    partner = ASKED_TOGETHER.get(requested or "")
    first_text, first_entities = text, entities
    if partner == "pain_severity" and together == partner:
        # "In the morning. 4, sometimes 6 after sport": what qualifies the score is no moment.
        for start, end in clauses_led_by_a_score(text):
            first_text = first_text[:start] + " " * (end - start) + first_text[end:]
            first_entities = [
                e for e in first_entities
                if not (start <= int(e.get("start", -1)) < end)
            ]  # fmt: skip
    updates = interpret(first_text, first_entities, intent, context, values)
    if first_text != text and requested not in updates:
        # "8 when I run": the moment was only beside the score
        updates = interpret(text, entities, intent, context, values)
    first_answered = requested in updates or (requested == AREA_CHECKED and bool(updates))
    if partner and together == partner and (first_answered or not beside_a_question):
        more = interpret(text, entities, intent, partner, {**values, **updates})
        if partner == "pain_severity":
            # Beside when it is worst, hours and counts are no score ("wakes me 2 or 3 times")
            more.pop(SEVERITY_NOTE, None)
            scores = paired_scores_in(text)
            if scores:
                more["pain_severity"] = float(max(scores))
                if len(set(scores)) > 1:
                    more[SEVERITY_NOTE] = text[:MAX_NOTE]
            else:
                more.pop("pain_severity", None)
        updates.update({slot: value for slot, value in more.items() if slot not in updates})
    return updates


def answers_to(tracker: Tracker, slot: str) -> int:
    """How many of the patient's messages, since the interview began, came while ``slot`` was
    the question asked (the latest message included)."""
    count = 0
    asked: str | None = None
    together: str | None = None
    # Shown as the second half of a pair: it counts only if the answer left the first half open
    # too (nothing read); a patient who answered the first half gets the second asked alone twice.
    pair_first: str | None = None
    for event in tracker.events:
        ended = event.get("event") == "active_loop" and not event.get("name")
        if ended or (
            event.get("event") == "action" and event.get("name") == "action_session_start"
        ):
            count, pair_first = 0, None  # a new interview, or a new session, starts afresh
        if event.get("event") == "slot" and event.get("name") == pair_first and event.get("value"):
            pair_first = None  # the first half was answered
        if event.get("event") == "slot" and event.get("name") == "requested_slot":
            asked, together = event.get("value"), None
        elif event.get("event") == "slot" and event.get("name") == ASKED_WITH:
            together = event.get("value")
        elif event.get("event") == "user":
            if pair_first:
                count += 1
            pair_first = None
            if slot == asked:
                count += 1  # shown alone, or as the first of a pair
            elif slot == together:
                pair_first = asked
    return count + (1 if pair_first else 0)


def _messages_to_read(tracker: Tracker) -> list[dict[str, Any]]:
    """User messages of this session since the last consent question or interview."""
    messages: list[dict[str, Any]] = []
    for event in reversed(tracker.events):
        if event.get("event") == "action" and event.get("name") in (
            "action_session_start",
            "interview_form",
            "action_explain_pain",
        ):
            break
        if event.get("event") == "user":
            messages.append(event)
    return list(reversed(messages))


class ValidateInterviewForm(FormValidationAction):
    def name(self) -> str:
        return "validate_interview_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        return required_slots_for(current_values(tracker))

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        advice: list[EventType] = []
        intent: str | None = None
        requested_now = tracker.get_slot("requested_slot")
        if requested_now == SAFETY_ANSWER and latest_intent(tracker) != "red_flag":
            return self._safety_answered(dispatcher, tracker)
        suspected = (
            suspected_flags(tracker.latest_message)
            if requested_now and latest_intent(tracker) == "possible_red_flag"
            else []
        )
        if suspected:
            # What the answer says is kept, without a word about it (no "didn't catch that"):
            # the safety question comes before anything else.
            events = await self._validate(CollectingDispatcher(), tracker, "describe_pain")
            return [
                *(e for e in events if e.get("name") in ANSWERS and e.get("value") is not None),
                SlotSet(SUSPECTED_SLOT, suspected),
                SlotSet(SAFETY_ANSWER, None),
                SlotSet("requested_slot", SAFETY_ANSWER),
            ]
        flags = flags_in_message(tracker) if latest_intent(tracker) == "red_flag" else []
        if requested_now == SAFETY_ANSWER and interview_goes_on_after(flags):
            # Yes to the question, about a sign that allows booking (a new pain after 50): the
            # advice, then the rest of the interview.
            values = {**current_values(tracker), SUSPECTED_SLOT: None, SAFETY_ANSWER: "yes"}
            advice = give_red_flag_advice(dispatcher, tracker, offer=False, flags=flags)
            dispatcher.utter_message(response="utter_interview_goes_on")
            return [
                *advice,
                SlotSet(SUSPECTED_SLOT, None),
                SlotSet(SAFETY_ANSWER, "yes"),
                SlotSet("requested_slot", next_slot(values)),
            ]
        if (
            requested_now
            and not str(requested_now).startswith("screen_")
            and not returning_to_form(tracker, "interview_form")
            and interview_goes_on_after(flags)
        ):
            # A sign that allows booking with a word to the GP (night pain, say): the advice now,
            # then the interview goes on, so its last safety question is still asked.
            advice = give_red_flag_advice(dispatcher, tracker, offer=False, flags=flags)
            dispatcher.utter_message(response="utter_interview_goes_on")
            intent = "describe_pain"
        events = advice + await self._validate(dispatcher, tracker, intent)
        requested = tracker.get_slot("requested_slot")
        asked_next = next(
            (e.get("value") for e in reversed(events) if e.get("name") == "requested_slot"), None
        )
        if requested and asked_next == requested and answers_to(tracker, requested) >= 2:
            # Whatever the path (a question answered in between, a correction), no question is
            # shown a third time: it is left to the therapist, as after two unreadable answers.
            values = current_values(tracker)
            values.update({e["name"]: e.get("value") for e in events if e.get("event") == "slot"})
            kept = [e for e in events if e.get("name") != "requested_slot"]
            if requested == AREA_CHECKED:
                values[AREA_CHECKED] = True
                return [
                    *kept,
                    SlotSet(AREA_CHECKED, True),
                    SlotSet("requested_slot", next_slot(values)),
                ]
            if requested in SKIPPABLE or requested == "pain_modifiers":
                return kept + self._skip(requested, values, {}, dispatcher)
            if (
                requested.startswith("screen_")
                and intent != "affirm"
                and not _SAYS_YES.search(latest_text(tracker))
            ):
                # Never a yes, and the detector found no red flag in any answer: as after two
                # unclear answers, the sign is left for the therapist, with what to do.
                dispatcher.utter_message(response="utter_screen_left_open")
                return kept + self._skip(requested, values, {}, dispatcher, say=False)
        return events

    @staticmethod
    def _safety_answered(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        """The answer to the safety question about several messages. A yes never gets here: it
        is a red flag, read before this form (bot/rasa_plugins/nlu/red_flags_across_messages.py),
        and its rule ends the interview. A no lets the interview go on; a request (a question,
        stop, erasure) goes to its rule first; anything else is asked once more, and a second
        unclear answer gets the advice for when urgency cannot be ruled out."""
        intent = latest_intent(tracker)
        ask_again: list[EventType] = [
            SlotSet(SAFETY_ANSWER, None),  # so that Rasa asks again instead of rejecting
            SlotSet("requested_slot", SAFETY_ANSWER),
        ]
        if intent in INTERRUPTING_INTENTS and opens_with_no(latest_text(tracker)):
            # "nee, niks. k ben wel 3 kilo kwijt maar da's expres": taken for a question, but a no
            intent = "deny"
        if intent in INTERRUPTING_INTENTS:
            if not returning_to_form(tracker, "interview_form"):
                return []
            if answers_since_asked(tracker) < 2:
                return ask_again
            # Asked twice and answered with questions: not a third time; as after two unclear
            # answers, urgency could not be ruled out.
            intent = None
        values = current_values(tracker)
        suspected = list(values.get(SUSPECTED_SLOT) or [])
        new = [flag for flag in suspected_flags(tracker.latest_message) if flag not in suspected]
        if intent == "possible_red_flag" and new:
            return [SlotSet(SUSPECTED_SLOT, suspected + new), *ask_again]
        values[SUSPECTED_SLOT] = None
        if intent == "deny":
            dispatcher.utter_message(response="utter_safety_clear_interview")
            values[SAFETY_ANSWER] = "no"
            events: list[EventType] = []
        elif answers_since_asked(tracker) < 2:
            dispatcher.utter_message(response="utter_not_understood_answer")
            return ask_again
        else:
            # Urgency could not be ruled out: the advice (booking waits, staff are told), and
            # the interview goes on, as after a sign that allows booking.
            events = give_red_flag_advice(dispatcher, tracker, offer=False, flags=[])
            dispatcher.utter_message(response="utter_interview_goes_on")
            values[SAFETY_ANSWER] = "unclear"
        return [
            *events,
            SlotSet(SUSPECTED_SLOT, None),
            SlotSet(SAFETY_ANSWER, values[SAFETY_ANSWER]),
            SlotSet("requested_slot", next_slot(values)),
        ]

    async def _validate(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, intent: str | None = None
    ) -> list[EventType]:
        intent = intent or latest_intent(tracker)
        requested = tracker.get_slot("requested_slot")
        values = current_values(tracker)
        asks = asks_a_question(latest_text(tracker))
        if (
            intent == "faq"
            and requested
            and (requested in INTERVIEW_SLOTS or requested == AREA_CHECKED)
            and not asks
        ):
            # "le weekend ca va mieux": no question asked, so an answer to the one asked, whatever
            # the classifier guessed (a practical question about opening days, here).
            intent = "describe_pain"
        if (
            intent in DROPPING_INTENTS
            and carried_on_in_this_interview(tracker)
            and consent_answer(latest_text(tracker)) != "withdrawal"
        ):
            # "No, carry on", then the same kind of message again: an answer, not a second wish
            # to drop everything (the confirmation is not asked again in this interview; "I
            # withdraw my consent" in so many words still is).
            intent = "describe_pain"
        if intent == "decline_consent" and answers_despite_refusal(
            latest_text(tracker), latest_entities(tracker), requested, values
        ):
            # "Tout doucement, je n'ai rien soulevé ni rien" taken for a refusal: it answers.
            intent = "describe_pain"
        if intent in INTERRUPTING_INTENTS:
            if not returning_to_form(tracker, "interview_form"):
                return []  # the form rejects, so the rule for this intent runs
            # Back from the rule that answered the question: keep what else the message said
            # ("it's my right knee, and will the needles hurt?"), then ask what is missing.
            if intent in (
                "red_flag",
                "stop",
                "decline_consent",
                "erase_data",
                "restart_conversation",
            ):
                return []
            # "Tingling? No. Weakness? No :)": beside a question, what the message states still
            # answers the question asked (not a free-text one: "in het Nederlands a.u.b." is no
            # answer to what makes the pain worse).
            text, entities = statements_only(latest_text(tracker), latest_entities(tracker))
            if requested == "precautions":
                # Its reader tells a precaution said, then asked about ("je suis enceinte de 10
                # semaines, c'est un problème ?"), from one only asked about.
                text, entities = latest_text(tracker), latest_entities(tracker)
            # What makes it worse is read only from a message that asks nothing.
            answers = (
                intent == "faq"
                and bool(text.strip())
                and (requested != "pain_modifiers" or answers_the_interview(tracker))
            )
            updates = read_answer(
                text, entities, intent, requested if answers else None, values,
                tracker.get_slot(ASKED_WITH), beside_a_question=True,
            )  # fmt: skip
            # "I take fish oil... no idea if that thins the blood?"
            unsure = is_unsure(latest_text(tracker))
            if requested == "precautions" and "precautions" not in updates and unsure:
                updates["precautions"] = ["unsure"]
            if requested == AREA_CHECKED and answers:
                updates[AREA_CHECKED] = True  # any answer to "where exactly?" moves on
            values.update(updates)
            return [SlotSet(slot, value) for slot, value in updates.items()] + [
                SlotSet("requested_slot", next_slot(values))
            ]
        field = field_to_correct(tracker)
        if field:  # "change the side" in the middle of the interview
            return correct_answers(dispatcher, tracker)
        if requested == AREA_CHECKED:
            return self._area_checked(dispatcher, tracker, values)
        # A goodbye is read without the question asked, since a free-text question takes any
        # words ("doei" would become what makes the pain worse).
        # A question is no goodbye: "Vandaag nog, lukt da?" (still today, is that possible?).
        leaving = intent in LEAVING_INTENTS and not asks
        # ...but a named moment ("de hele dag door") still answers when it is worst.
        names_a_moment = requested == "time_pattern" and bool(
            entity_values(tracker, "time_pattern")
        )
        # "merci", "ok" to what makes it worse: a free-text question takes any words, not these.
        thanks_only = requested == "pain_modifiers" and only_acknowledges(
            intent, latest_text(tracker)
        )
        updates = read_answer(
            latest_text(tracker),
            latest_entities(tracker),
            intent,
            None if (leaving and not names_a_moment) or thanks_only else requested,
            values,
            tracker.get_slot(ASKED_WITH),
        )
        if leaving and not updates:
            return []  # the form rejects, so the goodbye rule ends the interview
        partner = ASKED_TOGETHER.get(requested or "")
        if requested == "pain_regions" and updates.get("pain_regions"):
            updates[AREA_CHECKED] = True  # the answer to "where?" says exactly where
        events: list[EventType] = [SlotSet(slot, value) for slot, value in updates.items()]
        own_question = False
        if requested and requested not in updates and requested in values:
            unsure = is_unsure(latest_text(tracker)) or (
                requested == "pain_duration" and is_unknown_duration(latest_text(tracker))
            )
            if (
                requested.startswith("screen_")
                and values.get(MISSED) == requested
                and intent != "affirm"
                and not _SAYS_YES.search(latest_text(tracker))
            ):
                # Asked twice, never a yes, and the detector found no red flag in either answer:
                # the sign is left for the therapist, with what to do should one apply.
                dispatcher.utter_message(response="utter_screen_left_open")
                return events + self._skip(requested, values, updates, dispatcher, say=False)
            if requested in SKIPPABLE and (values.get(MISSED) == requested or unsure):
                # "I don't know" is an answer: the therapist will ask, no need to repeat.
                return events + self._skip(requested, values, updates, dispatcher)
            answered_partner = bool(partner) and partner in updates
            # A question of the patient's own is no miss either: it is owned up to, not skipped.
            # ("des fourmillements ? non. juste la main fatiguée" echoes the question: an answer.)
            own_question = asks and not updates and latest_text(tracker).rstrip().endswith("?")
            # "ok", "merci beaucoup", "👍" between two questions: no answer, and no miss either;
            # the question is asked again without "I didn't catch that".
            acknowledged = (
                not updates
                and not requested.startswith("screen_")
                and only_acknowledges(intent, latest_text(tracker))
            )
            if (
                not answered_partner
                and not own_question
                and not acknowledged
                and (
                    requested in SKIPPABLE
                    or (requested.startswith("screen_") and intent != "affirm")
                )
            ):
                # (Half of a double question answered is no miss: the other half is asked alone.)
                events.append(SlotSet(MISSED, requested))
            if requested.startswith("screen_") and is_unsure(latest_text(tracker)):
                dispatcher.utter_message(response="utter_screen_unsure")
            elif requested.startswith("screen_") and intent == "affirm":
                dispatcher.utter_message(response="utter_screen_which_one")
            elif not updates and not own_question and not acknowledged:
                dispatcher.utter_message(response="utter_not_understood_answer")
            # Setting the unanswered slot (to None) keeps Rasa from rejecting the form, so the
            # same question is asked again instead of a generic fallback.
            events.append(SlotSet(requested, None))
        elif values.get(MISSED):
            events.append(SlotSet(MISSED, None))
        # "Left. Will the needles hurt?": the answer is taken, and the question answered too.
        said_before = len(dispatcher.messages)
        answer_side_questions(dispatcher, tracker)
        if own_question and len(dispatcher.messages) == said_before:
            # "Can the invoice be in my company's name?": not a question it can answer; say so
            # and give the route that works, rather than "I didn't catch that".
            dispatcher.utter_message(response="utter_question_not_answered_here")
        values.update(updates)
        # Ask the next question ourselves: the domain's list holds every possible question.
        events.append(SlotSet("requested_slot", next_slot(values)))
        return events

    @staticmethod
    def _area_checked(
        dispatcher: CollectingDispatcher, tracker: Tracker, values: dict[str, Any]
    ) -> list[EventType]:
        """Where exactly, and where it spreads: the places named replace the first guess ("my
        head" was the back of the head and the neck); "only there" keeps it. Any answer moves
        on: this question never traps anyone."""
        text = latest_text(tracker)
        together = tracker.get_slot(ASKED_WITH)
        updates = read_answer(
            text, latest_entities(tracker), latest_intent(tracker), AREA_CHECKED, values, together
        )
        if (
            together
            and set(updates) == {"pain_side"}
            and (text.startswith("/") or len(text.split()) <= SIDE_ONLY_WORDS)
            and latest_intent(tracker) != "deny"
            and not STAYS_THERE.search(text)
        ):
            # Only the side (a button, "the left one"): where exactly and whether it spreads
            # decide the safety questions, so that half is asked once on its own.
            values.update(updates)
            return [
                SlotSet("pain_side", updates["pain_side"]),
                SlotSet(AREA_CHECKED, None),
                SlotSet("requested_slot", AREA_CHECKED),
            ]
        updates[AREA_CHECKED] = True
        answer_side_questions(dispatcher, tracker)
        values.update(updates)
        return [SlotSet(slot, value) for slot, value in updates.items()] + [
            SlotSet("requested_slot", next_slot(values))
        ]

    @staticmethod
    def _skip(
        requested: str,
        values: dict[str, Any],
        updates: Mapping[str, Any],
        dispatcher: CollectingDispatcher,
        say: bool = True,
    ) -> list[EventType]:
        """The second unreadable answer to one question: leave it to the therapist, go on."""
        skipped = [*(values.get(SKIPPED) or []), requested]
        if say:
            dispatcher.utter_message(response="utter_question_skipped")
        events: list[EventType] = [SlotSet(MISSED, None), SlotSet(SKIPPED, skipped)]
        if requested == "precautions":
            # Unknown precautions are not "none": the therapist asks before any needling.
            events.append(SlotSet("precautions", ["unsure"]))
            values["precautions"] = ["unsure"]
        values.update(updates)
        values[SKIPPED] = skipped
        events.append(SlotSet("requested_slot", next_slot(values)))
        return events
