"""Opaque per-conversation tokens for URLs: a sender id (e.g. a Telegram chat id) never appears in
a link; the token is an HMAC of it, so only the server can tell which conversation it belongs to."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from pathlib import Path

from bot.config import Settings

SECRET_FILE = "secret.key"


def secret_key(settings: Settings) -> bytes:
    """HCMC_SECRET_KEY, or a random key generated once in the var directory and shared by every
    process of this installation (action server, Rasa server, review app)."""
    if settings.secret_key:
        return settings.secret_key.encode()
    path: Path = settings.var_dir / SECRET_FILE
    if not path.exists():
        settings.var_dir.mkdir(parents=True, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process wrote it first
            pass
        else:
            with os.fdopen(descriptor, "w") as file:
                file.write(secrets.token_urlsafe(32))
    return path.read_text().strip().encode()


def conversation_token(settings: Settings, sender_id: str) -> str:
    digest = hmac.new(secret_key(settings), sender_id.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:16]).decode().rstrip("=")


def staff_api_token(settings: Settings) -> str:
    """The key the review app shows the Rasa server's staff channel
    (bot/rasa_plugins/channels/staff.py): derived from the installation's secret, so both processes
    know it without configuration."""
    return hmac.new(secret_key(settings), b"staff-api", hashlib.sha256).hexdigest()


def channel_key(settings: Settings) -> str:
    """What the installation's own channels (the Telegram bridge) show the REST channel to speak
    for their conversations (bot/rasa_plugins/channels/rest.py): HCMC_REST_TOKEN when set, else
    derived from the installation's secret."""
    if settings.rest_token:
        return settings.rest_token
    return hmac.new(secret_key(settings), b"rest-channels", hashlib.sha256).hexdigest()


def widget_session_token(settings: Settings, session_id: str) -> str:
    """The secret a browser keeps beside its widget session id
    (bot/rasa_plugins/channels/widget.py): only a browser the server gave a session to can resume
    it, and a leaked id alone is not enough. Derived from the installation's secret, so it needs no
    storage and every replica agrees."""
    message = b"widget-session:" + session_id.encode()
    return hmac.new(secret_key(settings), message, hashlib.sha256).hexdigest()
