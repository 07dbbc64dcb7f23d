"""Times as staff read them: the database keeps naive UTC, the clinic lives in Brussels."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

ZONE = ZoneInfo("Europe/Brussels")


def local(at: datetime) -> datetime:
    """A stored (naive UTC) time in Brussels, aware of its offset."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=timezone.utc)
    return at.astimezone(ZONE)


def local_text(at: datetime | None, pattern: str = "%Y-%m-%d %H:%M") -> str:
    """Brussels time with its zone ("2024-05-02 14:03 CEST"): summer and winter time differ."""
    if at is None:
        return ""
    shown = local(at)
    return f"{shown.strftime(pattern)} {shown.tzname()}"


def clock_text(at: datetime | None, pattern: str = "%H:%M:%S") -> str:
    """Brussels time without the zone, where the page says the zone once."""
    return local(at).strftime(pattern) if at is not None else ""


def iso(at: datetime | None) -> str:
    """For <time datetime> and exports: Brussels time with its UTC offset."""
    return local(at).isoformat(timespec="seconds") if at is not None else ""


def day_start(day: date) -> datetime:
    """Midnight in Brussels of `day`, as the naive UTC the database compares with: the inbox's
    date filters mean the clinic's days."""
    midnight = datetime.combine(day, time(0), tzinfo=ZONE)
    return midnight.astimezone(timezone.utc).replace(tzinfo=None)


FILTERS = {"local": local_text, "clock": clock_text, "iso": iso}
