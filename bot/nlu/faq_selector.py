"""Rasa NLU component: the FAQ answer is chosen only for messages classified as a question.

Rasa's ResponseSelector runs its neural network on every message, although the dialogue uses its
answer only when the intent is ``faq`` (data/rules/faq.yml). That was a tenth of the Rasa
server's time per turn (py-spy, `make bench`). This subclass, placed after the intent classifier in
config.yml, selects an answer for ``faq`` messages exactly as Rasa does and leaves other
messages without one.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.selectors.response_selector import ResponseSelector
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY
from rasa.shared.nlu.training_data.message import Message


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class FaqResponseSelector(ResponseSelector):
    def process(self, messages: list[Message]) -> list[Message]:
        questions = [
            message
            for message in messages
            if (message.get(INTENT) or {}).get(INTENT_NAME_KEY) == self.retrieval_intent
        ]
        if questions:
            super().process(questions)
        return messages
