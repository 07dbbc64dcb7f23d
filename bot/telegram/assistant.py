"""Talking to the assistant (Rasa's REST channel): retries with backoff, one chat at a time.

Every chat's messages reach the assistant in the order the patient sent them, while other chats
go on concurrently: each update takes its place in its chat's line (`ChatSequencer.turn`) before
anything is awaited, and waits for the previous one of the same chat to finish.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable, Hashable
from types import TracebackType
from typing import Any

import httpx

logger = logging.getLogger(__name__)

Reply = dict[str, Any]


class AssistantUnavailable(Exception):
    """The assistant did not answer (down, overloaded, timed out): worth retrying."""


class AssistantRejected(Exception):
    """The assistant refused the message itself (HTTP 4xx): retrying would not help."""


class AssistantClient:
    """An async client for POST /webhooks/rest/webhook."""

    def __init__(self, url: str, timeout: float = 30.0, token: str = "") -> None:
        self.url = url
        # The channel key: the assistant's REST channel lets only the bridge speak for Telegram
        # conversations (bot/channels/rest.py).
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(timeout, connect=min(3.0, timeout)), headers=headers
        )
        # Last outcome, for the health endpoint: None before the first message.
        self.reachable: bool | None = None

    async def send(
        self, sender: str, message: str, metadata: dict[str, Any] | None = None
    ) -> list[Reply]:
        body: dict[str, Any] = {"sender": sender, "message": message}
        if metadata:
            body["metadata"] = metadata
        try:
            response = await self._client.post(self.url, json=body)
        except httpx.HTTPError as error:
            self.reachable = False
            raise AssistantUnavailable(f"{type(error).__name__} from {self.url}") from error
        if response.status_code >= 500 or response.status_code == 429:
            self.reachable = False
            raise AssistantUnavailable(f"HTTP {response.status_code} from {self.url}")
        if response.status_code >= 400:
            raise AssistantRejected(f"HTTP {response.status_code} from {self.url}")
        try:
            replies = response.json()
        except ValueError as error:
            self.reachable = False
            raise AssistantUnavailable(f"a reply that is not JSON from {self.url}") from error
        self.reachable = True
        return [reply for reply in replies if isinstance(reply, dict)] if replies else []

    async def close(self) -> None:
        await self._client.aclose()


async def send_with_retry(
    client: AssistantClient,
    sender: str,
    message: str,
    metadata: dict[str, Any] | None,
    *,
    on_delay: Callable[[], Awaitable[None]],
    notice_after: float,
    initial_delay: float,
    max_delay: float,
    retry_for: float,
) -> list[Reply] | None:
    """Sends one message until the assistant answers; None once `retry_for` seconds have passed.

    `on_delay` runs once, when no answer has come after `notice_after` seconds (the assistant is
    down or slow), so that the patient is told while the message keeps being retried.
    """
    noticed = False

    async def notice() -> None:
        nonlocal noticed
        if not noticed:
            noticed = True
            try:
                await on_delay()
            except Exception:  # the notice is a courtesy: never lose the message over it
                logger.exception("Could not tell the patient that the assistant is delayed")

    async def notice_later() -> None:
        await asyncio.sleep(notice_after)
        await notice()

    timer = asyncio.create_task(notice_later())
    deadline = time.monotonic() + retry_for
    delay = initial_delay
    try:
        while True:
            try:
                return await client.send(sender, message, metadata)
            except AssistantUnavailable as error:
                if time.monotonic() + delay > deadline:
                    logger.error("The assistant is still unreachable (%s): giving up", error)
                    await notice()
                    return None
                logger.warning(
                    "The assistant is unreachable (%s); retrying in %.1f s", error, delay
                )
            # Jitter spreads the retries of many chats after an outage.
            await asyncio.sleep(delay * random.uniform(0.8, 1.2))
            delay = min(delay * 2, max_delay)
    finally:
        timer.cancel()


class ChatSequencer:
    """Keeps each chat's work in arrival order; different chats never wait for each other."""

    def __init__(self) -> None:
        self._tails: dict[Hashable, asyncio.Future[None]] = {}

    def turn(self, key: Hashable) -> Turn:
        """Takes a place in `key`'s line now (synchronously); ``async with`` waits for it."""
        previous = self._tails.get(key)
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._tails[key] = done
        return Turn(self, key, previous, done)

    def _release(self, key: Hashable, done: asyncio.Future[None]) -> None:
        if not done.done():
            done.set_result(None)
        if self._tails.get(key) is done:
            del self._tails[key]

    def busy(self, key: Hashable) -> bool:
        return key in self._tails


class Turn:
    def __init__(
        self,
        sequencer: ChatSequencer,
        key: Hashable,
        previous: asyncio.Future[None] | None,
        done: asyncio.Future[None],
    ) -> None:
        self._sequencer = sequencer
        self._key = key
        self._previous = previous
        self._done = done

    async def __aenter__(self) -> None:
        if self._previous is None:
            return
        try:
            await asyncio.shield(self._previous)
        except asyncio.CancelledError:
            # Cancelled while waiting: pass the turn on only when the previous one is over.
            self._previous.add_done_callback(
                lambda _: self._sequencer._release(self._key, self._done)
            )
            raise

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._sequencer._release(self._key, self._done)

    def abandon(self) -> None:
        """Gives the turn up without using it (the update turned out to need no turn)."""
        if self._previous is None or self._previous.done():
            self._sequencer._release(self._key, self._done)
        else:
            self._previous.add_done_callback(
                lambda _: self._sequencer._release(self._key, self._done)
            )
