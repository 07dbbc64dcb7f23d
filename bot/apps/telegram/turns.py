"""Whether the assistant already has a message, read from its tracker store.

Each message the bridge sends carries a delivery id in its metadata, which Rasa stores with the
patient's message (the `user` event) at the end of the turn, together with its replies (the `bot`
events after it). When the outcome of a request is unclear (a timeout, an empty answer, a
restart), this tells apart "the assistant has the turn" (its replies are read back from the store,
and the message is not sent again) from "it never took the message" (it must be sent again).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import MetaData, Table, create_engine, inspect, select

from bot.storage.declined import NOT_STORED
from bot.storage.erase import EVENTS_TABLE

DELIVERY_KEY = "delivery_id"  # in the metadata of the messages the bridge sends
# How far back in a conversation to look: the message is among its latest events.
LOOKBACK_EVENTS = 400


def _replies(sender_id: str, event: dict[str, Any]) -> list[dict[str, Any]]:
    """A stored `bot` event as Rasa's REST channel answered it: the text with its buttons, then
    custom data, an image, an attachment, each as a message of its own."""
    data = event.get("data") or {}
    replies: list[dict[str, Any]] = []
    buttons = data.get("quick_replies") or data.get("buttons")
    # A reply that was not kept (consent declined) is not shown as its placeholder.
    text = "" if event.get("text") == NOT_STORED else event.get("text")
    if text or buttons:
        reply = {"recipient_id": sender_id, "text": text or ""}
        if buttons:
            reply["buttons"] = buttons
        replies.append(reply)
    for field in ("custom", "image", "attachment"):
        if data.get(field):
            replies.append({"recipient_id": sender_id, field: data[field]})
    return replies


def replies_to(
    events: list[dict[str, Any]], sender_id: str, delivery: str
) -> list[dict[str, Any]] | None:
    """The replies that followed the message with this delivery id; None if it is not there."""
    for index, event in enumerate(events):
        metadata = event.get("metadata") or {}
        if event.get("event") == "user" and metadata.get(DELIVERY_KEY) == delivery:
            replies = []
            for later in events[index + 1 :]:
                if later.get("event") == "user":
                    break
                # Staff messages during a takeover reached the patient on their own.
                staff = (later.get("metadata") or {}).get("staff_name")
                if later.get("event") == "bot" and not staff:
                    replies.extend(_replies(sender_id, later))
            return replies
    return None


def stored_replies(database_url: str, sender_id: str, delivery: str) -> list[dict[str, Any]] | None:
    """The assistant's stored replies to the message with this delivery id; None when it does
    not have that message. Raises SQLAlchemy's errors when the store cannot be read."""
    engine = create_engine(database_url)
    try:
        if not inspect(engine).has_table(EVENTS_TABLE):
            return None
        events = Table(EVENTS_TABLE, MetaData(), autoload_with=engine)
        query = (
            select(events.c.data)
            .where(events.c.sender_id == sender_id)
            .order_by(events.c.id.desc())
            .limit(LOOKBACK_EVENTS)
        )
        with engine.connect() as connection:
            latest = [json.loads(row[0]) for row in connection.execute(query)]
        return replies_to(latest[::-1], sender_id, delivery)
    finally:
        engine.dispose()
