"""Rasa NLU component: which FAQ answer a question gets, chosen only for messages that ask one.

A logistic regression on the same sentence features as the intent classifier
(bot/rasa_plugins/nlu/intent_classifier.py), trained on the questions of the retrieval intent
``faq`` with their answer keys ("faq/prices") as labels. It replaces Rasa's ResponseSelector,
whose neural network took minutes to train and picked different answers from one training to the
next on the same data; this one trains in seconds and always learns the same weights. Its output
is the ResponseSelector's (``response_selector`` in the parse data), so the dialogue, the actions
and ``utter_faq`` read it unchanged.

An answer is chosen for messages classified as ``faq`` and for other messages that contain a
question mark (several things in one message); the rest get none, which also spares the work.

A pressed FAQ button sends its answer's key as the payload ("/faq/trigger_points"). Rasa reads
such a payload as plain text (it is not a domain intent), so the classifier and the selector
would have to guess it back from the words "faq" and "trigger_points". The answer named by the
payload is selected here directly, with certainty.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import (
    RESPONSE_SELECTOR_PREDICTION_KEY,
    RESPONSE_SELECTOR_PROPERTY_NAME,
    RESPONSE_SELECTOR_RANKING_KEY,
    RESPONSE_SELECTOR_RESPONSES_KEY,
    RESPONSE_SELECTOR_RETRIEVAL_INTENTS,
    RESPONSE_SELECTOR_UTTER_ACTION_KEY,
)
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
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.rasa_plugins.nlu.intent_classifier import (
    WEIGHTS_FILE,
    fit_linear,
    layout_of,
    rank_labels,
    read_weights,
    save_weights,
    sentence_blocks,
)

logger = logging.getLogger(__name__)

PRESSED_ANSWER = re.compile(r"^/(?P<intent>[a-z_]+)/(?P<answer>[a-z0-9_]+)$")
ANSWERS_FILE = "answers.json"


def asks_a_question(text: str) -> bool:
    """A typed message with a question in it, beside whatever else it says ("Auderghem. Will
    the needling hurt?"): the answer is selected too, for the actions to give after theirs."""
    return "?" in text and not text.startswith("/")


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class FaqSelector(GraphComponent):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "retrieval_intent": "faq",
            # As the intent classifier's (cross-validated there); the FAQ questions are the same
            # kind of short messages.
            "C": 30.0,
            "dense_weight": 2.0,
            "ranking_length": 10,
        }

    @staticmethod
    def required_packages() -> list[str]:
        return ["sklearn"]

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        answers: list[str] | None = None,
        responses: dict[str, list[dict[str, Any]]] | None = None,
        layout: list[list[Any]] | None = None,
        weights: np.ndarray | None = None,
        bias: np.ndarray | None = None,
    ) -> None:
        self._config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.retrieval_intent = str(self._config["retrieval_intent"])
        self.answers = answers or []  # answer keys ("faq/prices") in the weights' row order
        self.responses = responses or {}  # "utter_faq/prices" -> the domain's response variants
        self.layout = layout or []
        self.weights = weights
        self.bias = bias

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> FaqSelector:
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [
            (str(message.get(INTENT_RESPONSE_KEY)), sentence_blocks(message))
            for message in training_data.intent_examples
            if message.get(INTENT) == self.retrieval_intent and message.get(INTENT_RESPONSE_KEY)
        ]
        examples = [(key, blocks) for key, blocks in examples if blocks]
        self.responses = {
            name: list(variants)
            for name, variants in training_data.responses.items()
            if name.startswith(f"utter_{self.retrieval_intent}/")
        }
        if len({key for key, _ in examples}) < 2:
            logger.warning("Fewer than two FAQ answers: the selector is not trained.")
            self.persist()
            return self._resource
        self.answers, self.weights, self.bias = fit_linear(
            [blocks for _, blocks in examples],
            [key for key, _ in examples],
            C=float(self._config["C"]),
            dense_weight=float(self._config["dense_weight"]),
        )
        self.layout = layout_of(examples[0][1])
        self.persist()
        return self._resource

    def persist(self) -> None:
        with self._model_storage.write_to(self._resource) as directory:
            (directory / ANSWERS_FILE).write_text(
                json.dumps(
                    {"answers": self.answers, "responses": self.responses, "layout": self.layout}
                ),
                encoding="utf-8",
            )
            if self.weights is not None and self.bias is not None:
                save_weights(directory, self.weights, self.bias)

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> FaqSelector:
        try:
            with model_storage.read_from(resource) as directory:
                saved = json.loads((directory / ANSWERS_FILE).read_text(encoding="utf-8"))
                weights = bias = None
                if (directory / WEIGHTS_FILE).exists():
                    weights, bias = read_weights(directory)
        except (ValueError, FileNotFoundError):
            logger.warning("No trained FAQ selector in the model: no answer will be selected.")
            return cls(config, model_storage, resource)
        return cls(
            config,
            model_storage,
            resource,
            saved["answers"],
            saved["responses"],
            saved["layout"],
            weights,
            bias,
        )

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            key = self.pressed_answer(message)
            if key:
                intent = {INTENT_NAME_KEY: self.retrieval_intent, PREDICTED_CONFIDENCE_KEY: 1.0}
                message.set(INTENT, intent, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [intent], add_to_output=True)
                self.select(message, [(key, 1.0)])
            elif (message.get(INTENT) or {}).get(
                INTENT_NAME_KEY
            ) == self.retrieval_intent or asks_a_question(message.get(TEXT) or ""):
                ranking = self.ranking(message)
                if ranking:
                    self.select(message, ranking)
        return messages

    def ranking(self, message: Message) -> list[tuple[str, float]]:
        """(answer key, probability), the most likely first; empty when untrained."""
        if self.weights is None or self.bias is None:
            return []
        ranked = rank_labels(
            sentence_blocks(message),
            self.answers,
            self.layout,
            self.weights,
            self.bias,
            float(self._config["dense_weight"]),
        )
        return ranked[: int(self._config["ranking_length"])]

    def pressed_answer(self, message: Message) -> str | None:
        """The answer key ("faq/trigger_points") of a pressed FAQ button, if it names one."""
        found = PRESSED_ANSWER.match((message.get(TEXT) or "").strip())
        if not found or found["intent"] != self.retrieval_intent:
            return None
        key = f"{self.retrieval_intent}/{found['answer']}"
        return key if util.intent_response_key_to_template_key(key) in self.responses else None

    def select(self, message: Message, ranking: list[tuple[str, float]]) -> None:
        """Sets the parse data's ``response_selector`` as Rasa's ResponseSelector does."""
        key, confidence = ranking[0]
        template = util.intent_response_key_to_template_key(key)
        prediction = {
            RESPONSE_SELECTOR_PREDICTION_KEY: {
                RESPONSE_SELECTOR_RESPONSES_KEY: self.responses.get(template) or [{TEXT: key}],
                PREDICTED_CONFIDENCE_KEY: confidence,
                INTENT_RESPONSE_KEY: key,
                RESPONSE_SELECTOR_UTTER_ACTION_KEY: template,
            },
            RESPONSE_SELECTOR_RANKING_KEY: [
                {INTENT_RESPONSE_KEY: k, PREDICTED_CONFIDENCE_KEY: p} for k, p in ranking
            ],
        }
        properties = dict(message.get(RESPONSE_SELECTOR_PROPERTY_NAME) or {})
        properties[RESPONSE_SELECTOR_RETRIEVAL_INTENTS] = [self.retrieval_intent]
        properties[self.retrieval_intent] = prediction
        message.set(RESPONSE_SELECTOR_PROPERTY_NAME, properties, add_to_output=True)
