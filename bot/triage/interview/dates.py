"""Durations named by a point in time: "since September", "depuis l'été", "sinds de kerst".

Counted back from today's date to the start of the month or (meteorological) season, the most
recent one that has begun; "last spring" is read the same way. A day ("since 16 November") or a
year ("depuis mars 2024") said with the month is kept.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

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
    (12, 25): (
        "christmas", "xmas", "noel", "kerst", "kerstmis", "kerstdag", "kerstvakantie",
    ),
    (1, 1): ("new year", "nouvel an", "nieuwjaar", "oud en nieuw"),
    (10, 31): ("halloween",),
    # Flanders' autumn holiday is the week of All Saints'; "vacances d'automne" is the French
    # community's name for it, not the start of autumn.
    (11, 1): (
        "toussaint", "all saints", "allerheiligen", "herfstvakantie", "vacances d'automne",
    ),
    (12, 6): ("sinterklaas", "sint-niklaas", "sint niklaas", "saint-nicolas", "saint nicolas"),
    (9, 1): ("rentree", "back to school"),
    (7, 1): (
        "summer holidays",
        "vacances d'ete",
        "grandes vacances",
        "zomervakantie",
        "grote vakantie",
    ),
}  # fmt: skip
# Feasts that move with Easter: days after Easter Sunday (before it when negative).
MOVEABLE_FEASTS = {
    -47: (  # carnival (Shrove Tuesday) and the school holiday around it
        "carnival", "carnaval", "mardi gras", "shrove tuesday", "krokusvakantie",
        "voorjaarsvakantie", "vacances de carnaval", "vacances de detente",
    ),
    0: (
        "easter", "paques", "pasen", "paasvakantie", "paasdag", "paasdagen", "paasmaandag",
        "paasweekend", "paasweekeinde",
    ),
    39: ("ascension", "hemelvaart", "hemelvaartsdag"),
    49: ("pentecost", "whitsun", "pentecote", "pinksteren"),
}  # fmt: skip
_SINCE = r"(?:since|from|depuis|sinds|sedert|vanaf|sinns|al van)"
# In answer to "since when?", "in July", "cet été", "deze zomer" also name the start.
_IN = r"(?:in|en|this|cet|cette|ce|deze|dit)"
# "c'était mi-octobre", "'t was half oktober", "it was early October": the start, said after a
# count, in any answer ("c'était pire en novembre" is not: only fillers may come in between).
_IT_WAS = (
    r"(?:c'etait|c etait|ca a commence|it was|that was|it started|it began|'t was|t was|"
    r"'twas|het was|dat was|het begon|begonnen)(?:[\s-]+(?:in|en|on|op|au|a|rond))?"
)
_FILLER = (
    r"(?:[\s-]+(?:about|around|roughly|approximately|environ|vers|ongeveer|rond|omstreeks|"
    r"the|le|la|l'|de|het|last|dernier|derniere|vorige|vorig|afgelopen|begin|debut|"
    r"beginning|start|of|d'|du|van|mid|mi|midden|half|mois|month|maand))*"
)
# "since like early november", "depuis le blocus de juin", "sinds de bevalling, half juli": a
# few other words, and a comma, may stand between "since" and the time named.
_ANY_WORDS = r"(?:[\s,-]+[\w']+){0,6}?"
# "since 16 November", "depuis le 1er mars", "since the 1st of November".
_DAY_BEFORE = r"(?:(?P<day>\d{1,2})(?:er|st|nd|rd|th|e|ste|de)?[\s-]+(?:of[\s-]+)?)?"
# Words that make a number before or after a month a count, not a date.
_UNITS = (
    r"(?:days?|weeks?|months?|years?|hours?|jours?|semaines?|mois|ans|annees?|heures?|fois|"
    r"dagen|dag|weken|week|maanden|maand|jaar|jaren|uur|uren|keer|sur)"
)
# "since November 22", "depuis mars 2024", "since June 3rd, 2025".
_DAY_AFTER = (
    rf"(?:[\s-]+(?P<day_after>\d{{1,2}})(?:st|nd|rd|th)?\b(?![.,]?\d)(?![\s-]*{_UNITS}\b))?"
)
_YEAR = r"(?:,?[\s-]+(?P<year>(?:19|20)\d\d)\b)?"
# "depuis sept jours" is seven days, not September.
_NOT_A_COUNT = rf"(?![\s-]*{_UNITS}\b)"
# Where a part of the month is said: an answer may start with it ("Fin août, donc...").
_PART_OF_MONTH = (
    r"(?:end|late|early|mid|start|beginning|middle|fin|debut|mi|milieu|eind|einde|begin|half|"
    r"midden|medio)"
)


def _all_names() -> list[str]:
    groups = (*MONTHS.values(), *SEASONS.values(), *FEASTS.values(), *MOVEABLE_FEASTS.values())
    return [name for group in groups for name in group]


_NAMES = "|".join(sorted((re.escape(n) for n in _all_names()), key=len, reverse=True))


def _names_pattern(since: str = _SINCE, words: str = _ANY_WORDS) -> re.Pattern[str]:
    return re.compile(
        rf"\b{since}{words}{_FILLER}[\s,-]*{_DAY_BEFORE}(?P<name>{_NAMES})\b{_NOT_A_COUNT}"
        rf"{_DAY_AFTER}{_YEAR}",
        re.I,
    )


_PATTERN = _names_pattern()
_ANSWER_PATTERN = _names_pattern(rf"(?:{_SINCE}|{_IN})")
_IT_WAS_PATTERN = _names_pattern(_IT_WAS, words="")
# The answer to "since when?" may be the time alone: "juli", "Pâques je crois". After a count
# ("Fin août, donc trois mois") only a part of a month or a day makes it a date.
_AT_START = re.compile(
    rf"^[\s\"'(]*(?:(?:about|around|environ|vers|ongeveer|rond|omstreeks)\s+)?"
    rf"(?:(?:the|le|la|l'|de|het)\s*)?(?P<part>{_PART_OF_MONTH}(?:[\s-]+(?:of|de|d'|van))?[\s-]*)?"
    rf"(?:(?:the|le|la|l'|de|het)\s*)?{_DAY_BEFORE}(?P<name>{_NAMES})\b{_NOT_A_COUNT}"
    rf"(?!(?<=\bmay)\s+(?:i|we|you|be|have|has)\b){_DAY_AFTER}{_YEAR}",  # "May I ask...?"
    re.I,
)
# "Octobre, non, novembre", "October, sorry, November I mean", "Mars... non attendez, plutôt
# avril": a month said after a correction replaces the one said before it.
_CORRECTED = (
    r"(?:\b(?:non|no|nope|sorry|pardon|nee|neen|neeje|wacht|i mean|je veux dire|ik bedoel)"
    r"(?:[\s,.!:;-]+(?:attendez|attends|wait|wacht|sorry|pardon|i mean|je veux dire|ik bedoel|"
    r"en fait|actually|eigenlijk|toch|plutot|rather|more like|eerder))*|\bplutot|\beerder)"
    r"(?:[\s,.!:;-]+(?:in|en|op|au|a))?"
)
_CORRECTED_PATTERN = re.compile(
    rf"{_CORRECTED}[\s,.!:;-]*(?:{_PART_OF_MONTH}(?:[\s-]+(?:of|de|d'|van))?[\s-]*)?"
    rf"{_FILLER}[\s-]*{_DAY_BEFORE}(?P<name>{_NAMES})\b{_NOT_A_COUNT}"
    rf"(?!(?<=\bmay)\s+(?:i|we|you|be|have|has)\b){_DAY_AFTER}{_YEAR}",
    re.I,
)
# "fall" is autumn in "in the fall", "last fall", "this fall", "since the fall", unless an
# accident is said beside it: "it was a fall", "since the fall on the stairs".
_AUTUMN_FALL = re.compile(r"\b(?:in the|last|this|since the|since last)\s+$")
_ACCIDENT_NEAR = re.compile(
    r"\b(?:fell|falls?|falling|slip|slipped|slipping|trip|tripped|tripping|stairs?|steps|"
    r"ladder|bike|bicycle|horse|ice|icy|accident|injury|injured|crash|landed|hit)\b"
)
_ACCIDENT_AFTER = re.compile(
    r"^\s*(?:on|off|from|down|onto|into|at|while|when i|during|in the (?!year)|"
    r"of (?:my|the|a|his|her|their|our))\b"
)
# "since the end of September", "depuis mi-juillet": a day other than the first of the month.
_END_OF = re.compile(r"\b(end|late|fin|eind|einde|eindje)\b")
_MIDDLE_OF = re.compile(r"\b(mid|mi|midden|half|middle|medio)\b")
# "since last winter" said in December: the winter before this one.
_LAST = re.compile(r"\b(last|vorige|vorig|afgelopen|verleden|dernier|derniere|passe|passee)\b")
# "des années mais pire depuis la Toussaint", "al jaren, erger sinds de zomer": the time named is
# when it got worse; the pain itself is older, as the words beside it say.
YEAR_DAYS = 365
_WORSE_SINCE = re.compile(
    r"\b(worse|bad|badly|pire|aggrave|aggravee|empire|erger|slechter|verergerd|erg)\b"
    r"[\s\w']{0,20}$"
)
# Years said without a count (a count is read as a duration itself; "j'ai 40 ans" is an age);
# not "toujours" or "altijd" alone, which also mean "still" and "always".
_LONGER_IN_WORDS = re.compile(
    r"\b(years|ages|forever|annees|jaren|eeuwen|lustres|depuis toujours|altijd al|al altijd)\b"
)


def _easter(year: int) -> date:
    """Easter Sunday (Gregorian calendar; the anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


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
    for offset, names in MOVEABLE_FEASTS.items():
        if name in names:
            this_year = _easter(today.year) + timedelta(days=offset)
            return this_year if this_year <= today else _easter(today.year - 1) + timedelta(offset)
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


def _candidates(folded: str, answering: bool) -> list[re.Match[str]]:
    matches = list((_ANSWER_PATTERN if answering else _PATTERN).finditer(folded))
    matches += _IT_WAS_PATTERN.finditer(folded)
    at_start = _AT_START.match(folded)
    if at_start and (answering or at_start.group("part") or at_start.group("day")):
        matches.append(at_start)
    if matches:  # a correction replaces a time already said
        first = min(match.end("name") for match in matches)
        matches += (m for m in _CORRECTED_PATTERN.finditer(folded) if m.start() >= first)
    matches = [match for match in matches if not _an_accident(folded, match)]
    # Overlapping readings of one time ("depuis avril" and "avril") count once, the longest.
    kept: dict[int, re.Match[str]] = {}
    for match in matches:
        end = match.end("name")
        if end not in kept or match.start() < kept[end].start():
            kept[end] = match
    return sorted(kept.values(), key=lambda m: m.start("name"))


def _an_accident(folded: str, match: re.Match[str]) -> bool:
    """ "It was a fall, two weeks ago": "fall" is autumn only after "in the", "last", "this" or
    "since the", with no accident said beside it."""
    if match.group("name").lower() != "fall":
        return False
    start, end = match.start("name"), match.end("name")
    return (
        not _AUTUMN_FALL.search(folded[:start])
        or bool(_ACCIDENT_AFTER.match(folded[end:]))
        or bool(_ACCIDENT_NEAR.search(folded[max(0, start - 30) : start]))
        or bool(_ACCIDENT_NEAR.search(folded[end : end + 30]))
    )


def _older_than_the_worsening(folded: str, match: re.Match[str]) -> re.Match[str] | None:
    """ "Des années, mais pire depuis la Toussaint": the time named is when it got worse; the
    years said beside it are how long the pain has lasted."""
    before = folded[: match.start()]
    if not _WORSE_SINCE.search(before):
        return None
    return _LONGER_IN_WORDS.search(before) or _LONGER_IN_WORDS.search(folded, match.end())


def named_time(
    text: str, today: date | None = None, answering: bool = False
) -> tuple[int, int] | None:
    """(days since, where in the text) for the last start the text names, or None."""
    folded = fold(text or "")
    matches = _candidates(folded, answering)
    if not matches:
        return None
    found = matches[-1]  # "three months? no, longer: since July" means July
    older = _older_than_the_worsening(folded, found)
    if older:
        return YEAR_DAYS, older.start()  # "for years" is read as one year, as a count would be
    today = today or date.today()
    name = found.group("name").lower()
    start = _start(name, today)
    said = folded[found.start() : found.end()]
    after = folded[found.end() :]
    day = found.group("day") or found.group("day_after")
    is_month = any(name in names for names in MONTHS.values())
    if is_month and day and 1 <= int(day) <= 31:
        start = _on_day(start, int(day), today)
    elif is_month:
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
    if found.group("year") and is_month and int(found.group("year")) <= today.year:
        start = _in_year(start, int(found.group("year")))
    elif _A_YEAR_BEFORE.search(after):
        start = _a_year_before(name, start, today)
    return max(1, (today - start).days), found.start()


def _a_year_before(name: str, start: date, today: date) -> date:
    """ "Since Easter last year": the feast of last year, on its own date that year."""
    for offset, names in MOVEABLE_FEASTS.items():
        if name in names:
            return _easter(today.year - 1) + timedelta(days=offset)
    return start.replace(year=today.year - 1)


def _on_day(start: date, day: int, today: date) -> date:
    """The month's date on that day, the latest one not after today ("since 30 November")."""
    try:
        on_day = start.replace(day=day)
    except ValueError:  # "31 September"
        return start
    if on_day > today:
        try:
            on_day = on_day.replace(year=on_day.year - 1)
        except ValueError:  # 29 February
            return start
    return on_day


def _in_year(start: date, year: int) -> date:
    try:
        return start.replace(year=year)
    except ValueError:  # 29 February
        return start.replace(year=year, day=28)
