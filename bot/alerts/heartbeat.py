"""Whether the alert dispatcher is running: it notes the time of each round, and the assistant
says that staff were told only when the last round is recent. The review app sends the alerts; a
review app that is down must not leave the assistant promising what nobody does."""

from __future__ import annotations

import functools
from datetime import datetime, timedelta

from sqlalchemy import create_engine, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from bot.storage.tables import heartbeats

NAME = "alerts"
# Several dispatcher rounds: one slow round is not an outage.
FRESH_FOR = timedelta(minutes=2)


def beat(engine: Engine, now: datetime) -> None:
    with engine.begin() as connection:
        done = connection.execute(
            update(heartbeats).where(heartbeats.c.name == NAME).values(at=now)
        )
        if not done.rowcount:
            connection.execute(insert(heartbeats).values(name=NAME, at=now))


@functools.lru_cache(maxsize=4)
def _engine(database_url: str) -> Engine:
    return create_engine(database_url, pool_pre_ping=True)


def alerts_running(database_url: str, now: datetime | None = None) -> bool:
    """True when the dispatcher's last round is recent; False when not, or unknown."""
    now = now or datetime.utcnow()
    try:
        with _engine(database_url).connect() as connection:
            last = connection.execute(
                select(heartbeats.c.at).where(heartbeats.c.name == NAME)
            ).scalar()
    except SQLAlchemyError:  # no table yet (the review app never ran), or no database
        return False
    return last is not None and last >= now - FRESH_FOR
