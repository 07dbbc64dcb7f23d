"""Figures for the dashboard, from the index: per day and channel, the funnel, red flags per
week, top pain regions and the fallback rate."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.engine import Connection

from bot.review.inbox import followed
from bot.review.schema import conversations

DAYS = 30
WEEKS = 12


@dataclass
class Dashboard:
    days: list[str]
    per_day: dict[str, list[float]]
    funnel: list[tuple[str, float]]
    weeks: list[str]
    red_flags_per_week: dict[str, list[float]]
    fallback_per_week: dict[str, list[float]]
    regions: list[tuple[str, float]]
    fallback_rate: float
    total: int


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def dashboard(connection: Connection, today: date | None = None) -> Dashboard:
    today = today or datetime.utcnow().date()
    c = conversations.c
    rows = connection.execute(
        select(
            c.started_at,
            c.channel,
            c.consent,
            c.interview_complete,
            c.centre,
            c.booking_link_given,
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
    all_turns = all_fallbacks = 0
    for row in rows:
        day = row.started_at.date()
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
        funnel["interview complete"] += bool(row.interview_complete)
        funnel["centre suggested"] += bool(row.centre)
        funnel["booking link given"] += bool(row.booking_link_given)
        funnel["booking link followed"] += bool(row.followed)
    stages = (
        "started",
        "consented",
        "interview complete",
        "centre suggested",
        "booking link given",
        "booking link followed",
    )
    return Dashboard(
        days=[d.strftime("%d/%m") for d in days],
        per_day={ch: [float(per_day[ch][d]) for d in days] for ch in sorted(per_day)},
        funnel=[(stage, float(funnel[stage])) for stage in stages],
        weeks=[w.strftime("%d/%m") for w in weeks],
        red_flags_per_week={"red flags": [float(red_flags[w]) for w in weeks]},
        fallback_per_week={
            "fallback %": [
                round(100 * fallbacks[w] / turns[w], 1) if turns[w] else 0.0 for w in weeks
            ]
        },
        regions=[(region, float(n)) for region, n in regions.most_common(10)],
        fallback_rate=round(100 * all_fallbacks / all_turns, 1) if all_turns else 0.0,
        total=len(rows),
    )
