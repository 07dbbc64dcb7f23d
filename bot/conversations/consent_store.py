"""The project's tracker store: Rasa's SQL store (read more cheaply, sql_store.py), plus: once a
patient declines consent, what they wrote is not kept.

The assistant reads messages written before the consent question to prefill the interview when
consent is given, so they are stored as usual until the patient answers. When the conversation's
`consent` slot is "declined", the text and entities of its stored patient messages are replaced
(intent and confidence stay, for the statistics), so no symptom detail remains for a patient who
said no. A pressed button that carries no values (`/decline_consent`, `/request_booking`) is kept
as it is: it says nothing about the patient, and the widget shows it again as the button's
title. Slots are already kept free of symptoms by the actions (actions/consent.py).

A patient who asks in words to erase the conversation and confirms it sets `erase_requested`;
the store then erases the conversation (bot/conversations/erase.py) instead of saving it.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from rasa.shared.core.trackers import DialogueStateTracker

from bot.conversations.erase import erase_conversation
from bot.conversations.sql_store import STORED_EVENTS, FastSQLTrackerStore

NOT_STORED = "[not stored: no consent]"
ERASE_REQUESTED = "erase_requested"  # slot set by action_erase_conversation


def is_bare_payload(text: str) -> bool:
    """A button press with no values: an intent name only, nothing the patient wrote."""
    return text.startswith("/") and "{" not in text and " " not in text.strip()


def redacted(data: dict[str, Any]) -> dict[str, Any]:
    if is_bare_payload(str(data.get("text") or "")):
        return data
    parse_data = dict(data.get("parse_data") or {})
    parse_data.pop("text", None)
    parse_data["entities"] = []
    for key in ("response_selector", "intent_ranking"):
        parse_data.pop(key, None)
    return {**data, "text": NOT_STORED, "parse_data": parse_data}


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
        if tracker.get_slot("consent") == "declined":
            self.forget_texts(tracker.sender_id)

    def forget_texts(self, sender_id: str) -> None:
        with self.session_scope() as session:
            rows = (
                session.query(self.SQLEvent)
                .filter(self.SQLEvent.sender_id == sender_id)
                .filter(self.SQLEvent.type_name == "user")
                .all()
            )
            for row in rows:
                data = json.loads(row.data)
                if data.get("text") != NOT_STORED:
                    row.data = json.dumps(redacted(data))
            session.commit()
