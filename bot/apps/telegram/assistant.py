"""Talking to the assistant (Rasa's REST channel): retries with backoff, one chat at a time.

Every chat's messages reach the assistant in the order the patient sent them, while other chats
go on concurrently: each update takes its place in its chat's line (`ChatSequencer.turn`) before
anything is awaited, and waits for the previous one of the same chat to finish.

A message counts as answered only when the assistant took it: Rasa's REST channel answers
``200 []`` when it gave up waiting for the conversation's lock (the message was neither processed
nor stored), and an HTTP error status when it is overloaded or down. Both are retried; as an empty
answer can also be a real one (a turn with nothing to say), the tracker store then settles it
(bot/apps/telegram/turns.py). A server error says that handling this very message failed: it is
retried a few times only, as it would likely fail again. A refusal (client error) is never
retried.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import random
import time
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from types import TracebackType
from typing import Any

import httpx

logger = logging.getLogger(__name__)

Reply = dict[str, Any]
# Reads back the assistant's replies when it already has the message; None when it has not.
Confirm = Callable[[], Awaitable[list[Reply] | None]]


class AssistantUnavailable(Exception):
    """The assistant did not take the message (down, overloaded, timed out): worth retrying.

    `maybe_taken`: the request reached it, so it may have handled the message before failing.
    `busy`: it answered, but did not take the message (lock timeout, overload).
    `failed`: it failed while handling the message (server error): worth a few more tries only."""

    def __init__(
        self, reason: str, *, maybe_taken: bool = True, busy: bool = False, failed: bool = False
    ) -> None:
        super().__init__(reason)
        self.maybe_taken = maybe_taken
        self.busy = busy
        self.failed = failed


class AssistantRejected(Exception):
    """The assistant refused the message itself (HTTP 4xx): retrying would not help."""

    def __init__(self, status: int) -> None:
        super().__init__(f"HTTP {status}")
        self.status = status


# Why a message was not passed on; each has its own text for the patient (messages.yml).
UNREACHABLE = "unreachable"  # down the whole retry period
BUSY = "busy"  # reachable, but kept refusing it under load
FAILED = "failed"  # kept failing while handling it (internal server error)
REJECTED = "rejected"  # refused it (a client error): it will never be taken


@dataclass(frozen=True)
class Unanswered:
    """The message could not be passed on; `reason` is one of the constants above."""

    reason: str


class AssistantClient:
    """An async client for POST /webhooks/rest/webhook."""

    def __init__(self, url: str, timeout: float = 30.0, token: str = "") -> None:
        self.url = url
        # The channel key: the assistant's REST channel lets only the bridge speak for Telegram
        # conversations (bot/rasa_plugins/channels/rest.py).
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(timeout, connect=min(3.0, timeout)), headers=headers
        )
        # Last outcome, for the health endpoint: None before the first message.
        self.reachable: bool | None = None
        # Requests under way per conversation: they go on when their sender stops waiting, and
        # an erasure waits for them so that no message sent before it lands after it.
        self._in_flight: dict[str, set[asyncio.Future[httpx.Response]]] = {}

    async def send(
        self, sender: str, message: str, metadata: dict[str, Any] | None = None
    ) -> list[Reply]:
        body: dict[str, Any] = {"sender": sender, "message": message}
        if metadata:
            body["metadata"] = metadata
        request = asyncio.ensure_future(self._client.post(self.url, json=body))
        self._in_flight.setdefault(sender, set()).add(request)
        request.add_done_callback(functools.partial(self._landed, sender))
        try:
            response = await asyncio.shield(request)
        except (httpx.ConnectError, httpx.ConnectTimeout) as error:
            self.reachable = False
            raise AssistantUnavailable(
                f"{type(error).__name__} from {self.url}", maybe_taken=False
            ) from error
        except httpx.HTTPError as error:  # sent, but no answer: it may have been handled
            self.reachable = False
            raise AssistantUnavailable(f"{type(error).__name__} from {self.url}") from error
        status = response.status_code
        if status >= 500 or status == 429:
            self.reachable = False
            # A bad gateway or gateway timeout comes from a proxy in front of an assistant that
            # is down or slow: worth the whole retry period, like unavailable.
            raise AssistantUnavailable(
                f"HTTP {status} from {self.url}",
                busy=status in (429, 503),
                failed=status not in (429, 502, 503, 504),
            )
        if status >= 400:
            self.reachable = True
            raise AssistantRejected(status)
        try:
            replies = response.json()
        except ValueError as error:
            self.reachable = False
            raise AssistantUnavailable(f"a reply that is not JSON from {self.url}") from error
        self.reachable = True
        if not replies:
            # What the REST channel answers when the conversation's lock timed out.
            raise AssistantUnavailable(f"an empty answer from {self.url}", busy=True)
        return [reply for reply in replies if isinstance(reply, dict)]

    async def settled(self, sender: str) -> None:
        """Waits for `sender`'s requests under way (each bounded by the request timeout)."""
        requests = self._in_flight.get(sender)
        if requests:
            await asyncio.wait(set(requests))

    def _landed(self, sender: str, request: asyncio.Future[httpx.Response]) -> None:
        requests = self._in_flight.get(sender, set())
        requests.discard(request)
        if not requests:
            self._in_flight.pop(sender, None)
        if not request.cancelled():
            request.exception()  # read, so that a request nobody awaits any more logs nothing

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
    failed_attempts: int = 3,
    confirm: Confirm | None = None,
    maybe_taken: bool = False,
) -> list[Reply] | Unanswered:
    """Sends one message until the assistant takes it; `Unanswered` once `retry_for` seconds
    have passed, after `failed_attempts` server errors, or at once when it refuses the message.

    `on_delay` runs once, when no answer has come after `notice_after` seconds (the assistant is
    down or slow), so that the patient is told while the message keeps being retried; not while
    the last attempt failed with a server error, as that message may never be passed on.
    `confirm`, after an outcome that leaves it unclear whether the assistant has the message
    (and first of all when `maybe_taken`, a message from before a restart), reads back its
    replies instead of sending the message twice.
    """
    noticed = False
    due = False  # `notice_after` has passed
    failing = False  # the last attempt ended in a server error
    failures = 0

    async def notice() -> None:
        nonlocal noticed, due
        due = True
        if not noticed and not failing:
            noticed = True
            try:
                await on_delay()
            except Exception:  # the notice is a courtesy: never lose the message over it
                logger.exception("Could not tell the patient that the assistant is delayed")

    async def confirmed() -> list[Reply] | None:
        if confirm is None:
            return None
        try:
            return await confirm()
        except Exception as error:  # unknown: sending again is better than losing the message
            logger.warning("Could not check whether the assistant has a message (%s)", error)
            return None

    async def notice_later() -> None:
        await asyncio.sleep(notice_after)
        await notice()

    timer = asyncio.create_task(notice_later())
    deadline = time.monotonic() + retry_for
    delay = initial_delay
    try:
        if maybe_taken:
            stored = await confirmed()
            if stored is not None:
                return stored
        while True:
            try:
                return await client.send(sender, message, metadata)
            except AssistantRejected as error:
                # The status only: what the patient wrote stays out of the logs.
                logger.error("The assistant refused a message (HTTP %d)", error.status)
                return Unanswered(REJECTED)
            except AssistantUnavailable as error:
                stored = await confirmed() if error.maybe_taken else None
                if stored is not None:
                    logger.info("The assistant had the message already (%s)", error)
                    return stored
                failing = error.failed
                if failing:
                    failures += 1
                if failures >= failed_attempts:
                    logger.error("The assistant keeps failing on a message (%s)", error)
                    return Unanswered(FAILED)
                if time.monotonic() + delay > deadline:
                    # No "briefly unavailable" now: the patient is told it was not passed on.
                    logger.error("The assistant still does not take the message (%s)", error)
                    return Unanswered(BUSY if error.busy else UNREACHABLE)
                if due:
                    await notice()  # held back while it was failing
                logger.warning(
                    "The assistant did not take the message (%s); retrying in %.1f s", error, delay
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
