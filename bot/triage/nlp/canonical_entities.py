"""Canonical entities from the entity ruler's matches (plain spaCy, no Rasa)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from spacy.language import Language

from bot.triage.interview.durations import DAYS_PER_UNIT, duration_in_days
from bot.triage.interview.severity import parse_severity
from bot.triage.language import detect_language
from bot.triage.nlp.pipeline import FALSE_FRIENDS_META

# A value named right after one of these is one the user rules out ("not my knee, my hip", "6 not
# 4", "nothing sudden", "pas à gauche", "niet links"). The look-back stops at punctuation, so in
# "no, the right one" the "no" answers something else.
# Flemish and Brussels speech says "nie" and "gene" for "niet" and "geen".
NEGATION_WORDS = frozenset(
    {"not", "no", "n't", "isn't", "wasn't", "nothing", "never", "pas", "rien", "jamais", "ni",
     "niet", "geen", "niets", "niks", "nooit", "nie", "gene", "genen"}
)  # fmt: skip
# "not only at night": the value is kept, the patient adds to it; "not left but right": what
# follows the "but" is what the patient means.
NEGATION_BLOCKERS = frozenset(
    {"only", "just", "seulement", "uniquement", "alleen", "enkel", "but", "mais", "maar"}
)
# Labels whose negated mentions are dropped ("no blood thinners" is not a precaution; "not sure
# whether I take blood thinners" has no negation word right before it and is kept).
NEGATABLE = frozenset({"body_region", "side", "onset", "time_pattern", "severity", "precaution"})
_PUNCTUATION = re.compile(r"^[,.;:!?()\-]+$")
# "it doesn't go down my arm", "does not go to the arm or neck or jaw", "het straalt niet uit naar
# mijn arm": a place the pain does not reach. Looked for further back than a plain negation, but
# only over words that say where pain goes, so "I can't lift my arm" keeps the arm.
SPREAD_WORDS = frozenset(
    {"go", "goes", "going", "gone", "spread", "spreads", "radiate", "radiates", "travel",
     "travels", "run", "runs", "shoot", "shoots", "extend", "extends",
     "down", "into", "to", "up", "in", "towards", "toward", "past", "beyond", "as", "far",
     "further", "any", "either", "all", "way", "the", "my", "a", "both", "or", "nor",
     "va", "descend", "monte", "irradie", "part", "file", "dans", "jusqu'", "jusqu’", "jusque",
     "jusqu'au", "jusqu'à", "jusqu'a", "au", "aux", "à", "le", "la", "les", "l'", "mon", "ma",
     "mes", "vers", "ou", "ni", "gaat", "trekt", "straalt", "schiet", "loopt", "komt", "uit",
     "naar", "tot", "door", "de", "het", "mijn", "m'n", "een", "beide", "of", "noch"}
)  # fmt: skip
_SPREAD_REACH = 10  # tokens looked back over: a list of three places and the verb
# Who "doesn't go" there: the pain, not the patient ("I can't go down to my knees").
_PAIN_SUBJECTS = frozenset(
    {"it", "it's", "its", "pain", "ache", "that", "this", "ça", "ca", "elle", "douleur", "het",
     "pijn", "dat", "die", "ze", "'t"}
)  # fmt: skip
_BEFORE_NEGATION = frozenset(
    {"does", "do", "did", "doesn't", "don't", "didn't", "is", "will", "ne", "n'", "straalt",
     "trekt", "gaat", "schiet", "loopt", "komt", "descend", "va", "monte", "part", "irradie",
     "file"}
)  # fmt: skip
# "I can't go down to my knees": what the patient cannot do ("can..." and "could..." too).
_NOT_A_SPREAD = frozenset({"kan", "kon", "peux"})
# "it stops above the elbow", "ça s'arrête avant le genou", "stopt boven de knie": the limit.
_STOPS_SHORT_OF = re.compile(
    r"\b(it|ça|ca|het|pain|douleur|pijn|that)\s+(stops?|stopped|ends?|s'arr[eê]te|stopt|houdt op)"
    r"\s+(just\s+|juste\s+|net\s+)?"
    r"(above|before|short of|au-dessus d[eu]|au dessus d[eu]|avant|boven|voor)\s+"
    r"(the|my|le|la|l'|l’|de|het|mijn)?\s*$"
)
# A phrase with a body word that names no place of the pain (patterns/not_a_place.jsonl).
NOT_A_PLACE = "not_a_place"
MAX_TEXT_LENGTH = 1000  # longer messages are cut: a patient's answer never needs more
# Dutch writes the side and the region as one word ("linkerknie", "rechterschouder"): the ruler
# finds the region, and the side is read from the start of the word. English "toe" is matched
# only with a word before or after it (Dutch "toe" is "af en toe", "ik stem toe"), so "left toe"
# is one match too.
SIDE_PREFIXES = {"linker": "left", "rechter": "right", "left ": "left", "right ": "right"}


_UNKNOWN: Any = object()


# "a month and a half", "un mois et demi", "een maand en een half": half a unit more.
_AND_A_HALF = re.compile(r"\s+(?:and a half|et demie?|en een half)\b", re.IGNORECASE)


@lru_cache(maxsize=4)
def _false_friends(nlp: Language) -> dict[tuple[str, str], frozenset[str]]:
    """(label, word) -> languages in which the word means something else (the pipeline's meta,
    read once per pipeline rather than on every message)."""
    return {
        (label, word): frozenset(languages)
        for label, word, languages in nlp.meta.get(FALSE_FRIENDS_META, [])
    }


# "les premiers pas le matin" (the first steps): "pas" is a noun after these.
_PAS_AS_STEPS = frozenset(
    {"premiers", "premier", "petits", "quelques", "mes", "les", "ses", "deux"}
)
# "plus enceinte", "not pregnant anymore": only a precaution is ruled out by "plus" (elsewhere
# it means "more").
_PRECAUTION_NEGATIONS = frozenset({"plus"})


def _is_negated(doc: Any, start: int, label: str = "") -> bool:
    for index in range(start - 1, max(0, start - 3) - 1, -1):
        token = doc[index]
        if _PUNCTUATION.match(token.text) or token.lower_ in NEGATION_BLOCKERS:
            return False
        if token.lower_ == "pas" and index > 0 and doc[index - 1].lower_ in _PAS_AS_STEPS:
            return False
        if token.lower_ in NEGATION_WORDS:
            return True
        if label == "precaution" and token.lower_ in _PRECAUTION_NEGATIONS:
            return True
    return False


def _place_not_reached(doc: Any, start: int, region_tokens: set[int]) -> bool:
    """Is the place at doc[start] one the patient says the pain does not go to?"""
    if _STOPS_SHORT_OF.search(doc[max(0, start - 6) : start].text.lower() + " "):
        return True
    for index in range(start - 1, max(0, start - _SPREAD_REACH) - 1, -1):
        word = doc[index].lower_
        if word in NEGATION_WORDS or word.endswith(("n't", "n’t")):
            return _said_of_the_pain(doc, index)
        # A comma joins places of one list ("the arm, neck or jaw"), not a correction ("not the
        # knee, my hip"): only right before another place.
        listed = word == "," and index + 1 in region_tokens
        if index not in region_tokens and word not in SPREAD_WORDS and not listed:
            return False
    return False


def _said_of_the_pain(doc: Any, negation: int) -> bool:
    """Is the negation at doc[negation] said of the pain ("it doesn't go", "Does not go", "het
    straalt niet uit", "nie tot in"), not of the patient ("I can't go down to my knees")?"""
    word = doc[negation].lower_
    if word in _NOT_A_SPREAD or word.startswith(("can", "could")):
        return False
    index = negation - 1
    while index >= 0 and doc[index].lower_ in _BEFORE_NEGATION and negation - index <= 3:
        index -= 1
    return (
        index < 0
        or bool(_PUNCTUATION.match(doc[index].text))
        or doc[index].lower_ in (_PAIN_SUBJECTS)
    )


def extract_entities(nlp: Language, text: str) -> list[dict[str, Any]]:
    """Returns Rasa-style entity dicts with canonical values."""
    doc = nlp(text[:MAX_TEXT_LENGTH])
    false_friends = _false_friends(nlp)
    language = _UNKNOWN
    entities: list[dict[str, Any]] = []
    region_tokens = {
        i for e in doc.ents if e.label_ == "body_region" for i in range(e.start, e.end)
    }
    for ent in doc.ents:
        if ent.label_ == NOT_A_PLACE:
            continue  # "reaching over my head": the ruler's longer match hides "head"
        value: Any = ent.ent_id_ or ent.text
        if ent.label_ == "body_region" and _place_not_reached(doc, ent.start, region_tokens):
            continue
        if ent.label_ in NEGATABLE and _is_negated(doc, ent.start, ent.label_):
            if ent.label_ == "onset" and ent.ent_id_ == "sudden":
                # "nothing sudden", "pas d'un coup", "niet plots": it came on gradually
                entities.append(_entity("onset", "gradual", ent.start_char, ent.end_char))
            continue
        other_meaning = false_friends.get((ent.label_, ent.text.lower()))
        if other_meaning:
            if language is _UNKNOWN:  # detected only for a message with a false friend, once
                language = detect_language(text)
            if language in other_meaning:
                continue
        if ent.label_ == "duration":
            # "plus de trois mois" is past three months: the words before move the count.
            days = duration_in_days(ent.text, ent.ent_id_, before=text[: ent.start_char])
            if days is not None and _AND_A_HALF.match(text, ent.end_char):
                days += round(DAYS_PER_UNIT.get(ent.ent_id_, 0) / 2)  # "a month and a half"
            if days is None:
                continue
            value = days
        elif ent.label_ == "severity":
            score = parse_severity(ent.text)
            if score is None:
                continue
            value = score
        if ent.label_ == "body_region":
            side = _side_in_compound(ent.text)
            if side and not any(e["entity"] == "side" for e in entities):
                entities.append(_entity("side", side, ent.start_char, ent.end_char))
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


def _side_in_compound(words: str) -> str | None:
    """The side of "linkerknie", "left toe", or "binnenkant van de rechterelleboog"."""
    folded = words.casefold()
    if found := next((s for prefix, s in SIDE_PREFIXES.items() if folded.startswith(prefix)), None):
        return found
    later = folded.split()[1:]
    return next((s for w in later for p, s in SIDE_PREFIXES.items() if w.startswith(p)), None)


def _entity(label: str, value: Any, start: int, end: int) -> dict[str, Any]:
    return {"entity": label, "value": value, "start": start, "end": end, "confidence_entity": 1.0}
