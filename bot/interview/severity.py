"""Pain intensity on the 0-10 numeric rating scale."""

from __future__ import annotations

from bot.interview.numbers import first_number


def parse_severity(text: str) -> float | None:
    """The first number in the text if it is a valid 0-10 score ("7", "7/10", "seven")."""
    value = first_number(text, articles=False)
    if value is None or not 0 <= value <= 10:
        return None
    return round(value * 2) / 2  # half points are the finest a patient gives
