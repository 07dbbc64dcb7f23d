"""The intent classifier: trained on real featurizers' output (word counts and the multilingual
sentence embedding), stored in Rasa's model storage and loaded again."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
    CountVectorsFeaturizer,
)
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.rasa_plugins.nlu.intent_classifier import SentenceIntentClassifier
from bot.rasa_plugins.nlu.sentence_embeddings import SentenceEmbeddingFeaturizer

# A few English examples only: the French and Dutch messages below must be recognised through
# the multilingual embedding, since none of their words was seen in training.
TRAINING = {
    "describe_pain": ["my knee hurts", "I have pain in my lower back", "my neck is stiff"],
    "request_booking": ["I want to book an appointment", "can I make an appointment?"],
    "goodbye": ["bye", "goodbye, thanks", "see you"],
}


class Pipeline:
    def __init__(self, path: Path) -> None:
        self.storage = LocalModelStorage(path)
        self.context = ExecutionContext(GraphSchema({}), "test")
        self.tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
        self.counts = CountVectorsFeaturizer.create(
            {**CountVectorsFeaturizer.get_default_config(), "alias": "counts"},
            self.storage,
            Resource("counts"),
            self.context,
        )
        self.embedding = SentenceEmbeddingFeaturizer(
            {**SentenceEmbeddingFeaturizer.get_default_config(), "alias": "embedding"},
            "embedding",
        )

    def featurize(self, messages: list[Message]) -> list[Message]:
        self.tokenizer.process(messages)
        self.counts.process(messages)
        return self.embedding.process(messages)

    def train(self) -> SentenceIntentClassifier:
        examples = [
            Message(data={"text": text, "intent": intent})
            for intent, texts in TRAINING.items()
            for text in texts
        ]
        data = TrainingData(examples)
        self.tokenizer.process_training_data(data)
        self.counts.train(data)
        self.counts.process_training_data(data)
        self.embedding.process_training_data(data)
        classifier = SentenceIntentClassifier.create(
            SentenceIntentClassifier.get_default_config(),
            self.storage,
            Resource("intent"),
            self.context,
        )
        classifier.train(data)
        return classifier

    def load(self) -> SentenceIntentClassifier:
        return SentenceIntentClassifier.load(
            SentenceIntentClassifier.get_default_config(),
            self.storage,
            Resource("intent"),
            self.context,
        )

    def intent_of(self, classifier: SentenceIntentClassifier, text: str) -> dict:
        (message,) = classifier.process(self.featurize([Message(data={"text": text})]))
        return {"intent": message.get("intent"), "ranking": message.get("intent_ranking")}


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(tmp_path_factory.mktemp("model"))


@pytest.fixture(scope="module")
def trained(pipeline: Pipeline) -> SentenceIntentClassifier:
    return pipeline.train()


@pytest.mark.parametrize(
    "text, intent",
    [
        ("my shoulder hurts", "describe_pain"),
        ("j'ai mal au genou", "describe_pain"),
        ("ik wil een afspraak maken", "request_booking"),
        ("au revoir", "goodbye"),
    ],
)
def test_recognises_messages_in_other_words_and_languages(pipeline, trained, text, intent):
    assert pipeline.intent_of(trained, text)["intent"]["name"] == intent


def test_ranking_is_every_intent_with_probabilities_that_add_up(pipeline, trained):
    result = pipeline.intent_of(trained, "my knee hurts")
    ranking = result["ranking"]
    assert [entry["name"] for entry in ranking][0] == "describe_pain"
    assert {entry["name"] for entry in ranking} == set(TRAINING)
    assert sum(entry["confidence"] for entry in ranking) == pytest.approx(1.0)
    assert ranking == sorted(ranking, key=lambda entry: -entry["confidence"])
    assert result["intent"] == ranking[0]


def test_a_loaded_model_answers_like_the_trained_one(pipeline, trained):
    loaded = pipeline.load()
    for text in ["hello, can I book?", "mijn nek zit vast", "ciao"]:
        assert pipeline.intent_of(loaded, text) == pipeline.intent_of(trained, text)


def test_an_untrained_model_leaves_the_intent_empty(tmp_path):
    empty = Pipeline(tmp_path).load()
    (message,) = empty.process([Message(data={"text": "hello"})])
    assert message.get("intent") == {"name": None, "confidence": 0.0}
    assert message.get("intent_ranking") == []


def test_an_empty_message_has_no_intent_and_no_confidence(pipeline, trained):
    result = pipeline.intent_of(trained, "")
    assert result == {"intent": {"name": None, "confidence": 0.0}, "ranking": []}


def test_features_other_than_the_trained_ones_give_no_intent_and_an_error(
    pipeline, trained, caplog
):
    (message,) = pipeline.featurize([Message(data={"text": "my knee hurts"})])
    message.features = [f for f in message.features if f.origin != "embedding"]
    trained.process([message])
    assert message.get("intent") == {"name": None, "confidence": 0.0}
    assert "retrain the model" in caplog.text
