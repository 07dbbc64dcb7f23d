"""Recent erasures, so that a turn already under way when its conversation was erased cannot
write the conversation back.

An erasure (widget "clear", Telegram /forget, staff, purge) can run while the assistant is
answering a message of that conversation: the turn read the conversation before it was erased and
saves the turn's events after, which would leave them, or the whole conversation, behind. The
erasure leaves a mark here (the conversation's opaque token, not its id, and the time); the tracker
store refuses to save a conversation it read before such a mark. The marks outlive any turn
(Rasa's lock lifetime is a minute) and are then dropped.
"""

from __future__ import annotations

import time

from sqlalchemy import Column, Float, MetaData, String, Table, delete, insert, select
from sqlalchemy.engine import Connection, Engine

# Far longer than a turn can take; what matters is that a mark is gone long before retention ends.
KEEP_SECONDS = 3600

erasures = Table(
    "conversation_erasures",
    MetaData(),
    Column("token", String(64), primary_key=True),
    Column("erased_at", Float, nullable=False),
)


def create_table(bind: Engine | Connection) -> None:
    erasures.create(bind, checkfirst=True)


def mark_erased(connection: Connection, token: str, now: float | None = None) -> None:
    """Within the erasure's transaction: `token`'s conversation was erased now."""
    now = time.time() if now is None else now
    create_table(connection)
    connection.execute(delete(erasures).where(erasures.c.erased_at < now - KEEP_SECONDS))
    connection.execute(delete(erasures).where(erasures.c.token == token))
    connection.execute(insert(erasures).values(token=token, erased_at=now))


def erased_since(connection: Connection, token: str, since: float) -> bool:
    """Whether `token`'s conversation was erased after `since` (a time from time.time())."""
    erased_at = connection.execute(
        select(erasures.c.erased_at).where(erasures.c.token == token)
    ).scalar()
    return erased_at is not None and erased_at >= since
