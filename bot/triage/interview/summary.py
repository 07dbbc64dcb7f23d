"""The interview in plain words: the "noted so far" line, the summary, the booking reason."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.triage.interview.vocabulary import label
from bot.triage.knowledge import load_knowledge_base

NOT_GIVEN = "-"
SUMMARY_FIELD_OF = {
    "pain_onset": "onset",
    "pain_duration": "duration",
    "time_pattern": "pattern",
    "pain_severity": "severity",
}


def _region_labels(slots: Mapping[str, Any], language: str) -> list[str]:
    kb = load_knowledge_base()
    return [kb.region(region).label(language) for region in slots.get("pain_regions") or []]


def _labels(slot: str, values: Any, language: str) -> str:
    if not values:
        return NOT_GIVEN
    if isinstance(values, str):
        values = [values]
    return ", ".join(label(slot, value, language) for value in values)


def summary_fields(slots: Mapping[str, Any], language: str) -> dict[str, str]:
    """Template variables of ``utter_interview_summary``."""
    side = slots.get("pain_side")
    severity = slots.get("pain_severity")
    skipped = set(slots.get("skipped_questions") or [])
    fields = {
        "regions": ", ".join(_region_labels(slots, language)) or NOT_GIVEN,
        "side": f" ({label('pain_side', side, language)})" if side else "",
        "onset": _labels("pain_onset", slots.get("pain_onset"), language),
        "duration": _labels("pain_duration", slots.get("pain_duration"), language),
        "pattern": _labels("time_pattern", slots.get("time_pattern"), language),
        "modifiers": slots.get("pain_modifiers") or NOT_GIVEN,
        "severity": _severity(severity, slots.get("pain_severity_note")),
        "precautions": _labels("precautions", slots.get("precautions"), language),
    }
    # A question left to the therapist says so, rather than a bare dash.
    for slot, name in SUMMARY_FIELD_OF.items():
        if slot in skipped and fields[name] == NOT_GIVEN:
            fields[name] = label("summary", "not_answered", language)
    return fields


def _severity(score: Any, note: Any) -> str:
    if score is None:
        return NOT_GIVEN
    text = f"{float(score):g}/10"
    return f"{text} (\u201c{note}\u201d)" if note else text


def noted_so_far(slots: Mapping[str, Any], language: str) -> str:
    """A short line of what was understood before the questions start."""
    parts = _region_labels(slots, language)
    if slots.get("pain_side"):
        parts.append(label("pain_side", slots["pain_side"], language))
    for slot in ("pain_onset", "pain_duration"):
        if slots.get(slot):
            parts.append(label(slot, slots[slot], language))
    for slot in ("time_pattern", "precautions"):
        parts.extend(label(slot, value, language) for value in slots.get(slot) or [])
    if slots.get("pain_modifiers"):
        parts.append(f"\u201c{slots['pain_modifiers']}\u201d")
    if slots.get("pain_severity") is not None:
        parts.append(f"{float(slots['pain_severity']):g}/10")
    return "; ".join(parts)


def booking_reason(slots: Mapping[str, Any], language: str) -> str:
    """A short reason for the booking form: the regions only, in the patient's language (they
    see it in the address and on the booking page).

    Kept minimal on purpose: URLs end up in browser histories and server logs.
    """
    return ", ".join(_region_labels(slots, language))
