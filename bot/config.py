"""Settings for every process of the assistant, read once from the environment.

Every variable has a documented default (see README, "Configuration") so that a fresh clone runs
with no configuration at all. Nothing secret has a default. The helpers ``env_int``, ``env_path``
and ``env_port`` are shared by the apps' own settings (bot/apps/telegram/config.py,
bot/apps/web/config.py).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Placeholders, not real booking pages: the clinic sets its own (README, "Configuration").
DEFAULT_BOOKING_URLS = {
    "kraainem": "https://booking.example.org/hcmc/kraainem",
    "boitsfort": "https://booking.example.org/hcmc/boitsfort",
}


DEFAULT_REPLY_HOURS = "mon-fri 09:00-18:00"


def env_int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError as error:
        raise ValueError(f"{name} must be a whole number, got {raw!r}") from error


def env_path(env: Mapping[str, str], name: str, default: Path) -> Path:
    raw = env.get(name, "").strip()
    path = Path(raw) if raw else default
    return path if path.is_absolute() else PROJECT_ROOT / path


def env_port(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or not 0 <= int(raw) <= 65535:
        raise ValueError(f"{name} must be a port number, got {raw!r}")
    return int(raw)


# An origin is a scheme and a host, with an optional port and nothing after it: a browser sends
# "https://www.hcmc.be", so "https://www.hcmc.be/" (a common slip) would never match.
ORIGIN = re.compile(r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$")


def _origins(env: Mapping[str, str], name: str) -> tuple[str, ...]:
    values = tuple(value for value in re.split(r"[\s,]+", env.get(name, "")) if value)
    if not values:
        return ("*",)
    for value in values:
        if value != "*" and not ORIGIN.match(value):
            raise ValueError(
                f"{name} must list origins such as https://www.example.org (scheme and host, "
                f"no path or trailing slash) or *, got {value!r}"
            )
    return values


def _redis_url(env: Mapping[str, str], name: str) -> str:
    raw = env.get(name, "").strip()
    if raw and not raw.startswith(("redis://", "rediss://")):
        raise ValueError(f"{name} must be a redis:// or rediss:// URL, got {raw!r}")
    return raw


def _smtp_url(env: Mapping[str, str], name: str) -> str:
    raw = env.get(name, "").strip()
    if raw and not raw.startswith(("smtp://", "smtps://")):
        raise ValueError(f"{name} must be an smtp:// or smtps:// URL, got {redact_url(raw)!r}")
    return raw


@dataclass(frozen=True)
class Settings:
    """What an operator can change, with the defaults a fresh clone runs with."""

    rasa_host: str = "127.0.0.1"
    rasa_port: int = 5005
    action_port: int = 5055
    # SQLAlchemy URL of Rasa's tracker store; SQLite file by default, PostgreSQL in production.
    database_url: str = ""
    # Redis URL of Rasa's lock store; empty: in-memory locks, right for one Rasa process only.
    lock_store_url: str = ""
    # Where Rasa calls the actions; empty: the one action server on action_port. Several action
    # servers sit behind a load balancer, whose address goes here.
    action_url: str = ""
    retention_days: int = 90
    booking_urls: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_BOOKING_URLS))
    # Optional phone or e-mail routes per centre, shown when a patient asks for a person.
    contact_routes: dict[str, str] = field(default_factory=dict)
    var_dir: Path = PROJECT_ROOT / "var"
    models_dir: Path = PROJECT_ROOT / "models"
    spacy_pipeline_dir: Path = PROJECT_ROOT / "build" / "spacy" / "hcmc"
    # Public address of the Rasa server; when set, booking links go through its redirect so that
    # staff can see whether a link was followed.
    public_url: str = ""
    # Secret for conversation tokens in booking links; a generated file in var/ when unset.
    secret_key: str = ""
    review_host: str = "127.0.0.1"
    review_port: int = 8000
    # Cookies marked Secure: set when the review app is served behind HTTPS.
    review_https: bool = False
    purge_interval_hours: int = 6
    # Each process's log file (var/logs/) is rotated at this size, keeping this many older files.
    log_max_bytes: int = 10 * 1024 * 1024
    log_backups: int = 5
    # The web pages allowed to talk to the assistant from a browser (the REST channel and the
    # widget's socket.io). "*": any page, right for a fresh clone (`make run`); a clinic lists its
    # website, and the deployment (deploy/compose.yml, `make cluster`) refuses to start without it.
    cors_origins: tuple[str, ...] = ("*",)
    # Staff alerts (bot/alerts/): each channel is on only when its variables are set.
    # A Telegram chat (a group or a person) that the assistant's bot writes to.
    staff_telegram_chat_id: str = ""
    telegram_bot_token: str = ""
    telegram_api_base_url: str = "https://api.telegram.org"
    # smtp://user:password@host:587 (STARTTLS when the server offers it) or smtps://...:465.
    smtp_url: str = ""
    staff_emails: tuple[str, ...] = ()
    alert_email_from: str = "HCMC assistant <assistant@localhost>"
    # The review app's address as staff reach it, for the links in alerts.
    review_public_url: str = ""
    # When staff answer patients, in Europe/Brussels time (bot/triage/clinic/reply_hours.py).
    staff_reply_hours: str = DEFAULT_REPLY_HOURS
    # When set, the REST channel answers only requests with "Authorization: Bearer <token>"
    # (the Telegram bridge sends it); empty: REST is open, but only for its own conversations.
    rest_token: str = field(default="", repr=False)
    # A takeover with no staff reply for this long goes back to the assistant.
    takeover_idle_minutes: int = 30

    @property
    def telegram_alerts_on(self) -> bool:
        return bool(self.staff_telegram_chat_id and self.telegram_bot_token)

    @property
    def email_alerts_on(self) -> bool:
        return bool(self.smtp_url and self.staff_emails)

    @property
    def staff_alerted(self) -> bool:
        """Whether someone is told at once of a red flag or a request for a person: only then
        may the assistant say that staff will follow up."""
        return self.telegram_alerts_on or self.email_alerts_on

    def telegram_method_url(self, method: str) -> str:
        return f"{self.telegram_api_base_url}/bot{self.telegram_bot_token}/{method}"

    @property
    def review_link_base(self) -> str:
        return self.review_public_url or self.review_url

    @property
    def rasa_url(self) -> str:
        return f"http://{self.rasa_host}:{self.rasa_port}"

    @property
    def action_server_url(self) -> str:
        return self.action_url or f"http://{self.rasa_host}:{self.action_port}/webhook"

    @property
    def rest_webhook_url(self) -> str:
        return f"{self.rasa_url}/webhooks/rest/webhook"

    @property
    def tracker_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.var_dir / 'conversations.db'}"

    @property
    def review_url(self) -> str:
        return f"http://{self.review_host}:{self.review_port}"

    def origin_allowed(self, origin: str) -> bool:
        return "*" in self.cors_origins or origin in self.cors_origins

    def booking_url(self, centre_id: str) -> str:
        return self.booking_urls[centre_id]

    def contact_route(self, centre_id: str) -> str:
        """The centre's phone and e-mail: the environment's override, else the clinic's
        practical.yml, else "" (callers then point to the booking page)."""
        if self.contact_routes.get(centre_id):
            return self.contact_routes[centre_id]
        from bot.triage.clinic.practical import load_practical  # data, loaded only when asked

        return load_practical().contact_route(centre_id)


def redact_url(url: str) -> str:
    """A database or Redis URL fit for a log or a terminal: the password replaced by ***."""
    parts = urlsplit(url)
    if not parts.password:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Builds settings from environment variables (``os.environ`` by default)."""
    env = os.environ if env is None else env
    var_dir = env_path(env, "HCMC_VAR_DIR", PROJECT_ROOT / "var")
    retention_days = env_int(env, "HCMC_RETENTION_DAYS", 90)
    if retention_days < 1:
        raise ValueError("HCMC_RETENTION_DAYS must be at least 1")
    booking_urls = {
        centre: env.get(f"HCMC_BOOKING_URL_{centre.upper()}", "").strip() or default
        for centre, default in DEFAULT_BOOKING_URLS.items()
    }
    contact_routes = {
        centre: env[f"HCMC_CONTACT_{centre.upper()}"].strip()
        for centre in DEFAULT_BOOKING_URLS
        if env.get(f"HCMC_CONTACT_{centre.upper()}", "").strip()
    }
    reply_hours = env.get("HCMC_STAFF_REPLY_HOURS", "").strip() or DEFAULT_REPLY_HOURS
    from bot.triage.clinic.reply_hours import reply_hours_from  # the clinic's data: days, wording

    try:
        reply_hours_from(reply_hours)  # parsed once per value: settings are read often
    except ValueError as error:
        raise ValueError(f"HCMC_STAFF_REPLY_HOURS: {error}") from error
    return Settings(
        rasa_host=env.get("HCMC_HOST", "127.0.0.1").strip() or "127.0.0.1",
        rasa_port=env_int(env, "HCMC_RASA_PORT", 5005),
        action_port=env_int(env, "HCMC_ACTION_PORT", 5055),
        database_url=env.get("HCMC_DATABASE_URL", "").strip(),
        lock_store_url=_redis_url(env, "HCMC_LOCK_STORE_URL"),
        action_url=env.get("HCMC_ACTION_URL", "").strip(),
        retention_days=retention_days,
        booking_urls=booking_urls,
        contact_routes=contact_routes,
        var_dir=var_dir,
        models_dir=env_path(env, "HCMC_MODELS_DIR", PROJECT_ROOT / "models"),
        spacy_pipeline_dir=PROJECT_ROOT / "build" / "spacy" / "hcmc",
        public_url=env.get("HCMC_PUBLIC_URL", "").strip().rstrip("/"),
        secret_key=env.get("HCMC_SECRET_KEY", "").strip(),
        review_host=env.get("HCMC_REVIEW_HOST", "127.0.0.1").strip() or "127.0.0.1",
        review_port=env_int(env, "HCMC_REVIEW_PORT", 8000),
        review_https=env.get("HCMC_REVIEW_HTTPS", "").strip().lower() in ("1", "true", "yes"),
        purge_interval_hours=max(1, env_int(env, "HCMC_PURGE_INTERVAL_HOURS", 6)),
        log_max_bytes=max(1, env_int(env, "HCMC_LOG_MAX_MB", 10)) * 1024 * 1024,
        log_backups=max(0, env_int(env, "HCMC_LOG_BACKUPS", 5)),
        cors_origins=_origins(env, "HCMC_CORS_ORIGINS"),
        staff_telegram_chat_id=env.get("HCMC_STAFF_TELEGRAM_CHAT_ID", "").strip(),
        telegram_bot_token=env.get("TELEGRAM_BOT_TOKEN", "").strip(),
        telegram_api_base_url=(
            env.get("TELEGRAM_API_BASE_URL", "").strip() or "https://api.telegram.org"
        ).rstrip("/"),
        smtp_url=_smtp_url(env, "HCMC_SMTP_URL"),
        staff_emails=tuple(
            address for address in re.split(r"[\s,;]+", env.get("HCMC_STAFF_EMAIL", "")) if address
        ),
        alert_email_from=env.get("HCMC_ALERT_EMAIL_FROM", "").strip()
        or "HCMC assistant <assistant@localhost>",
        review_public_url=env.get("HCMC_REVIEW_PUBLIC_URL", "").strip().rstrip("/"),
        staff_reply_hours=reply_hours,
        takeover_idle_minutes=max(1, env_int(env, "HCMC_TAKEOVER_IDLE_MINUTES", 30)),
        rest_token=env.get("HCMC_REST_TOKEN", "").strip(),
    )
