"""Rasa NLU component: the language a message is written in, as the entity ``detected_language``.

Deterministic (``bot.triage.language.detect_language``) and silent when unsure: "ok", "7", "Uccle"
or a button payload add nothing. The action ``action_validate_slot_mappings`` (actions/language.py)
turns it into the ``language`` slot, unless the patient asked for a language.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.nlu.component import DeterministicComponent
from bot.triage.language import DETECTED_LANGUAGE_ENTITY, detect_language

EXTRACTOR_NAME = "LanguageDetector"


def language_entities(text: str) -> list[dict[str, Any]]:
    language = detect_language(text)
    if language is None:
        return []
    return [
        {
            "entity": DETECTED_LANGUAGE_ENTITY,
            "value": language,
            "confidence_entity": 1.0,
            "extractor": EXTRACTOR_NAME,
        }
    ]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class LanguageDetector(DeterministicComponent):
    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            found = language_entities(message.get(TEXT) or "")
            if found:
                message.set(ENTITIES, (message.get(ENTITIES) or []) + found, add_to_output=True)
        return messages
