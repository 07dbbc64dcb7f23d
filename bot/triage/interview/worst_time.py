"""Reads when the pain is at its worst, clause by clause.

The entity ruler names the moments it knows ("at night", "at my desk", "tennis"); patients also
answer with what they are doing ("going downhill and when I squat", "na de shift", "quand je mâche
un chewing-gum"). Each clause of the answer gives its own moments: an activity is "during" unless
an "after" word says the pain follows it; the evening is "night" on the card ("at night or in the
evening"), but "le soir après le boulot" is after work; a clause that says what eases the pain is
left out. Words in worst_time.yml.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.triage.language.text import fold

CUES_FILE = Path(__file__).resolve().parent / "worst_time.yml"
LISTS = (
    "after", "during", "activities", "sports", "easing", "always", "all_day", "no_pattern",
    "sometimes", "evening", "end_of_day", "workplace",
)  # fmt: skip
# Clauses end at punctuation and at "and"/"but"/"or" (not at Dutch "en"/"of", French "en", English
# "of": "after a lot of walking" is one clause), and at Dutch "en" before a new moment ("'s nachts
# als ik op die kant lig en bij het aantrekken van mijn jas").
_CLAUSE_BREAK = re.compile(
    r"[,.;!?()]|\b(and|but|or|et|mais|ou|maar)\b"
    r"|\ben(?= (bij|als|wanneer|tijdens|na|'?s|erna|daarna|nadien|achteraf)\b)"
)
# Joined to the clause before without a verb of its own: "fine walking around and sitting".
_JOINED = re.compile(r"^\s*(and|or|et|ou|en|of)\s*$")
# "worse when...", "pire quand...": a clause that also names an easing word still counts.
_WORSE = re.compile(r"\b(worse|worst|pire|erger|ergst|empire|s'aggrave|aggrave)\b")
# "fine walking around and sitting": a clause of a word or two after "and" shares the easing; "it's
# fine and then at night it wakes me up" says its own moment.
_SHARES_EASING_WORDS = 2


@lru_cache(maxsize=1)
def cues() -> dict[str, re.Pattern[str]]:
    data = yaml.safe_load(CUES_FILE.read_text(encoding="utf-8"))
    compiled: dict[str, re.Pattern[str]] = {}
    for name in LISTS:
        words = data.get(name)
        if not words or not all(isinstance(word, str) and word for word in words):
            raise ValueError(f"{CUES_FILE.name}: '{name}' needs a list of words")
        compiled[name] = re.compile(r"\b(" + "|".join(words) + r")\b")
    compiled["after_a_while"] = re.compile(" ".join(str(data["after_a_while"]).split()))
    return compiled


def _clauses(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, joined): joined when only "and"/"or" separates it from the clause before."""
    spans, start, joined = [], 0, False
    for found in _CLAUSE_BREAK.finditer(text):
        spans.append((start, found.start(), joined))
        # ". And at golf": a new sentence is not joined, even when it starts with "and"
        joined = bool(_JOINED.match(found.group())) and bool(text[start : found.start()].strip())
        start = found.end()
    spans.append((start, len(text), joined))
    return [(a, b, j) for a, b, j in spans if text[a:b].strip()]


def _says_after(clause: str) -> bool:
    c = cues()
    return bool(c["after"].search(clause)) and not c["after_a_while"].search(clause)


def read_worst_time(text: str, entities: Sequence[Mapping[str, Any]]) -> list[str]:
    """The time patterns an answer names, in the order named; [] when it names none."""
    c = cues()
    # The entities' offsets are the original text's: "œ" -> "oe" would shift them.
    folded = fold(text, spell_out_ligatures=False)
    moments = [
        (e["start"], e["end"], str(e["value"]))
        for e in entities
        if e.get("entity") == "time_pattern" and isinstance(e.get("start"), int)
    ]
    found: list[str] = []
    sometimes: list[str] = []  # moments named with "sometimes"
    previous_activity = previous_easing = False
    for start, end, joined in _clauses(folded):
        clause = folded[start:end]
        named = [(s, e, v) for s, e, v in moments if start <= s < end]
        easing = bool(c["easing"].search(clause)) or (
            previous_easing
            and joined
            and not c["during"].search(clause)
            and len(clause.split()) <= _SHARES_EASING_WORDS
        )
        previous_easing = easing and not _WORSE.search(clause)
        if previous_easing:
            continue  # "fine once I roll over", "mieux au repos", "fine walking and sitting"
        kinds = [v for _, _, v in named]
        after = _says_after(clause)
        sport = "sport" in kinds or bool(c["sports"].search(clause))
        activity = (
            sport
            or bool(c["activities"].search(clause))
            or any(k in ("during_activity", "after_activity") for k in kinds)
        )
        place = [(k, folded[s:e]) for s, e, k in named if k in ("sitting", "desk_work")]
        busy = bool(c["activities"].search(c["workplace"].sub(" ", clause))) or bool(
            c["end_of_day"].search(clause)
        )
        if busy and place and all(c["workplace"].fullmatch(text) for _, text in place):
            # "after a day of lifting boxes at work": the lifting, not a desk
            kinds = [k for k in kinds if k != "desk_work"]
            named = [(s, e, v) for s, e, v in named if v != "desk_work"]
            activity = True
            place = []
        clause_moments: list[str] = []
        for s, e, value in named:
            if value in ("during_activity", "after_activity", "sport"):
                continue  # decided below from the clause as a whole
            if value == "night" and c["evening"].search(folded[s:e]) and after:
                continue  # "le soir après le boulot" is after work; "evenings on the sofa" stay
            if value == "constant" and c["all_day"].search(folded[s:e]):
                clause_moments.append("all_day")
                continue
            clause_moments.append(value)
        if place:
            pass  # "after sitting long in the car", "after hours at my desk": the place says it
        elif activity and not ("morning_stiffness" in kinds and not c["during"].search(clause)):
            clause_moments.append("after_activity" if after else "during_activity")
            if sport:
                clause_moments.append("sport")
        elif c["end_of_day"].search(clause) and not clause_moments:
            clause_moments.append("after_activity")  # "at the end of the day"
        elif after and previous_activity and set(kinds) <= {"night"}:
            clause_moments.append("after_activity")  # "...and afterwards", "et après"
        elif c["no_pattern"].search(clause):
            clause_moments.append("no_pattern")  # "pas d'heure, n'importe quand"
        elif c["during"].search(clause) and not kinds:
            clause_moments.append("during_activity")  # "when I take the baby out of the cot"
        if c["always"].search(clause) and "constant" not in clause_moments:
            clause_moments.append("constant")
        previous_activity = activity or previous_activity
        found += clause_moments
        if c["sometimes"].search(clause):
            sometimes += clause_moments
    if not found and c["no_pattern"].search(folded):
        found = ["no_pattern"]
    if "no_pattern" in found and all(m in sometimes or m == "no_pattern" for m in found):
        return ["no_pattern"]  # "no real pattern: sometimes mornings, sometimes at work"
    unique = list(dict.fromkeys(found))
    if len(unique) > 1 and "no_pattern" in unique:
        unique.remove("no_pattern")
    if "all_day" in unique:
        # "all day at my desk": how long, beside the moment; alone it is constant
        unique = [m for m in unique if m != "all_day"] or ["constant"]
    return unique
