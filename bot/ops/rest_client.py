"""A small client for Rasa's REST channel, used by the terminal chat and the end-to-end tests."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

from bot.config import load_settings


class RestClient:
    def __init__(
        self, webhook_url: str, sender: str, timeout: float = 30.0, token: str | None = None
    ) -> None:
        self.webhook_url = webhook_url
        self.sender = sender
        self.timeout = timeout
        # HCMC_REST_TOKEN by default; the channel key to speak for another channel's conversation.
        self.token = load_settings().rest_token if token is None else token

    def send(self, message: str, metadata: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Sends one user message; returns the assistant's replies (text, buttons...)."""
        body: dict[str, Any] = {"sender": self.sender, "message": message}
        if metadata:
            body["metadata"] = metadata
        request = urllib.request.Request(
            self.webhook_url,
            data=json.dumps(body).encode("utf-8"),
            headers={
                "Content-Type": "application/json",
                **({"Authorization": f"Bearer {self.token}"} if self.token else {}),
            },
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            replies: list[dict[str, Any]] = json.loads(response.read().decode("utf-8"))
        return replies


def reply_texts(replies: list[dict[str, Any]]) -> list[str]:
    return [reply["text"] for reply in replies if reply.get("text")]


def reply_buttons(replies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [button for reply in replies for button in reply.get("buttons") or []]
