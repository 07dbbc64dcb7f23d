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
updates keep the order in which they came. The file is in write-ahead-log mode with `NORMAL`
synchronisation: a write appends to the log without waiting for the disk, so the loop is not held
up; a power cut may lose the last few writes, a crash of the bridge loses none.

A message kept longer than the retry period is not passed on at the next start: the patient has
been told long ago that it was not, or has moved on. They are told once, instead, that a message
sent while the assistant was unavailable could not be delivered (`expired`). An erasure drops the
chat's waiting messages (`drop_chat`).
"""

from __future__ import annotations

import json
import logging
import secrets
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.apps.telegram.storage import open_private_sqlite

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


@dataclass(frozen=True)
class Expired:
    """A chat's messages kept past the retry period; never their text."""

    chat_id: int
    language: str | None  # the patient's Telegram app's, to tell them in their language
    update_ids: tuple[int, ...] = field(default=())


def chat_of(update: dict[str, Any]) -> tuple[int, str, str | None] | None:
    """(chat id, chat type, the sender's language code) of an update as Telegram sends it."""
    query = update.get("callback_query") or {}
    message = update.get("message") or update.get("edited_message") or query.get("message") or {}
    chat = message.get("chat") or {}
    if not isinstance(chat.get("id"), int):
        return None
    sender = query.get("from") or message.get("from") or {}
    return chat["id"], str(chat.get("type") or ""), sender.get("language_code")


class UpdateQueue:
    """Pending updates and handled ids, in SQLite; in memory only when no path is given.

    `max_age`: how long a pending update may wait (the retry period); None: without limit."""

    def __init__(self, path: Path | None, max_age: float | None = None) -> None:
        self._db = self._open(path)
        self._active: set[int] = set()  # being handled by this process
        self._expected: dict[int, Admission] = {}  # on disk, queued here to be handled
        self._since_prune = 0
        # One cut-off for the whole start, so that each kept update is either resumed or expired.
        self._cutoff = None if max_age is None else time.time() - max_age
        self._prune()

    @staticmethod
    def _open(path: Path | None) -> sqlite3.Connection:
        if path is not None:
            try:
                db = open_private_sqlite(path)
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = NORMAL")
                # An emptied log is also cut short, so that erased text does not stay in it.
                db.execute("PRAGMA journal_size_limit = 0")
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
            "SELECT update_id, delivery_id, body FROM pending WHERE received_at >= ? "
            "ORDER BY received_at, update_id",
            (self._cutoff_time(),),
        ).fetchall()
        recovered = []
        for update_id, delivery_id, body in rows:
            admission = Admission(update_id, delivery_id, resumed=True)
            self._expected[update_id] = admission
            recovered.append((json.loads(body), admission))
        return recovered

    def expired(self) -> list[Expired]:
        """The private chats with updates kept past the retry period, each once; the updates of
        other chats (groups) that old are forgotten at once. Call `discard` once each is told."""
        rows = self._db.execute(
            "SELECT update_id, body FROM pending WHERE received_at < ? "
            "ORDER BY received_at, update_id",
            (self._cutoff_time(),),
        ).fetchall()
        chats: dict[int, Expired] = {}
        silent = []
        for update_id, body in rows:
            found = chat_of(json.loads(body))
            if found is None or found[1] != "private":
                silent.append(update_id)
                continue
            chat_id, _, language = found
            before = chats.get(chat_id)
            if before is not None:
                language = language or before.language
            ids = (before.update_ids if before else ()) + (update_id,)
            chats[chat_id] = Expired(chat_id, language, ids)
        self.discard(silent)
        return list(chats.values())

    # --- departure -------------------------------------------------------------------------

    def discard(self, update_ids: list[int] | tuple[int, ...]) -> None:
        """Updates that will not be handled: forgotten, their ids remembered (as `done`)."""
        for update_id in update_ids:
            self._expected.pop(update_id, None)
            self.done(update_id)

    def drop_chat(self, chat_id: int, before: int | None = None) -> int:
        """The patient erased the conversation: the chat's pending updates (those before the
        update `before`, when given) are dropped, and their text leaves the file; returns how
        many. The updates under way end through `done` as usual."""
        rows = self._db.execute("SELECT update_id, body FROM pending").fetchall()
        dropped = [
            update_id
            for update_id, body in rows
            if (before is None or update_id < before)
            and (chat_of(json.loads(body)) or (None,))[0] == chat_id
        ]
        self.discard(dropped)
        if dropped:
            self._empty_log()
        return len(dropped)

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
        self._empty_log()
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

    def _cutoff_time(self) -> float:
        return float("-inf") if self._cutoff is None else self._cutoff

    def _empty_log(self) -> None:
        """Writes the log back into the file and empties it: no deleted text stays in it."""
        try:
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error as error:
            logger.warning("Could not empty the Telegram queue's log (%s)", error)

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
        self._empty_log()
