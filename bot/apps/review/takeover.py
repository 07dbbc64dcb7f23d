"""Live takeover from the review app: one staff member at a time holds a conversation; their
replies go to the patient through the Rasa server's staff channel
(bot/rasa_plugins/channels/staff.py).

A takeover ends when staff hand back, when they have been idle for HCMC_TAKEOVER_IDLE_MINUTES
(the assistant is then handed the conversation back, so that no patient waits on a forgotten
takeover), or when Rasa itself ended the pause (the patient restarted, or the session expired).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot.config import Settings
from bot.storage.conversation_summary import when
from bot.storage.tables import audit_log, takeovers
from bot.storage.tokens import staff_api_token

log = logging.getLogger(__name__)

# Longer than the staff channel's own wait for Telegram, so that a slow delivery is not taken
# for a failure.
TIMEOUT = httpx.Timeout(30.0, connect=5.0)
MAX_NAME = 40
# Rasa events that end a pause, besides the hand back itself.
UNPAUSING = frozenset({"resume", "restart", "session_started"})


class TakeoverFailed(Exception):
    """The assistant's server could not do what staff asked. ``code``: offline (nothing was
    done), timeout (it may have been done), erased, refused."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Holder:
    username: str
    display_name: str
    started_at: datetime
    last_active_at: datetime


def shown_name(value: str, username: str) -> str:
    """The first name the patient sees: what staff typed, else their login, capitalised."""
    name = " ".join(value.split())[:MAX_NAME] or username
    return name[:1].upper() + name[1:]


def _holder(row: Any) -> Holder:
    return Holder(row.username, row.display_name, row.started_at, row.last_active_at)


def holder(engine: Engine, sender_id: str) -> Holder | None:
    with engine.connect() as connection:
        row = connection.execute(
            select(takeovers).where(takeovers.c.sender_id == sender_id)
        ).first()
    return _holder(row) if row else None


def claim(engine: Engine, sender_id: str, username: str, display_name: str) -> Holder | None:
    """Takes the conversation for `username`; returns who else holds it when someone does."""
    now = datetime.utcnow()
    try:
        with engine.begin() as connection:
            connection.execute(
                insert(takeovers).values(
                    sender_id=sender_id,
                    username=username,
                    display_name=display_name,
                    started_at=now,
                    last_active_at=now,
                )
            )
    except IntegrityError:
        other = holder(engine, sender_id)
        if other is not None and other.username != username:
            return other
    return None


def touch(engine: Engine, sender_id: str) -> None:
    with engine.begin() as connection:
        connection.execute(
            update(takeovers)
            .where(takeovers.c.sender_id == sender_id)
            .values(last_active_at=datetime.utcnow())
        )


def release(engine: Engine, sender_id: str) -> None:
    with engine.begin() as connection:
        connection.execute(delete(takeovers).where(takeovers.c.sender_id == sender_id))


def ended_by_assistant(current: Holder, events: list[dict[str, Any]]) -> bool:
    """Whether Rasa ended the pause after this takeover began (a restart, a new session)."""
    for event in reversed(events):
        kind = event.get("event")
        if kind == "pause":
            return False
        if kind in UNPAUSING:
            return when(event.get("timestamp")) >= current.started_at
    return False


async def call_assistant(
    settings: Settings, action: str, sender_id: str, staff_name: str, text: str = ""
) -> dict[str, Any]:
    """POSTs to the staff channel; raises TakeoverFailed."""
    url = f"{settings.rasa_url}/webhooks/staff/{action}"
    body = {"sender_id": sender_id, "staff_name": staff_name, "text": text}
    headers = {"Authorization": f"Bearer {staff_api_token(settings)}"}
    try:
        async with httpx.AsyncClient(timeout=TIMEOUT) as client:
            response = await client.post(url, json=body, headers=headers)
    except (httpx.ConnectError, httpx.ConnectTimeout) as error:
        raise TakeoverFailed("offline") from error
    except httpx.HTTPError as error:  # sent, but no answer: it may have been done
        raise TakeoverFailed("timeout") from error
    if response.status_code == 404:
        raise TakeoverFailed("erased")
    if response.status_code != 200:
        raise TakeoverFailed("refused")
    result: dict[str, Any] = response.json()
    return result


def audit_ended(engine: Engine, sender_id: str, reason: str) -> None:
    with engine.begin() as connection:
        connection.execute(
            insert(audit_log).values(
                at=datetime.utcnow(), username=f"({reason})", action="takeover ended",
                sender_id=sender_id,
            )
        )  # fmt: skip


async def hand_back_idle(engine: Engine, settings: Settings, now: datetime) -> int:
    """Hands back every takeover idle for longer than the setting; returns how many."""
    limit = now - timedelta(minutes=settings.takeover_idle_minutes)
    with engine.connect() as connection:
        idle = connection.execute(select(takeovers).where(takeovers.c.last_active_at < limit)).all()
    for row in idle:
        try:
            await call_assistant(settings, "handback", row.sender_id, row.display_name)
        except TakeoverFailed as error:
            if error.code != "erased":
                log.warning("Could not hand back an idle takeover (%s); will retry", error.code)
                continue
        release(engine, row.sender_id)
        audit_ended(engine, row.sender_id, "idle")
        log.info("An idle takeover was handed back to the assistant")
    return len(idle)
