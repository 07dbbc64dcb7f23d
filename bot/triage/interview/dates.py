"""Durations named by a point in time: "since September", "depuis l'été", "sinds de kerst".

Counted back from today's date to the start of the month or (meteorological) season, the most
recent one that has begun; "last spring" is read the same way.
"""

from __future__ import annotations

import re
from datetime import date

from bot.triage.language.text import fold

MONTHS = {
    1: ("january", "jan", "janvier", "januari"),
    2: ("february", "feb", "fevrier", "februari"),
    3: ("march", "mars", "maart"),
    4: ("april", "avril"),
    5: ("may", "mai", "mei"),
    6: ("june", "juin", "juni"),
    7: ("july", "juillet", "juli"),
    8: ("august", "aug", "aout", "augustus"),
    9: ("september", "sept", "septembre"),
    10: ("october", "oct", "octobre", "oktober"),
    11: ("november", "nov", "novembre"),
    12: ("december", "dec", "decembre"),
}
# Meteorological seasons start on the first of these months.
SEASONS = {
    3: ("spring", "printemps", "lente", "voorjaar"),
    6: ("summer", "ete", "zomer"),
    9: ("autumn", "fall", "automne", "herfst", "najaar"),
    12: ("winter", "hiver"),
}
FEASTS = {  # (month, day)
    (12, 25): ("christmas", "xmas", "noel", "kerst", "kerstmis", "kerstdag"),
    (1, 1): ("new year", "nouvel an", "nieuwjaar", "oud en nieuw"),
    (10, 31): ("halloween",),
    (11, 1): ("toussaint", "all saints", "allerheiligen"),
    (12, 6): ("sinterklaas", "sint-niklaas", "sint niklaas", "saint-nicolas", "saint nicolas"),
    (9, 1): ("rentree", "back to school"),
    (7, 1): (
        "summer holidays",
        "vacances d'ete",
        "grandes vacances",
        "zomervakantie",
        "grote vakantie",
    ),
}
_SINCE = r"(?:since|from|depuis|sinds|sedert|vanaf|sinns|al van)"
# In answer to "since when?", "in July", "cet été", "deze zomer" also name the start.
_IN = r"(?:in|en|this|cet|cette|ce|deze|dit)"
_FILLER = (
    r"(?:[\s-]+(?:about|around|roughly|approximately|environ|vers|ongeveer|rond|omstreeks|"
    r"the|le|la|l'|de|het|last|dernier|derniere|vorige|vorig|afgelopen|begin|debut|"
    r"beginning|start|of|d'|du|van|mid|mi|midden|half|mois|month|maand))*"
)
# "since like early november", "depuis le blocus de juin", "sinds de bevalling, half juli": a
# few other words, and a comma, may stand between "since" and the time named.
_ANY_WORDS = r"(?:[\s,-]+[\w']+){0,6}?"


def _names_pattern(since: str = _SINCE) -> re.Pattern[str]:
    names = [n for group in (*MONTHS.values(), *SEASONS.values(), *FEASTS.values()) for n in group]
    alternatives = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    return re.compile(rf"\b{since}{_ANY_WORDS}{_FILLER}[\s-]*({alternatives})\b", re.I)


_PATTERN = _names_pattern()
_ANSWER_PATTERN = _names_pattern(rf"(?:{_SINCE}|{_IN})")
# "since the end of September", "depuis mi-juillet": a day other than the first of the month.
_END_OF = re.compile(r"\b(end|late|fin|eind|einde|eindje)\b")
_MIDDLE_OF = re.compile(r"\b(mid|mi|midden|half|middle|medio)\b")
# "since last winter" said in December: the winter before this one.
_LAST = re.compile(r"\b(last|vorige|vorig|afgelopen|verleden|dernier|derniere|passe|passee)\b")


def _start(name: str, today: date) -> date:
    for month, names in MONTHS.items():
        if name in names:
            return _latest(today, month, 1)
    for month, names in SEASONS.items():
        if name in names:
            return _latest(today, month, 1)
    for (month, day), names in FEASTS.items():
        if name in names:
            return _latest(today, month, day)
    raise KeyError(name)


def _latest(today: date, month: int, day: int) -> date:
    this_year = date(today.year, month, day)
    return this_year if this_year <= today else date(today.year - 1, month, day)


# "since Sinterklaas last year", "depuis la Toussaint de l'an dernier": a year further back.
_A_YEAR_BEFORE = re.compile(
    r"^[\s,]*(?:of |de |d'|van )?(?:last year|l'an (?:passe|dernier)|l'annee (?:passee|derniere)|"
    r"vorig jaar|verleden jaar|vorige jaar)"
)


def days_since_named_time(
    text: str, today: date | None = None, answering: bool = False
) -> int | None:
    """Days since the month, season or feast the text says the pain started from, or None.
    `answering`: the text answers "since when?", so "in July" names the start too."""
    found = named_time(text, today, answering)
    return found[0] if found else None


def named_time(
    text: str, today: date | None = None, answering: bool = False
) -> tuple[int, int] | None:
    """(days since, where in the text) for the last start the text names, or None."""
    folded = fold(text or "")
    matches = list((_ANSWER_PATTERN if answering else _PATTERN).finditer(folded))
    if not matches:
        return None
    found = matches[-1]  # "three months? no, longer: since July" means July
    today = today or date.today()
    name = found.group(1).lower()
    start = _start(name, today)
    said = folded[found.start() : found.end()]
    after = folded[found.end() :]
    if any(name in names for names in MONTHS.values()):
        if _END_OF.search(said):
            start = start.replace(day=25)
        elif _MIDDLE_OF.search(said):
            start = start.replace(day=15)
    season = any(name in names for names in SEASONS.values())
    if (
        season
        and (today - start).days < 92
        and (_LAST.search(said) or _LAST.match(after.lstrip(" ,")))
    ):
        start = start.replace(year=start.year - 1)  # the season under way is not "last"
    if _A_YEAR_BEFORE.search(after):
        start = start.replace(year=today.year - 1)
    return max(1, (today - start).days), found.start()
