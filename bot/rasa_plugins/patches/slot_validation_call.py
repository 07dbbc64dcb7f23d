"""The call to validate the slots after a message, made only when its answer can change anything.

Why: after every message Rasa calls the action server's ``action_validate_slot_mappings``, a
whole round trip with the conversation and the action servers' busiest action (py-spy,
`make bench`). When its answer is known without asking is the project's rule, not Rasa's:
bot/triage/language/slot_validation.py decides it, and this patch only asks the rule. When the
call is not needed, Rasa's result is returned as Rasa would: the extracted slot events (none).

Replaces: rasa.core.actions.action.ActionExtractSlots._execute_validation_action(self,
extraction_events, output_channel, nlg, tracker, domain)
With: execute_validation_action.
"""

from __future__ import annotations

from typing import Any

from rasa.core.actions.action import ActionExtractSlots
from rasa.shared.core.events import Event, SlotSet

from bot.rasa_plugins.patches.patch import Patch
from bot.triage.language import CHOSEN_SLOT, LANGUAGE_SLOT
from bot.triage.language.slot_validation import slot_validation_needed

_rasa_execute_validation_action = ActionExtractSlots._execute_validation_action


async def execute_validation_action(
    self: ActionExtractSlots,
    extraction_events: list[Event],
    output_channel: Any,
    nlg: Any,
    tracker: Any,
    domain: Any,
) -> list[Event]:
    """ActionExtractSlots._execute_validation_action, without the call to the action server
    when slot_validation_needed says its answer cannot change anything."""
    slot_events = [event for event in extraction_events if isinstance(event, SlotSet)]
    needed = slot_validation_needed(
        [event.key for event in slot_events],
        tracker.get_slot(CHOSEN_SLOT),
        tracker.get_slot(LANGUAGE_SLOT),
        tracker.latest_message.entities,
    )
    if not needed:
        return [*slot_events]  # Rasa's result without the call's answer
    return await _rasa_execute_validation_action(
        self, extraction_events, output_channel, nlg, tracker, domain
    )


PATCH = Patch(
    name="slot_validation_call",
    target=ActionExtractSlots,
    attribute="_execute_validation_action",
    parameters=("self", "extraction_events", "output_channel", "nlg", "tracker", "domain"),
    replacement=execute_validation_action,
)
