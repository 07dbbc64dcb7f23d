"""Staff sessions: an opaque cookie (HttpOnly, SameSite=Strict, Secure behind HTTPS) whose SHA-256
is stored with the session's CSRF token; every form carries that token and every POST checks it."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection, Engine

from bot.apps.review.passwords import DUMMY_HASH, verify_password
from bot.storage.tables import session_views, sessions, staff

SESSION_COOKIE = "hcmc_review_session"
LOGIN_CSRF_COOKIE = "hcmc_review_login_csrf"
SESSION_HOURS = 8


@dataclass(frozen=True)
class StaffUser:
    username: str
    role: str
    csrf_token: str
    # The session's stored hash: what the audit log's "viewed once per session" keys on.
    session: str = ""

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def check_credentials(engine: Engine, username: str, password: str) -> bool:
    with engine.connect() as connection:
        found = connection.execute(
            select(staff.c.password_hash).where(staff.c.username == username)
        ).scalar()
    # The same work whether or not the account exists: no username probing by timing.
    return verify_password(found or DUMMY_HASH, password) and found is not None


def open_session(engine: Engine, username: str) -> str:
    token = secrets.token_urlsafe(32)
    now = datetime.utcnow()
    with engine.begin() as connection:
        connection.execute(delete(sessions).where(sessions.c.expires_at < now))
        _forget_ended(connection)
        connection.execute(
            insert(sessions).values(
                token_hash=_digest(token),
                username=username,
                csrf_token=secrets.token_urlsafe(32),
                expires_at=now + timedelta(hours=SESSION_HOURS),
            )
        )
    return token


def _forget_ended(connection: Connection) -> None:
    """What ended sessions viewed (sessions also end by expiry or when an account goes)."""
    connection.execute(
        delete(session_views).where(
            session_views.c.token_hash.not_in(select(sessions.c.token_hash))
        )
    )


def close_session(engine: Engine, token: str) -> None:
    with engine.begin() as connection:
        connection.execute(delete(sessions).where(sessions.c.token_hash == _digest(token)))
        _forget_ended(connection)


def session_user(engine: Engine, token: str | None) -> StaffUser | None:
    if not token or len(token) > 200:
        return None
    with engine.connect() as connection:
        row = connection.execute(
            select(staff.c.username, staff.c.role, sessions.c.csrf_token, sessions.c.expires_at)
            .select_from(sessions.join(staff, staff.c.username == sessions.c.username))
            .where(sessions.c.token_hash == _digest(token))
        ).first()
    if row is None or row.expires_at < datetime.utcnow():
        return None
    return StaffUser(row.username, row.role, row.csrf_token, _digest(token))


def same_token(expected: str, given: str | None) -> bool:
    return bool(expected) and bool(given) and hmac.compare_digest(expected, str(given))
