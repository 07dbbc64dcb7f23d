"""The audit log: who did what to which conversation, and when. Admins read it at /audit."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from bot.apps.review.texts import needs_texts
from bot.storage.tables import audit_log, conversations, session_views

# The sender id of an action on no conversation (a login) or on all of them (an export).
NO_CONVERSATION = ""
EVERY_CONVERSATION = "*"
# What the log records, stored in English; the audit page words each in the staff member's
# language (texts.yml, audit.action.<action with _ for spaces>).
ACTIONS = (
    "logged in",
    "logged out",
    "viewed",
    "marked reviewed",
    "marked not reviewed",
    "changed tags",
    "changed note",
    "corrected intent",
    "exported json",
    "exported csv",
    "exported inbox csv",
    "exported corrections",
    "erased",
    "took over",
    "replied",
    "handed back",
    "takeover ended",
)
# A change of follow-up: "follow-up: <status>".
FOLLOW_UP_ACTION = "follow-up: "
# Who ended a takeover when no member of staff did (bot/apps/review/takeover.py): "(<reason>)".
ENDED_BY = ("restarted", "idle")
needs_texts("audit.action", tuple(action.replace(" ", "_") for action in ACTIONS))
needs_texts("audit.who", ENDED_BY)


def audit(engine: Engine, username: str, action: str, sender_id: str = NO_CONVERSATION) -> None:
    with engine.begin() as connection:
        connection.execute(
            insert(audit_log).values(
                at=datetime.utcnow(), username=username, action=action[:32], sender_id=sender_id
            )
        )


def audit_viewed(engine: Engine, username: str, session: str, sender_id: str) -> None:
    """ "viewed" once per login session: a reload, a live refresh or an action's redirect is the
    same reading, and would bury the other entries."""
    try:
        with engine.begin() as connection:
            connection.execute(
                insert(session_views).values(token_hash=session, sender_id=sender_id)
            )
            connection.execute(
                insert(audit_log).values(
                    at=datetime.utcnow(), username=username, action="viewed", sender_id=sender_id
                )
            )
    except IntegrityError:  # seen in this session already (also by a request at the same time)
        return


def audit_rows(connection: Connection, limit: int = 500) -> list[dict[str, Any]]:
    """The latest entries, each with the token of its conversation while it still exists (an
    erased one is named `erased:<token>` and has none)."""
    rows = connection.execute(
        select(audit_log, conversations.c.token)
        .select_from(
            audit_log.outerjoin(conversations, conversations.c.sender_id == audit_log.c.sender_id)
        )
        .order_by(audit_log.c.id.desc())
        .limit(limit)
    ).all()
    return [dict(row._mapping) for row in rows]
