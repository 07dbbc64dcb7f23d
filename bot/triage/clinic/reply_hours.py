"""When the clinic's staff answer patients: the reply hours of the configuration
(``HCMC_STAFF_REPLY_HOURS``, in Europe/Brussels time), whether they are open now, when they open
next, and how to say both in English, French and Dutch (the words are in reply_hours.yml).

The format is ``;``-separated groups of days and one time range: ``"mon-fri 09:00-18:00"``,
``"mon-fri 09:00-18:00; sat 09:00-12:00"``, ``"mon,wed 09:00-12:30; mon-fri 13:30-17:00"``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from bot.triage.language import LANGUAGES

BRUSSELS = ZoneInfo("Europe/Brussels")
REPLY_HOURS_FILE = Path(__file__).resolve().parent / "reply_hours.yml"
DAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PHRASES = (
    "time",
    "time_on_the_hour",
    "day_range",
    "one_day",
    "time_range",
    "group",
    "and",
    "list",
    "groups",
    "today",
    "tomorrow",
    "weekday",
    "next_week",
)
_TIME = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


@dataclass(frozen=True)
class Period:
    """One weekday (0 = Monday) from ``start`` to ``end``, local time, end excluded."""

    weekday: int
    start: time
    end: time


@dataclass(frozen=True)
class Group:
    """One ``;``-separated group as written: its days (in week order) and times."""

    days: tuple[int, ...]
    start: time
    end: time


@dataclass(frozen=True)
class ReplyHours:
    groups: tuple[Group, ...]

    @property
    def periods(self) -> tuple[Period, ...]:
        return tuple(
            Period(day, group.start, group.end) for group in self.groups for day in group.days
        )

    def is_open(self, now: datetime) -> bool:
        """Whether staff answer at ``now`` (an aware datetime, any time zone)."""
        local = brussels_time(now)
        return any(
            period.weekday == local.weekday() and period.start <= local.time() < period.end
            for period in self.periods
        )

    def next_opening(self, now: datetime) -> datetime:
        """When staff answer next, in Brussels time: ``now`` itself while they are open."""
        local = brussels_time(now)
        if self.is_open(local):
            return local
        for ahead in range(8):
            day = local.date() + timedelta(days=ahead)
            starts = sorted(p.start for p in self.periods if p.weekday == day.weekday())
            for start in starts:
                opening = datetime.combine(day, start, tzinfo=BRUSSELS)
                if opening > local:
                    return opening
        raise AssertionError("reply hours with no period")  # parse_reply_hours forbids it

    def describe(self, language: str, words: ReplyHoursWords | None = None) -> str:
        """The hours in words: "Monday to Friday, 9:00 to 18:00; Saturday, 9:00 to 12:00"."""
        words = words or load_words()
        by_days: dict[tuple[int, ...], list[Group]] = {}
        for group in self.groups:
            by_days.setdefault(group.days, []).append(group)
        described = []
        for days, groups in by_days.items():
            times = [
                words.phrase(
                    "time_range",
                    language,
                    start=words.time(g.start, language),
                    end=words.time(g.end, language),
                )
                for g in sorted(groups, key=lambda g: g.start)
            ]
            described.append(
                words.phrase(
                    "group",
                    language,
                    days=words.days(days, language),
                    times=words.join(times, language),
                )
            )
        return words.phrase("groups", language).join(described)

    def describe_next_opening(
        self, now: datetime, language: str, words: ReplyHoursWords | None = None
    ) -> str:
        """When staff answer next, as said after "from": "tomorrow at 9:00", "Monday at 9:00"."""
        words = words or load_words()
        local = brussels_time(now)
        opening = self.next_opening(local)
        ahead = (opening.date() - local.date()).days
        at = words.time(opening.time(), language)
        day = words.day_names[language][opening.weekday()]
        if ahead == 0:
            return words.phrase("today", language, time=at)
        if ahead == 1:
            return words.phrase("tomorrow", language, time=at)
        if ahead < 7:
            return words.phrase("weekday", language, day=day, time=at)
        return words.phrase("next_week", language, day=day, time=at)


def brussels_time(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("reply hours need an aware datetime (with a time zone), got a naive one")
    return moment.astimezone(BRUSSELS)


def parse_reply_hours(text: str) -> ReplyHours:
    """``"mon-fri 09:00-18:00; sat 09:00-12:00"`` -> ReplyHours; ValueError saying what is wrong."""
    where = f"reply hours {text!r}"
    groups = []
    for raw in (text or "").split(";"):
        if not raw.strip():
            continue
        parts = raw.split()
        if len(parts) != 2:
            raise ValueError(
                f"{where}: {raw.strip()!r} should be days and one time range, like "
                f"'mon-fri 09:00-18:00'"
            )
        days = _parse_days(parts[0], where)
        start, end = _parse_time_range(parts[1], where)
        groups.append(Group(days, start, end))
    if not groups:
        raise ValueError(f"{where}: no days and times given, e.g. 'mon-fri 09:00-18:00'")
    hours = ReplyHours(tuple(groups))
    for day in range(7):
        periods = sorted((p for p in hours.periods if p.weekday == day), key=lambda p: p.start)
        for earlier, later in zip(periods, periods[1:], strict=False):
            if later.start < earlier.end:
                raise ValueError(
                    f"{where}: two time ranges overlap on {DAY_CODES[day]} "
                    f"({_hhmm(earlier.start)}-{_hhmm(earlier.end)} and "
                    f"{_hhmm(later.start)}-{_hhmm(later.end)})"
                )
    return hours


@lru_cache(maxsize=8)
def reply_hours_from(text: str) -> ReplyHours:
    """parse_reply_hours, once per configured value."""
    return parse_reply_hours(text)


def _day(code: str, where: str) -> int:
    code = code.strip().lower()
    if code not in DAY_CODES:
        raise ValueError(f"{where}: unknown day {code!r} (use {', '.join(DAY_CODES)})")
    return DAY_CODES.index(code)


def _parse_days(text: str, where: str) -> tuple[int, ...]:
    days: set[int] = set()
    for item in text.split(","):
        if "-" in item:
            first, _, last = item.partition("-")
            start, end = _day(first, where), _day(last, where)
            if end < start:
                raise ValueError(
                    f"{where}: the day range {item!r} goes backwards; write it Monday first, "
                    f"e.g. 'mon-fri' or 'sat-sun'"
                )
            days.update(range(start, end + 1))
        else:
            days.add(_day(item, where))
    return tuple(sorted(days))


def _parse_time(text: str, where: str) -> time:
    match = _TIME.fullmatch(text.strip())
    if not match:
        raise ValueError(f"{where}: {text!r} is not a time like 09:00 or 17:30 (00:00 to 23:59)")
    return time(int(match.group(1)), int(match.group(2)))


def _parse_time_range(text: str, where: str) -> tuple[time, time]:
    start_text, dash, end_text = text.partition("-")
    if not dash:
        raise ValueError(f"{where}: {text!r} should be a time range like 09:00-18:00")
    start, end = _parse_time(start_text, where), _parse_time(end_text, where)
    if end <= start:
        raise ValueError(f"{where}: the time range {text!r} ends before it starts")
    return start, end


def _hhmm(moment: time) -> str:
    return moment.strftime("%H:%M")


# --- Words -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReplyHoursWords:
    day_names: Mapping[str, Sequence[str]]
    phrases: Mapping[str, Mapping[str, str]]

    def phrase(self, name: str, language: str, **values: str) -> str:
        return self.phrases[name][language].format(**values)

    def time(self, moment: time, language: str) -> str:
        name = "time_on_the_hour" if moment.minute == 0 else "time"
        return self.phrase(name, language, hour=str(moment.hour), minute=f"{moment.minute:02d}")

    def join(self, items: Sequence[str], language: str) -> str:
        if len(items) <= 1:
            return "".join(items)
        return (
            self.phrase("list", language).join(items[:-1])
            + self.phrase("and", language)
            + items[-1]
        )

    def days(self, days: Sequence[int], language: str) -> str:
        """Runs of consecutive days as ranges ("Monday to Wednesday"), single days alone."""
        runs: list[list[int]] = []
        for day in days:
            if runs and day == runs[-1][-1] + 1:
                runs[-1].append(day)
            else:
                runs.append([day])
        names = self.day_names[language]
        described = [
            self.phrase("one_day", language, day=names[run[0]])
            if len(run) == 1
            else self.phrase("day_range", language, first=names[run[0]], last=names[run[-1]])
            for run in runs
        ]
        return self.join(described, language)


def load_words(path: Path = REPLY_HOURS_FILE) -> ReplyHoursWords:
    return _load_words(path)


@lru_cache(maxsize=4)
def _load_words(path: Path) -> ReplyHoursWords:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    where = path.name
    days = data.get("days") or {}
    if set(days) != set(LANGUAGES):
        raise ValueError(f"{where}: days needs en, fr and nl")
    for language, names in days.items():
        if not isinstance(names, list) or len(names) != 7 or not all(names):
            raise ValueError(f"{where}: days.{language} needs the seven day names, Monday first")
    phrases = data.get("phrases") or {}
    if set(phrases) != set(PHRASES):
        raise ValueError(f"{where}: phrases must have exactly {', '.join(PHRASES)}")
    for name, texts in phrases.items():
        texts = texts or {}
        if set(texts) != set(LANGUAGES) or not all(isinstance(t, str) for t in texts.values()):
            raise ValueError(f"{where}: phrases.{name} needs en, fr and nl")
    return ReplyHoursWords(
        day_names={language: tuple(str(n) for n in names) for language, names in days.items()},
        phrases={name: dict(texts) for name, texts in phrases.items()},
    )
