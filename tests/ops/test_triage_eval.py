"""`make triage-eval`: scoring of vignettes against the detector, offline."""

from __future__ import annotations

from pathlib import Path

from bot.ops.cli.triage_eval import Vignette, load_vignettes, report, score


def vignette(tier: str, text: str, category: str = "", language: str = "en") -> Vignette:
    return Vignette(f"{language}-{abs(hash(text)) % 1000}", language, tier, text, category)


def test_under_triage_is_counted_and_named_by_its_category() -> None:
    vignettes = [
        vignette("call_112", "crushing chest pain for 20 minutes and I'm sweating"),
        vignette("emergency_department", "my back aches a little", "cauda_equina"),
        vignette("none", "stiff neck after a day at the laptop"),
    ]
    scores = score(vignettes)["en"]
    assert (scores.exact, scores.under, scores.over) == (2, 1, 0)
    assert scores.misses == [
        {
            "id": vignettes[1].id,
            "expected": "emergency_department",
            "predicted": "none",
            "kind": "under",
            "category": "cauda_equina",
            "flag": "",
        }
    ]
    text = report({"en": scores})
    assert "en under-triaged by category: cauda_equina 1" in text
    assert "Aims (under-triage 0" in text and "not met for: en" in text


def test_a_false_alarm_counts_against_the_must_not_alarm_messages() -> None:
    scores = score(
        [
            vignette("none", "crushing chest pain for 20 minutes and I'm sweating", "joke"),
            vignette("none", "tight calves after my first run in months"),
        ]
    )["en"]
    assert (scores.false_alarms, scores.must_not_alarm, scores.over) == (1, 2, 1)
    text = report({"en": scores})
    assert "under-triaged by category" not in text
    # Which rule alarmed, by the writer's category: where to look without reading the message.
    assert "en false alarms by category (flag): joke (heart_attack_signs) 1" in text


def test_vignette_files_need_known_tiers_and_languages(tmp_path: Path) -> None:
    good = tmp_path / "good.yml"
    good.write_text(
        "vignettes:\n  - {id: fr-1, language: fr, tier: gp_soon, category: x, text: 'mal'}\n",
        encoding="utf-8",
    )
    assert load_vignettes(good)[0].category == "x"
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "vignettes:\n  - {id: fr-1, language: fr, tier: call_911, text: 'mal'}\n", encoding="utf-8"
    )
    try:
        load_vignettes(bad)
    except ValueError as error:
        assert "unknown tier" in str(error)
    else:
        raise AssertionError("an unknown tier must be refused")
