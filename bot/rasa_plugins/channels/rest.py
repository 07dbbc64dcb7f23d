"""Rasa's REST channel, guarded (credentials.yml): the conversations of the other channels cannot
be reached through it, and with HCMC_REST_TOKEN set it answers only callers that show it.

The Telegram bridge talks to the assistant over REST with conversation ids "telegram:<chat id>",
and the widget's conversations are "web:<session id>": anyone who knew or guessed such an id could
otherwise read that patient's summary and write into their conversation. Those ids need the
channel key (``channel_key``), which only the installation's own processes can derive; any other
sender id is a REST conversation of its own.

A message is answered or refused loudly: Rasa's own receive answers ``200 []`` when a message could
not be handled (the conversation's lock not obtained under load, an error), which a client cannot
tell from "no reply", and it logs the patient's text with the failure. Here such a message gets 503
(busy: try again) or 500, and the log names the failure only.
"""

from __future__ import annotations

import functools
import hmac
import inspect
import logging
from asyncio import CancelledError
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.lock_store import LockError
from rasa.utils.endpoints import bool_arg
from sanic import Blueprint, response
from sanic.exceptions import SanicException
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.config import Settings, load_settings
from bot.storage.senders import TELEGRAM_PREFIX, WEB_PREFIX
from bot.storage.tokens import channel_key

MAX_SENDER = 255
# Room for a long story (and for any Telegram message, at most 4,096), far below what would stall
# the NLU for everyone (a 300,000-character message froze every conversation for seconds).
MAX_MESSAGE_CHARS = 10_000
# Seconds a client should wait before sending a message again that found its conversation busy.
RETRY_AFTER = 2

logger = logging.getLogger(__name__)


def bearer(request: Request) -> str:
    value = request.headers.get("Authorization", "")
    return value[len("Bearer ") :].strip() if value.startswith("Bearer ") else ""


def same(given: str, expected: str) -> bool:
    return bool(given) and bool(expected) and hmac.compare_digest(given.encode(), expected.encode())


def check_sender(body: Any, token: str, settings: Settings, key: str | None = None) -> str:
    """The sender id of a request, or SanicException with the status to answer. ``key``: the
    channel key when the caller already has it (else it is derived here)."""
    if not isinstance(body, dict):
        raise SanicException("The body must be a JSON object.", status_code=400)
    if settings.rest_token and not same(token, settings.rest_token):
        raise SanicException("This REST channel needs its token.", status_code=401)
    sender = body.get("sender")
    if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER:
        raise SanicException("The body needs a sender (a conversation id).", status_code=400)
    other_channel = sender.startswith((TELEGRAM_PREFIX, WEB_PREFIX))
    if other_channel and not same(token, key or channel_key(settings)):
        raise SanicException("This conversation belongs to another channel.", status_code=403)
    message = body.get("message")
    if message is not None and not isinstance(message, str):
        raise SanicException("The message must be text.", status_code=400)
    if message and len(message) > MAX_MESSAGE_CHARS:
        raise SanicException(
            f"Messages are limited to {MAX_MESSAGE_CHARS} characters.", status_code=413
        )
    return sender


class GuardedRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    @functools.cached_property
    def settings(self) -> Settings:
        # Read once: this runs for every message, and the settings do not change while serving.
        return load_settings()

    @functools.cached_property
    def key(self) -> str:
        return channel_key(self.settings)

    async def _extract_sender(self, req: Request) -> str:
        return check_sender(req.json, bearer(req), self.settings, self.key)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        module = inspect.getmodule(self)
        webhook = Blueprint(
            f"custom_webhook_{type(self).__name__}", module.__name__ if module else None
        )

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> Any:
            sender_id = await self._extract_sender(request)
            text = self._extract_message(request)
            input_channel = self._extract_input_channel(request)
            metadata = self.get_metadata(request)
            if bool_arg(request, "stream", default=False):
                # Rasa's streamed answer never ends when the message fails: not offered.
                raise SanicException("Streamed answers are not offered.", status_code=400)
            collector = CollectingOutputChannel()
            message = UserMessage(
                text, collector, sender_id, input_channel=input_channel, metadata=metadata
            )
            return await answer(on_new_message, message, collector)

        return webhook


async def answer(
    on_new_message: Callable[[UserMessage], Awaitable[None]],
    message: UserMessage,
    collector: CollectingOutputChannel,
) -> HTTPResponse:
    """The replies to one message, or an error status saying it was not handled."""
    try:
        await on_new_message(message)
    except LockError:
        # Too many messages at once for one conversation: nothing of this one was handled or
        # stored, so the client may send it again.
        logger.warning("A REST message found its conversation busy; answered 503.")
        return response.json(
            {"error": "This conversation is busy; send the message again."},
            status=503,
            headers={"Retry-After": str(RETRY_AFTER)},
        )
    except (CancelledError, Exception) as error:
        # The type only: the exception's text may quote the patient's message.
        logger.error("A REST message could not be handled (%s).", type(error).__name__)
        return response.json({"error": "The message could not be handled."}, status=500)
    return response.json(collector.messages)
