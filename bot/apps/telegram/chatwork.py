"""Each chat's updates under way, so that /forget can drop those that came before it.

An update waits for its chat's turn (ChatSequencer) and then, while the assistant is down, may be
retried for a long time: /forget must neither wait behind it nor let it reach the assistant after
the erasure. Each handler registers its task here, synchronously, as it takes its turn; /forget
cancels the chat's earlier ones, which then end quietly (no reply: the patient asked to erase).
"""

from __future__ import annotations

import asyncio
import logging
from types import TracebackType

logger = logging.getLogger(__name__)


class ChatWork:
    def __init__(self) -> None:
        self._tasks: dict[int, dict[asyncio.Task[object], int]] = {}
        self._dropped: set[asyncio.Task[object]] = set()

    def droppable(self, chat_id: int, update_id: int) -> Droppable:
        """Registers the current task now; ``async with`` it around the update's handling."""
        task = asyncio.current_task()
        assert task is not None
        self._tasks.setdefault(chat_id, {})[task] = update_id
        return Droppable(self, chat_id, task)

    def drop_before(self, chat_id: int, update_id: int) -> int:
        """Cancels the chat's updates that came before `update_id`; returns how many."""
        dropped = 0
        for task, earlier in list(self._tasks.get(chat_id, {}).items()):
            if earlier < update_id and task is not asyncio.current_task() and not task.done():
                self._dropped.add(task)
                task.cancel()
                dropped += 1
        return dropped

    def _end(self, chat_id: int, task: asyncio.Task[object]) -> bool:
        """Unregisters `task`; whether it was dropped."""
        tasks = self._tasks.get(chat_id, {})
        tasks.pop(task, None)
        if not tasks:
            self._tasks.pop(chat_id, None)
        if task not in self._dropped:
            return False
        self._dropped.discard(task)
        return True


class Droppable:
    def __init__(self, work: ChatWork, chat_id: int, task: asyncio.Task[object]) -> None:
        self._work = work
        self._chat_id = chat_id
        self._task = task

    async def __aenter__(self) -> None:
        return None

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> bool:
        dropped = self._work._end(self._chat_id, self._task)
        if dropped and isinstance(exc, asyncio.CancelledError):
            # Our own cancellation: the update ends as handled, not as stopped.
            uncancel = getattr(self._task, "uncancel", None)
            if uncancel is not None:
                uncancel()
            logger.info("Dropped a Telegram message sent before an erasure")
            return True
        return False
