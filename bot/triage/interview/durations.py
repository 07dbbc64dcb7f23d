"""How long the pain has lasted: days, and the acute / subacute / chronic category."""

from __future__ import annotations

import re

from bot.triage.interview.numbers import first_number
from bot.triage.language.text import fold

DAYS_PER_UNIT = {"days": 1, "weeks": 7, "months": 30, "years": 365}
# domain-notes.md section 4: acute < 6 weeks, subacute 6-12 weeks, chronic > 3 months.
ACUTE_BELOW_DAYS = 42
CHRONIC_ABOVE_DAYS = 90

# Words said just before a count that move it off the round number, so that it falls on the
# right side of a category's edge: "more than three months" is chronic, "not quite six weeks"
# acute. "At least", "au moins", "minstens" leave it as said.
_MORE_THAN = re.compile(
    r"(?:\b(?:more|longer)\s+than|\b(?:for|just|a bit|a little|slightly|well|already|now|"
    r"way)\s+over|^\s*over|\bupwards\s+of|(?<!\bde )(?<!\ben )(?<!\bnon )\bplus(?:\s+(?:de|que))?|"
    r"\bau[\s-]dela\s+de|"
    r"\b(?:meer|langer)\s+dan|\bruim|\bruimschoots|\bmeer\s+as)\s*$"
)
_LESS_THAN = re.compile(
    r"(?:\b(?:less|fewer|shorter)\s+than|\bunder|\balmost|\bnearly|\bnot\s+quite|\bbarely|"
    r"\bnot\s+even|\bmoins\s+(?:de|que)|\bpresque|\bpas\s+tout\s+a\s+fait|\bpas\s+encore|"
    r"\b(?:meme\s+pas|pas\s+meme)|\btout\s+juste|"
    r"\b(?:minder|korter)\s+dan|\bbijna|\bnog\s+geen|\bamper|\bnet\s+geen)\s*$"
)
# "d'un an": the elided "de" of "moins d'un an" may be part of the count matched.
_ELISION = re.compile(r"^\s*(?:(?:d|qu)'(?=\s*\w))?")
# "not more than two weeks", "pas plus de", "niet meer dan", "at most": no further than said.
_AT_MOST = re.compile(
    r"(?:\b(?:not|no|pas|niet|nie|au|at)\s+(?:more|longer|plus|meer|langer|most)|\bhooguit|"
    r"\bhoogstens|\bmaximum|\bmax)(?:\s+(?:than|de|que|dan|as))?\s*$"
)


def duration_in_days(text: str, unit: str, before: str = "") -> int | None:
    """Days for a matched duration such as "three weeks" (unit "weeks") or "since yesterday".

    `before`: the words said before it, read for "more than" / "almost" ("plus de trois mois")."""
    if unit not in DAYS_PER_UNIT:
        return None
    number = first_number(text)
    if number is None:
        number = 1  # "since last week", "for years": one unit is the conservative reading
    days = max(1, round(number * DAYS_PER_UNIT[unit]))
    elision = _ELISION.match(fold(text))
    return max(1, days + _shift(before + (elision.group() if elision else "")))


def _shift(before: str) -> int:
    """+1 after "more than", -1 after "almost" / "less than", else 0: a day past the edge."""
    said = fold(before[-40:])
    # "plus d'un an", "moins d'un mois", however the words were split.
    said = re.sub(r"\bqu'$", "que ", re.sub(r"\bd'$", "de ", said))
    if _AT_MOST.search(said):
        return 0
    if _MORE_THAN.search(said):
        return 1
    if _LESS_THAN.search(said):
        return -1
    return 0


def duration_category(days: int) -> str:
    if days < ACUTE_BELOW_DAYS:
        return "acute"
    if days <= CHRONIC_ABOVE_DAYS:
        return "subacute"
    return "chronic"
