"""The conversation evaluation's verdicts: right end, false alarm, under-triage, summary fields."""

from __future__ import annotations

from bot.ops.cli.conversation_eval import (
    Outcome,
    advised_tier,
    field_table,
    load_scripts,
    score_summary,
)


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
    # "112 / emergency department" (cauda equina): right, so not under-triage either
    either = outcome("call_112", "emergency_department", "emergency_department")
    assert either.right_end and not either.under_triage


def test_chest_pain_sent_to_the_gp_first_is_the_gp_tier_advice():
    assert advised_tier({"pain_regions": ["chest", "neck"], "red_flag_tier": None}) == "gp_soon"
    assert advised_tier({"pain_regions": ["neck"], "red_flag_tier": None}) is None
    assert advised_tier({"pain_regions": ["abdomen"], "red_flag_tier": "call_112"}) == "call_112"


def test_summary_fields_count_only_what_the_script_names():
    result = outcome("booking", "booking", None)
    expected = {"regions": ["knee_front"], "side": "left", "onset": None, "severity": 6}
    slots = {"pain_regions": ["knee_front"], "pain_side": "right", "pain_severity": 6.0}
    score_summary(result, expected, slots)
    assert (result.fields_right, result.fields_total) == (2, 3)
    assert result.field_misses == {"side": {"expected": "left", "got": "right"}}


def test_the_report_says_which_summary_field_goes_wrong_per_language():
    first, second = outcome("booking", "booking", None), outcome("booking", "booking", None)
    second.language = "fr"
    score_summary(
        first, {"side": "left", "severity": 6}, {"pain_side": "right", "pain_severity": 6}
    )
    score_summary(second, {"side": "left"}, {"pain_side": "left"})
    first.filled_before_asked = ["side"]  # read from the opening, and wrong
    header, english, english_early, french, _ = field_table([first, second])
    assert header.split()[3:] == ["severity", "side"]
    assert english.split() == ["en", "1/1", "0/1"]
    assert english_early.split()[-2:] == ["0/0", "0/1"]
    assert french.split() == ["fr", "-", "1/1"]


def test_the_scripts_cover_three_languages_thirty_each():
    scripts = load_scripts()
    for language in ("en", "fr", "nl"):
        assert sum(s["language"] == language for s in scripts) >= 30


def test_the_development_scripts_use_only_known_values():
    from bot.config import PROJECT_ROOT
    from bot.triage.interview.vocabulary import values_of
    from bot.triage.knowledge import load_knowledge_base

    regions = set(load_knowledge_base().regions)
    known = {
        "side": set(values_of("pain_side")),
        "onset": set(values_of("pain_onset")),
        "duration": set(values_of("pain_duration")),
    }
    folder = PROJECT_ROOT / "tests" / "conversations"
    for path in [
        *sorted(folder.glob("dev*_patient_scripts.yml")),
        folder / "one_answer_patients.yml",
    ]:
        for script in load_scripts(path):
            summary = script["expected"].get("summary") or {}
            for name, values in known.items():
                assert summary.get(name) in values | {None}, (path.name, script["id"], name)
            assert set(summary.get("regions") or []) <= regions, (path.name, script["id"])
            assert set(summary.get("time_pattern") or []) <= set(values_of("time_pattern"))
            assert set(summary.get("precautions") or []) <= set(values_of("precautions")) | {"none"}
