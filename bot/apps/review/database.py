"""The review app's database: the tracker store's own (HCMC_DATABASE_URL), with its tables added."""

from __future__ import annotations

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

from bot.config import Settings, load_settings
from bot.storage.tables import create_tables


def review_engine(settings: Settings | None = None) -> Engine:
    settings = settings or load_settings()
    url = settings.tracker_database_url
    if url.startswith("sqlite:///"):
        settings.var_dir.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, future=True)
    create_tables(engine)
    return engine
