"""The project's Rasa NLU components, on real Rasa messages."""

from __future__ import annotations

import pytest
from rasa.nlu.selectors.response_selector import ResponseSelector
from rasa.nlu.utils.spacy_utils import SpacyModel
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.nlu.entity_extractor import PatternEntityExtractor
from bot.rasa_plugins.nlu.faq_selector import FaqResponseSelector
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


def test_an_faq_answer_is_selected_only_for_questions(monkeypatch: pytest.MonkeyPatch):
    """Rasa's selection itself is replaced by a marker: which messages reach it, and that every
    message comes back, in order."""

    def mark(self: ResponseSelector, messages: list[Message]) -> list[Message]:
        for message in messages:
            message.set("response_selector", {"faq": {"selected": True}}, add_to_output=True)
        return messages

    monkeypatch.setattr(ResponseSelector, "process", mark)
    selector = FaqResponseSelector.__new__(FaqResponseSelector)
    selector.retrieval_intent = "faq"
    messages = [
        classified("how much is a session?", "faq"),
        classified("my knee hurts", "describe_pain"),
        classified("does dry needling hurt?", "faq"),
    ]
    assert selector.process(messages) == messages
    assert [bool(m.get("response_selector")) for m in messages] == [True, False, True]


def test_a_pressed_faq_button_selects_its_answer_whatever_the_classifier_said():
    selector = FaqResponseSelector.__new__(FaqResponseSelector)
    selector.retrieval_intent = "faq"
    selector.all_retrieval_intents = ["faq"]
    selector.responses = {"utter_faq/manual_therapy": [{"text": "Hands-on techniques."}]}
    pressed = classified("/faq/manual_therapy", "nlu_fallback", 0.45)
    unknown = classified("/faq/horoscope", "nlu_fallback", 0.45)
    selector.process([pressed, unknown])
    assert pressed.get("intent") == {"name": "faq", "confidence": 1.0}
    answer = pressed.get("response_selector")["faq"]["response"]
    assert answer["intent_response_key"] == "faq/manual_therapy"
    assert answer["utter_action"] == "utter_faq/manual_therapy"
    assert answer["responses"] == [{"text": "Hands-on techniques."}]
    assert unknown.get("intent")["name"] == "nlu_fallback"  # no such answer: left alone
    assert not unknown.get("response_selector")
