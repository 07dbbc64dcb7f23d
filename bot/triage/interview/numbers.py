"""Numbers written as words or digits, in English, French and Dutch."""

from __future__ import annotations

import re

from bot.triage.language.text import fold

NUMBER_WORDS: dict[str, float] = {
    # English
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "couple": 2, "few": 3, "several": 3, "many": 6, "half": 0.5,
    # French
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20,
    "quelques": 3, "plusieurs": 3, "nombreux": 6, "nombreuses": 6,
    # "une quinzaine de jours"; "une huitaine" is a week in Belgium
    "huitaine": 8, "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    # Dutch
    "nul": 0, "een": 1, "eén": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
    "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "vijftien": 15,
    "twintig": 20, "paar": 2, "enkele": 3, "meerdere": 3, "verschillende": 3,
    "anderhalf": 1.5, "anderhalve": 1.5,
    # tens, for years ("dertig jaar", "trente ans", "thirty years")
    "thirty": 30, "forty": 40, "fifty": 50, "trente": 30, "quarante": 40, "cinquante": 50,
    "dertig": 30, "veertig": 40, "vijftig": 50,
}  # fmt: skip

_DIGITS = re.compile(r"(?<![\d.,])(-?\d{1,3}(?:[.,]\d)?)(?![\d])")
_WORD = re.compile(r"[a-z]+")


# Articles read as "one" only when nothing else in the text is a number ("a week" vs
# "a couple of weeks", "a pain of 7").
ARTICLES = frozenset({"a", "an", "un", "une", "een", "ne", "nen"})


def first_number(text: str, articles: bool = True) -> float | None:
    """The first number in the text, from digits or a number word (one of en/fr/nl).

    With ``articles``, "a"/"un"/"een" alone count as one ("a week").
    """
    folded = fold(text)
    candidates: list[tuple[int, float]] = []
    digit = _DIGITS.search(folded)
    if digit:
        candidates.append((digit.start(), float(digit.group(1).replace(",", "."))))
    article: float | None = None
    for match in _WORD.finditer(folded):
        word = match.group()
        if word in ARTICLES:
            article = 1.0 if articles else None
        elif word in NUMBER_WORDS:
            candidates.append((match.start(), NUMBER_WORDS[word]))
            break
    if candidates:
        return min(candidates)[1]
    return article
