"""Figures for the dashboard, from the index: per day and channel, the funnel, red flags per
week, top pain regions and the fallback rate. Days and weeks are the clinic's: Europe/Brussels,
as every time the app shows."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.engine import Connection

from bot.apps.review.clock import ZONE, local
from bot.apps.review.inbox import followed
from bot.apps.review.texts import needs_texts
from bot.storage.tables import conversations

DAYS = 30
WEEKS = 12
# The funnel's stages, in order (their words: texts.yml, funnel.<stage>).
STAGES = (
    "started",
    "consented",
    "interview_complete",
    "centre_suggested",
    "booking_given",
    "booking_followed",
)
needs_texts("funnel", STAGES)


@dataclass
class Dashboard:
    days: list[str]
    per_day: dict[str, list[float]]
    # (stage, count); the count of "booking_followed" is None when no link given was counted.
    funnel: list[tuple[str, float | None]]
    weeks: list[str]
    red_flags_per_week: dict[str, list[float]]
    fallback_per_week: dict[str, list[float]]
    regions: list[tuple[str, float]]
    fallback_rate: float
    total: int
    # Booking links given through the redirect that counts clicks, and all links given: the
    # funnel counts the clicks of the first only.
    counted_links: int = 0
    given_links: int = 0

    @property
    def clicks_counted(self) -> bool:
        return self.counted_links > 0 or self.given_links == 0

    @property
    def partly_counted(self) -> bool:
        return 0 < self.counted_links < self.given_links


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def dashboard(connection: Connection, today: date | None = None) -> Dashboard:
    """The figures up to `today` (in Brussels: a conversation at 00:30 there is on that day,
    though it is still the day before in UTC)."""
    today = today or datetime.now(ZONE).date()
    c = conversations.c
    rows = connection.execute(
        select(
            c.started_at,
            c.channel,
            c.consent,
            c.interview_complete,
            c.centre,
            c.booking_link_given,
            c.booking_link_counted,
            c.red_flag,
            c.regions,
            c.user_turns,
            c.fallback_turns,
            followed().label("followed"),
        )
    ).all()
    days = [today - timedelta(days=n) for n in range(DAYS - 1, -1, -1)]
    weeks = [week_start(today) - timedelta(weeks=n) for n in range(WEEKS - 1, -1, -1)]
    per_day: dict[str, Counter[date]] = defaultdict(Counter)
    red_flags: Counter[date] = Counter()
    turns: Counter[date] = Counter()
    fallbacks: Counter[date] = Counter()
    regions: Counter[str] = Counter()
    funnel = Counter[str]()
    all_turns = all_fallbacks = counted = 0
    for row in rows:
        day = local(row.started_at).date()
        per_day[row.channel][day] += 1
        week = week_start(day)
        red_flags[week] += int(bool(row.red_flag))
        turns[week] += row.user_turns
        fallbacks[week] += row.fallback_turns
        all_turns += row.user_turns
        all_fallbacks += row.fallback_turns
        regions.update(region for region in row.regions.split(",") if region)
        funnel["started"] += 1
        funnel["consented"] += row.consent == "given"
        funnel["interview_complete"] += bool(row.interview_complete)
        funnel["centre_suggested"] += bool(row.centre)
        funnel["booking_given"] += bool(row.booking_link_given)
        # Only a link through the redirect has its clicks counted.
        link_counted = bool(row.booking_link_given and row.booking_link_counted)
        counted += link_counted
        funnel["booking_followed"] += bool(link_counted and row.followed)
    given = funnel["booking_given"]
    stages: list[tuple[str, float | None]] = [(stage, float(funnel[stage])) for stage in STAGES]
    if given and not counted:
        stages[-1] = ("booking_followed", None)  # not counted, not 0
    return Dashboard(
        days=[d.strftime("%d/%m") for d in days],
        per_day={ch: [float(per_day[ch][d]) for d in days] for ch in sorted(per_day)},
        funnel=stages,
        weeks=[w.strftime("%d/%m") for w in weeks],
        red_flags_per_week={"red_flags": [float(red_flags[w]) for w in weeks]},
        fallback_per_week={
            "fallback": [
                round(100 * fallbacks[w] / turns[w], 1) if turns[w] else 0.0 for w in weeks
            ]
        },
        regions=[(region, float(n)) for region, n in regions.most_common(10)],
        fallback_rate=round(100 * all_fallbacks / all_turns, 1) if all_turns else 0.0,
        total=len(rows),
        counted_links=counted,
        given_links=given,
    )
