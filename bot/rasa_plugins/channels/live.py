"""Messages from staff to a patient, on the channel the patient uses, outside Rasa's own turns.

The widget's socket.io server lives in the Rasa process (bot/rasa_plugins/channels/widget.py) and
registers itself here; Telegram chats are reached through the Bot API with the assistant's own bot.
A REST conversation has no live connection: the message is only stored with the conversation.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

import httpx

from bot.alerts.telegram import send_telegram
from bot.config import Settings
from bot.redaction import protect, quiet_http_loggers
from bot.storage.senders import TELEGRAM_PREFIX, WEB_PREFIX

log = logging.getLogger(__name__)

# Telegram refuses longer texts; longer staff replies go as several messages.
TELEGRAM_LIMIT = 4096


class Emitter(Protocol):
    async def __call__(self, sender_id: str, message: dict[str, Any]) -> None: ...


_widget: Emitter | None = None


def register_widget(emit: Emitter) -> None:
    global _widget
    _widget = emit


def split_for_telegram(text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Pieces of at most `limit` characters, cut at a paragraph, a line or a space when it can."""
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[:limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(" "))
        if cut < limit // 2:
            cut = limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


async def to_telegram(settings: Settings, chat_id: str, text: str) -> None:
    if not settings.telegram_bot_token:
        raise RuntimeError("TELEGRAM_BOT_TOKEN is not set: no way to reach a Telegram chat")
    protect(settings.telegram_bot_token)
    quiet_http_loggers()
    async with httpx.AsyncClient(timeout=httpx.Timeout(15.0, connect=5.0)) as client:
        for piece in split_for_telegram(text):
            await send_telegram(client, settings, chat_id, piece)


async def deliver(
    settings: Settings, sender_id: str, message: dict[str, Any], telegram_text: str
) -> bool:
    """Sends to the patient now; False when the channel has no live connection (REST)."""
    if sender_id.startswith(WEB_PREFIX):
        if _widget is None:
            return False
        await _widget(sender_id, message)
        return True
    if sender_id.startswith(TELEGRAM_PREFIX):
        await to_telegram(settings, sender_id[len(TELEGRAM_PREFIX) :], telegram_text)
        return True
    return False
