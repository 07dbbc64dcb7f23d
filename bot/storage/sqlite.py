"""The embedded tracker store (SQLite file) in write-ahead-log mode.

In WAL mode a commit writes the log once instead of the database and a rollback journal, which
is one of the costs of every turn (Rasa commits each turn's events), and readers such as an
erasure do not block Rasa's writes. The mode is stored in the file, so setting it once before Rasa
opens the database is enough.

What is erased or redacted must not linger in the file: SQLite leaves deleted rows in free pages
and old page versions in the write-ahead log. Connections that erase or redact overwrite what they
delete (secure_delete), and after an erasure the log is written back and emptied (checkpoint).
"""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError

from bot.config import PROJECT_ROOT

# How long a checkpoint may wait for others; it must never hold the assistant's writes long.
CHECKPOINT_PATIENCE_MS = 200


def use_write_ahead_log(database_url: str) -> None:
    """Puts a SQLite tracker store in WAL mode (creating the file); other databases: nothing."""
    url = make_url(database_url)
    if not url.drivername.startswith("sqlite") or not url.database:
        return
    path = Path(url.database)
    path = path if path.is_absolute() else PROJECT_ROOT / path  # Rasa runs from the root
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
    # Conversations are health data: the owner only (with its -wal and -shm files).
    for file in path.parent.glob(path.name + "*"):
        file.chmod(0o600)


def overwrite_deleted(engine: Engine) -> Engine:
    """Makes the engine's SQLite connections zero what they delete or replace; returns it."""
    if engine.dialect.name == "sqlite":

        def on_connect(connection: Any, record: Any) -> None:
            connection.execute("PRAGMA secure_delete=ON")

        event.listen(engine, "connect", on_connect)
    return engine


def empty_write_ahead_log(engine: Engine, mode: str = "TRUNCATE") -> bool:
    """Writes SQLite's log back into the file (TRUNCATE: and empties it), so that no older version
    of an erased row stays in the log; returns whether it could. It gives up at once when readers
    or writers are busy, rather than hold the assistant's writes: the next erasure, the purge or
    SQLite's own checkpoint does it later."""
    if engine.dialect.name != "sqlite":
        return True
    try:
        with engine.connect() as connection:
            # The connection may be a pooled one of the assistant's: its patience comes back.
            patience = connection.exec_driver_sql("PRAGMA busy_timeout").scalar()
            connection.exec_driver_sql(f"PRAGMA busy_timeout={CHECKPOINT_PATIENCE_MS}")
            try:
                busy = connection.exec_driver_sql(f"PRAGMA wal_checkpoint({mode})").scalar()
            finally:
                connection.exec_driver_sql(f"PRAGMA busy_timeout={int(patience or 0)}")
    except SQLAlchemyError as error:
        busy, reason = 1, type(error).__name__
    else:
        reason = "the database is busy"
    if busy:
        logging.getLogger(__name__).warning("Could not empty the write-ahead log (%s).", reason)
    return not busy
