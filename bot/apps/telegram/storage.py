"""The bridge's small SQLite files: readable by their owner only, deleted rows overwritten.

They hold what patients wrote (the pending messages) or what they chose (button payloads), so no
other account on the machine may read them, and a deleted row must not linger in free pages.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


def open_private_sqlite(path: Path) -> sqlite3.Connection:
    """Opens (creating) a SQLite file with owner-only permissions, in autocommit mode."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # Created 0600 before SQLite opens it; SQLite gives its journal the same permissions.
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    os.chmod(path, 0o600)  # also a file made by an older version with the default umask
    db = sqlite3.connect(str(path), isolation_level=None)
    db.execute("PRAGMA secure_delete = ON")
    return db
