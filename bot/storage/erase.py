"""Erasing one conversation (GDPR art. 17: the right to erasure).

Rasa's SQLTrackerStore keeps every event of every conversation in one table, ``events``, keyed by
``sender_id``; it reads them back on each message, so once the rows are gone the assistant starts
afresh. The review app keeps its own rows about a conversation (index, review status, tags, note,
intent corrections, booking-link clicks) in the same database; they go too. One code path for
every erasure: a patient's own (Telegram /forget, the widget's "clear conversation"), a staff
erasure and the retention purge. The audit log keeps that staff viewed, exported or erased it,
not what it said, and not who it was with: its rows name the conversation "erased:<token>" from
then on, the opaque token of the review app's links, instead of the sender id (a Telegram chat id
identifies a person). A turn racing the erasure cannot bring the conversation back (erasures.py).
"""

from __future__ import annotations

from sqlalchemy import MetaData, Table, create_engine, delete, inspect, select, update

from bot.config import load_settings
from bot.storage.erasures import mark_erased
from bot.storage.sqlite import empty_write_ahead_log, overwrite_deleted
from bot.storage.tables import PER_CONVERSATION, audit_log, booking_clicks
from bot.storage.tables import conversations as conversation_index
from bot.storage.tokens import conversation_token

EVENTS_TABLE = "events"


def erased_reference(token: str) -> str:
    """How the audit log names a conversation once it is erased."""
    return f"erased:{token}"


def erase_conversation(database_url: str, sender_id: str, *, empty_log: bool = True) -> int:
    """Deletes every stored event of `sender_id` and the review app's rows about it; returns how
    many events were deleted.

    ``empty_log=False``: the caller empties SQLite's log itself, once after many erasures (the
    purge). Returns 0 when nothing was stored (not even the table yet). Raises SQLAlchemy's errors
    when the database cannot be reached, so that the caller can tell the patient it did not work.
    """
    engine = overwrite_deleted(create_engine(database_url))
    try:
        tables = set(inspect(engine).get_table_names())
        deleted = 0
        with engine.begin() as connection:
            if EVENTS_TABLE in tables:
                events = Table(EVENTS_TABLE, MetaData(), autoload_with=connection)
                result = connection.execute(delete(events).where(events.c.sender_id == sender_id))
                deleted = int(result.rowcount or 0)
            computed = conversation_token(load_settings(), sender_id)
            indexed = None
            if conversation_index.name in tables:
                indexed = connection.execute(
                    select(conversation_index.c.token).where(
                        conversation_index.c.sender_id == sender_id
                    )
                ).scalar()
            # The token staff saw in the review app's links names the conversation in the audit log.
            token = indexed or computed
            tokens = {computed, token}
            if booking_clicks.name in tables:
                connection.execute(delete(booking_clicks).where(booking_clicks.c.token.in_(tokens)))
            for table, column in PER_CONVERSATION:
                if table.name in tables:
                    connection.execute(delete(table).where(table.columns[column] == sender_id))
            if audit_log.name in tables:
                connection.execute(
                    update(audit_log)
                    .where(audit_log.c.sender_id == sender_id)
                    .values(sender_id=erased_reference(token))
                )
            # Last, so that its time is as close to the commit as can be: a turn of this
            # conversation that read it before then must not write it back when it ends.
            mark_erased(connection, computed)
        if empty_log:
            empty_write_ahead_log(engine)
        return deleted
    finally:
        engine.dispose()
