"""How long the pain has lasted, read from the answer to "since when?": feasts that move with
Easter, a date said after a count, a day or a year beside the month, "more than" / "almost"."""

from __future__ import annotations

from datetime import date

import pytest

from bot.triage.interview.dates import days_since_named_time
from bot.triage.interview.durations import duration_category, duration_in_days
from tests.triage.test_interview_answers import read

TODAY = date(2026, 12, 7)  # a Monday; Easter 2026 was on 5 April


class _Today(date):
    @classmethod
    def today(cls):
        return cls(2026, 12, 7)


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch):
    monkeypatch.setattr("bot.triage.interview.dates.date", _Today)


def _reading(text: str) -> tuple[str | None, int | None]:
    updates = read(text, "pain_duration")
    return updates.get("pain_duration"), updates.get("pain_duration_days")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sinds de paasvakantie eigenlijk, dus al maanden.", ("chronic", 246)),
        ("sinds Pasen", ("chronic", 246)),
        ("depuis Pâques", ("chronic", 246)),
        ("depuis les vacances de Pâques", ("chronic", 246)),
        ("since Easter", ("chronic", 246)),
        ("since the Easter holidays", ("chronic", 246)),
        ("sinds de krokusvakantie", ("chronic", 293)),  # carnival 2026: 17 February
        ("depuis le carnaval", ("chronic", 293)),
        ("since Whitsun", ("chronic", 197)),  # Pentecost 2026: 24 May
        ("sinds Pinksteren", ("chronic", 197)),
        ("depuis la Pentecôte", ("chronic", 197)),
        ("sinds de herfstvakantie", ("acute", 36)),  # the week of All Saints', not 1 September
        ("depuis les vacances d'automne", ("acute", 36)),
    ],
)
def test_feasts_that_move_with_easter_and_school_holidays_are_dated(text, expected):
    assert _reading(text) == expected


def test_easter_is_the_last_one_before_today():
    # On 1 March 2026 Easter 2026 (5 April) has not come yet: since Easter 2025 (20 April).
    assert days_since_named_time("since Easter", date(2026, 3, 1)) == 315
    assert days_since_named_time("sinds Pasen", date(2026, 4, 6)) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The date said after a count, or corrected to it, is found.
        ("10 days. It was 27 November.", ("acute", 10)),
        ("een week of acht, 't was half oktober", ("subacute", 56)),
        ("About two months, it was early October.", ("subacute", 60)),
        # An answer may be the date alone.
        ("Fin août.", ("chronic", 104)),
        ("Half oktober, denk ik.", ("subacute", 53)),
        ("Mid-October.", ("subacute", 53)),
        ("juillet, je crois", ("chronic", 159)),
        ("Pasen, ongeveer", ("chronic", 246)),
    ],
)
def test_a_date_said_without_since_is_read(text, expected):
    assert _reading(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "May I ask you something first?",
        "Ça fait trois semaines, c'était pire en novembre",  # worse in November, not the start
    ],
)
def test_a_month_that_is_not_the_start_is_not_read_as_one(text):
    assert _reading(text) in ((None, None), ("acute", 21))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Since 15 November.", ("acute", 22)),
        ("since the 1st of November", ("acute", 36)),
        ("Depuis le 11 novembre, on était chez ma belle-mère.", ("acute", 26)),
        ("Sinds 11 november, na een padeltoernooi.", ("acute", 26)),
        ("since March 2024", ("chronic", 1011)),
        ("depuis mars 2024", ("chronic", 1011)),
        ("sinds maart 2024", ("chronic", 1011)),
        ("2 semaines, c'était le 22 novembre", ("acute", 14)),  # the count said stays
    ],
)
def test_a_day_or_a_year_beside_the_month_is_kept(text, expected):
    assert _reading(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("depuis sept jours", ("acute", 7)),  # seven days, not since September
        ("ça fait sept semaines", ("subacute", 49)),
        ("sept mois déjà", ("chronic", 210)),
    ],
)
def test_french_seven_is_not_september(text, expected):
    assert _reading(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("des annees mais pire depuis la toussaint", "chronic"),
        ("al jaren, maar erger sinds de zomer", "chronic"),
        ("for ages, but worse since September", "chronic"),
        ("pire depuis la Toussaint", "acute"),  # nothing older said: since All Saints'
    ],
)
def test_worse_since_a_date_does_not_shorten_a_pain_of_years(text, expected):
    assert read(text, "pain_duration")["pain_duration"] == expected


@pytest.mark.parametrize(
    ("text", "unit", "before", "category"),
    [
        ("trois mois", "months", "Fin août, donc un peu plus de ", "chronic"),
        ("three months", "months", "for more than ", "chronic"),
        ("three months", "months", "just over ", "chronic"),
        ("drie maanden", "months", "al ruim ", "chronic"),
        ("drie maanden", "months", "meer dan ", "chronic"),
        ("six weeks", "weeks", "almost ", "acute"),
        ("six semaines", "weeks", "moins de ", "acute"),
        ("zes weken", "weeks", "bijna ", "acute"),
        # Left as said.
        ("three months", "months", "about ", "subacute"),
        ("cinq ans", "years", "Des années. Au moins ", "chronic"),
        ("six semaines", "weeks", "pas plus de ", "subacute"),
        ("zes weken", "weeks", "hooguit ", "subacute"),
        ("trois semaines", "weeks", "de plus, ", "acute"),
    ],
)
def test_more_than_or_almost_a_count_falls_on_the_right_side_of_the_edge(
    text, unit, before, category
):
    assert duration_category(duration_in_days(text, unit, before=before)) == category


@pytest.mark.parametrize(
    ("text", "unit", "days"),
    [("trois mois", "months", 90), ("zes weken", "weeks", 42), ("a year", "years", 365)],
)
def test_a_count_alone_reads_as_before(text, unit, days):
    assert duration_in_days(text, unit) == days
    assert duration_in_days(text, unit, before="depuis ") == days


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Plus ou moins", "more or less", "min of meer": about, not less than.
        ("plus ou moins 6 semaines", ("subacute", 42)),
        ("il y a plus ou moins six semaines", ("subacute", 42)),
        ("more or less 6 weeks", ("subacute", 42)),
        ("min of meer 6 weken", ("subacute", 42)),
        ("meer of minder zes weken", ("subacute", 42)),
        # Under six weeks.
        ("not even 6 weeks", ("acute", 41)),
        ("pas encore 6 semaines", ("acute", 41)),
        ("nog geen 6 weken", ("acute", 41)),
        # A fall is an accident, not autumn.
        ("it was a fall, two weeks ago", ("acute", 14)),
        ("it was the fall, two weeks ago", ("acute", 14)),
        ("it was the fall on the stairs", (None, None)),
        ("since the fall on the stairs", (None, None)),
        ("since the fall", ("chronic", 97)),
        ("in the fall", ("chronic", 97)),
        ("since last fall", ("chronic", 97)),
        # A corrected month wins.
        ("Octobre, non, novembre", ("acute", 36)),
        ("October, sorry, November I mean", ("acute", 36)),
        ("oktober, nee wacht, november", ("acute", 36)),
        ("mid-October, no, early November", ("acute", 36)),
        ("Mai, non, juin", ("chronic", 189)),
        ("Mars... non attendez, plutôt avril", ("chronic", 250)),
        # Last year's feasts on their own dates that year (Easter 2025: 20 April).
        ("since Easter last year", ("chronic", 596)),
        ("sinds Pasen vorig jaar", ("chronic", 596)),
        ("depuis le carnaval de l'an dernier", ("chronic", 643)),
        ("since Ascension last year", ("chronic", 557)),
        ("sinds Pinksteren vorig jaar", ("chronic", 547)),
        # Only "May" is guarded against "May I ask".
        ("late October I think", ("subacute", 43)),
    ],
)
def test_answers_the_review_found_misread(text, expected):
    assert _reading(text) == expected


@pytest.mark.parametrize("text", ["a month and a half", "un mois et demi"])
def test_a_month_and_a_half_is_about_45_days(text):
    assert _reading(text) == ("subacute", 45)


def test_anderhalve_maand_is_about_45_days():
    assert _reading("anderhalve maand") == ("subacute", 45)
