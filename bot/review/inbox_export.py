"""The filtered inbox as a CSV file for the clinic's own records: one row per conversation, its
summary in words (the interview as the summary card shows it), never ids or sender ids."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy.engine import Connection

from bot.review.clock import ZONE, iso
from bot.review.follow_up import STATUSES
from bot.review.inbox import InboxFilters, clicked, listing
from bot.review.index import events_by_sender
from bot.review.summary import summarise
from bot.review.wording import (
    centre_words,
    flags_words,
    indexed_regions,
    interview_words,
    tier_words,
)

BATCH = 200
COLUMNS = (
    "conversation",
    f"started ({ZONE.key})",
    f"last message ({ZONE.key})",
    "channel",
    "language",
    "consent",
    "pain regions",
    "side",
    "onset",
    "duration",
    "pattern",
    "better or worse with",
    "severity",
    "precautions",
    "urgency",
    "red flags",
    "asked for a person",
    "centre",
    "booking link",
    "follow-up",
    "review",
    "tags",
)


def booking_words(row: Any, followed: bool, counted: bool) -> str:
    """As the inbox says it: clicks are known only where the booking redirect counts them."""
    if not row.booking_link_given:
        return "not given"
    if followed:
        return "given, followed"
    return "given, not followed" if counted else "given, followed: unknown"


def _row(row: Any, events: list[dict[str, Any]], followed: bool, counted: bool) -> list[str]:
    summary = summarise(row.sender_id, events)
    interview = interview_words(summary.slots)
    needs_follow_up = row.red_flag or row.needs_staff
    follow_up = STATUSES.get(row.follow_up, row.follow_up) if needs_follow_up else "-"
    if needs_follow_up and row.assignee:
        follow_up += f" ({row.assignee})"
    return [
        f"/c/{row.token}",
        iso(row.started_at),
        iso(row.last_at),
        row.channel,
        row.language,
        row.consent,
        indexed_regions(row.regions),
        interview["side"] or "-",
        interview["onset"],
        interview["duration"],
        interview["pattern"],
        interview["modifiers"],
        interview["severity"],
        interview["precautions"],
        tier_words(row.red_flag_tier),
        flags_words(summary.red_flags),
        "yes" if row.needs_staff else "no",
        centre_words(row.centre),
        booking_words(row, followed, counted),
        follow_up,
        f"reviewed by {row.reviewed_by}" if row.reviewed else "to review",
        row.tags or "",
    ]


def export_rows(
    connection: Connection, filters: InboxFilters, counted: bool
) -> Iterator[list[str]]:
    """Every conversation the filters match (all pages), in the inbox's order; `counted` says
    whether booking-link clicks are recorded (HCMC_PUBLIC_URL)."""
    found = connection.execute(listing(filters)).all()
    for start in range(0, len(found), BATCH):
        batch = found[start : start + BATCH]
        events = events_by_sender(connection, [row.sender_id for row in batch])
        followed = clicked(connection, [row.token for row in batch])
        for row in batch:
            yield _row(row, events.get(row.sender_id, []), row.token in followed, counted)
