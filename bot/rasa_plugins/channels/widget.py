"""The website widget's input channel: Rasa's socketio channel with session persistence that works.

Registered in credentials.yml as ``bot.rasa_plugins.channels.widget.WidgetInput``. It speaks the
protocol of Rasa's ``SocketIOInput`` (events ``session_request`` / ``session_confirm``,
``user_uttered`` / ``bot_uttered``) and fixes what makes ``session_persistence: true`` fail on Rasa
3.6 with python-socketio 5: Rasa calls ``sio.enter_room(sid, session_id)`` without awaiting it (a
coroutine in python-socketio's AsyncServer since 5.x), so the socket never joins the session's room
and the assistant's replies, sent to that room, reach nobody. Here the room is joined (awaited) and
each socket's session is remembered on the server (sid -> conversation id) instead of being trusted
from every message.

Additions for the widget:
- ``session_history`` after ``session_confirm``: the messages of the stored conversation, so that
  a reload or another page of the site shows the conversation so far;
- ``bot_turn_end`` once the assistant has sent everything for a message (the typing indicator);
- ``erase_session``: erases the conversation from the tracker store (the same code as Telegram's
  /forget) and answers ``session_erased`` (or ``erase_failed``).

The session id is a random 128-bit value made by the server, which issues with it a session
token, an HMAC of the id under the installation's secret (bot/storage/tokens.py): the
browser keeps both in localStorage and shows both to resume the conversation. A session id alone
(leaked from a log, a screenshot or a support ticket) opens a new, empty session: never
the conversation's history, its room (the assistant's and the staff's live replies) or its
erasure. Conversations are stored as ``web:<session id>``, so a browser can never reach another
channel's conversation.

Why localStorage and not an HttpOnly cookie: the widget runs on the clinic's website and talks to
the assistant's origin, so a cookie of the assistant's would be a third-party cookie, which
browsers block more and more (Safari, Firefox, Chrome's tracking protection); the conversation
would then be lost on every page. A script on the clinic's page could read the token as it could
the id; what changes is that the id alone, which shows up in more places, opens nothing.
"""

from __future__ import annotations

import asyncio
import functools
import hmac
import inspect
import logging
import re
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncRedisManager, AsyncServer

from bot.config import Settings, load_settings
from bot.rasa_plugins.channels.live import register_widget
from bot.storage.erase import erase_conversation
from bot.storage.history import conversation_history
from bot.storage.senders import WEB_PREFIX
from bot.storage.tokens import widget_session_token
from bot.triage.language import language_from_code
from bot.triage.language.texts import load_texts

logger = logging.getLogger(__name__)

CHANNEL = "web"
NOTICES_PATH = Path(__file__).with_name("notices.yml")
SENDER_PREFIX = WEB_PREFIX
SESSION_ID = re.compile(r"^[0-9a-f]{32}$")
MAX_MESSAGE_CHARS = 2000
LANGUAGE_CODE = re.compile(r"^[A-Za-z]{2}([-_][A-Za-z]{2})?$")


def valid_session_id(value: Any) -> str | None:
    return value if isinstance(value, str) and SESSION_ID.match(value) else None


def new_session_id() -> str:
    return uuid.uuid4().hex


def token_matches(settings: Settings, session_id: str, token: Any) -> bool:
    """Whether `token` is the one the server issued with `session_id` (in constant time)."""
    if not isinstance(token, str) or not token.isascii():
        return False
    return hmac.compare_digest(token, widget_session_token(settings, session_id))


def sender_for(session_id: str) -> str:
    return f"{SENDER_PREFIX}{session_id}"


def message_metadata(raw: Any) -> dict[str, Any]:
    """What the assistant gets from the page: its language, and that this is the web channel.
    Nothing else a page sends is passed on."""
    metadata: dict[str, Any] = {"channel": CHANNEL}
    language = raw.get("language") if isinstance(raw, dict) else None
    if isinstance(language, str) and LANGUAGE_CODE.match(language):
        metadata["language"] = language
    return metadata


@functools.cache
def _notices() -> dict[str, dict[str, str]]:
    return load_texts(NOTICES_PATH, ("not_handled",))


def not_handled_notice(language: Any) -> str:
    """What a patient is told when their message could not be handled, in the page's language."""
    texts = _notices()["not_handled"]
    return texts[language_from_code(language) or "en"]


class WidgetOutput(SocketIOOutput):
    """Rasa's socketio output, but a text with custom data is one message, with its suggested
    answers: the widget draws the urgent advice with its call buttons, the explanation with its
    referral map and the "where" question with its buttons and its body map together, not as
    separate bubbles (Rasa would send the text and buttons, then the custom data on its own)."""

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        custom = message.get("custom")
        if custom and message.get("text"):
            merged: dict[str, Any] = {"text": message["text"]}
            buttons = message.get("quick_replies") or message.get("buttons") or []
            if buttons:
                # As SocketIOOutput.send_text_with_buttons sends them.
                merged["quick_replies"] = [
                    {
                        "content_type": "text",
                        "title": button.get("title", ""),
                        "payload": button.get("payload", ""),
                    }
                    for button in buttons
                    if isinstance(button, dict)
                ]
            merged["custom"] = custom
            await self._send_message(recipient_id, merged)
            return
        await super().send_response(recipient_id, message)


async def _maybe_await(result: Any) -> None:
    # enter_room / leave_room are coroutines in python-socketio 5's AsyncServer; awaiting them is
    # the whole fix of Rasa 3.6's session persistence.
    if inspect.isawaitable(result):
        await result


class WidgetInput(SocketIOInput):
    """Rasa's socketio channel for the website widget (see the module docstring)."""

    @classmethod
    def name(cls) -> str:
        return CHANNEL

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> WidgetInput:
        credentials = credentials or {}
        return cls(
            user_message_evt=credentials.get("user_message_evt", "user_uttered"),
            bot_message_evt=credentials.get("bot_message_evt", "bot_uttered"),
            namespace=credentials.get("namespace"),
            session_persistence=True,
            socketio_path=credentials.get("socketio_path", "/socket.io"),
        )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sessions: dict[str, str] = {}  # socket id -> conversation id (sender id)
        settings = load_settings()
        self.settings = settings
        self.database_url = settings.tracker_database_url
        self.origin_allowed = settings.origin_allowed
        self.pubsub_url = settings.lock_store_url

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        # cors_allowed_origins=[]: python-socketio leaves CORS to Sanic (rasa run --cors).
        options: dict[str, Any] = {}
        if self.pubsub_url:
            # Several replicas: a message for a conversation (a staff reply sent through another
            # replica) reaches the sockets of every replica through Redis.
            options["client_manager"] = AsyncRedisManager(self.pubsub_url, channel="hcmc-widget")
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=[], **options)
        webhook = SocketBlueprint(sio, self.socketio_path, "widget_webhook", __name__)
        self.sio = sio
        namespace = self.namespace

        async def from_staff(sender_id: str, message: dict[str, Any]) -> None:
            # A staff member's reply or a join/leave notice, to every tab of the conversation.
            await sio.emit(self.bot_message_evt, message, room=sender_id, namespace=namespace)

        register_widget(from_staff)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=namespace)
        async def connect(sid: str, environ: dict[str, Any], auth: Any = None) -> bool:
            # Browsers apply CORS to HTTP requests but not to WebSockets, and Sanic's CORS (rasa
            # run --cors) only sees HTTP: the page's origin is checked here for both transports.
            # A client that sends no Origin is not a browser page and is let through.
            origin = str(environ.get("HTTP_ORIGIN") or "")
            if origin and not self.origin_allowed(origin):
                logger.warning(f"Widget connection refused from {origin} (HCMC_CORS_ORIGINS).")
                return False
            return True

        @sio.on("disconnect", namespace=namespace)
        async def disconnect(sid: str) -> None:
            self.sessions.pop(sid, None)

        async def join(sid: str, sender_id: str) -> None:
            previous = self.sessions.get(sid)
            if previous == sender_id:
                return
            if previous is not None:
                await _maybe_await(sio.leave_room(sid, previous, namespace=namespace))
            await _maybe_await(sio.enter_room(sid, sender_id, namespace=namespace))
            self.sessions[sid] = sender_id

        @sio.on("session_request", namespace=namespace)
        async def session_request(sid: str, data: Any) -> None:
            requested = self.resumable_session(data)
            session_id = requested or new_session_id()
            sender_id = sender_for(session_id)
            await join(sid, sender_id)
            # An object, as Rasa's webchat clients also accept: the token goes with the id.
            confirm = {
                "session_id": session_id,
                "session_token": widget_session_token(self.settings, session_id),
            }
            await sio.emit("session_confirm", confirm, room=sid, namespace=namespace)
            messages = await self.history(sender_id) if requested else []
            await sio.emit("session_history", {"messages": messages}, room=sid, namespace=namespace)

        @sio.on(self.user_message_evt, namespace=namespace)
        async def handle_message(sid: str, data: Any) -> None:
            if not isinstance(data, dict):
                return
            sender_id = self.sessions.get(sid)
            if sender_id is None:
                # A message sent before the session was confirmed (a reconnection): the browser
                # holds the session id and its token, all the session_request would have shown.
                session_id = self.resumable_session(data)
                if session_id is None:
                    logger.warning("A widget message without a valid session was ignored")
                    return
                sender_id = sender_for(session_id)
                await join(sid, sender_id)
            text = str(data.get("message") or "")[:MAX_MESSAGE_CHARS]
            message = UserMessage(
                text,
                WidgetOutput(sio, self.bot_message_evt),
                sender_id,
                input_channel=self.name(),
                metadata=message_metadata(data.get(self.metadata_key)),
            )
            try:
                await on_new_message(message)
            except Exception as error:  # noqa: BLE001 - the patient must hear of it, never silence
                # The type only: the error's text may quote the patient's message.
                logger.error("A widget message could not be handled (%s)", type(error).__name__)
                notice = not_handled_notice(message.metadata.get("language"))
                await sio.emit(
                    self.bot_message_evt, {"text": notice}, room=sender_id, namespace=namespace
                )
            finally:
                await sio.emit("bot_turn_end", {}, room=sender_id, namespace=namespace)

        @sio.on("erase_session", namespace=namespace)
        async def erase_session(sid: str, data: Any) -> None:
            # The socket's own session, which session_request checked; never an id in `data`.
            sender_id = self.sessions.get(sid)
            if sender_id is None:
                await sio.emit("erase_failed", {}, room=sid, namespace=namespace)
                return
            try:
                await asyncio.to_thread(erase_conversation, self.database_url, sender_id)
            except Exception:  # the database is unreachable: say so, erase nothing half-way
                logger.exception("Erasing a widget conversation failed")
                await sio.emit("erase_failed", {}, room=sid, namespace=namespace)
                return
            # Every tab of this conversation starts afresh (rooms left before anyone is told, so
            # that a tab's new session_request cannot be undone by this loop).
            tabs = [other for other, sender in self.sessions.items() if sender == sender_id]
            for other_sid in tabs:
                await _maybe_await(sio.leave_room(other_sid, sender_id, namespace=namespace))
                self.sessions.pop(other_sid, None)
            for other_sid in tabs:
                await sio.emit("session_erased", {}, room=other_sid, namespace=namespace)

        return webhook

    def resumable_session(self, data: Any) -> str | None:
        """The session id a client asks to resume, when it shows the token issued with it; None
        for no id or a wrong or missing token. Every id a client sends is read through here."""
        if not isinstance(data, dict):
            return None
        session_id = valid_session_id(data.get("session_id"))
        if session_id is None:
            return None
        if not token_matches(self.settings, session_id, data.get("session_token")):
            # Not the id: a log must not become the key it is protecting.
            logger.info("A widget session id without its valid token was refused")
            return None
        return session_id

    async def history(self, sender_id: str) -> list[dict[str, Any]]:
        try:
            return await asyncio.to_thread(conversation_history, self.database_url, sender_id)
        except Exception:  # no history is better than no conversation
            logger.exception("Reading a widget conversation's history failed")
            return []
