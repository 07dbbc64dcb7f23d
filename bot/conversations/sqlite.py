"""The embedded tracker store (SQLite file) in write-ahead-log mode.

In WAL mode a commit writes the log once instead of the database and a rollback journal, which
is one of the costs of every turn (Rasa commits each turn's events), and readers such as an
erasure do not block Rasa's writes. The mode is stored in the file, so setting it once before Rasa
opens the database is enough.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy.engine import make_url

from bot.config import PROJECT_ROOT


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
