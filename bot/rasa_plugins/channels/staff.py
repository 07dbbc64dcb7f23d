"""Live takeover, served by the Rasa server as a custom channel (credentials.yml): the review app
asks it to pause a conversation, to pass on a staff member's replies and to resume it.

POST /webhooks/staff/takeover, /reply and /handback with JSON ``{"sender_id", "staff_name",
"text"}`` and ``Authorization: Bearer <staff_api_token>``. Each appends Rasa's own events to the
conversation under its lock: ``ConversationPaused`` (the assistant then logs the patient's messages
and runs the NLU, red-flag detector included, but says nothing), the staff member's messages as bot
utterances marked with their name (so the transcript and the widget's history show them as a
person), ``ConversationResumed`` on hand back. The patient is told when a person joins and leaves.
"""

from __future__ import annotations

import functools
import hmac
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.shared.core.events import BotUttered, ConversationPaused, ConversationResumed, Event
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.config import load_settings
from bot.rasa_plugins.channels.live import deliver
from bot.storage.tokens import staff_api_token
from bot.triage.language.texts import load_texts

log = logging.getLogger(__name__)

MESSAGES_PATH = Path(__file__).with_name("staff_messages.yml")
# A staff reply; the review app's form allows the same.
MAX_REPLY = 8000


@functools.lru_cache(maxsize=1)
def staff_messages() -> dict[str, dict[str, str]]:
    return load_texts(MESSAGES_PATH, ("joined", "left", "telegram_author"))


def say(key: str, language: str, name: str) -> str:
    texts = staff_messages()[key]
    return texts.get(language, texts["en"]).format(name=name)


def first_name(staff_name: str) -> str:
    name = staff_name.strip().split()[0] if staff_name.strip() else "HCMC"
    return name[:1].upper() + name[1:]


def authorised(request: Request) -> bool:
    expected = f"Bearer {staff_api_token(load_settings())}"
    given = request.headers.get("Authorization", "")
    return hmac.compare_digest(given.encode(), expected.encode())


class StaffInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "staff"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        hook = Blueprint("staff_takeover", __name__)

        async def append(
            request: Request, sender_id: str, make: Callable[[str], list[Event]]
        ) -> str | None:
            """Adds the events `make(language)` to the stored conversation and returns its
            language; None when there is no such conversation."""
            agent = request.app.ctx.agent
            async with agent.lock_store.lock(sender_id):
                tracker = await agent.tracker_store.retrieve(sender_id)
                if tracker is None or not tracker.events:
                    return None
                language = str(tracker.get_slot("language") or "en")
                for event in make(language):
                    tracker.update(event)
                # Erased meanwhile (the widget's "clear", Telegram's /forget, the review app):
                # saving now would write the whole conversation back.
                if not await agent.tracker_store.exists(sender_id):
                    return None
                await agent.tracker_store.save(tracker)
            return language

        async def handle(request: Request, action: str) -> HTTPResponse:
            if not authorised(request):
                return response.json({"error": "forbidden"}, status=403)
            body = request.json if isinstance(request.json, dict) else {}
            sender_id = str(body.get("sender_id") or "")
            name = first_name(str(body.get("staff_name") or ""))
            text = str(body.get("text") or "").strip()[:MAX_REPLY]
            if not sender_id or (action == "reply" and not text):
                return response.json({"error": "sender_id and text are needed"}, status=400)
            staff = {"staff_name": name}
            notice_key = {"takeover": "joined", "handback": "left"}.get(action)

            def events(language: str) -> list[Event]:
                if notice_key is None:
                    return [BotUttered(text, metadata=staff)]
                notice = BotUttered(
                    say(notice_key, language, name), metadata={**staff, "notice": True}
                )
                if action == "takeover":
                    return [ConversationPaused(), notice]
                return [notice, ConversationResumed()]

            language = await append(request, sender_id, events)
            if language is None:
                return response.json({"error": "no such conversation"}, status=404)
            message: dict[str, Any]
            if notice_key is None:
                message = {"text": text, "staff": {"name": name}}
                telegram_text = f"{say('telegram_author', language, name)}\n{text}"
            else:
                telegram_text = say(notice_key, language, name)
                message = {"text": telegram_text, "notice": True}
            try:
                live = await deliver(load_settings(), sender_id, message, telegram_text)
            except Exception as error:  # stored, but the patient did not get it now: say so
                log.warning("A staff message could not be delivered: %s", type(error).__name__)
                return response.json({"stored": True, "delivered": False, "error": "delivery"})
            return response.json({"stored": True, "delivered": live})

        @hook.route("/takeover", methods=["POST"])
        async def takeover(request: Request) -> HTTPResponse:
            return await handle(request, "takeover")

        @hook.route("/reply", methods=["POST"])
        async def reply(request: Request) -> HTTPResponse:
            return await handle(request, "reply")

        @hook.route("/handback", methods=["POST"])
        async def handback(request: Request) -> HTTPResponse:
            return await handle(request, "handback")

        return hook
