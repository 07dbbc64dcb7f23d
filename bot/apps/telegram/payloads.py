"""Button payloads as Telegram callback data, whatever their length.

Telegram's callback_data holds at most 64 bytes; the assistant's payloads (such as
``/describe_pain{"pain_regions":["lower_back"],"pain_side":"left"}``) can be longer. A payload
that fits and starts with "/" travels as itself; any other gets a short key derived from its
content, and the payload is remembered here (in memory, and in a small SQLite file when a path is
given, so that buttons still work after a restart; owner-only, as the payloads can name symptoms).

Each stored payload belongs to the chat it was shown in (its key is derived from both), so that an
erasure (/forget, or confirmed in words) also drops that chat's payloads (`forget_chat`).

Callback data therefore has three forms: "/..." a payload, "#key" a stored payload, "!..." the
bridge's own buttons (language choice, a pressed-button mark).
"""

from __future__ import annotations

import base64
import hashlib
import logging
import sqlite3
import time
from collections import OrderedDict
from pathlib import Path

from bot.apps.telegram.storage import open_private_sqlite

CALLBACK_DATA_LIMIT = 64  # bytes, Telegram's limit
KEY_PREFIX = "#"
INTERNAL_PREFIX = "!"

logger = logging.getLogger(__name__)


def payload_key(payload: str, chat_id: int | None = None) -> str:
    """A stable 22-character key: the same payload in the same chat always gets the same key."""
    owned = payload if chat_id is None else f"{chat_id}\n{payload}"
    digest = hashlib.sha256(owned.encode("utf-8")).digest()
    return KEY_PREFIX + base64.urlsafe_b64encode(digest).decode("ascii")[:22]


def fits_as_is(payload: str) -> bool:
    return payload.startswith("/") and len(payload.encode("utf-8")) <= CALLBACK_DATA_LIMIT


class PayloadStore:
    """Maps callback data to payloads. Bounded in memory; optionally backed by SQLite."""

    def __init__(
        self, path: Path | None = None, max_items: int = 20_000, keep_days: int = 90
    ) -> None:
        self._memory: OrderedDict[str, tuple[str, int | None]] = OrderedDict()
        self._max_items = max_items
        self._db: sqlite3.Connection | None = None
        if path is not None:
            try:
                self._db = open_private_sqlite(path)
                self._db.execute(
                    "CREATE TABLE IF NOT EXISTS payloads (key TEXT PRIMARY KEY, "
                    "payload TEXT NOT NULL, used_at REAL NOT NULL, chat_id INTEGER)"
                )
                self._add_chat_column(self._db)
                # Buttons older than the conversations they belong to are of no use.
                self._db.execute(
                    "DELETE FROM payloads WHERE used_at < ?", (time.time() - keep_days * 86400,)
                )
            except (OSError, sqlite3.Error) as error:
                # A read-only disk must not stop the bridge: fall back to memory.
                logger.warning("Button payloads kept in memory only (%s)", error)
                self._db = None

    @staticmethod
    def _add_chat_column(db: sqlite3.Connection) -> None:
        """A file from before payloads had a chat: its payloads cannot be erased with their
        chat, so they go (their buttons then say they are no longer available)."""
        columns = {row[1] for row in db.execute("PRAGMA table_info(payloads)")}
        if "chat_id" not in columns:
            db.execute("ALTER TABLE payloads ADD COLUMN chat_id INTEGER")
            db.execute("DELETE FROM payloads")

    def encode(self, payload: str, chat_id: int | None = None) -> str:
        """The callback data for a button that sends ``payload`` in the chat ``chat_id``."""
        if fits_as_is(payload):
            return payload
        key = payload_key(payload, chat_id)
        self._remember(key, payload, chat_id)
        return key

    def decode(self, data: str) -> str | None:
        """The payload behind callback data; None when it is unknown (an expired button)."""
        if data.startswith("/"):
            return data
        if not data.startswith(KEY_PREFIX):
            return None
        found = self._memory.get(data)
        if found is None and self._db is not None:
            try:
                row = self._db.execute(
                    "SELECT payload, chat_id FROM payloads WHERE key = ?", (data,)
                ).fetchone()
            except sqlite3.Error:
                row = None
            found = (row[0], row[1]) if row else None
        if found is None:
            return None
        self._remember(data, *found, write=False)
        return found[0]

    def forget_chat(self, chat_id: int) -> None:
        """Drops the payloads of a chat whose conversation was erased (overwritten on disk)."""
        for key in [key for key, (_, chat) in self._memory.items() if chat == chat_id]:
            del self._memory[key]
        if self._db is not None:
            try:
                self._db.execute("DELETE FROM payloads WHERE chat_id = ?", (chat_id,))
            except sqlite3.Error as error:
                logger.error("Could not erase a chat's button payloads (%s)", error)

    def _remember(
        self, key: str, payload: str, chat_id: int | None = None, write: bool = True
    ) -> None:
        self._memory[key] = (payload, chat_id)
        self._memory.move_to_end(key)
        while len(self._memory) > self._max_items:
            self._memory.popitem(last=False)
        if write and self._db is not None:
            try:
                self._db.execute(
                    "INSERT OR REPLACE INTO payloads (key, payload, used_at, chat_id) "
                    "VALUES (?, ?, ?, ?)",
                    (key, payload, time.time(), chat_id),
                )
            except sqlite3.Error as error:
                logger.warning("Could not save a button payload (%s)", error)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
