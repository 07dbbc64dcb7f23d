"""The multilingual sentence embedding that the NLU classifiers see (real model weights)."""

from __future__ import annotations

import numpy as np
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.rasa_plugins.nlu.sentence_embeddings import (
    EMBEDDING_SIZE,
    SentenceEmbeddingFeaturizer,
    embed,
)


def featurizer() -> SentenceEmbeddingFeaturizer:
    config = SentenceEmbeddingFeaturizer.get_default_config()
    config["alias"] = "sentence_embeddings"
    return SentenceEmbeddingFeaturizer(config, "sentence_embeddings")


def similarity(a: str, b: str) -> float:
    first, second = embed([a, b])
    return float(first @ second)


def test_the_same_complaint_in_three_languages_is_closer_than_another_request():
    knee = ["my knee hurts", "j'ai mal au genou", "ik heb pijn aan mijn knie"]
    for one in knee:
        for other in knee:
            if one != other:
                assert similarity(one, other) > similarity(one, "where is your centre?") + 0.1


def test_a_paraphrase_with_unseen_words_stays_close():
    assert similarity("do you sell shoes?", "can I buy a bicycle here?") > similarity(
        "do you sell shoes?", "my lower back hurts"
    )


def test_each_message_gets_one_sentence_feature_of_the_embedding():
    messages = [Message(data={"text": "mijn nek zit vast"}), Message(data={"text": "oui"})]
    featurizer().process(messages)
    for message in messages:
        (feature,) = message.features
        assert (feature.type, feature.attribute, feature.origin) == (
            "sentence",
            "text",
            "sentence_embeddings",
        )
        assert feature.features.shape == (1, EMBEDDING_SIZE)
        assert np.isclose(np.linalg.norm(feature.features), 1.0, atol=1e-3)


def test_a_message_alone_gets_the_same_features_as_in_a_batch():
    alone = Message(data={"text": "j'ai mal au dos depuis trois semaines"})
    batch = [Message(data={"text": "hello"}), Message(data={"text": alone.get("text")})]
    featurizer().process([alone])
    featurizer().process(batch)
    assert np.allclose(
        alone.get_dense_features("text")[1].features,
        batch[1].get_dense_features("text")[1].features,
        atol=1e-5,
    )


def test_training_examples_and_faq_answers_are_featurized():
    example = Message(data={"text": "how long is a session?", "intent": "faq"})
    answer = Message(data={"response": "A session lasts about 45 minutes."})
    featurizer().process_training_data(TrainingData([example, answer]))
    assert example.get_dense_features("text")[1] is not None
    assert answer.get_dense_features("response")[1] is not None
    assert answer.get_dense_features("text")[1] is None
