"""The staff's reply hours: parsing, open or not, the next opening, and how each is said."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
import yaml

from bot.triage.clinic.reply_hours import (
    BRUSSELS,
    REPLY_HOURS_FILE,
    load_words,
    parse_reply_hours,
)

DEFAULT = parse_reply_hours("mon-fri 09:00-18:00")
WITH_SATURDAY = parse_reply_hours("mon-fri 09:00-18:00; sat 09:00-12:00")
LANGS = ("en", "fr", "nl")


def brussels(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=BRUSSELS)


# 2025-03-14 is a Friday; 2025-03-17 a Monday.
@pytest.mark.parametrize(
    ("moment", "is_open"),
    [
        (brussels(2025, 3, 17, 9, 0), True),
        (brussels(2025, 3, 17, 17, 59), True),
        (brussels(2025, 3, 17, 18, 0), False),
        (brussels(2025, 3, 17, 8, 59), False),
        (brussels(2025, 3, 15, 10, 0), False),  # Saturday
        (brussels(2025, 3, 16, 12, 0), False),  # Sunday
        # The same moments given in UTC: 08:30 UTC is 09:30 in Brussels in winter (UTC+1) ...
        (datetime(2025, 3, 17, 8, 30, tzinfo=timezone.utc), True),
        # ... and 07:30 UTC is 09:30 in summer (UTC+2), 16:30 UTC is 18:30.
        (datetime(2025, 7, 14, 7, 30, tzinfo=timezone.utc), True),
        (datetime(2025, 7, 14, 16, 30, tzinfo=timezone.utc), False),
    ],
)
def test_open_or_not_in_brussels_time(moment: datetime, is_open: bool) -> None:
    assert DEFAULT.is_open(moment) is is_open


def test_a_saturday_morning_is_open_when_configured() -> None:
    assert WITH_SATURDAY.is_open(brussels(2025, 3, 15, 10, 0))
    assert not WITH_SATURDAY.is_open(brussels(2025, 3, 15, 12, 0))


@pytest.mark.parametrize(
    ("moment", "opening"),
    [
        (brussels(2025, 3, 14, 19, 0), brussels(2025, 3, 17, 9, 0)),  # Friday evening
        (brussels(2025, 3, 17, 7, 0), brussels(2025, 3, 17, 9, 0)),  # Monday early
        (brussels(2025, 3, 18, 18, 30), brussels(2025, 3, 19, 9, 0)),  # Tuesday evening
        (brussels(2025, 3, 17, 10, 0), brussels(2025, 3, 17, 10, 0)),  # open: now
    ],
)
def test_next_opening(moment: datetime, opening: datetime) -> None:
    assert DEFAULT.next_opening(moment) == opening


def test_next_opening_across_the_change_to_summer_time() -> None:
    # Clocks go forward on Sunday 30 March 2025: Monday 09:00 is then UTC+2.
    opening = DEFAULT.next_opening(datetime(2025, 3, 29, 12, 0, tzinfo=timezone.utc))
    assert opening == brussels(2025, 3, 31, 9, 0)
    assert opening.utcoffset().total_seconds() == 7200  # type: ignore[union-attr]


def test_a_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="aware datetime"):
        DEFAULT.is_open(datetime(2025, 3, 17, 10, 0))


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "Monday to Friday, 9:00 to 18:00; Saturday, 9:00 to 12:00"),
        ("fr", "du lundi au vendredi, de 9 h à 18 h ; le samedi, de 9 h à 12 h"),
        ("nl", "van maandag tot vrijdag, van 9 uur tot 18 uur; op zaterdag, van 9 uur tot 12 uur"),
    ],
)
def test_the_hours_in_words(language: str, said: str) -> None:
    assert WITH_SATURDAY.describe(language) == said


def test_a_lunch_break_and_separate_days_in_words() -> None:
    hours = parse_reply_hours("mon,wed 08:30-12:00; mon,wed 13:00-17:30; fri 09:00-12:00")
    assert hours.describe("en") == (
        "Monday and Wednesday, 8:30 to 12:00 and 13:00 to 17:30; Friday, 9:00 to 12:00"
    )
    assert hours.describe("fr") == (
        "le lundi et le mercredi, de 8 h 30 à 12 h et de 13 h à 17 h 30 ; "
        "le vendredi, de 9 h à 12 h"
    )
    assert hours.describe("nl") == (
        "op maandag en op woensdag, van 8.30 uur tot 12 uur en van 13 uur tot 17.30 uur; "
        "op vrijdag, van 9 uur tot 12 uur"
    )


@pytest.mark.parametrize(
    ("moment", "en", "fr", "nl"),
    [
        (brussels(2025, 3, 17, 7, 0), "today at 9:00", "aujourd'hui à 9 h", "vandaag om 9 uur"),
        (brussels(2025, 3, 17, 19, 0), "tomorrow at 9:00", "demain à 9 h", "morgen om 9 uur"),
        (brussels(2025, 3, 14, 19, 0), "Monday at 9:00", "lundi à 9 h", "maandag om 9 uur"),
    ],
)
def test_the_next_opening_in_words(moment: datetime, en: str, fr: str, nl: str) -> None:
    said = {language: DEFAULT.describe_next_opening(moment, language) for language in LANGS}
    assert said == {"en": en, "fr": fr, "nl": nl}


def test_a_week_ahead_says_next() -> None:
    hours = parse_reply_hours("mon 13:30-17:00")
    moment = brussels(2025, 3, 17, 18, 0)  # Monday evening: next Monday
    assert [hours.describe_next_opening(moment, language) for language in LANGS] == [
        "next Monday at 13:30",
        "lundi prochain à 13 h 30",
        "volgende maandag om 13.30 uur",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no days and times"),
        (" ; ", "no days and times"),
        ("mon-fri", "days and one time range"),
        ("mon-fri 09:00 18:00", "days and one time range"),
        ("mon-fri 9-18", "not a time"),
        ("mon-fri 09:00", "time range like"),
        ("lun-ven 09:00-18:00", "unknown day 'lun'"),
        ("fri-mon 09:00-18:00", "goes backwards"),
        ("mon 18:00-09:00", "ends before it starts"),
        ("mon 09:00-09:00", "ends before it starts"),
        ("mon 24:00-25:00", "not a time"),
        ("mon-fri 09:00-12:00; wed 11:00-13:00", "overlap on wed"),
    ],
)
def test_bad_reply_hours_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_reply_hours(text)


def test_days_may_be_listed_and_written_in_capitals() -> None:
    hours = parse_reply_hours("Mon,WED-fri 10:00-11:00")
    assert {period.weekday for period in hours.periods} == {0, 2, 3, 4}


def test_the_words_file_needs_every_language(tmp_path: Path) -> None:
    data = yaml.safe_load(REPLY_HOURS_FILE.read_text(encoding="utf-8"))
    del data["phrases"]["tomorrow"]["nl"]
    broken = tmp_path / "reply_hours.yml"
    broken.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError, match="phrases.tomorrow needs en, fr and nl"):
        load_words(broken)
    data = yaml.safe_load(REPLY_HOURS_FILE.read_text(encoding="utf-8"))
    data["days"]["fr"] = data["days"]["fr"][:6]
    broken.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError, match="seven day names"):
        load_words(broken)
