"""Erasing one conversation from Rasa's SQL tracker store (GDPR art. 17: the right to erasure).

Rasa's SQLTrackerStore keeps every event of every conversation in one table, ``events``, keyed by
``sender_id``; it reads them back on each message, so once the rows are gone the assistant starts
afresh. One code path for every erasure: a patient's own (Telegram /forget, the widget's
"clear conversation"), a staff erasure and the retention purge.
"""

from __future__ import annotations

from sqlalchemy import MetaData, Table, create_engine, delete, inspect

EVENTS_TABLE = "events"


def erase_conversation(database_url: str, sender_id: str) -> int:
    """Deletes every stored event of `sender_id`; returns how many rows were deleted.

    Returns 0 when nothing was stored (not even the table yet). Raises SQLAlchemy's errors when
    the database cannot be reached, so that the caller can tell the patient it did not work.
    """
    engine = create_engine(database_url)
    try:
        if not inspect(engine).has_table(EVENTS_TABLE):
            return 0
        events = Table(EVENTS_TABLE, MetaData(), autoload_with=engine)
        with engine.begin() as connection:
            result = connection.execute(delete(events).where(events.c.sender_id == sender_id))
            return int(result.rowcount or 0)
    finally:
        engine.dispose()
