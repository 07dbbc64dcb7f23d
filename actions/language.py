"""The conversation's language: an explicit switch, and the language read from the text.

Precedence, highest first: the patient asks for a language (action_switch_language); the language
the patient writes in (entity ``detected_language`` of bot/rasa_plugins/nlu/language.py), unless
they asked for one; the channel's language at the session start (actions/session.py), where the
conversation starts until a clear message says otherwise.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import ValidationAction
from rasa_sdk.types import DomainDict

from actions.common import LANGUAGES, entity_values, latest_text
from bot.triage.language import (
    CHOSEN_SLOT,
    DETECTED_LANGUAGE_ENTITY,
    LANGUAGE_SLOT,
    detect_language,
    language_to_follow,
)


def requested_language(tracker: Tracker) -> str | None:
    """The language the latest message asks for: the ``language`` entity ("en français",
    a button), else the language the request itself is written in ("andere taal aub")."""
    named = [value for value in entity_values(tracker, "language") if value in LANGUAGES]
    if named:
        return str(named[-1])
    return detect_language(latest_text(tracker))


class ActionSwitchLanguage(Action):
    """Sets the language the patient asked for; a rule then confirms it (utter_language_switched,
    rendered after this action's events, so in the new language) and resumes any form."""

    def name(self) -> str:
        return "action_switch_language"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        language = requested_language(tracker)
        if language is None:
            return []  # "/language" alone: the confirmation's buttons let the patient pick
        return [SlotSet(LANGUAGE_SLOT, language), SlotSet(CHOSEN_SLOT, True)]


class ValidateSlotMappings(ValidationAction):
    """Run by Rasa after a user message: follows the language the patient writes in, unless the
    patient asked for one. (The Rasa server calls it only when
    ``language_to_follow`` says the language changes: bot/triage/language/slot_validation.py.)"""

    def name(self) -> str:
        return "action_validate_slot_mappings"

    def domain_slots(self, domain: DomainDict) -> list[str]:
        # Rasa sends no domain to this action (selective domain), so name the one slot here.
        return [LANGUAGE_SLOT]

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        return [LANGUAGE_SLOT]

    async def extract_language(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        language = language_to_follow(
            tracker.get_slot(CHOSEN_SLOT),
            tracker.get_slot(LANGUAGE_SLOT),
            entity_values(tracker, DETECTED_LANGUAGE_ENTITY),
        )
        return {LANGUAGE_SLOT: language} if language else {}

    async def validate_language(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {LANGUAGE_SLOT: value if value in LANGUAGES else None}
