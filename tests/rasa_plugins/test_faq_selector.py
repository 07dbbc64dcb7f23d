"""The FAQ answer picker: trained on real featurizers' output, given only to messages that ask
something, the same answer after every training, stored and loaded again."""

from __future__ import annotations

import numpy as np
import pytest
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.rasa_plugins.nlu.faq_selector import FaqSelector
from tests.rasa_plugins.test_intent_classifier import Pipeline

# English questions only: the French and Dutch ones below are answered through the multilingual
# sentence embedding.
QUESTIONS = {
    "faq/prices": ["how much is a session?", "what does it cost?", "what are your fees?"],
    "faq/needling_pain": [
        "does dry needling hurt?",
        "is the needle painful?",
        "will the needling be sore?",
    ],
    "faq/parking": ["where can I park?", "is there parking near the centre?", "car park?"],
}
RESPONSES = {
    "utter_faq/prices": [{"text": "A session costs ..."}],
    "utter_faq/needling_pain": [{"text": "You may feel a brief twitch ..."}],
    "utter_faq/parking": [{"text": "There is parking ..."}],
}


def train(pipeline: Pipeline, name: str) -> FaqSelector:
    examples = [
        Message(data={"text": text, "intent": "faq", "intent_response_key": key})
        for key, texts in QUESTIONS.items()
        for text in texts
    ]
    examples.append(Message(data={"text": "my knee hurts", "intent": "describe_pain"}))
    data = TrainingData(examples, responses=RESPONSES)
    pipeline.tokenizer.process_training_data(data)
    pipeline.counts.train(data)
    pipeline.counts.process_training_data(data)
    pipeline.embedding.process_training_data(data)
    selector = FaqSelector.create(
        FaqSelector.get_default_config(), pipeline.storage, Resource(name), pipeline.context
    )
    selector.train(data)
    return selector


def asked(pipeline: Pipeline, selector: FaqSelector, text: str, intent: str = "faq") -> Message:
    message = Message(data={"text": text})
    message.set("intent", {"name": intent, "confidence": 0.9})
    (message,) = selector.process(pipeline.featurize([message]))
    return message


def answer_of(message: Message) -> dict | None:
    return ((message.get("response_selector") or {}).get("faq") or {}).get("response")


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(tmp_path_factory.mktemp("model"))


@pytest.fixture(scope="module")
def selector(pipeline: Pipeline) -> FaqSelector:
    return train(pipeline, "faq")


@pytest.mark.parametrize(
    "text, key",
    [
        ("how expensive is one appointment?", "faq/prices"),
        ("combien coûte une séance ?", "faq/prices"),
        ("doet dry needling pijn?", "faq/needling_pain"),
        ("is there somewhere to leave the car?", "faq/parking"),
    ],
)
def test_a_question_gets_its_answer_in_other_words_and_languages(pipeline, selector, text, key):
    answer = answer_of(asked(pipeline, selector, text))
    assert answer["intent_response_key"] == key
    assert answer["utter_action"] == f"utter_{key}"
    assert answer["responses"] == RESPONSES[f"utter_{key}"]


def test_the_ranking_is_every_answer_most_likely_first(pipeline, selector):
    message = asked(pipeline, selector, "what does a session cost?")
    selected = message.get("response_selector")
    ranking = selected["faq"]["ranking"]
    assert {entry["intent_response_key"] for entry in ranking} == set(QUESTIONS)
    assert sum(entry["confidence"] for entry in ranking) == pytest.approx(1.0)
    assert ranking == sorted(ranking, key=lambda entry: -entry["confidence"])
    assert selected["faq"]["response"]["confidence"] == ranking[0]["confidence"]
    assert selected["all_retrieval_intents"] == ["faq"]


def test_only_messages_that_ask_something_get_an_answer(pipeline, selector):
    assert answer_of(asked(pipeline, selector, "how much is it", "faq"))
    assert answer_of(asked(pipeline, selector, "Auderghem. Does it hurt?", "inform_location"))
    assert answer_of(asked(pipeline, selector, "my knee hurts", "describe_pain")) is None


def test_a_pressed_faq_button_selects_its_answer_whatever_the_classifier_said(selector):
    pressed = Message(data={"text": "/faq/parking"})
    pressed.set("intent", {"name": "nlu_fallback", "confidence": 0.45})
    unknown = Message(data={"text": "/faq/horoscope"})
    unknown.set("intent", {"name": "nlu_fallback", "confidence": 0.45})
    selector.process([pressed, unknown])
    assert pressed.get("intent") == {"name": "faq", "confidence": 1.0}
    answer = answer_of(pressed)
    assert answer["intent_response_key"] == "faq/parking"
    assert answer["confidence"] == 1.0
    assert answer["responses"] == RESPONSES["utter_faq/parking"]
    assert unknown.get("intent")["name"] == "nlu_fallback"  # no such answer: left alone
    assert not unknown.get("response_selector")


def test_training_again_learns_the_same_picker(pipeline, selector):
    again = train(pipeline, "faq-again")
    assert again.answers == selector.answers
    assert np.array_equal(again.weights, selector.weights)


def test_a_loaded_picker_answers_like_the_trained_one(pipeline, selector):
    loaded = FaqSelector.load(
        FaqSelector.get_default_config(), pipeline.storage, Resource("faq"), pipeline.context
    )
    for text in ["parking?", "prix d'une séance ?", "doet het pijn?"]:
        assert answer_of(asked(pipeline, loaded, text)) == answer_of(
            asked(pipeline, selector, text)
        )
