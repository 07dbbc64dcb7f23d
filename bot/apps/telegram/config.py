"""Settings of the Telegram bridge, read from the environment.

Kept free of python-telegram-bot imports so that `make run` (bot/ops/supervisor.py) can read them
cheaply. The bridge also reuses the assistant's own settings (bot/config.py): where the assistant
listens, the tracker store, the retention period and the centres' contact routes.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bot.config import PROJECT_ROOT, Settings, env_port, load_settings
from bot.storage.tokens import channel_key

MODES = ("polling", "webhook")
DEFAULT_API_BASE_URL = "https://api.telegram.org"
DEFAULT_WEBHOOK_PATH = "/telegram/webhook"
DEFAULT_LISTEN_PORT = 5080
# Telegram's rule for setWebhook's secret_token: 1-256 characters, A-Z, a-z, 0-9, _ and -.
SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
# "123456789:AA..." : digits, a colon, then the secret part.
TOKEN_PATTERN = re.compile(r"^\d+:[A-Za-z0-9_-]+$")


@dataclass(frozen=True)
class TelegramSettings:
    """What the bridge needs; the token and the webhook secret never appear in its repr."""

    token: str = field(repr=False)
    mode: str = "polling"
    webhook_url: str = ""
    webhook_secret: str = field(default="", repr=False)
    # The bridge's own HTTP server: /health in both modes, the webhook in webhook mode.
    listen_host: str = "127.0.0.1"
    listen_port: int = DEFAULT_LISTEN_PORT
    assistant_url: str = "http://127.0.0.1:5005/webhooks/rest/webhook"
    api_base_url: str = DEFAULT_API_BASE_URL
    database_url: str = f"sqlite:///{PROJECT_ROOT / 'var' / 'conversations.db'}"
    retention_days: int = 90
    # Centre name -> phone, e-mail or booking page, told to patients when the assistant is down.
    contact_routes: tuple[tuple[str, str], ...] = ()
    # Remembers long button payloads across restarts; None keeps them in memory only.
    payload_store_path: Path | None = None
    # Messages waiting for the assistant and recently handled update ids, kept across restarts
    # (bot/apps/telegram/queue.py); None keeps them in memory only.
    queue_path: Path | None = None
    domain_dir: Path = PROJECT_ROOT / "domain"
    # What the assistant's REST channel wants to let the bridge speak for Telegram conversations
    # (bot/rasa_plugins/channels/rest.py).
    assistant_token: str = field(default="", repr=False)
    # The staff's alert chat (HCMC_STAFF_TELEGRAM_CHAT_ID): the bot posts alerts there and never
    # answers in it.
    staff_chat_id: str = ""
    # Timings. Not environment variables: the defaults suit production, tests shorten them.
    notice_after: float = 4.0  # seconds before "briefly unavailable" when the assistant is slow
    request_timeout: float = 30.0  # one HTTP request to the assistant
    retry_initial_delay: float = 1.0
    retry_max_delay: float = 30.0
    retry_for: float = 900.0  # then the patient is asked to send the message again later
    # Server errors on one message before the patient is told it cannot be handled: such a
    # message would likely fail every time, and hold up the chat's later ones.
    failed_attempts: int = 3
    poll_timeout: float = 10.0  # getUpdates long-polling timeout
    telegram_retry_attempts: int = 5
    # On stop, how long messages under way may still finish; the rest wait on disk. Shorter than
    # the time the supervisor gives the bridge before killing it (bot/ops/supervisor.py).
    stop_grace: float = 5.0

    @property
    def webhook_path(self) -> str:
        path = urlsplit(self.webhook_url).path.rstrip("/")
        return path or DEFAULT_WEBHOOK_PATH

    @property
    def health_url(self) -> str:
        return f"http://{self.listen_host}:{self.listen_port}/health"

    @property
    def bot_api_base_url(self) -> str:
        """What python-telegram-bot puts before the token: ``https://api.telegram.org/bot``."""
        return f"{self.api_base_url.rstrip('/')}/bot"

    @property
    def bot_file_base_url(self) -> str:
        return f"{self.api_base_url.rstrip('/')}/file/bot"


def token_from(env: Mapping[str, str]) -> str:
    return env.get("TELEGRAM_BOT_TOKEN", "").strip()


def contact_routes_of(settings: Settings) -> tuple[tuple[str, str], ...]:
    """Each centre's phone or e-mail, or its booking page when none is configured."""
    from bot.triage.geography import load_centres

    return tuple(
        (centre.name, settings.contact_route(centre.id) or settings.booking_url(centre.id))
        for centre in load_centres().values()
    )


def load_telegram_settings(
    env: Mapping[str, str] | None = None, assistant: Settings | None = None
) -> TelegramSettings:
    """Reads and checks the TELEGRAM_* variables; raises ValueError with a readable message."""
    env = os.environ if env is None else env
    assistant = assistant or load_settings(env)
    token = token_from(env)
    if not token:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set (create a bot with @BotFather)")
    if not TOKEN_PATTERN.match(token):
        # Never echo the value: it may be a real token with a typo.
        raise ValueError("TELEGRAM_BOT_TOKEN does not look like a bot token (digits:letters)")
    mode = env.get("TELEGRAM_MODE", "polling").strip().lower() or "polling"
    if mode not in MODES:
        raise ValueError(f"TELEGRAM_MODE must be one of {', '.join(MODES)}, got {mode!r}")
    webhook_url = env.get("TELEGRAM_WEBHOOK_URL", "").strip()
    secret = env.get("TELEGRAM_WEBHOOK_SECRET", "").strip()
    if mode == "webhook":
        if not webhook_url.startswith(("https://", "http://")):
            raise ValueError("TELEGRAM_MODE=webhook needs TELEGRAM_WEBHOOK_URL (https://...)")
        if not SECRET_PATTERN.match(secret):
            raise ValueError(
                "TELEGRAM_MODE=webhook needs TELEGRAM_WEBHOOK_SECRET: 1-256 characters "
                "among A-Z, a-z, 0-9, _ and -"
            )
    api_base_url = env.get("TELEGRAM_API_BASE_URL", "").strip() or DEFAULT_API_BASE_URL
    if not api_base_url.startswith(("https://", "http://")):
        raise ValueError("TELEGRAM_API_BASE_URL must start with https:// or http://")
    return TelegramSettings(
        token=token,
        mode=mode,
        webhook_url=webhook_url,
        webhook_secret=secret,
        listen_host=env.get("TELEGRAM_LISTEN_HOST", "").strip() or "127.0.0.1",
        listen_port=env_port(env, "TELEGRAM_LISTEN_PORT", DEFAULT_LISTEN_PORT),
        assistant_url=env.get("TELEGRAM_ASSISTANT_URL", "").strip() or assistant.rest_webhook_url,
        api_base_url=api_base_url,
        database_url=assistant.tracker_database_url,
        retention_days=assistant.retention_days,
        contact_routes=contact_routes_of(assistant),
        payload_store_path=assistant.var_dir / "telegram-payloads.sqlite3",
        queue_path=assistant.var_dir / "telegram-queue.sqlite3",
        staff_chat_id=assistant.staff_telegram_chat_id,
        assistant_token=channel_key(assistant),
    )
