"""The project's tracker store: Rasa's SQL store (read more cheaply, sql_store.py), plus: once a
patient declines consent, nothing about their health is kept (bot/storage/declined.py).

The assistant reads messages written before the consent question to prefill the interview when
consent is given, so they are stored as usual until the patient answers. When the conversation's
`consent` slot is "declined", its stored events are rewritten after each turn without any health
detail (declined.py says what goes and what stays).

A patient who asks in words to erase the conversation and confirms it sets `erase_requested`;
the store then erases the conversation (bot/storage/erase.py) instead of saving it.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_plugins.stores.sql_store import STORED_EVENTS, FastSQLTrackerStore
from bot.storage.declined import without_health_details
from bot.storage.erase import erase_conversation
from bot.storage.sqlite import empty_write_ahead_log

ERASE_REQUESTED = "erase_requested"  # slot set by action_erase_conversation
REWROTE = "_hcmc_rewrote_events"  # set on a tracker whose older events lost details this turn


class ConsentAwareTrackerStore(FastSQLTrackerStore):
    async def save(self, tracker: DialogueStateTracker) -> None:
        if tracker.get_slot(ERASE_REQUESTED):
            # The patient confirmed "delete my data": the conversation goes instead of being
            # saved, at the end of the turn and under its lock, so nothing of the turn remains.
            await asyncio.to_thread(
                erase_conversation,
                self.engine.url.render_as_string(hide_password=False),
                tracker.sender_id,
            )
            setattr(tracker, STORED_EVENTS, 0)
            return
        await super().save(tracker)
        if getattr(tracker, REWROTE, False):
            # The replaced texts must not stay behind in SQLite's log (bot/storage/sqlite.py).
            await asyncio.to_thread(empty_write_ahead_log, self.engine)

    @staticmethod
    def declined(tracker: DialogueStateTracker) -> bool:
        return tracker.get_slot("consent") == "declined"

    def stored_form(self, data: dict[str, Any], tracker: DialogueStateTracker) -> dict[str, Any]:
        # Never written with health details, not even for a moment (the review index reads).
        return without_health_details(data) if self.declined(tracker) else data

    def before_commit(self, session: Any, tracker: DialogueStateTracker) -> None:
        """In the turn's transaction: the events stored before consent was declined lose their
        health details too."""
        if not self.declined(tracker):
            return
        rows = (
            session.query(self.SQLEvent)
            .filter(self.SQLEvent.sender_id == tracker.sender_id)
            .filter(self.SQLEvent.type_name.in_(["user", "bot", "slot"]))
            .all()
        )
        rewrote = False
        for row in rows:
            data = json.loads(row.data)
            kept = without_health_details(data)
            if kept is not data:
                row.data = json.dumps(kept)
                rewrote = True
        setattr(tracker, REWROTE, rewrote)
