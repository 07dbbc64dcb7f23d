"""Rasa NLU component: the FAQ answer is chosen only for messages classified as a question.

Rasa's ResponseSelector runs its neural network on every message, although the dialogue uses its
answer only when the intent is ``faq`` (data/rules/faq.yml). That was a tenth of the Rasa
server's time per turn (py-spy, `make bench`). This subclass, placed after the intent classifier in
config.yml, selects an answer for ``faq`` messages exactly as Rasa does, and for other messages
that contain a question mark (several things in one message); the rest get none.

A pressed FAQ button sends its answer's key as the payload ("/faq/trigger_points"). Rasa reads
such a payload as plain text (it is not a domain intent), so the classifier and the selector
would have to guess it back from the words "faq" and "trigger_points". The answer named by the
payload is selected here directly, with certainty.
"""

from __future__ import annotations

import re

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import (
    RESPONSE_SELECTOR_PREDICTION_KEY,
    RESPONSE_SELECTOR_RANKING_KEY,
    RESPONSE_SELECTOR_RESPONSES_KEY,
    RESPONSE_SELECTOR_UTTER_ACTION_KEY,
)
from rasa.nlu.selectors.response_selector import ResponseSelector
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    INTENT_RESPONSE_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data import util
from rasa.shared.nlu.training_data.message import Message

PRESSED_ANSWER = re.compile(r"^/(?P<intent>[a-z_]+)/(?P<answer>[a-z0-9_]+)$")


def asks_a_question(text: str) -> bool:
    """A typed message with a question in it, beside whatever else it says ("Auderghem. Will
    the needling hurt?"): the answer is selected too, for the actions to give after theirs."""
    return "?" in text and not text.startswith("/")


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class FaqResponseSelector(ResponseSelector):
    def process(self, messages: list[Message]) -> list[Message]:
        pressed = {id(message): self.pressed_answer(message) for message in messages}
        questions = [
            message
            for message in messages
            if not pressed[id(message)]
            and (
                (message.get(INTENT) or {}).get(INTENT_NAME_KEY) == self.retrieval_intent
                or asks_a_question(message.get(TEXT) or "")
            )
        ]
        if questions:
            super().process(questions)
        for message in messages:
            key = pressed[id(message)]
            if key:
                self.select(message, key)
        return messages

    def pressed_answer(self, message: Message) -> str | None:
        """The answer key ("faq/trigger_points") of a pressed FAQ button, if it names one."""
        found = PRESSED_ANSWER.match((message.get(TEXT) or "").strip())
        if not found or found["intent"] != self.retrieval_intent:
            return None
        key = f"{self.retrieval_intent}/{found['answer']}"
        return key if util.intent_response_key_to_template_key(key) in self.responses else None

    def select(self, message: Message, key: str) -> None:
        template = util.intent_response_key_to_template_key(key)
        intent = {INTENT_NAME_KEY: self.retrieval_intent, PREDICTED_CONFIDENCE_KEY: 1.0}
        message.set(INTENT, intent, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [intent], add_to_output=True)
        prediction = {
            RESPONSE_SELECTOR_PREDICTION_KEY: {
                RESPONSE_SELECTOR_RESPONSES_KEY: self.responses[template],
                PREDICTED_CONFIDENCE_KEY: 1.0,
                INTENT_RESPONSE_KEY: key,
                RESPONSE_SELECTOR_UTTER_ACTION_KEY: template,
            },
            RESPONSE_SELECTOR_RANKING_KEY: [
                {INTENT_RESPONSE_KEY: key, PREDICTED_CONFIDENCE_KEY: 1.0}
            ],
        }
        self._set_message_property(message, prediction, self.retrieval_intent)
