"""Live takeover from the review app: one staff member at a time holds a conversation; their
replies go to the patient through the Rasa server's staff channel (bot/channels/staff.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx
from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot.config import Settings
from bot.conversations.tokens import staff_api_token
from bot.review.schema import takeovers

TIMEOUT = httpx.Timeout(20.0, connect=5.0)


class TakeoverFailed(Exception):
    """The assistant's server could not do what staff asked; the message says what to do."""


@dataclass(frozen=True)
class Holder:
    username: str
    started_at: datetime


def holder(engine: Engine, sender_id: str) -> Holder | None:
    with engine.connect() as connection:
        row = connection.execute(
            select(takeovers).where(takeovers.c.sender_id == sender_id)
        ).first()
    return Holder(row.username, row.started_at) if row else None


def claim(engine: Engine, sender_id: str, username: str) -> Holder | None:
    """Takes the conversation for `username`; returns who else holds it when someone does."""
    try:
        with engine.begin() as connection:
            connection.execute(
                insert(takeovers).values(
                    sender_id=sender_id, username=username, started_at=datetime.utcnow()
                )
            )
    except IntegrityError:
        other = holder(engine, sender_id)
        if other is not None and other.username != username:
            return other
    return None


def release(engine: Engine, sender_id: str) -> None:
    with engine.begin() as connection:
        connection.execute(delete(takeovers).where(takeovers.c.sender_id == sender_id))


async def call_assistant(
    settings: Settings, action: str, sender_id: str, staff_name: str, text: str = ""
) -> dict[str, Any]:
    """POSTs to the staff channel; raises TakeoverFailed with a message fit for staff."""
    url = f"{settings.rasa_url}/webhooks/staff/{action}"
    body = {"sender_id": sender_id, "staff_name": staff_name, "text": text}
    headers = {"Authorization": f"Bearer {staff_api_token(settings)}"}
    try:
        async with httpx.AsyncClient(timeout=TIMEOUT) as client:
            response = await client.post(url, json=body, headers=headers)
    except httpx.HTTPError as error:
        raise TakeoverFailed(
            "The assistant's server did not answer; nothing reached the patient. Try again."
        ) from error
    if response.status_code == 404:
        raise TakeoverFailed("This conversation no longer exists: the patient erased it.")
    if response.status_code != 200:
        raise TakeoverFailed(
            f"The assistant's server refused (HTTP {response.status_code}); nothing was sent."
        )
    result: dict[str, Any] = response.json()
    return result
