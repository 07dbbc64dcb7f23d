"""The filtered inbox as a CSV file for the clinic's own records: one row per conversation, its
summary in words (the interview as the summary card shows it), never ids or sender ids. In
English, headers and words, whoever exports it: the clinic's records read the same.

A conversation with several interviews (the patient finished one, started over and answered
another) numbers them in each interview column: "1: the lower back; 2: the hip"."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

from sqlalchemy.engine import Connection

from bot.apps.review.clock import ZONE, iso
from bot.apps.review.follow_up import STATUSES
from bot.apps.review.inbox import InboxFilters, clicked, listing
from bot.apps.review.wording import (
    STAFF_LANGUAGE,
    booking_words,
    centre_words,
    flags_words,
    indexed_regions,
    interview_words,
    tier_words,
)
from bot.storage.conversation_index import events_by_sender
from bot.storage.conversation_summary import ConversationSummary, summarise

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


INTERVIEW_FIELDS = ("side", "onset", "duration", "pattern", "modifiers", "severity", "precautions")


def interview_cells(summary: ConversationSummary) -> dict[str, str]:
    """The interview columns: one interview as the card words it, several numbered."""
    episodes = [interview_words(episode.slots) for episode in summary.episodes]
    if not episodes:
        empty = interview_words({})
        return {name: empty[name] or "-" for name in INTERVIEW_FIELDS}
    if len(episodes) == 1:
        return {name: episodes[0][name] or "-" for name in INTERVIEW_FIELDS}
    return {
        name: "; ".join(f"{n}: {words[name] or '-'}" for n, words in enumerate(episodes, 1))
        for name in INTERVIEW_FIELDS
    }


def _row(row: Any, events: list[dict[str, Any]], followed: bool) -> list[str]:
    summary = summarise(row.sender_id, events)
    interview = interview_cells(summary)
    booking = SimpleNamespace(
        booking_link_given=row.booking_link_given,
        booking_link_counted=row.booking_link_counted,
        followed=followed,
    )
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
        interview["side"],
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
        booking_words(booking, STAFF_LANGUAGE),
        follow_up,
        f"reviewed by {row.reviewed_by}" if row.reviewed else "to review",
        row.tags or "",
    ]


def export_rows(connection: Connection, filters: InboxFilters) -> Iterator[list[str]]:
    """Every conversation the filters match (all pages), in the inbox's order."""
    found = connection.execute(listing(filters)).all()
    for start in range(0, len(found), BATCH):
        batch = found[start : start + BATCH]
        events = events_by_sender(connection, [row.sender_id for row in batch])
        followed = clicked(connection, [row.token for row in batch])
        for row in batch:
            yield _row(row, events.get(row.sender_id, []), row.token in followed)
