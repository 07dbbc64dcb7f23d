"""Each Telegram update handled once, and kept on disk (bot/apps/telegram/queue.py) until it is.

Every update, polled or posted to the webhook, goes through python-telegram-bot's update queue
and then its update processor. The queue here writes an update down as it arrives (before the
processor's limit on concurrent updates can hold it back in memory) and drops duplicates; the
processor forgets it once the handlers are done. On stop, updates still waiting for the
assistant stay on disk and are handled on the next start.
"""

from __future__ import annotations

import asyncio
import contextvars
import inspect
import logging
import secrets
import sqlite3
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot.apps.telegram.queue import Admission, UpdateQueue

logger = logging.getLogger(__name__)


@dataclass
class Handling:
    """The update being handled in this task, for the handlers (see `delivery_id`)."""

    admission: Admission
    deliveries: int = 0

    def next_delivery_id(self) -> str:
        """The id sent with each message to the assistant; the same again after a restart."""
        self.deliveries += 1
        base = self.admission.delivery_id
        return base if self.deliveries == 1 else f"{base}.{self.deliveries}"


CURRENT: contextvars.ContextVar[Handling | None] = contextvars.ContextVar(
    "telegram_update", default=None
)


def delivery_id() -> tuple[str, bool]:
    """(the id of the message about to go to the assistant, whether it may already be there)."""
    handling = CURRENT.get()
    if handling is None:  # an update handled outside the processor (tests of a lone handler)
        return secrets.token_hex(8), False
    return handling.next_delivery_id(), handling.admission.resumed


class ArrivalQueue(asyncio.Queue[object]):
    """python-telegram-bot's update queue, writing each update down as it comes in."""

    def __init__(self, store: UpdateQueue) -> None:
        super().__init__()
        self.store = store

    def put_nowait(self, item: object) -> None:
        # `put` ends here too (the queue has no size limit).
        if isinstance(item, Update):
            try:
                new = self.store.keep(item.to_dict())
            except sqlite3.Error as error:
                logger.error("Could not write a Telegram update down (%s)", error)
                new = True
            if not new:
                logger.info("Telegram delivered update %d again: skipped", item.update_id)
                return
        super().put_nowait(item)

    def resume(self, update: Update) -> None:
        """Queues an update kept on disk from before a restart (already written down)."""
        super().put_nowait(update)


def _discard(coroutine: Awaitable[Any]) -> None:
    if inspect.iscoroutine(coroutine):
        coroutine.close()  # never run: no "never awaited" warning


class DurableUpdateProcessor(BaseUpdateProcessor):
    def __init__(self, queue: UpdateQueue, max_concurrent_updates: int) -> None:
        super().__init__(max_concurrent_updates)
        self.queue = queue
        self._handling: set[asyncio.Task[Any]] = set()
        self._stopping = False

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        if not isinstance(update, Update):
            await coroutine
            return
        update_id = update.update_id
        try:
            admission = self.queue.admit(update_id, update.to_dict())
        except sqlite3.Error as error:
            # A full or broken disk must not stop the patient being answered.
            logger.error("Could not write a Telegram update down (%s)", error)
            admission = Admission(update_id, secrets.token_hex(8))
        if admission is None:
            logger.info("Telegram update %d already handled or under way: skipped", update_id)
            _discard(coroutine)
            return
        if self._stopping:
            # Arrived while stopping: written down, handled after the restart.
            self.queue.release(update_id)
            _discard(coroutine)
            return
        task = asyncio.current_task()
        assert task is not None
        self._handling.add(task)
        token = CURRENT.set(Handling(admission))
        try:
            await coroutine
        except BaseException:
            # Cancelled on stop: the update stays on disk.
            self.queue.release(update_id)
            raise
        else:
            try:
                self.queue.done(update_id)
            except sqlite3.Error as error:
                logger.error("Could not mark a Telegram update handled (%s)", error)
        finally:
            CURRENT.reset(token)
            self._handling.discard(task)

    async def stop(self, grace: float) -> None:
        """Lets the updates under way finish for up to `grace` seconds, then stops the rest
        (they stay on disk); updates that arrive from now on are only written down."""
        self._stopping = True
        tasks = set(self._handling)
        if not tasks:
            return
        _, late = await asyncio.wait(tasks, timeout=grace)
        if late:
            logger.info("Stopping: %d Telegram message(s) kept for the next start", len(late))
        for task in late:
            task.cancel()
        await asyncio.gather(*late, return_exceptions=True)
