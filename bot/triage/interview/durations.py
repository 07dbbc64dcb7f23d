"""How long the pain has lasted: days, and the acute / subacute / chronic category."""

from __future__ import annotations

from bot.triage.interview.numbers import first_number

DAYS_PER_UNIT = {"days": 1, "weeks": 7, "months": 30, "years": 365}
# domain-notes.md section 4: acute < 6 weeks, subacute 6-12 weeks, chronic > 3 months.
ACUTE_BELOW_DAYS = 42
CHRONIC_ABOVE_DAYS = 90


def duration_in_days(text: str, unit: str) -> int | None:
    """Days for a matched duration such as "three weeks" (unit "weeks") or "since yesterday"."""
    if unit not in DAYS_PER_UNIT:
        return None
    number = first_number(text)
    if number is None:
        number = 1  # "since last week", "for years": one unit is the conservative reading
    return max(1, round(number * DAYS_PER_UNIT[unit]))


def duration_category(days: int) -> str:
    if days < ACUTE_BELOW_DAYS:
        return "acute"
    if days <= CHRONIC_ABOVE_DAYS:
        return "subacute"
    return "chronic"
