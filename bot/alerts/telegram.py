"""Alerts to the staff's Telegram chat (HCMC_STAFF_TELEGRAM_CHAT_ID) through the assistant's bot."""

from __future__ import annotations

import httpx

from bot.config import Settings


class TelegramRefused(Exception):
    """The Bot API answered with an error (an unknown chat is a 400)."""


async def send_telegram(
    client: httpx.AsyncClient, settings: Settings, chat_id: str, text: str
) -> None:
    response = await client.post(
        settings.telegram_method_url("sendMessage"),
        json={"chat_id": chat_id, "text": text, "disable_web_page_preview": True},
    )
    try:
        body = response.json()
    except ValueError:
        body = {}
    if response.status_code != 200 or not body.get("ok"):
        description = body.get("description") or f"HTTP {response.status_code}"
        raise TelegramRefused(f"Telegram refused the message: {description}")
