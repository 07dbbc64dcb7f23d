"""Whether the slot validation that follows a message can change anything.

After every message Rasa asks the action server to validate the slots it extracted from it
(action_validate_slot_mappings, a round trip with the whole conversation). In this project that
action only follows the language the patient writes in (actions/language.py), and every slot's
mapping is custom, so Rasa extracts no slot for it to validate: unless the message makes the
conversation follow another language, its answer is known to be nothing. The Rasa server skips
the call then (bot/rasa_plugins/patches/slot_validation_call.py).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any

from bot.triage.language import DETECTED_LANGUAGE_ENTITY, language_to_follow


def detected_languages(entities: Iterable[Mapping[str, Any]]) -> list[Any]:
    """The languages a message was found written in, in the order of its entities."""
    return [
        entity.get("value")
        for entity in entities
        if entity.get("entity") == DETECTED_LANGUAGE_ENTITY
    ]


def slot_validation_needed(
    extracted_slots: Collection[str],
    chosen: object,
    current: object,
    entities: Iterable[Mapping[str, Any]],
) -> bool:
    """True when the validation action's answer is needed: a slot was extracted for it to validate,
    or the message's entities make the conversation change language (``language_to_follow``, the
    rule the action applies, given the ``language_chosen`` and ``language`` slots)."""
    if extracted_slots:
        return True
    return language_to_follow(chosen, current, detected_languages(entities)) is not None
