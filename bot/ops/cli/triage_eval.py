"""`make triage-eval`: the red-flag detector against vignettes its authors never saw.

tests/triage/heldout_vignettes.yml was written by someone given only the tier definitions of
domain-notes.md section 3 (never the patterns), and must never be used to write them. Each
vignette is one patient message with the tier it needs; "none" means ordinary pain that may book.
The tests/triage/dev*.yml sets, by other writers, were each scored blind once and then read to
improve the rules: `--vignettes` scores them too, as development figures.

Per language: exact-tier accuracy, under-triage (a softer tier than needed: the dangerous error),
over-triage, the share of must-not-alarm messages that alarmed, the confusion matrix and the
under-triaged messages counted by the writer's category (which kinds of danger go unheard,
without their words), and the false alarms by category with the flag that alarmed. Writes
var/results/triage-eval.json with every miss, and ends with a verdict line against the aims.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.config import PROJECT_ROOT
from bot.triage.language import LANGUAGES
from bot.triage.red_flags import TIERS, detect, most_urgent

VIGNETTES = PROJECT_ROOT / "tests" / "triage" / "heldout_vignettes.yml"
RESULTS = PROJECT_ROOT / "var" / "results" / "triage-eval.json"
NONE = "none"
LABELS = (*TIERS, NONE)  # most urgent first
AIM_EXACT = 0.90
AIM_FALSE_ALARMS = 0.05


@dataclass(frozen=True)
class Vignette:
    id: str
    language: str
    tier: str
    text: str
    category: str = ""


@dataclass
class Scores:
    language: str
    total: int = 0
    exact: int = 0
    under: int = 0
    over: int = 0
    must_not_alarm: int = 0
    false_alarms: int = 0
    confusion: dict[str, dict[str, int]] = field(
        default_factory=lambda: {e: {p: 0 for p in LABELS} for e in LABELS}
    )
    misses: list[dict[str, str]] = field(default_factory=list)

    @property
    def exact_share(self) -> float:
        return self.exact / self.total if self.total else 0.0

    @property
    def false_alarm_share(self) -> float:
        return self.false_alarms / self.must_not_alarm if self.must_not_alarm else 0.0

    def meets_aims(self) -> bool:
        return (
            self.under == 0
            and self.exact_share >= AIM_EXACT
            and self.false_alarm_share <= AIM_FALSE_ALARMS
        )


def load_vignettes(path: Path = VIGNETTES) -> list[Vignette]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    vignettes = []
    for item in raw["vignettes"]:
        vignette = Vignette(
            str(item["id"]),
            item["language"],
            item["tier"],
            str(item["text"]),
            str(item.get("category") or ""),
        )
        if vignette.tier not in LABELS or vignette.language not in LANGUAGES:
            raise ValueError(f"{path}: {vignette.id}: unknown tier or language")
        vignettes.append(vignette)
    return vignettes


def predicted_tier(text: str) -> str:
    match = most_urgent(detect(text))
    return match.tier if match else NONE


def raised_flag(text: str) -> str:
    match = most_urgent(detect(text))
    return match.flag_id if match else "?"


def score(
    vignettes: Sequence[Vignette], predict: Any = predicted_tier, flag_of: Any = raised_flag
) -> dict[str, Scores]:
    rank = {label: position for position, label in enumerate(LABELS)}
    scores = {language: Scores(language) for language in LANGUAGES}
    for vignette in vignettes:
        result = scores[vignette.language]
        predicted = predict(vignette.text)
        result.total += 1
        result.confusion[vignette.tier][predicted] += 1
        if vignette.tier == NONE:
            result.must_not_alarm += 1
            result.false_alarms += predicted != NONE
        if predicted == vignette.tier:
            result.exact += 1
            continue
        kind = "under" if rank[predicted] > rank[vignette.tier] else "over"
        setattr(result, kind, getattr(result, kind) + 1)
        result.misses.append(
            {
                "id": vignette.id,
                "expected": vignette.tier,
                "predicted": predicted,
                "kind": kind,
                "category": vignette.category,
                # The flag that alarmed: which rule to look at, without reading the message.
                "flag": flag_of(vignette.text) if vignette.tier == NONE else "",
            }
        )
    return scores


def report(scores: dict[str, Scores]) -> str:
    lines = [
        "language  vignettes  exact   under-triage  over-triage  false alarms (must not alarm)",
    ]
    for s in scores.values():
        lines.append(
            f"{s.language:<9} {s.total:>9}  {s.exact_share:>5.1%}  {s.under:>12}  {s.over:>11}"
            f"  {s.false_alarms}/{s.must_not_alarm} ({s.false_alarm_share:.1%})"
        )
    short = {"call_112": "112", "emergency_department": "ED", "doctor_today": "today"}
    short |= {"gp_soon": "GP", NONE: "none"}
    for s in scores.values():
        lines.append("")
        lines.append(f"{s.language}: rows = needed tier, columns = detector's tier")
        lines.append(" " * 7 + "".join(f"{short[p]:>7}" for p in LABELS))
        for expected in LABELS:
            row = s.confusion[expected]
            lines.append(f"{short[expected]:<7}" + "".join(f"{row[p]:>7}" for p in LABELS))
    for s in scores.values():
        # Which kinds of danger go unheard, by the writer's category (counts, not messages).
        under = Counter(m["category"] or "?" for m in s.misses if m["kind"] == "under")
        if under:
            listed = ", ".join(f"{name} {count}" for name, count in sorted(under.items()))
            lines.append(f"{s.language} under-triaged by category: {listed}")
        alarms = Counter(
            f"{m['category'] or '?'} ({m['flag']})" for m in s.misses if m["expected"] == NONE
        )
        if alarms:
            listed = ", ".join(f"{name} {count}" for name, count in sorted(alarms.items()))
            lines.append(f"{s.language} false alarms by category (flag): {listed}")
    failing = [s.language for s in scores.values() if not s.meets_aims()]
    lines.append("")
    if failing:
        lines.append(
            f"Aims (under-triage 0, exact >= {AIM_EXACT:.0%}, false alarms <= "
            f"{AIM_FALSE_ALARMS:.0%}) not met for: {', '.join(failing)}"
        )
    else:
        lines.append("Aims met in every language.")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vignettes", type=Path, nargs="+", default=[VIGNETTES])
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    scores = score([v for path in args.vignettes for v in load_vignettes(path)])
    print(report(scores))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    summary = {
        s.language: {
            "vignettes": s.total,
            "exact": round(s.exact_share, 4),
            "under_triage": s.under,
            "over_triage": s.over,
            "false_alarms": s.false_alarms,
            "must_not_alarm": s.must_not_alarm,
            "confusion": s.confusion,
            "misses": s.misses,
        }
        for s in scores.values()
    }
    args.out.write_text(json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
