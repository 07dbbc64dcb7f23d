"""The project's Rasa NLU components, on real Rasa messages."""

from __future__ import annotations

from rasa.nlu.utils.spacy_utils import SpacyModel
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.nlu.entity_extractor import PatternEntityExtractor
from bot.rasa_plugins.nlu.red_flags import RedFlagInterceptor
from tests.conftest import nlp


def classified(text: str, intent: str, confidence: float = 0.9) -> Message:
    message = Message(data={"text": text})
    message.set("intent", {"name": intent, "confidence": confidence})
    message.set("intent_ranking", [{"name": intent, "confidence": confidence}])
    return message


def entities_of(text: str) -> dict[str, list]:
    (message,) = PatternEntityExtractor().process(
        [Message(data={"text": text})], SpacyModel(nlp(), "test")
    )
    found: dict[str, list] = {}
    for entity in message.get("entities"):
        found.setdefault(entity["entity"], []).append(entity["value"])
    return found


def test_canonical_entities_from_a_whole_sentence():
    found = entities_of("My left knee has hurt for three weeks, worse on stairs, about 6/10")
    assert found["body_region"] == ["knee_front"]
    assert found["side"] == ["left"]
    assert found["duration"] == [21]
    assert found["severity"] == [6]


def test_ruled_out_region_is_not_reported():
    assert entities_of("not my knee, it's my hip")["body_region"] == ["hip_groin"]


def test_the_examples_from_the_issue():
    assert entities_of("the back of my head")["body_region"] == ["back_of_head"]
    assert entities_of("between my shoulder blades")["body_region"] == ["shoulder_blade"]
    assert entities_of("my heel")["body_region"] == ["achilles_heel"]
    assert entities_of("it hurts when I chew")["body_region"] == ["jaw"]


def test_red_flag_overrides_whatever_the_classifier_said():
    message = classified("my back hurts and I can't control my bladder", "describe_pain", 0.99)
    RedFlagInterceptor().process([message])
    assert message.get("intent") == {"name": "red_flag", "confidence": 1.0}
    assert message.get("intent_ranking")[0]["name"] == "red_flag"
    assert {"cauda_equina"} <= {
        e["value"] for e in message.get("entities") if e["entity"] == "red_flag_id"
    }


def test_negated_red_flag_leaves_the_classifier_alone():
    message = classified("my back hurts, no numbness and no fever", "describe_pain")
    RedFlagInterceptor().process([message])
    assert message.get("intent")["name"] == "describe_pain"
    assert not message.get("entities")


def test_a_red_flag_only_the_classifier_suspects_becomes_a_question_not_an_alarm():
    message = classified("it squeezes like a band around my head", "red_flag", 0.8)
    RedFlagInterceptor().process([message])
    assert message.get("intent") == {"name": "possible_red_flag", "confidence": 1.0}
    assert not message.get("entities")
