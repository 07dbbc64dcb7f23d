"""Rasa NLU component: turns the spaCy entity ruler's matches into canonical entities.

Rasa's own ``SpacyEntityExtractor`` reports the matched text ("back of my head"); the assistant
needs the controlled-vocabulary id ("back_of_head"), and a duration as a number of days.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.nlu.component import DeterministicComponent
from bot.triage.nlp.canonical_entities import extract_entities


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False, model_from="SpacyNLP"
)
class PatternEntityExtractor(DeterministicComponent, EntityExtractorMixin):
    """Canonical body regions, sides, durations, onsets, time patterns and severities."""

    @classmethod
    def required_components(cls) -> list[type]:
        return [SpacyNLP]

    def process(self, messages: list[Message], model: SpacyModel) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            found = self.add_extractor_name(extract_entities(model.model, text))
            message.set(ENTITIES, message.get(ENTITIES, []) + found, add_to_output=True)
        return messages
