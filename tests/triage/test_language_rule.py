"""When the slot validation after a message can change anything (bot/triage/language/
slot_validation.py): the rule the Rasa server follows to skip the call, on its own."""

from __future__ import annotations

from typing import Any

import pytest

from bot.triage.language.slot_validation import detected_languages, slot_validation_needed


def detected(*values: str) -> list[dict[str, Any]]:
    return [{"entity": "detected_language", "value": value} for value in values]


OTHER_ENTITIES = [{"entity": "body_part", "value": "knee"}, {"entity": "language", "value": "fr"}]


@pytest.mark.parametrize(
    ("chosen", "current", "entities", "needed"),
    [
        # The patient writes in another language than the conversation's: it follows.
        (False, "en", detected("fr"), True),
        (None, "fr", detected("nl"), True),
        # Already the conversation's language, or none detected: nothing to change.
        (False, "fr", detected("fr"), False),
        (False, "en", [], False),
        # Only the detected language counts, not the entity naming a language ("en français").
        (False, "en", OTHER_ENTITIES, False),
        # The patient asked for a language: the text does not change it.
        (True, "nl", detected("fr"), False),
        # The last detected language is the message's; one the assistant does not speak is none.
        (False, "nl", detected("fr", "nl"), False),
        (False, "en", detected("en", "fr"), True),
        (False, "en", detected("de"), False),
    ],
)
def test_the_call_is_needed_only_when_the_language_changes(
    chosen: object, current: str, entities: list[dict[str, Any]], needed: bool
) -> None:
    assert slot_validation_needed([], chosen, current, entities) is needed


@pytest.mark.parametrize("chosen", [False, True])
def test_an_extracted_slot_always_needs_the_call(chosen: bool) -> None:
    """Rasa gives the action the slots it extracted to validate: its answer is needed whatever
    the language does."""
    assert slot_validation_needed(["pain_side"], chosen, "fr", detected("fr"))
    assert slot_validation_needed(["language"], chosen, "en", [])


def test_the_detected_languages_are_read_in_the_entities_order() -> None:
    entities = [*detected("nl"), *OTHER_ENTITIES, *detected("fr")]
    assert detected_languages(entities) == ["nl", "fr"]
    assert detected_languages([]) == []
