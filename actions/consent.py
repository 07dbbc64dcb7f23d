"""Explicit consent (GDPR art. 9) before any health detail is noted."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import latest_intent
from actions.faq import answer_side_questions
from actions.follow_up import CONTACT_SLOTS
from bot.triage.interview.answers import INTERVIEW_SLOTS, SEVERITY_NOTE
from bot.triage.knowledge import REGION_IDS
from bot.triage.red_flags import screens_for_regions

YES_INTENTS = ("give_consent", "affirm")


def health_slots() -> tuple[str, ...]:
    """Every slot that holds a health detail from the interview."""
    screens = tuple(screens_for_regions(REGION_IDS))
    return (
        *INTERVIEW_SLOTS, "pain_duration_days", SEVERITY_NOTE, "explained_regions",
        "explained_side", "suspected_red_flags", "safety_answer", *screens,
    )  # fmt: skip


class ActionIntroduce(Action):
    """The introduction for a patient whose first message describes their pain; a question
    asked in the same message ("my knee hurts, is dry needling painful?") is answered too,
    before the consent question."""

    def name(self) -> str:
        return "action_introduce"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_introduction")
        answer_side_questions(dispatcher, tracker)
        return []


class ActionRecordConsent(Action):
    def name(self) -> str:
        return "action_record_consent"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if latest_intent(tracker) in YES_INTENTS:
            dispatcher.utter_message(response="utter_consent_thanks")
            return [SlotSet("consent", "given")]
        return consent_declined(dispatcher, tracker)


def consent_declined(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    dispatcher.utter_message(response="utter_consent_declined")
    # Declining (or withdrawing) consent also drops anything noted before, and the phone
    # number or e-mail address left for staff: no contact details without consent.
    return [SlotSet("consent", "declined")] + [
        SlotSet(slot, None)
        for slot in (*health_slots(), *CONTACT_SLOTS)
        if tracker.get_slot(slot) is not None
    ]


class ActionWithdrawConsent(Action):
    """The yes to "stop the questions and forget what you told me?", asked when the interview
    was interrupted by a message read as withdrawing consent."""

    def name(self) -> str:
        return "action_withdraw_consent"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        return consent_declined(dispatcher, tracker)


class ActionEraseConversation(Action):
    """Confirms, then has the conversation erased at the end of this turn: the tracker store
    deletes it instead of saving it (erase_requested), the same erasure as /forget. The reply
    carries custom data "erased" so that each channel forgets its own copy too."""

    def name(self) -> str:
        return "action_erase_conversation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_erase_done", json_message={"erased": True})
        return [SlotSet("erase_requested", True)]
