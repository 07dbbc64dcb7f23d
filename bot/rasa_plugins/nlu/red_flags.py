"""Rasa NLU component: a red flag found by the deterministic detector overrides the intent.

The classifier alone is not trusted with urgent symptoms (domain-notes.md section 3): whatever
intent it predicted, a message in which ``bot.triage.red_flags.detect`` finds a non-negated red flag
becomes intent ``red_flag`` with confidence 1.0, and the flags become ``red_flag_id`` entities.
Rules then route ``red_flag`` to the urgent advice at any point of the conversation.

When only the classifier predicts ``red_flag`` (typed text in which the detector finds nothing),
the intent becomes ``possible_red_flag``: the assistant asks one safety question and alarms only
on a yes, instead of sending ordinary patients to 112 on a guess.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_NAME_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.nlu.component import DeterministicComponent, override_intent
from bot.triage.red_flags import detect

RED_FLAG_INTENT = "red_flag"
POSSIBLE_RED_FLAG_INTENT = "possible_red_flag"
EXTRACTOR_NAME = "RedFlagInterceptor"


def red_flag_entities(text: str) -> list[dict[str, Any]]:
    return [
        {
            "entity": "red_flag_id",
            "value": match.flag_id,
            "confidence_entity": 1.0,
            "extractor": EXTRACTOR_NAME,
        }
        for match in detect(text)
    ]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class RedFlagInterceptor(DeterministicComponent):
    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            flags = red_flag_entities(message.get(TEXT) or "")
            if not flags:
                if (message.get(INTENT) or {}).get(INTENT_NAME_KEY) == RED_FLAG_INTENT:
                    override_intent(message, POSSIBLE_RED_FLAG_INTENT)
                continue
            override_intent(message, RED_FLAG_INTENT)
            message.set(ENTITIES, (message.get(ENTITIES) or []) + flags, add_to_output=True)
        return messages
