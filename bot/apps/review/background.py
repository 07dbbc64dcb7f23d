"""What the review app does by itself while it serves: the staff alerts (when a channel is
configured) and handing back takeovers that staff left idle."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime

from sqlalchemy.engine import Engine

from bot.alerts.dispatcher import POLL_SECONDS, Dispatcher, channels
from bot.apps.review.takeover import hand_back_idle
from bot.config import Settings

log = logging.getLogger(__name__)


async def run_background(
    engine: Engine, settings: Settings, stop: asyncio.Event, interval: float = POLL_SECONDS
) -> None:
    dispatcher = Dispatcher(engine, settings) if channels(settings) else None
    log.info("Staff alerts on: %s", ", ".join(channels(settings)) or "none (review queue only)")
    try:
        while not stop.is_set():
            try:
                if dispatcher is not None:
                    await dispatcher.tick()
                await hand_back_idle(engine, settings, datetime.utcnow())
            except Exception:  # never stop over one bad round
                log.exception("A background round of the review app failed")
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=interval)
    finally:
        if dispatcher is not None:
            await dispatcher.close()
