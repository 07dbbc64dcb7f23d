"""Urgent advice when a red flag is raised, at any point of the conversation."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import entity_values, latest_text
from bot.red_flags import detect, flag_ids, tier_of, tier_rank

# The classifier predicted a red flag that the patterns did not confirm: still escalate.
UNCLEAR_TIER = "unclear"


def flags_in_message(tracker: Tracker) -> list[str]:
    """Flags from the detector (run again here, deterministic) and from screen buttons."""
    found = [match.flag_id for match in detect(latest_text(tracker))]
    for value in entity_values(tracker, "red_flag_id"):
        if value in flag_ids() and value not in found:
            found.append(value)
    return sorted(found, key=lambda flag: tier_rank(tier_of(flag)))


def more_urgent(tier: str | None, other: str | None) -> str | None:
    """The more urgent of two tiers; "unclear" ranks just after "doctor_today"."""

    def rank(value: str | None) -> float:
        if value is None:
            return float("inf")
        if value == UNCLEAR_TIER:
            return tier_rank("doctor_today") + 0.5
        return tier_rank(value)

    return tier if rank(tier) <= rank(other) else other


class ActionRedFlagAdvice(Action):
    def name(self) -> str:
        return "action_red_flag_advice"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        flags = flags_in_message(tracker)
        if flags:
            tier = tier_of(flags[0])
            dispatcher.utter_message(response=f"utter_red_flag_{flags[0]}")
        else:
            tier = UNCLEAR_TIER
            dispatcher.utter_message(response="utter_red_flag_unclear")
        dispatcher.utter_message(response=f"utter_tier_{tier}")
        dispatcher.utter_message(response="utter_red_flag_staff_note")
        earlier = list(tracker.get_slot("red_flags") or [])
        return [
            SlotSet("red_flag_tier", more_urgent(tier, tracker.get_slot("red_flag_tier"))),
            SlotSet("red_flags", earlier + [flag for flag in flags if flag not in earlier]),
            SlotSet("needs_staff_followup", True),
        ]
