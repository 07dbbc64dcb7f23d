"""Finds the conversations that need staff and sends their alerts, with retries.

Runs inside the review app's process (its lifespan), which already keeps the conversation index
up to date: a red flag or a request for a person becomes a row in ``review_alerts`` per configured
channel, at most once per conversation and reason (a unique key), and each row is sent until it
goes through or its retries run out. A failure is logged and retried; the conversation itself
never waits for any of this.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import httpx
from sqlalchemy import insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot import redaction
from bot.alerts.email import alert_email, send_email
from bot.alerts.heartbeat import beat
from bot.alerts.telegram import send_telegram
from bot.alerts.wording import RED_FLAG, STAFF_REQUEST, Alert
from bot.config import Settings
from bot.redaction import protect, quiet_http_loggers
from bot.storage.conversation_index import refresh_index
from bot.storage.conversation_summary import more_urgent
from bot.storage.tables import alerts, conversations

log = logging.getLogger(__name__)

POLL_SECONDS = 5.0
# Waits before each retry; after the last one the alert is marked failed (and logged).
RETRY_DELAYS = (
    timedelta(seconds=10),
    timedelta(seconds=30),
    timedelta(minutes=2),
    timedelta(minutes=10),
    timedelta(minutes=30),
)
# Conversations quiet for longer than this are not alerted (a review app started on an old
# database must not flood the staff chat with last month's conversations); one that was down for
# a night still sends what came in meanwhile, late rather than never.
FRESH_FOR = timedelta(hours=24)
# How long a process owns an alert it is sending: another review app process leaves it alone
# meanwhile, and takes it up if the first one died.
CLAIM_FOR = timedelta(minutes=2)


def channels(settings: Settings) -> list[str]:
    """The alert channels the clinic configured, for `make run`'s status and the dispatcher."""
    on = []
    if settings.telegram_alerts_on:
        on.append("telegram")
    if settings.email_alerts_on:
        on.append("email")
    return on


def reasons(row: Any) -> list[tuple[str, str]]:
    """(reason, tier) of what a conversation needs staff for; "" as the tier of a request. A
    request for a person after a red flag is a reason of its own: the patient now waits for
    someone, which the red flag's alert did not say."""
    found = []
    if row.red_flag:
        found.append((RED_FLAG, row.red_flag_tier or "unclear"))
    if row.person_requested or (row.needs_staff and not row.red_flag):
        found.append((STAFF_REQUEST, ""))
    return found


def already_told(reason: str, tier: str, told: set[str]) -> bool:
    """Whether an alert of this reason went out at this urgency or a more urgent one."""
    if reason != RED_FLAG:
        return bool(told)
    return any(more_urgent(earlier, tier) == earlier for earlier in told)


def enqueue(engine: Engine, settings: Settings, now: datetime) -> int:
    """Adds the alerts not made yet; returns how many were added."""
    on = channels(settings)
    if not on:
        return 0
    added = 0
    with engine.connect() as connection:
        rows = connection.execute(
            select(
                conversations.c.sender_id,
                conversations.c.red_flag,
                conversations.c.red_flag_tier,
                conversations.c.needs_staff,
                conversations.c.person_requested,
            ).where(
                (conversations.c.red_flag | conversations.c.needs_staff)
                & (conversations.c.last_at >= now - FRESH_FOR)
            )
        ).all()
        told: dict[tuple[str, str, str], set[str]] = {}
        for r in connection.execute(
            select(alerts.c.sender_id, alerts.c.reason, alerts.c.channel, alerts.c.tier).where(
                alerts.c.sender_id.in_([row.sender_id for row in rows])
            )
        ):
            told.setdefault((r.sender_id, r.reason, r.channel), set()).add(r.tier)
    for row in rows:
        for reason, tier in reasons(row):
            for channel in on:
                if already_told(reason, tier, told.get((row.sender_id, reason, channel), set())):
                    continue
                try:
                    with engine.begin() as connection:
                        connection.execute(
                            insert(alerts).values(
                                sender_id=row.sender_id,
                                reason=reason,
                                channel=channel,
                                tier=tier,
                                created_at=now,
                                status="pending",
                                attempts=0,
                                next_attempt_at=now,
                            )
                        )
                    added += 1
                except IntegrityError:  # another review app process made it first
                    continue
    return added


def _alert(row: Any, settings: Settings) -> Alert:
    return Alert(
        reason=row.reason,
        tier=row.tier or None,
        channel=row.conversation_channel,
        at=row.created_at,
        link=f"{settings.review_link_base}/c/{row.token}",
    )


def redact(text: str) -> str:
    """An error fit for the log and the database: no bot token, no SMTP password (both given to
    the redaction of every log line when the dispatcher starts)."""
    return redaction.redact(text)[:255]


class Dispatcher:
    def __init__(self, engine: Engine, settings: Settings) -> None:
        self.engine = engine
        self.settings = settings
        # The bot token travels in Bot API URLs and the SMTP password in its URL: neither may
        # reach a log line.
        protect(settings.telegram_bot_token, urlsplit(settings.smtp_url).password or "")
        quiet_http_loggers()
        self.client = httpx.AsyncClient(timeout=httpx.Timeout(15.0, connect=5.0))

    async def close(self) -> None:
        await self.client.aclose()

    async def send(self, channel: str, alert: Alert) -> None:
        if channel == "telegram":
            await send_telegram(
                self.client, self.settings, self.settings.staff_telegram_chat_id, alert.text()
            )
        elif channel == "email":
            await asyncio.to_thread(send_email, self.settings, alert_email(self.settings, alert))
        else:
            raise ValueError(f"unknown alert channel {channel}")

    async def deliver(self, now: datetime) -> int:
        """Sends the alerts that are due; returns how many went out."""
        with self.engine.connect() as connection:
            due = connection.execute(
                select(
                    alerts,
                    conversations.c.channel.label("conversation_channel"),
                    conversations.c.token,
                )
                .join(conversations, conversations.c.sender_id == alerts.c.sender_id)
                .where((alerts.c.status == "pending") & (alerts.c.next_attempt_at <= now))
                .order_by(alerts.c.id)
            ).all()
        results = await asyncio.gather(*(self.send_one(row, now) for row in due))
        return sum(results)

    def claim(self, row: Any, now: datetime) -> bool:
        """Owns the alert for CLAIM_FOR: False when another process took it first."""
        with self.engine.begin() as connection:
            taken = connection.execute(
                update(alerts)
                .where(
                    (alerts.c.id == row.id)
                    & (alerts.c.status == "pending")
                    & (alerts.c.next_attempt_at == row.next_attempt_at)
                )
                .values(next_attempt_at=now + CLAIM_FOR)
            )
        return bool(taken.rowcount)

    async def send_one(self, row: Any, now: datetime) -> int:
        """Sends one alert (each at its own pace: a slow mail server does not hold up the
        Telegram chat); 1 when it went out."""
        if not await asyncio.to_thread(self.claim, row, now):
            return 0
        values: dict[str, Any]
        try:
            await self.send(row.channel, _alert(row, self.settings))
        except Exception as error:
            attempts = row.attempts + 1
            message = redact(f"{type(error).__name__}: {error}")
            if attempts > len(RETRY_DELAYS):
                log.error("Alert %s by %s failed for good: %s", row.id, row.channel, message)
                values = {"status": "failed"}
            else:
                log.warning("Alert %s by %s failed (%s); retrying", row.id, row.channel, message)
                values = {"next_attempt_at": now + RETRY_DELAYS[attempts - 1]}
            values.update(attempts=attempts, last_error=message)
        else:
            values = {"status": "sent", "sent_at": now, "attempts": row.attempts + 1}
            log.info("Alert %s sent by %s", row.id, row.channel)
        with self.engine.begin() as connection:
            connection.execute(update(alerts).where(alerts.c.id == row.id).values(**values))
        return 1 if values.get("status") == "sent" else 0

    async def tick(self, now: datetime | None = None) -> None:
        now = now or datetime.utcnow()
        await asyncio.to_thread(refresh_index, self.engine, self.settings)
        await asyncio.to_thread(enqueue, self.engine, self.settings, now)
        await self.deliver(now)
        await asyncio.to_thread(beat, self.engine, now)
