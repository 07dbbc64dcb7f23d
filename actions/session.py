"""Session start: carries slots over and sets the language and retention period."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import LANGUAGES, settings


def language_from_metadata(metadata: dict[str, Any] | None) -> str | None:
    """ "fr", "fr-BE" or "nl_BE" from a channel's metadata (Telegram, the web page's lang)."""
    raw = str((metadata or {}).get("language") or "").strip().lower()
    code = raw[:2]
    return code if code in LANGUAGES else None


class ActionSessionStart(Action):
    def name(self) -> str:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        events: list[EventType] = [SessionStarted()]
        # Carry over what the previous session knew (consent, answers), as Rasa's default does.
        for slot, value in tracker.slots.items():
            if slot not in ("session_started_metadata", "requested_slot") and value is not None:
                events.append(SlotSet(slot, value))
        events.append(SlotSet("retention_days", settings().retention_days))
        language = language_from_metadata(tracker.get_slot("session_started_metadata"))
        if language:
            events.append(SlotSet("language", language))
        events.append(ActionExecuted("action_listen"))
        return events
