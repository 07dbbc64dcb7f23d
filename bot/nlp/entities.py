"""Canonical entities from the entity ruler's matches (plain spaCy, no Rasa)."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from bot.interview.durations import duration_in_days
from bot.interview.severity import parse_severity

# A region named right after one of these is one the user rules out ("not my knee, my hip").
NEGATION_WORDS = frozenset({"not", "no", "isn't", "pas", "niet", "geen"})
MAX_TEXT_LENGTH = 1000  # longer messages are cut: a patient's answer never needs more


def _is_negated(doc: Any, start: int) -> bool:
    window = doc[max(0, start - 3) : start]
    return any(token.lower_ in NEGATION_WORDS for token in window)


def extract_entities(nlp: Language, text: str) -> list[dict[str, Any]]:
    """Returns Rasa-style entity dicts with canonical values."""
    doc = nlp(text[:MAX_TEXT_LENGTH])
    entities: list[dict[str, Any]] = []
    for ent in doc.ents:
        value: Any = ent.ent_id_ or ent.text
        if ent.label_ == "body_region" and _is_negated(doc, ent.start):
            continue
        if ent.label_ == "duration":
            days = duration_in_days(ent.text, ent.ent_id_)
            if days is None:
                continue
            value = days
        elif ent.label_ == "severity":
            score = parse_severity(ent.text)
            if score is None:
                continue
            value = score
        entities.append(
            {
                "entity": ent.label_,
                "value": value,
                "start": ent.start_char,
                "end": ent.end_char,
                "confidence_entity": 1.0,
            }
        )
    return entities
