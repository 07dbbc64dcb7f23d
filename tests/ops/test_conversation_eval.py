"""The conversation evaluation's verdicts: right end, false alarm, under-triage, summary fields."""

from __future__ import annotations

from bot.ops.cli.conversation_eval import Outcome, load_scripts, score_summary


def outcome(expected: str, end: str, tier: str | None) -> Outcome:
    return Outcome("x", "en", expected, end, tier, messages=5, repeated_questions=[])


def test_booking_expected():
    assert outcome("booking", "booking", None).right_end
    assert outcome("booking", "booking", "gp_soon").right_end  # GP first still books
    alarmed = outcome("booking", "doctor_today", "doctor_today")
    assert not alarmed.right_end and alarmed.false_alarm and not alarmed.under_triage


def test_urgent_expected():
    assert outcome("call_112", "call_112", "call_112").right_end
    # domain-notes.md: "112 / emergency department" for the same presentations
    assert outcome("call_112", "emergency_department", "emergency_department").right_end
    missed = outcome("doctor_today", "booking", None)
    assert not missed.right_end and missed.under_triage and not missed.false_alarm
    softer = outcome("emergency_department", "doctor_today", "doctor_today")
    assert softer.under_triage


def test_summary_fields_count_only_what_the_script_names():
    result = outcome("booking", "booking", None)
    expected = {"regions": ["knee_front"], "side": "left", "onset": None, "severity": 6}
    slots = {"pain_regions": ["knee_front"], "pain_side": "right", "pain_severity": 6.0}
    score_summary(result, expected, slots)
    assert (result.fields_right, result.fields_total) == (2, 3)
    assert result.field_misses == {"side": {"expected": "left", "got": "right"}}


def test_the_scripts_cover_three_languages_thirty_each():
    scripts = load_scripts()
    for language in ("en", "fr", "nl"):
        assert sum(s["language"] == language for s in scripts) >= 30
