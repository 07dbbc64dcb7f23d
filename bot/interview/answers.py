"""Reads interview answers out of one user message.

A patient may answer several questions at once ("my knee has hurt for three weeks, worse on
stairs") or correct an earlier answer at any point; every value found in the message becomes a
slot update, and the question being asked also accepts free-text answers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from bot.interview.durations import duration_category
from bot.interview.severity import parse_severity
from bot.interview.vocabulary import values_of

INTERVIEW_SLOTS = (
    "pain_regions",
    "pain_side",
    "pain_onset",
    "pain_duration",
    "time_pattern",
    "pain_modifiers",
    "pain_severity",
    "precautions",
)
# Regions on the body's midline: no left/right question for them alone.
MIDLINE_REGIONS = frozenset({"chest", "abdomen", "mid_back", "forehead"})
# "also my neck" adds a region instead of replacing the earlier ones.
_ADDITION = re.compile(r"\b(also|too|as well|aussi|egalement|également|ook|eveneens)\b", re.I)
# The clause that says what makes the pain worse or better.
_MODIFIER_CLAUSE = re.compile(
    r"[^.;!?,]*\b(worse|better|eases?|helps?|relieves?|aggravat\w*|pire|mieux|soulag\w*|"
    r"aggrav\w*|erger|beter|verergert|helpt|verlicht\w*)\b[^.;!?]*",
    re.I,
)
_NOTHING = re.compile(
    r"^\W*(no(thing)?|none|not really|rien|niets|nee)\W*$",
    re.I,
)
# "not sure", "je ne sais pas", "geen idee", "non peut-être" (Belgian for "of course"): never a
# "no" to a safety question, whatever the classifier made of it.
_UNSURE = re.compile(
    r"\b(not sure|unsure|not certain|don'?t know|dunno|no idea|maybe|perhaps|possibly|"
    r"pas s[uû]re?|je ne sais pas|j'?sais pas|sais pas|aucune? id[eé]e|peut[- ]?[eê]tre|"
    r"niet zeker|weet (ik |het )*niet|geen idee|misschien|twijfel\w*)\b",
    re.I,
)
# "no numbness", "non", "geen koorts": an answer to a screen question that starts with a no.
# (A red flag that is actually affirmed never reaches here: the detector routes it first.)
_STARTS_WITH_NO = re.compile(r"^\W*(no|not|none|nope|never|non|pas|aucun\w*|nee|geen|niet)\b", re.I)
# A time named in a "better when..." part is when the pain eases, not when it is worst.
_EASING = re.compile(r"\b(better|eases?|helps?|relieves?|mieux|soulag\w*|beter|helpt)\b", re.I)
_CLAUSE_BREAK = re.compile(r"[,.;!?]|\b(and|but|et|mais|en|maar)\b", re.I)
MAX_FREE_TEXT = 200


def _entity_values(entities: Sequence[Mapping[str, Any]], name: str) -> list[Any]:
    values: list[Any] = []
    for entity in entities:
        if entity.get("entity") == name and entity.get("value") not in values:
            values.append(entity.get("value"))
    return values


def _in_easing_clause(text: str, entity: Mapping[str, Any]) -> bool:
    start = entity.get("start")
    if not isinstance(start, int):
        return False
    clause_start = 0
    for found in _CLAUSE_BREAK.finditer(text[:start]):
        clause_start = found.end()
    end_match = _CLAUSE_BREAK.search(text, start)
    clause = text[clause_start : end_match.start() if end_match else len(text)]
    return bool(_EASING.search(clause))


def needs_side(regions: Sequence[str] | None) -> bool:
    return bool(regions) and any(region not in MIDLINE_REGIONS for region in regions or ())


def is_unsure(text: str) -> bool:
    return bool(_UNSURE.search(text or ""))


def interpret(
    text: str,
    entities: Sequence[Mapping[str, Any]],
    intent: str | None,
    requested_slot: str | None,
    current: Mapping[str, Any],
) -> dict[str, Any]:
    """Slot updates found in one message (only slots whose value changes)."""
    text = (text or "").strip()
    updates: dict[str, Any] = {}

    regions = _entity_values(entities, "body_region") + _entity_values(entities, "pain_regions")
    if regions:
        earlier = list(current.get("pain_regions") or [])
        if earlier and _ADDITION.search(text):
            regions = earlier + [region for region in regions if region not in earlier]
        updates["pain_regions"] = regions

    sides = _entity_values(entities, "side") + _entity_values(entities, "pain_side")
    if sides:
        updates["pain_side"] = "both" if len(set(sides)) > 1 else sides[0]

    onsets = _entity_values(entities, "onset") + _entity_values(entities, "pain_onset")
    if onsets:
        updates["pain_onset"] = onsets[-1]

    durations = _entity_values(entities, "duration")
    explicit = _entity_values(entities, "pain_duration")
    if durations:
        days = int(max(durations))
        updates["pain_duration"] = duration_category(days)
        updates["pain_duration_days"] = days
    elif explicit and explicit[0] in values_of("pain_duration"):
        updates["pain_duration"] = explicit[0]

    patterns = [
        entity.get("value")
        for entity in entities
        if entity.get("entity") == "time_pattern" and not _in_easing_clause(text, entity)
    ]
    patterns = list(dict.fromkeys(patterns))
    if len(patterns) > 1 and "constant" in patterns:
        # "I sit at my desk all day": the desk is the pattern; "all day" is only how long.
        patterns.remove("constant")
    if patterns:
        updates["time_pattern"] = [
            value for value in patterns if value in values_of("time_pattern")
        ]

    modifier = _MODIFIER_CLAUSE.search(text)
    if modifier:
        updates["pain_modifiers"] = modifier.group(0).strip()[:MAX_FREE_TEXT]

    scores = _entity_values(entities, "severity") + _entity_values(entities, "pain_severity")
    if scores:
        updates["pain_severity"] = float(scores[-1])

    precautions = _entity_values(entities, "precaution") + _entity_values(entities, "precautions")
    if precautions:
        earlier = [value for value in current.get("precautions") or [] if value != "none"]
        updates["precautions"] = earlier + [value for value in precautions if value not in earlier]

    updates.update(_answer_to_requested(requested_slot, text, intent, updates, current))
    return {slot: value for slot, value in updates.items() if current.get(slot) != value}


def _answer_to_requested(
    requested_slot: str | None,
    text: str,
    intent: str | None,
    found: Mapping[str, Any],
    current: Mapping[str, Any],
) -> dict[str, Any]:
    """Free-text answers that only make sense as a reply to the question just asked."""
    if not requested_slot or requested_slot in found:
        return {}
    unsure = is_unsure(text)
    says_nothing = not unsure and (intent == "deny" or bool(_NOTHING.match(text)))
    if requested_slot == "pain_severity":
        score = parse_severity(text)
        return {} if score is None else {"pain_severity": score}
    if requested_slot == "time_pattern" and (says_nothing or unsure):
        return {"time_pattern": ["no_pattern"]}
    if requested_slot == "precautions" and unsure:
        return {"precautions": ["unsure"]}  # the therapist asks again before treating
    if requested_slot == "precautions" and says_nothing:
        return {"precautions": ["none"]}
    if requested_slot == "pain_modifiers" and text and not text.startswith("/"):
        return {"pain_modifiers": "-" if says_nothing else text[:MAX_FREE_TEXT]}
    no_to_screen = says_nothing or bool(_STARTS_WITH_NO.match(text))
    if requested_slot.startswith("screen_") and not unsure and no_to_screen:
        return {requested_slot: False}
    return {}
