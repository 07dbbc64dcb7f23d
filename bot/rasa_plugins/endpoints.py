"""Rasa's endpoints file, written from the settings: action server, tracker store, lock store."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml
from sqlalchemy.engine import make_url

from bot.config import PROJECT_ROOT, Settings

CONSENT_AWARE_STORE = "bot.rasa_plugins.stores.consent_store.ConsentAwareTrackerStore"
# Rasa's Redis lock store with atomic ticket updates (two replicas may lock at the same moment).
ATOMIC_REDIS_LOCK_STORE = "bot.rasa_plugins.stores.redis_lock_store.AtomicRedisLockStore"


def tracker_store_config(database_url: str) -> dict[str, Any]:
    """Rasa's SQL tracker store settings from one SQLAlchemy URL."""
    url = make_url(database_url)
    # Rasa's SQL store, which also forgets what a patient wrote once consent is declined.
    config: dict[str, Any] = {
        "type": CONSENT_AWARE_STORE,
        "dialect": url.drivername,
        "db": url.database,
    }
    if url.drivername.startswith("sqlite"):
        database = Path(url.database or "conversations.db")
        # Relative to the project root, as written in the committed endpoints.yml.
        if database.is_absolute() and database.is_relative_to(PROJECT_ROOT):
            config["db"] = str(database.relative_to(PROJECT_ROOT))
        return config
    if url.drivername.startswith("postgresql"):
        # Rasa connects to this maintenance database first and creates `db` when it is missing.
        config["login_db"] = "postgres"
    for key, value in (
        ("url", url.host),
        ("port", url.port),
        ("username", url.username),
        ("password", url.password),
    ):
        if value is not None:
            config[key] = value
    return config


def lock_store_config(redis_url: str) -> dict[str, Any]:
    """Rasa's Redis lock store settings from one URL such as ``redis://:pass@host:6379/0``."""
    parts = urlsplit(redis_url)
    database = parts.path.strip("/")
    config: dict[str, Any] = {
        "type": ATOMIC_REDIS_LOCK_STORE,
        "url": parts.hostname or "127.0.0.1",
        "port": parts.port or 6379,
        "db": int(database) if database else 0,
    }
    if parts.password:
        config["password"] = unquote(parts.password)
    if parts.scheme == "rediss":
        config["use_ssl"] = True
    return config


def endpoints_config(settings: Settings) -> dict[str, Any]:
    config: dict[str, Any] = {
        # The actions read what they need from the tracker, never the domain: without this Rasa
        # sends its whole domain (~100 kB of JSON) with every call, twice per interview turn.
        "action_endpoint": {"url": settings.action_server_url, "enable_selective_domain": True},
        "tracker_store": tracker_store_config(settings.tracker_database_url),
    }
    # Without it Rasa locks conversations in memory: right for one process, wrong for replicas.
    if settings.lock_store_url:
        config["lock_store"] = lock_store_config(settings.lock_store_url)
    return config


def write_endpoints(settings: Settings, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(yaml.safe_dump(endpoints_config(settings), sort_keys=False))
    target.chmod(0o600)  # it can hold the database's and Redis's passwords
    return target
