"""Patient text kept out of Rasa's structured logs.

Why: Rasa 3.6 logs some events with what the patient wrote (``text=...``, ``user_message=...``)
and passes each event through one hook first, an "anonymizer" that does nothing without Rasa's
paid plugins. Here that hook replaces the values of the keys Rasa itself lists as personal by a
marker, before any log is written. Rasa reads the hook when it configures its logging, so the
patch must be applied before (bot/ops/cli/rasa_server.py applies every patch first).

Replaces: rasa.utils.log_utils._anonymizer(_, __, event_dict), a structlog processor
With: redact_personal_fields.
"""

from __future__ import annotations

from typing import Any

from rasa.utils import log_utils

from bot.rasa_plugins.patches.patch import Patch

REDACTED = "[patient text not logged]"
# Rasa's own list of the event keys that can hold what a person wrote or what was understood.
PERSONAL_KEYS = frozenset(
    {
        "text", "response_text", "user_text", "slot_values", "parse_data_text",
        "parse_data_entities", "prediction_events", "tracker_latest_message", "prefilled_slots",
        "message", "response", "slot_candidates", "rasa_event", "rasa_events", "tracker_states",
        "current_states", "old_states", "successes", "current_entity", "next_entity", "states",
        "entity", "token_text", "user_message", "json_message",
    }
)  # fmt: skip


def redact_personal_fields(_logger: Any, _name: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    for key in PERSONAL_KEYS & event_dict.keys():
        event_dict[key] = REDACTED
    return event_dict


PATCH = Patch(
    name="log_redaction",
    target=log_utils,
    attribute="_anonymizer",
    parameters=("_", "__", "event_dict"),
    replacement=redact_personal_fields,
)
