"""A local fake of the Telegram Bot API, for the bridge's tests.

It serves ``/bot<token>/<method>`` over real HTTP on 127.0.0.1, as python-telegram-bot expects
of a custom base URL: getMe, getUpdates (long polling), setWebhook / deleteWebhook (then it POSTs
updates to the webhook with the secret token header, as Telegram does), sendMessage,
sendPhoto (an uploaded photo is kept as its bytes), editMessageReplyMarkup, answerCallbackQuery,
sendChatAction, setMyCommands... Every call is recorded; a failure (429 with retry_after, 500, a
dropped connection) can be injected.

It also builds the updates a user would cause: text, commands, a location, a photo, a button press.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

FAKE_TOKEN = "123456:TEST-TOKEN-abcdefghijklmnopqrstuvwxyz"
BOT_ID = 123456
BOT_USERNAME = "hcmc_test_bot"
# Parameters that python-telegram-bot sends as plain strings; every other one is JSON.
STRING_PARAMETERS = frozenset(
    {
        "text",
        "caption",
        "callback_query_id",
        "url",
        "secret_token",
        "parse_mode",
        "action",
        "language_code",
        "photo",
        "description",
    }
)


class BadRequest(Exception):
    """What Telegram answers with 400 (a message that does not exist, for instance)."""


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)


@dataclass
class Failure:
    status: int
    description: str
    retry_after: int | None = None


class FakeBotAPI:
    def __init__(self, token: str = FAKE_TOKEN) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.pending: list[dict[str, Any]] = []  # updates not yet fetched by getUpdates
        self.webhook_url: str | None = None
        self.webhook_secret: str | None = None
        self.webhook_statuses: list[int] = []
        self.failures: dict[str, list[Failure]] = {}
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._callback_ids = itertools.count(1)
        self._new_update = asyncio.Event()
        # (chat_id, message_id) -> the bot's message, as the bot sees it after edits.
        self.bot_messages: dict[tuple[int, int], dict[str, Any]] = {}
        self._runner: web.AppRunner | None = None
        self._delivery: asyncio.Task[None] | None = None
        self._session: aiohttp.ClientSession | None = None
        self.base_url = ""
        self._closing = False

    # --- server ------------------------------------------------------------------------------

    async def start(self, port: int = 0) -> FakeBotAPI:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.base_url = f"http://127.0.0.1:{port}"
        self._session = aiohttp.ClientSession()
        self._delivery = asyncio.create_task(self._deliver_to_webhook())
        return self

    async def stop(self) -> None:
        self._closing = True
        self._new_update.set()  # releases pending getUpdates long polls
        if self._delivery:
            self._delivery.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._delivery
        if self._session:
            await self._session.close()
        if self._runner:
            await self._runner.cleanup()

    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            return dict(await request.json())
        raw = dict(await request.post()) if request.can_read_body else {}
        params: dict[str, Any] = {}
        for key, value in {**dict(request.query), **raw}.items():
            if isinstance(value, web.FileField):
                params[key] = value.file.read()  # an uploaded file (a photo): its bytes
                continue
            value = str(value)
            if key in STRING_PARAMETERS:
                params[key] = value
                continue
            try:
                params[key] = json.loads(value)
            except ValueError:
                params[key] = value
        return params

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        method = request.match_info["method"]
        params = await self._params(request)
        self.calls.append(Call(method, params))
        queued = self.failures.get(method)
        if queued:
            failure = queued.pop(0)
            body: dict[str, Any] = {
                "ok": False,
                "error_code": failure.status,
                "description": failure.description,
            }
            if failure.retry_after is not None:
                body["parameters"] = {"retry_after": failure.retry_after}
            return web.json_response(body, status=failure.status)
        handler: Callable[[dict[str, Any]], Any] = getattr(
            self, f"_api_{method}", lambda params: True
        )
        try:
            result = handler(params)
            if asyncio.iscoroutine(result):
                result = await result
        except BadRequest as error:
            body = {"ok": False, "error_code": 400, "description": str(error)}
            return web.json_response(body, status=400)
        return web.json_response({"ok": True, "result": result})

    # --- Bot API methods ---------------------------------------------------------------------

    def _bot_user(self) -> dict[str, Any]:
        return {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "HCMC",
            "username": BOT_USERNAME,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    def _api_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._bot_user()

    def _api_deleteWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook_url = None
        return True

    def _api_setWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook_url = params["url"]
        self.webhook_secret = params.get("secret_token")
        self._new_update.set()
        return True

    def _api_getWebhookInfo(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"url": self.webhook_url or "", "has_custom_certificate": False,
                "pending_update_count": len(self.pending)}  # fmt: skip

    async def _api_getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        # Updates before the offset are confirmed: Telegram forgets them.
        self.pending = [u for u in self.pending if u["update_id"] >= offset]
        deadline = time.monotonic() + float(params.get("timeout") or 0)
        while not self.pending and time.monotonic() < deadline and not self._closing:
            self._new_update.clear()
            try:
                await asyncio.wait_for(self._new_update.wait(), deadline - time.monotonic())
            except asyncio.TimeoutError:
                break
        return list(self.pending)

    def _message(self, chat_id: int, **content: Any) -> dict[str, Any]:
        message_id = next(self._message_ids)
        message = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
            "from": self._bot_user(),
            **content,
        }
        self.bot_messages[(chat_id, message_id)] = message
        return message

    def _api_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        content: dict[str, Any] = {"text": params["text"]}
        markup = params.get("reply_markup")
        # Telegram shows the bot only inline keyboards in the messages it returns.
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            content["reply_markup"] = markup
        return self._message(int(params["chat_id"]), **content)

    def _api_sendPhoto(self, params: dict[str, Any]) -> dict[str, Any]:
        photo = [{"file_id": "photo", "file_unique_id": "photo", "width": 1, "height": 1}]
        caption = {"caption": params["caption"]} if params.get("caption") else {}
        return self._message(int(params["chat_id"]), photo=photo, **caption)

    def _api_editMessageReplyMarkup(self, params: dict[str, Any]) -> dict[str, Any]:
        key = (int(params["chat_id"]), int(params["message_id"]))
        if key not in self.bot_messages:
            raise BadRequest("Bad Request: message to edit not found")
        message = self.bot_messages[key]
        if isinstance(params.get("reply_markup"), dict):
            message["reply_markup"] = params["reply_markup"]
        else:
            message.pop("reply_markup", None)
        return message

    # --- webhook delivery, as Telegram does it -----------------------------------------------

    async def _deliver_to_webhook(self) -> None:
        while True:
            if not self.webhook_url or not self.pending:
                self._new_update.clear()
                await self._new_update.wait()
                continue
            update = self.pending[0]
            headers = {"X-Telegram-Bot-Api-Secret-Token": self.webhook_secret or ""}
            try:
                assert self._session is not None
                async with self._session.post(
                    self.webhook_url, json=update, headers=headers
                ) as response:
                    self.webhook_statuses.append(response.status)
                    delivered = response.status == 200
            except aiohttp.ClientError:
                delivered = False
            if delivered:
                self.pending.pop(0)
            else:
                await asyncio.sleep(0.2)  # Telegram retries an update until it is accepted

    # --- what a user does ----------------------------------------------------------------------

    def push(self, update: dict[str, Any]) -> dict[str, Any]:
        """Hands an update to the bot: by getUpdates, or POSTed to the webhook."""
        self.pending.append(update)
        self._new_update.set()
        return update

    def fail_next(
        self,
        method: str,
        status: int = 429,
        retry_after: int | None = 1,
        times: int = 1,
        description: str | None = None,
    ) -> None:
        description = description or (
            f"Too Many Requests: retry after {retry_after}" if status == 429 else "Internal Error"
        )
        self.failures.setdefault(method, []).extend(
            [Failure(status, description, retry_after if status == 429 else None)] * times
        )

    @staticmethod
    def user(chat_id: int, language: str | None = "en") -> dict[str, Any]:
        user: dict[str, Any] = {"id": abs(chat_id), "is_bot": False, "first_name": "Patient"}
        if language:
            user["language_code"] = language
        return user

    def _incoming(
        self,
        chat_id: int,
        language: str | None = "en",
        chat_type: str = "private",
        user_id: int | None = None,
        **content: Any,
    ) -> dict[str, Any]:
        user = self.user(user_id or chat_id, language)
        chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = "Patient"
        else:
            chat["title"] = "A group"
        return {
            "update_id": next(self._update_ids),
            "message": {
                "message_id": next(self._message_ids),
                "date": int(time.time()),
                "chat": chat,
                "from": user,
                **content,
            },
        }

    def text_update(self, chat_id: int, text: str, **kwargs: Any) -> dict[str, Any]:
        content: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            length = len(text.split()[0])
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        return self._incoming(chat_id, **kwargs, **content)

    def location_update(
        self, chat_id: int, latitude: float, longitude: float, **kwargs: Any
    ) -> dict[str, Any]:
        location = {"latitude": latitude, "longitude": longitude}
        return self._incoming(chat_id, **kwargs, location=location)

    def venue_update(
        self, chat_id: int, latitude: float, longitude: float, **kwargs: Any
    ) -> dict[str, Any]:
        location = {"latitude": latitude, "longitude": longitude}
        venue = {"location": location, "title": "Home", "address": "Somewhere"}
        return self._incoming(chat_id, **kwargs, location=location, venue=venue)

    def photo_update(self, chat_id: int, **kwargs: Any) -> dict[str, Any]:
        photo = [{"file_id": "p1", "file_unique_id": "p1", "width": 90, "height": 90}]
        return self._incoming(chat_id, **kwargs, photo=photo)

    def sticker_update(self, chat_id: int, **kwargs: Any) -> dict[str, Any]:
        sticker = {
            "file_id": "s1", "file_unique_id": "s1", "type": "regular", "width": 512,
            "height": 512, "is_animated": False, "is_video": False,
        }  # fmt: skip
        return self._incoming(chat_id, **kwargs, sticker=sticker)

    def voice_update(self, chat_id: int, **kwargs: Any) -> dict[str, Any]:
        voice = {"file_id": "v1", "file_unique_id": "v1", "duration": 3}
        return self._incoming(chat_id, **kwargs, voice=voice)

    def document_update(self, chat_id: int, **kwargs: Any) -> dict[str, Any]:
        document = {"file_id": "d1", "file_unique_id": "d1", "file_name": "scan.pdf"}
        return self._incoming(chat_id, **kwargs, document=document)

    def button_update(
        self, chat_id: int, title: str, language: str | None = "en"
    ) -> dict[str, Any]:
        """A press on the latest inline button of this chat whose title contains `title`."""
        for (chat, _), message in sorted(self.bot_messages.items(), reverse=True):
            if chat != chat_id:
                continue
            for row in (message.get("reply_markup") or {}).get("inline_keyboard", []):
                for button in row:
                    if title.lower() in button["text"].lower() and "callback_data" in button:
                        return self.callback_update(
                            chat_id, button["callback_data"], message, language
                        )
        raise AssertionError(f"no button {title!r} in chat {chat_id}: {self.texts(chat_id)}")

    def callback_update(
        self,
        chat_id: int,
        data: str,
        message: dict[str, Any],
        language: str | None = "en",
    ) -> dict[str, Any]:
        return {
            "update_id": next(self._update_ids),
            "callback_query": {
                "id": str(next(self._callback_ids)),
                "from": self.user(chat_id, language),
                "message": json.loads(json.dumps(message)),
                "chat_instance": str(chat_id),
                "data": data,
            },
        }

    # --- what the bot did ----------------------------------------------------------------------

    def methods(self) -> list[str]:
        return [call.method for call in self.calls]

    def sent(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        """The sendMessage calls, in order (for one chat when given)."""
        return [
            call.params
            for call in self.calls
            if call.method == "sendMessage"
            and (chat_id is None or int(call.params["chat_id"]) == chat_id)
        ]

    def photos(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        """The sendPhoto calls, in order (for one chat when given)."""
        return [
            call.params
            for call in self.calls
            if call.method == "sendPhoto"
            and (chat_id is None or int(call.params["chat_id"]) == chat_id)
        ]

    def shown(self, chat_id: int) -> list[str]:
        """What the chat shows, in order: each message's text, each photo as "[photo] caption"."""
        return [
            call.params["text"] if call.method == "sendMessage"
            else f"[photo] {call.params.get('caption') or ''}".rstrip()
            for call in self.calls
            if call.method in ("sendMessage", "sendPhoto")
            and int(call.params["chat_id"]) == chat_id
        ]  # fmt: skip

    def texts(self, chat_id: int | None = None) -> list[str]:
        return [params["text"] for params in self.sent(chat_id)]

    def answered(self) -> list[dict[str, Any]]:
        return [call.params for call in self.calls if call.method == "answerCallbackQuery"]

    async def wait_for(self, condition: Callable[[], bool], timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out; messages so far: {self.texts()}")
            await asyncio.sleep(0.02)

    async def wait_for_text(self, chat_id: int, fragment: str, timeout: float = 10.0) -> str:
        def found() -> bool:
            return any(fragment in text for text in self.texts(chat_id))

        await self.wait_for(found, timeout)
        return next(text for text in self.texts(chat_id) if fragment in text)
