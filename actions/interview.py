"""The pain interview: where, when, how strong, precautions, then a red-flag screen.

The form's slots are all filled here (custom mappings), never by Rasa's automatic extraction,
so that nothing about a patient's health is stored before they consent.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import language_of, latest_entities, latest_intent, latest_text
from bot.interview.answers import INTERVIEW_SLOTS, interpret, is_unsure, needs_side
from bot.interview.summary import noted_so_far
from bot.red_flags import screens_for_regions

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
SLOTS_READ = (*INTERVIEW_SLOTS, "pain_duration_days", *ALL_SCREENS)


def required_slots_for(values: Mapping[str, Any]) -> list[str]:
    """The questions this patient needs, in the order they are asked."""
    regions = values.get("pain_regions") or []
    slots = ["pain_regions"]
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
    return slots + screens_for_regions(regions)


def next_slot(values: Mapping[str, Any]) -> str | None:
    return next((slot for slot in required_slots_for(values) if values.get(slot) is None), None)


def current_values(tracker: Tracker) -> dict[str, Any]:
    return {slot: tracker.get_slot(slot) for slot in SLOTS_READ}


class ActionStartInterview(Action):
    """Starts a fresh interview, keeping what the patient already said in this message or
    in the messages that led to the consent question."""

    def name(self) -> str:
        return "action_start_interview"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
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
        events: list[EventType] = [SlotSet(slot, value) for slot, value in values.items()]
        noted = noted_so_far(values, language_of(tracker))
        if noted:
            dispatcher.utter_message(response="utter_interview_prefilled", noted=noted)
        return events


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
        intent = latest_intent(tracker)
        if intent in INTERRUPTING_INTENTS:
            return []  # the form rejects, so the rule for this intent runs
        requested = tracker.get_slot("requested_slot")
        values = current_values(tracker)
        # A goodbye is read without the question asked, since a free-text question takes any
        # words ("doei" would become what makes the pain worse).
        leaving = intent in LEAVING_INTENTS
        updates = interpret(
            latest_text(tracker),
            latest_entities(tracker),
            intent,
            None if leaving else requested,
            values,
        )
        if leaving and not updates:
            return []  # the form rejects, so the goodbye rule ends the interview
        events: list[EventType] = [SlotSet(slot, value) for slot, value in updates.items()]
        if requested and requested not in updates and requested in values:
            if requested.startswith("screen_") and is_unsure(latest_text(tracker)):
                dispatcher.utter_message(response="utter_screen_unsure")
            elif requested.startswith("screen_") and intent == "affirm":
                dispatcher.utter_message(response="utter_screen_which_one")
            elif not updates:
                dispatcher.utter_message(response="utter_not_understood_answer")
            # Setting the unanswered slot (to None) keeps Rasa from rejecting the form, so the
            # same question is asked again instead of a generic fallback.
            events.append(SlotSet(requested, None))
        values.update(updates)
        # Ask the next question ourselves: the domain's list holds every possible question.
        events.append(SlotSet("requested_slot", next_slot(values)))
        return events
