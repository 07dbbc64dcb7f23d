"""Rasa's SQL tracker store, reading and counting a conversation's events more cheaply.

Each turn Rasa 3.6 loads the conversation's events as full ORM objects (only their JSON is used)
and, to save, counts them again through a subquery. Under load those two were a quarter of the
Rasa server's time (py-spy, `make bench`). Here the same rows, filtered and ordered by Rasa's own
query, are read as the JSON column alone; the trackers built from them are the same
(tests/rasa_plugins/test_sql_store.py compares with Rasa's store). A tracker read here remembers
how many of its events are stored, so saving it needs no count: Rasa holds the conversation's lock
from reading to saving, so nothing else adds events in between (a tracker read elsewhere is counted
with a plain COUNT). For a SQLite file the connections are also kept open between turns.

A conversation erased while one of its turns was under way is not saved by that turn
(bot/storage/erasures.py): the store notes when it read each tracker, does not save one read
before an erasure, and erases again when an erasure committed while the turn was being written.
"""

from __future__ import annotations

import asyncio
import functools
import itertools
import json
import time
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker

from bot.config import Settings, load_settings
from bot.storage.erase import erase_conversation
from bot.storage.erasures import create_table, erased_since
from bot.storage.sqlite import overwrite_deleted
from bot.storage.tokens import conversation_token

# The methods of Rasa's SQLTrackerStore this store overrides or calls, with the parameters they
# take in the Rasa it was written for. The Rasa server checks them when it starts
# (bot/rasa_plugins/patches), so that a Rasa whose store changed stops there instead of storing
# conversations wrongly.
RASA_METHODS_RELIED_ON: dict[str, tuple[str, ...]] = {
    "__init__": (
        "self", "domain", "dialect", "host", "port", "db", "username", "password",
        "event_broker", "login_db", "query", "kwargs",
    ),
    "retrieve": ("self", "sender_id"),  # calls _retrieve
    "retrieve_full_tracker": ("self", "conversation_id"),  # calls _retrieve
    "_retrieve": ("self", "sender_id", "fetch_events_from_all_sessions"),
    "_event_query": ("self", "session", "sender_id", "fetch_events_from_all_sessions"),
    "session_scope": ("self",),
    "save": ("self", "tracker"),
    "stream_events": ("self", "tracker"),
    "_additional_events": ("self", "session", "tracker"),
}  # fmt: skip

# Attribute set on the trackers this store reads: how many of their events are in the database.
STORED_EVENTS = "_hcmc_stored_events"
# Attribute set on the trackers this store hands out: when (time.time()) they were read.
READ_AT = "_hcmc_read_at"


class FastSQLTrackerStore(SQLTrackerStore):
    engine: sa.engine.Engine  # set by Rasa's __init__, replaced for SQLite below

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.engine.dialect.name == "sqlite":
            self._keep_sqlite_connections()
        create_table(self.engine)

    @functools.cached_property
    def settings(self) -> Settings:
        return load_settings()

    def erased_while_under_way(self, tracker: DialogueStateTracker) -> bool:
        read_at = getattr(tracker, READ_AT, None)
        if read_at is None:
            return False
        token = conversation_token(self.settings, tracker.sender_id)
        with self.engine.connect() as connection:
            return erased_since(connection, token, read_at)

    def _keep_sqlite_connections(self) -> None:
        """SQLAlchemy 1.4 opens and closes a SQLite file for every session (two or three a
        turn); a small pool keeps the connections. They are used one session at a time, but not
        always by the thread that opened them (the staff app's threads), hence check_same_thread."""
        url = self.engine.url
        self.engine.dispose()
        self.engine = overwrite_deleted(
            sa.create_engine(
                url,
                poolclass=sa.pool.QueuePool,
                pool_size=2,
                connect_args={"check_same_thread": False},
            )
        )
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    async def _retrieve(
        self, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> DialogueStateTracker | None:
        # Set here, not in get_or_create_tracker: Rasa's wrapping stores only pass retrieve on.
        read_at = time.time()
        with self.session_scope() as session:
            rows = (
                self._event_query(session, sender_id, fetch_events_from_all_sessions)
                .with_entities(self.SQLEvent.data)
                .all()
            )
        events = [json.loads(row.data) for row in rows]
        if not (self.domain and events):
            return None
        tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        if not fetch_events_from_all_sessions:
            setattr(tracker, STORED_EVENTS, len(events))
        setattr(tracker, READ_AT, read_at)
        return tracker

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Rasa's save (the new events, one transaction), with two hooks for the consent store
        (stored_form, before_commit), between two checks for an erasure racing the turn."""
        if self.erased_while_under_way(tracker):
            return
        await self.stream_events(tracker)
        with self.session_scope() as session:
            for event in self._additional_events(session, tracker):
                data = self.stored_form(event.as_dict(), tracker)
                session.add(
                    self.SQLEvent(
                        sender_id=tracker.sender_id,
                        type_name=event.type_name,
                        timestamp=data.get("timestamp"),
                        intent_name=data.get("parse_data", {}).get("intent", {}).get("name"),
                        action_name=data.get("name"),
                        data=json.dumps(data),
                    )
                )
            self.before_commit(session, tracker)
            session.commit()
        setattr(tracker, STORED_EVENTS, len(tracker.events))
        if self.erased_while_under_way(tracker):
            # The erasure committed while this turn was being written: what it wrote goes too.
            await asyncio.to_thread(
                erase_conversation,
                self.engine.url.render_as_string(hide_password=False),
                tracker.sender_id,
            )

    def stored_form(self, data: dict[str, Any], tracker: DialogueStateTracker) -> dict[str, Any]:
        """An event as it is stored (the consent store removes health details)."""
        return data

    def before_commit(self, session: Any, tracker: DialogueStateTracker) -> None:
        """Last changes in the turn's transaction (the consent store rewrites older events)."""

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator:
        known = getattr(tracker, STORED_EVENTS, None)
        if known is not None and known <= len(tracker.events):
            return itertools.islice(tracker.events, known, len(tracker.events))
        stored = (
            self._event_query(session, tracker.sender_id, fetch_events_from_all_sessions=False)
            .order_by(None)
            .with_entities(sa.func.count(self.SQLEvent.id))
            .scalar()
        )
        return itertools.islice(tracker.events, stored, len(tracker.events))
