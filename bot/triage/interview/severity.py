"""Pain intensity on the 0-10 numeric rating scale."""

from __future__ import annotations

import re

from bot.triage.interview.numbers import NUMBER_WORDS
from bot.triage.language.text import fold

# A number followed by one of these is not a score ("3 weeks", "10 km", "2 x per week").
_NOT_A_SCORE_AFTER = re.compile(
    r"^\s*(?:%|x\b|h\b|km|kg|min|days?|weeks?|months?|years?|hours?|times|jours?|semaines?|mois|"
    r"ans?\b|annees?|heures?|fois|dagen|dag\b|weken|week\b|maanden|maand\b|jaar|jaren|uur|keer)",
    re.I,
)
_NEGATION = re.compile(r"\b(?:not|no|pas|niet|geen)\s+(?:a |an |une? |een )?$", re.I)
_RANGE = re.compile(r"\b(\d{1,2})\s*[-–]\s*(\d{1,2})\b(?!\s*(?:/|x\b))")
_TOKEN = re.compile(r"(?<![\d.,-])\d{1,3}(?:[.,]\d)?(?!\d)|[a-z]+")
# Words that are numbers elsewhere but never a pain score.
_NOT_SCORE_WORDS = frozenset(
    {"a", "an", "un", "une", "een", "couple", "few", "several", "many", "half", "quelques",
     "plusieurs", "paar", "enkele", "meerdere"}
)  # fmt: skip


def scores_in(text: str) -> list[float]:
    """Every 0-10 score named in the text, in order, leaving out scales, durations and the ones
    ruled out ("6 not 4" gives 6)."""
    # "5-6", "6–7": a range names both scores.
    folded = _RANGE.sub(r"\1 \2", fold(text or ""))
    scores: list[float] = []
    for match in _TOKEN.finditer(folded):
        word = match.group()
        if word[0].isdigit():
            value = float(word.replace(",", "."))
        elif word in NUMBER_WORDS and word not in _NOT_SCORE_WORDS:
            value = float(NUMBER_WORDS[word])
        else:
            continue
        before, after = folded[: match.start()], folded[match.end() :]
        if value == 10 and re.search(r"(/|out of|sur|op|van de|van|on)\s*$", before):
            continue  # the scale's 10
        if _NOT_A_SCORE_AFTER.match(after) or _NEGATION.search(before):
            continue
        if 0 <= value <= 10:
            scores.append(round(value * 2) / 2)  # half points are the finest a patient gives
    return scores


def parse_severity(text: str) -> float | None:
    """The score in the text ("7", "7/10", "seven"); with several ("2 at rest, 6 when running"),
    the highest, which is what the therapist needs first."""
    scores = scores_in(text)
    return max(scores) if scores else None


def has_several_scores(text: str) -> bool:
    return len(set(scores_in(text))) > 1
