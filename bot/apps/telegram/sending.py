"""Calls to the Bot API that respect rate limits and survive network errors.

Telegram answers 429 with ``retry_after`` when a bot sends too fast: wait that long and try again.
A network error is retried with backoff; a refusal (the patient blocked the bot, a message that
cannot be edited) is logged and skipped. None of them ever reaches the event loop.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import warnings
from collections.abc import Awaitable, Callable
from typing import TypeVar

from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

logger = logging.getLogger(__name__)

T = TypeVar("T")
MAX_RETRY_AFTER = 300.0  # seconds; a longer ban is not worth holding a chat for


def retry_after_seconds(error: RetryAfter) -> float:
    with warnings.catch_warnings():
        # python-telegram-bot 22 warns that retry_after will become a timedelta.
        warnings.simplefilter("ignore")
        value = error.retry_after
    seconds = value.total_seconds() if isinstance(value, dt.timedelta) else float(value)
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


async def call_telegram(
    action: Callable[[], Awaitable[T]],
    what: str,
    attempts: int = 5,
    initial_delay: float = 1.0,
) -> T | None:
    """Runs one Bot API call; returns its result, or None when it could not be done."""
    delay = initial_delay
    for attempt in range(1, attempts + 1):
        try:
            return await action()
        except RetryAfter as error:
            wait = retry_after_seconds(error)
            logger.warning("Telegram rate limit on %s: waiting %.1f s", what, wait)
            await asyncio.sleep(wait)
            continue
        except BadRequest as error:
            # "message is not modified" and the like: nothing to retry.
            logger.info("Telegram refused %s: %s", what, error)
            return None
        except Forbidden as error:
            logger.info("Not allowed to %s: %s", what, error)
            return None
        except NetworkError as error:  # includes TimedOut
            if attempt == attempts:
                break
            logger.warning("Network error on %s (%s); retrying in %.1f s", what, error, delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 30.0)
        except TelegramError as error:
            logger.warning("Telegram error on %s: %s", what, error)
            return None
    logger.error("Gave up %s after %d attempts", what, attempts)
    return None
