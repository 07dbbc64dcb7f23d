"""The follow-up of conversations that need staff (a red flag or a request for a person): their
status, who has them, and the "Needs follow-up" queue at the top of the inbox, most urgent first,
in short words for a list on screen (the alerts' own wording, bot/alerts/wording.py, is for
Telegram and e-mail)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import case, func, insert, select, update
from sqlalchemy.engine import Connection, Engine

from bot.apps.review.clock import local_text
from bot.apps.review.texts import has_text, needs_texts, text
from bot.storage.conversation_summary import TIER_ORDER
from bot.storage.tables import conversations, follow_ups, takeovers

# Status ids, with their words in the exports (English); the interface's are in texts.yml.
# "new" is every conversation without a row.
STATUSES = {
    "new": "new",
    "in_progress": "in progress",
    "answered": "called back / answered",
    "closed": "closed",
}
# A request for a person without a red flag.
PERSON = "person"
needs_texts("status", STATUSES)
needs_texts("queue.urgency", (*TIER_ORDER, PERSON))
QUEUE_LIMIT = 100


def status_column() -> Any:
    return func.coalesce(follow_ups.c.status, "new")


def urgency_rank() -> Any:
    """0 for the most urgent tier; a request for a person without a red flag comes after them."""
    tier = conversations.c.red_flag_tier
    return case(
        *[(tier == name, rank) for rank, name in enumerate(TIER_ORDER)],
        else_=len(TIER_ORDER),
    )


def urgency_words(tier: str | None, language: str) -> str:
    """Why a conversation is in the queue, short: "Emergency: 112", "Wants a person"."""
    key = f"queue.urgency.{tier or PERSON}"
    return text(language, key if has_text(key) else "queue.urgency.unclear")


def status_words(status: str | None, language: str) -> str:
    key = f"status.{status or 'new'}"
    return text(language, key) if has_text(key) else str(status)


def status_rank() -> Any:
    """Open work first: new, in progress, answered, closed; conversations without a follow-up
    (no red flag, no request for a person) last."""
    status = status_column()
    return case(
        (~(conversations.c.red_flag | conversations.c.needs_staff), len(STATUSES)),
        *[(status == name, rank) for rank, name in enumerate(STATUSES)],
        else_=len(STATUSES),
    )


def needs_follow_up() -> Any:
    return conversations.c.red_flag | conversations.c.needs_staff


def queue(connection: Connection, language: str) -> list[dict[str, Any]]:
    """Conversations needing staff that are not closed: most urgent first, then newest; in the
    staff member's words."""
    from bot.apps.review.wording import channel_words, language_words

    rows = connection.execute(
        select(
            conversations.c.token,
            conversations.c.last_at,
            conversations.c.channel,
            conversations.c.language,
            conversations.c.red_flag_tier,
            conversations.c.needs_staff,
            status_column().label("status"),
            follow_ups.c.assignee,
            takeovers.c.username.label("taken_over_by"),
        )
        .select_from(
            conversations.outerjoin(
                follow_ups, follow_ups.c.sender_id == conversations.c.sender_id
            ).outerjoin(takeovers, takeovers.c.sender_id == conversations.c.sender_id)
        )
        .where(needs_follow_up() & (status_column() != "closed"))
        .order_by(urgency_rank(), conversations.c.last_at.desc())
        .limit(QUEUE_LIMIT)
    ).all()
    return [
        {
            "token": row.token,
            "last_at": local_text(row.last_at),
            "channel": channel_words(row.channel, language),
            "language": language_words(row.language, language),
            "urgency": urgency_words(row.red_flag_tier, language),
            "red_flag": row.red_flag_tier is not None,
            "status": row.status,
            "status_label": status_words(row.status, language),
            "assignee": row.assignee or "",
            "taken_over_by": row.taken_over_by or "",
        }
        for row in rows
    ]


def follow_up_of(connection: Connection, sender_id: str) -> dict[str, Any]:
    row = connection.execute(select(follow_ups).where(follow_ups.c.sender_id == sender_id)).first()
    if row is None:
        return {"status": "new", "assignee": ""}
    return {"status": row.status, "assignee": row.assignee or ""}


def set_status(engine: Engine, sender_id: str, status: str, assignee: str | None) -> None:
    if status not in STATUSES:
        raise ValueError(f"unknown status {status}")
    values = {"status": status, "assignee": assignee, "updated_at": datetime.utcnow()}
    with engine.begin() as connection:
        done = connection.execute(
            update(follow_ups).where(follow_ups.c.sender_id == sender_id).values(**values)
        )
        if not done.rowcount:
            connection.execute(insert(follow_ups).values(sender_id=sender_id, **values))
