"""Reads interview answers out of one user message.

A patient may answer several questions at once ("my knee has hurt for three weeks, worse on
stairs") or correct an earlier answer at any point; every value found in the message becomes a
slot update, and the question being asked also accepts free-text answers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from bot.interview.dates import days_since_named_time
from bot.interview.durations import duration_category
from bot.interview.numbers import first_number
from bot.interview.severity import has_several_scores, scores_in
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
# Durations said without a number, mapped to the nearest category: "for months" is taken as
# about three months, "for weeks" as three weeks, "a long time" as more than three months.
VAGUE_DURATIONS = tuple(
    (re.compile(pattern, re.I), days)
    for pattern, days in (
        (
            r"\b(for|since|already|depuis|des|al|sinds|sedert)\s+(many\s+|plusieurs\s+|de\s+)?"
            r"(years|ans|annees|années|jaren|jaar)\b",
            365,
        ),
        (r"\b(a long time|long time|ages|longtemps|lang|lange tijd|heel lang)\b", 365),
        (r"\b(months|mois|maanden)\b", 90),
        (r"\b(weeks|semaines|weken)\b", 21),
        (r"\b(days|jours|dagen)\b", 3),
    )
)
# "2 at rest, 6 when serving": the score is the highest, and the patient's words are kept too.
SEVERITY_NOTE = "pain_severity_note"
MAX_NOTE = 120
# Regions on the body's midline: no left/right question for them alone.
MIDLINE_REGIONS = frozenset({"chest", "abdomen", "mid_back", "forehead"})
# "also my neck" adds a region instead of replacing the earlier ones.
_ADDITION = re.compile(r"\b(also|too|as well|aussi|egalement|également|ook|eveneens)\b", re.I)
# "my other knee", "l'autre épaule", "mijn andere knie", "the other side": the side switches
# ("the other day" does not).
_OTHER = re.compile(r"\b(other|autre|andere|ander)\s+(side|one|cote|côté|kant|zijde)?", re.I)
OTHER_SIDE = {"left": "right", "right": "left"}
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
# An answer to the precautions question that rules them all out, in other words than a bare "no".
_DENIES_ALL = re.compile(
    r"^\W*(no|nope|non|nee|neen)\b|\b(none|nothing|neither|rien|aucune?|niets|niks|geen)\b", re.I
)
# A time named in a "better when..." part is when the pain eases, not when it is worst.
_EASING = re.compile(r"\b(better|eases?|helps?|relieves?|mieux|soulag\w*|beter|helpt)\b", re.I)
_CLAUSE_BREAK = re.compile(r"[,.;!?]|\b(and|but|et|mais|en|maar)\b", re.I)
MAX_FREE_TEXT = 200
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")


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


def _same_body_part(regions: Sequence[str], earlier: Sequence[str]) -> bool:
    """knee_front and knee_back are one knee: correcting one into the other keeps its side."""
    return bool({r.split("_")[0] for r in regions} & {r.split("_")[0] for r in earlier})


def _names_the_other_side(text: str, entities: Sequence[Mapping[str, Any]]) -> bool:
    for found in _OTHER.finditer(text):
        if found.group(2):
            return True
        regions_after = [
            e for e in entities
            if e.get("entity") == "body_region" and isinstance(e.get("start"), int)
            and 0 <= e["start"] - found.end() <= 1
        ]  # fmt: skip
        if regions_after:
            return True
    return False


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
        elif current.get("pain_side") and not _same_body_part(regions, earlier):
            updates["pain_side"] = None  # another place: its side is asked, not assumed
        updates["pain_regions"] = regions

    sides = _entity_values(entities, "side") + _entity_values(entities, "pain_side")
    if sides:
        updates["pain_side"] = "both" if len(set(sides)) > 1 else sides[0]
    elif current.get("pain_side") in OTHER_SIDE and _names_the_other_side(text, entities):
        updates["pain_side"] = OTHER_SIDE[current["pain_side"]]  # "actually my other knee"

    onsets = _entity_values(entities, "onset") + _entity_values(entities, "pain_onset")
    if onsets:
        updates["pain_onset"] = onsets[-1]

    durations = _entity_values(entities, "duration")
    since = days_since_named_time(text)
    if since is not None:
        durations.append(since)
    if not durations:
        durations += [days for pattern, days in VAGUE_DURATIONS if pattern.search(text)][:1]
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
    if requested_slot == "pain_severity":
        scores += scores_in(text)
    elif not scores:
        scores = _corrected_score(text, current.get("pain_severity"))
    if scores:
        updates["pain_severity"] = float(max(scores))
        updates[SEVERITY_NOTE] = text[:MAX_NOTE] if has_several_scores(text) else None

    precautions = _entity_values(entities, "precaution") + _entity_values(entities, "precautions")
    if precautions:
        earlier = [value for value in current.get("precautions") or [] if value != "none"]
        updates["precautions"] = earlier + [value for value in precautions if value not in earlier]

    updates.update(_answer_to_requested(requested_slot, text, intent, updates, current))
    return {slot: value for slot, value in updates.items() if current.get(slot) != value}


# "it's 6 not 4", "pas 4 mais 6", "niet 4, wel 6": a score named beside the one given earlier.
_SCORE_CORRECTION = re.compile(
    r"\b(?:not|pas|niet|geen)\b\s+(?:a |an |un |une |een )?(\w+)\b|"
    r"\b(\w+)\s*,?\s*(?:and |et |en )?(?:not|pas|niet|geen)\b\s+(?:a |an |un |une |een )?(\w+)\b",
    re.I,
)


def _corrected_score(text: str, earlier: Any) -> list[float]:
    """A new score outside the severity question, only when the message rules out the earlier
    one: a bare number elsewhere is a duration, an age or a distance, not a score."""
    if earlier is None:
        return []
    ruled_out = False
    for match in _SCORE_CORRECTION.finditer(text):
        named = match.group(1) or match.group(3)
        if scores_in(named) == [float(earlier)] or first_number(named, articles=False) == float(
            earlier
        ):
            ruled_out = True
    if not ruled_out:
        return []
    scores = [score for score in scores_in(text) if score != float(earlier)]
    return scores[:1]


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
    if requested_slot == "time_pattern" and (says_nothing or unsure):
        return {"time_pattern": ["no_pattern"]}
    if requested_slot == "precautions" and unsure:
        return {"precautions": ["unsure"]}  # the therapist asks again before treating
    if requested_slot == "precautions" and (says_nothing or _DENIES_ALL.search(text)):
        return {"precautions": ["none"]}  # "nope, none of those", "rien de tout ça", "geen"
    if requested_slot == "pain_modifiers" and text and not text.startswith("/"):
        # A question asked alongside ("stairs. is that normal?") is answered, not noted.
        statement = " ".join(s for s in _SENTENCE.findall(text) if not s.strip().endswith("?"))
        if not statement.strip():
            return {}
        return {"pain_modifiers": "-" if says_nothing else statement.strip()[:MAX_FREE_TEXT]}
    no_to_screen = says_nothing or bool(_STARTS_WITH_NO.match(text))
    if requested_slot.startswith("screen_") and not unsure and no_to_screen:
        return {requested_slot: False}
    return {}
