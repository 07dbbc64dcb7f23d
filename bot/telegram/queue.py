"""The bridge's durable queue of Telegram updates, and the ids of those already handled.

An update is written here when it arrives and deleted once it is handled (answered, or the
patient told that it could not be), so that a crash or a restart while the assistant is down
loses nothing: the updates still here are handled again on the next start. The ids of handled
updates are remembered for a while, so that an update Telegram delivers twice (a webhook retry,
polling after a restart) is handled once. Telegram may reuse update ids after a long quiet spell,
hence a bounded retention.

Each pending update also has a delivery id, sent to the assistant with the message (metadata) and
stored by it with the patient's message: after an unclear outcome (a timeout, a restart) the
bridge can look in the tracker store whether the assistant already has that message.

One process uses the file; the calls are short local writes, made on the event loop so that
updates keep the order in which they came.
"""

from __future__ import annotations

import json
import logging
import secrets
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.telegram.storage import open_private_sqlite

logger = logging.getLogger(__name__)

# How long, and how many, handled update ids are remembered: longer than Telegram keeps retrying.
HANDLED_KEEP_SECONDS = 2 * 86400
HANDLED_KEEP_ROWS = 100_000
PRUNE_EVERY = 500  # handled updates between two prunings

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS pending (update_id INTEGER PRIMARY KEY, "
    "delivery_id TEXT NOT NULL, body TEXT NOT NULL, received_at REAL NOT NULL)",
    "CREATE TABLE IF NOT EXISTS handled (update_id INTEGER PRIMARY KEY, handled_at REAL NOT NULL)",
    "CREATE INDEX IF NOT EXISTS handled_by_time ON handled (handled_at)",
)


@dataclass(frozen=True)
class Admission:
    """An update let in for handling."""

    update_id: int
    delivery_id: str
    # Kept from before a restart: the assistant may already have its message.
    resumed: bool = False


class UpdateQueue:
    """Pending updates and handled ids, in SQLite; in memory only when no path is given."""

    def __init__(self, path: Path | None) -> None:
        self._db = self._open(path)
        self._active: set[int] = set()  # being handled by this process
        self._expected: dict[int, Admission] = {}  # on disk, queued here to be handled
        self._since_prune = 0
        self._prune()

    @staticmethod
    def _open(path: Path | None) -> sqlite3.Connection:
        if path is not None:
            try:
                db = open_private_sqlite(path)
                for statement in SCHEMA:
                    db.execute(statement)
                return db
            except (OSError, sqlite3.Error) as error:
                # The bridge still runs; it only loses what waits if it stops.
                logger.error("Pending Telegram messages kept in memory only (%s)", error)
        db = sqlite3.connect(":memory:", isolation_level=None)
        for statement in SCHEMA:
            db.execute(statement)
        return db

    # --- arrival ---------------------------------------------------------------------------

    def keep(self, update: dict[str, Any]) -> bool:
        """Writes an update down before it is acknowledged to Telegram (webhook); False when it
        is a duplicate, which must then be acknowledged and dropped."""
        update_id = update.get("update_id")
        if not isinstance(update_id, int):
            return True  # nothing to recognise it by: handled as it comes
        if self._known(update_id):
            return False
        self._expected[update_id] = self._insert(update_id, update)
        return True

    def admit(self, update_id: int, update: dict[str, Any]) -> Admission | None:
        """Lets an update in for handling, writing it down if it is new; None for a duplicate."""
        admission = self._expected.pop(update_id, None)
        if admission is None:
            if self._known(update_id):
                return None
            admission = self._insert(update_id, update)
        self._active.add(update_id)
        return admission

    def recover(self) -> list[tuple[dict[str, Any], Admission]]:
        """The updates left from before a restart, in the order they came; they are expected to
        be handled again (their copies from Telegram are then duplicates)."""
        rows = self._db.execute(
            "SELECT update_id, delivery_id, body FROM pending ORDER BY received_at, update_id"
        ).fetchall()
        recovered = []
        for update_id, delivery_id, body in rows:
            admission = Admission(update_id, delivery_id, resumed=True)
            self._expected[update_id] = admission
            recovered.append((json.loads(body), admission))
        return recovered

    # --- departure -------------------------------------------------------------------------

    def done(self, update_id: int) -> None:
        """The update is handled: forgotten, but its id remembered."""
        self._active.discard(update_id)
        self._db.execute("DELETE FROM pending WHERE update_id = ?", (update_id,))
        self._db.execute(
            "INSERT OR REPLACE INTO handled (update_id, handled_at) VALUES (?, ?)",
            (update_id, time.time()),
        )
        self._since_prune += 1
        if self._since_prune >= PRUNE_EVERY:
            self._prune()

    def release(self, update_id: int) -> None:
        """Handling stopped before the end (shutdown): the update stays on disk for next time."""
        self._active.discard(update_id)

    def pending_count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM pending").fetchone()[0])

    def close(self) -> None:
        self._db.close()

    # --- small pieces ----------------------------------------------------------------------

    def _known(self, update_id: int) -> bool:
        if update_id in self._active or update_id in self._expected:
            return True
        for table in ("pending", "handled"):
            found = self._db.execute(
                f"SELECT 1 FROM {table} WHERE update_id = ?",
                (update_id,),
            ).fetchone()
            if found:
                return True
        return False

    def _insert(self, update_id: int, update: dict[str, Any]) -> Admission:
        admission = Admission(update_id, secrets.token_hex(8))
        self._db.execute(
            "INSERT OR REPLACE INTO pending (update_id, delivery_id, body, received_at) "
            "VALUES (?, ?, ?, ?)",
            (update_id, admission.delivery_id, json.dumps(update), time.time()),
        )
        return admission

    def _prune(self) -> None:
        self._since_prune = 0
        self._db.execute(
            "DELETE FROM handled WHERE handled_at < ?", (time.time() - HANDLED_KEEP_SECONDS,)
        )
        self._db.execute(
            "DELETE FROM handled WHERE update_id NOT IN "
            "(SELECT update_id FROM handled ORDER BY handled_at DESC LIMIT ?)",
            (HANDLED_KEEP_ROWS,),
        )
