"""Patient text kept out of Rasa's structured logs.

Rasa 3.6 logs some events with what the patient wrote (``text=...``, ``user_message=...``) and
passes each event through one hook first, an "anonymizer" that does nothing without Rasa's paid
plugins. Here that hook replaces the values of the keys Rasa itself lists as personal by a marker,
in the Rasa server (bot/ops/cli/rasa_server.py), before any log is written.
"""

from __future__ import annotations

from typing import Any

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


def apply() -> None:
    """Installs the redaction; before Rasa configures its logging (it looks the hook up then).
    Structured tracebacks lose their frames' local variables, which hold slots and messages."""
    import structlog
    from rasa.utils import log_utils

    log_utils._anonymizer = redact_personal_fields
    structlog.processors.dict_tracebacks = structlog.processors.ExceptionRenderer(
        structlog.tracebacks.ExceptionDictTransformer(show_locals=False)
    )
