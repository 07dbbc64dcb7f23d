"""Pain intensity on the 0-10 numeric rating scale. The words of its patterns live in
answer_words.yml."""

from __future__ import annotations

import re

from bot.triage.interview.answer_words import load_answer_words
from bot.triage.interview.numbers import NUMBER_WORDS
from bot.triage.language.text import fold

# Words that are numbers elsewhere but never a pain score.
_NOT_SCORE_WORDS = frozenset(
    {"a", "an", "un", "une", "een", "couple", "few", "several", "many", "half", "quelques",
     "plusieurs", "paar", "enkele", "meerdere"}
)  # fmt: skip
# The patterns whose words live in answer_words.yml (section "severity"), by entry; the number
# words of the scores said before a score are numbers.py's.
SEVERITY_WORD_ENTRIES = (
    "not_a_score_after", "negation", "score_article", "scale_after", "hour_after",
    "hour_before", "clause_break", "clause_head", "not_score_before_end", "score_corrected",
    "counted_after", "scores_before",
)  # fmt: skip
_WORDS = load_answer_words(
    "severity",
    SEVERITY_WORD_ENTRIES,
    supplied=(
        (
            "number_words",
            "|".join(sorted(set(NUMBER_WORDS) - _NOT_SCORE_WORDS, key=lambda w: (-len(w), w))),
        ),
    ),
)
# A number followed by one of these is not a score ("3 weeks", "10 km", "2 x per week").
_NOT_A_SCORE_AFTER = re.compile(_WORDS["not_a_score_after"], re.I)
_NEGATION = re.compile(_WORDS["negation"], re.I)
_RANGE = re.compile(r"\b(\d{1,2})\s*[-–]\s*(\d{1,2})\b(?!\s*(?:/|x\b))")
_TOKEN = re.compile(r"(?<![\d.,-])\d{1,3}(?:[.,]\d)?(?!\d)|[a-z]+")


def _number(word: str) -> float | None:
    """The value of a token that can be a score: digits or a number word ("7", "7,5", "seven")."""
    if word[0].isdigit():
        return float(word.replace(",", "."))
    if word in NUMBER_WORDS and word not in _NOT_SCORE_WORDS:
        return float(NUMBER_WORDS[word])
    return None


def scores_in(text: str) -> list[float]:
    """Every 0-10 score named in the text, in order, leaving out scales, durations and the ones
    ruled out ("6 not 4" gives 6)."""
    # "5-6", "6–7": a range names both scores.
    folded = _RANGE.sub(r"\1 \2", fold(text or ""))
    scores: list[float] = []
    for match in _TOKEN.finditer(folded):
        value = _number(match.group())
        if value is None:
            continue
        before, after = folded[: match.start()], folded[match.end() :]
        if value == 10 and re.search(r"(/|out of|outta|sur|op|van de|van|on)\s*$", before):
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


# Asked beside when it is worst, an answer names hours, counts and distances as well as a score
# ("it wakes me 2 or 3 times a night", "at 7:10", "after my 5k run"): there a number is a score
# only with a score's cue: "a 6", "a solid 7", "6/10", "6 sur 10", "up to 7", at the head of its
# clause ("in the evening. 5", "sometimes 7 after a long run", "six I'd say") or at its end ("on
# long rides 6"). Anything else leaves the score to its own question.
_SCORE_ARTICLE = re.compile(_WORDS["score_article"])
_SCALE_AFTER = re.compile(_WORDS["scale_after"])
# Hours: "6pm", "7 o'clock", "6h10", "7u", "6:30", "at/around/till/after 8", "6 in the morning"
# (without "a": "a 6 in the morning" is a score).
_HOUR_AFTER = re.compile(_WORDS["hour_after"])
_HOUR_BEFORE = re.compile(_WORDS["hour_before"])
# Clauses: a comma or a full stop between two digits is a decimal ("7.5", "7,5").
_CLAUSE_BREAK = re.compile(_WORDS["clause_break"])
_CLAUSE_HEAD = re.compile(_WORDS["clause_head"])
# At a clause's end, a number is a score unless an hour or an age leads to it ("on long rides 6"
# is one, "I wake at 6", "since 2019", "my son of 6" are not).
_NOT_SCORE_BEFORE_END = re.compile(_WORDS["not_score_before_end"])
# "7, no wait, a 6": the score said last is the one meant ("a 7 on Thursday, now more like 4"
# names two, and the worst is what the therapist needs first).
_SCORE_CORRECTED = re.compile(_WORDS["score_corrected"])
# What follows a count, not a score: "une dizaine de minutes", "4th floor", "a 3-year-old", "5k".
_COUNTED_AFTER = re.compile(_WORDS["counted_after"])


_SCORES_BEFORE = re.compile(_WORDS["scores_before"])


def paired_scores_in(text: str) -> list[float]:
    """The scores in an answer to "when is it worst, and how strong is it?" (see above)."""
    folded = _RANGE.sub(r"\1 \2", fold(text or ""))
    scores: list[float] = []
    for part in _CLAUSE_BREAK.split(folded):
        for match in _TOKEN.finditer(part):
            value = _number(match.group())
            if value is None:
                continue
            before, after = part[: match.start()], part[match.end() :]
            # at the clause's head: only fillers, or other scores ("sept ou huit"), before it
            head = bool(_CLAUSE_HEAD.match(_SCORES_BEFORE.sub(" ", before)))
            if value == 10 and re.search(r"(/|out of|outta|on|sur|op)\s*$", before):
                continue  # the scale's 10
            at_end = not after.strip() and not _NOT_SCORE_BEFORE_END.search(before)
            article = _SCORE_ARTICLE.search(before)
            cued = article or _SCALE_AFTER.match(after) or head or at_end
            counted = _COUNTED_AFTER.match(after) or _NOT_A_SCORE_AFTER.match(after)
            if not article and (_HOUR_AFTER.match(after) or _HOUR_BEFORE.search(before)):
                continue  # an hour
            if cued and not counted and 0 <= value <= 10:
                scores.append(round(value * 2) / 2)
    if len(scores) > 1 and _SCORE_CORRECTED.search(folded):
        scores = scores[-1:]
    # A score the reader of the severity question alone would not give, or a higher one it would
    # ("at night 8 during the day 3", "not 8, more like 6"): left to the severity question.
    alone = scores_in(text)
    if scores and (not alone or max(alone) != max(scores)):
        return []
    return scores


def clauses_led_by_a_score(text: str) -> list[tuple[int, int]]:
    """Where the clauses that open with a score are ("5, sometimes 7 after a long run"): in an
    answer to when it is worst and how strong, they qualify the score, not the moment."""
    spans: list[tuple[int, int]] = []
    start = 0
    for brk in [*_CLAUSE_BREAK.finditer(text or ""), None]:
        end = brk.start() if brk else len(text or "")
        clause = fold((text or "")[start:end])
        first = next((m for m in _TOKEN.finditer(clause) if _number(m.group()) is not None), None)
        rest = clause[first.end() :] if first else ""
        counts = _COUNTED_AFTER.match(rest) or _NOT_A_SCORE_AFTER.match(rest)
        if first and not counts and _CLAUSE_HEAD.match(clause[: first.start()]):
            spans.append((start, end))
        start = brk.end() if brk else end
    return spans
