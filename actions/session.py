"""Session start: carries slots over and sets the language and retention period."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import settings
from bot.triage.language import language_from_code

LANGUAGE_SLOTS = ("language", "language_chosen")


def language_from_metadata(metadata: dict[str, Any] | None) -> str | None:
    """ "fr", "fr-BE" or "nl_BE" from a channel's metadata (Telegram, the web page's lang)."""
    return language_from_code((metadata or {}).get("language"))


def language_before_restart(tracker: Tracker) -> dict[str, Any]:
    """The language slots as last set, also before a restart (which resets every slot): a
    patient who starts over in French should not be answered in English."""
    found: dict[str, Any] = {}
    for event in reversed(tracker.events):
        name = event.get("name")
        if event.get("event") == "slot" and name in LANGUAGE_SLOTS and name not in found:
            found[name] = event.get("value")
        if len(found) == len(LANGUAGE_SLOTS):
            break
    return found


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
        earlier = language_before_restart(tracker)
        if language and not earlier.get("language_chosen"):
            # The channel's language is where the conversation starts, not a choice: a patient on
            # the Dutch page or with an English phone who writes French is answered in French
            # (red-flag advice in a language they read). A language the patient asked for holds.
            events.append(SlotSet("language", language))
        else:
            events += [
                SlotSet(slot, value)
                for slot, value in earlier.items()
                if value is not None and value != tracker.get_slot(slot)
            ]
        events.append(ActionExecuted("action_listen"))
        return events
