"""The per-conversation index the inbox and the dashboard read, kept up to date incrementally.

Each refresh reads only the events added since the last one (by event id), re-summarises just the
conversations they belong to and upserts their rows, so a page over 10,000 conversations never
re-reads every event.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import MetaData, Table, delete, insert, inspect, select, update
from sqlalchemy.engine import Connection, Engine

from bot.config import Settings
from bot.storage.conversation_summary import ConversationSummary, summarise
from bot.storage.tables import conversations, index_state
from bot.storage.tokens import conversation_token

BATCH = 500
_lock = threading.Lock()


def events_table(engine: Engine | Connection) -> Table | None:
    if not inspect(engine).has_table("events"):
        return None
    return Table("events", MetaData(), autoload_with=engine)


def load_events(data: Any) -> dict[str, Any]:
    return json.loads(data) if isinstance(data, str) else dict(data or {})


def conversation_events(connection: Connection, sender_id: str) -> list[tuple[int, dict[str, Any]]]:
    events = events_table(connection)
    if events is None:
        return []
    rows = connection.execute(
        select(events.c.id, events.c.data)
        .where(events.c.sender_id == sender_id)
        .order_by(events.c.id)
    )
    return [(int(row.id), load_events(row.data)) for row in rows]


def episodes_column(summary: ConversationSummary) -> str:
    """What the inbox row says of each interview: ids, worded in the staff member's language
    when shown (bot/apps/review/wording.py)."""
    return json.dumps(
        [
            {
                "regions": episode.regions,
                "side": episode.slots.get("pain_side"),
                "duration": episode.slots.get("pain_duration"),
                "severity": episode.slots.get("pain_severity"),
                "complete": episode.complete,
            }
            for episode in summary.episodes
        ],
        ensure_ascii=False,
    )


def row_for(summary: ConversationSummary, token: str) -> dict[str, Any]:
    return {
        "sender_id": summary.sender_id,
        "started_at": summary.started_at,
        "last_at": summary.last_at,
        "channel": summary.channel,
        "language": summary.language,
        "consent": summary.consent,
        "regions": "," + ",".join(summary.regions) + "," if summary.regions else "",
        "red_flag_tier": summary.red_flag_tier,
        "red_flag": summary.red_flag,
        "centre": summary.centre,
        "booking_link_given": summary.booking_link_given,
        "booking_link_counted": summary.booking_link_counted,
        "episodes": episodes_column(summary),
        "needs_staff": summary.needs_staff,
        "person_requested": summary.person_requested,
        "interview_complete": summary.interview_complete,
        "user_turns": summary.user_turns,
        "fallback_turns": summary.fallback_turns,
        "user_text": "\n".join(summary.user_texts).lower(),
        "token": token,
    }


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _grouped(
    connection: Connection, events: Table, senders: list[str]
) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {sender: [] for sender in senders}
    rows = connection.execute(
        select(events.c.sender_id, events.c.data)
        .where(events.c.sender_id.in_(senders))
        .order_by(events.c.id)
    )
    for row in rows:
        grouped[row.sender_id].append(load_events(row.data))
    return grouped


def events_by_sender(connection: Connection, senders: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The events of a few conversations (at most a batch), grouped by conversation."""
    events = events_table(connection)
    return _grouped(connection, events, senders) if events is not None and senders else {}


def _reindex(
    connection: Connection, events: Table, settings: Settings, senders: Iterable[str]
) -> None:
    for chunk in _chunks(sorted(set(senders)), BATCH):
        grouped = _grouped(connection, events, chunk)
        connection.execute(delete(conversations).where(conversations.c.sender_id.in_(chunk)))
        values = [
            row_for(summarise(sender, found), conversation_token(settings, sender))
            for sender, found in grouped.items()
            if found
        ]
        if values:
            connection.execute(insert(conversations), values)


def refresh_index(engine: Engine, settings: Settings) -> int:
    """Brings the index up to date; returns how many conversations were (re)indexed."""
    with _lock, engine.begin() as connection:
        events = events_table(connection)
        if events is None:
            return 0
        state = connection.execute(select(index_state.c.last_event_id)).scalar()
        if state is None:
            connection.execute(insert(index_state).values(id=1, last_event_id=0, last_click_id=0))
            state = 0
        rows = connection.execute(
            select(events.c.id, events.c.sender_id).where(events.c.id > state)
        ).all()
        if not rows:
            return 0
        senders = {row.sender_id for row in rows}
        _reindex(connection, events, settings, senders)
        last = max(row.id for row in rows)
        connection.execute(
            update(index_state).where(index_state.c.id == 1).values(last_event_id=last)
        )
        return len(senders)


def find_conversation(connection: Connection, token: str) -> Any:
    return connection.execute(select(conversations).where(conversations.c.token == token)).first()
