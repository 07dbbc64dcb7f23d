"""The same review app and erasure over PostgreSQL (production's tracker store), with the events
the real assistant recorded copied into a fresh database. Skipped when PostgreSQL is not reachable
at 127.0.0.1:5432."""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import MetaData, Table, create_engine, func, insert, select, text
from starlette.testclient import TestClient

from bot.apps.review.accounts import add_account
from bot.apps.review.app import create_app
from bot.apps.review.database import review_engine
from bot.config import Settings, load_settings
from bot.ops.cli.purge import DAY, purge
from bot.storage.tables import booking_clicks
from bot.storage.tokens import conversation_token
from tests.apps.review.conftest import count_rows, csrf_of, log_in
from tests.apps.review.fixtures import Recording

pytestmark = pytest.mark.postgres
SERVER = "postgresql://postgres@127.0.0.1:5432"


def reachable() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 5432), timeout=1).close()
        return True
    except OSError:
        return False


@pytest.fixture
def pg_store(recording: Recording) -> Iterator[Settings]:
    if not reachable():
        pytest.skip("PostgreSQL is not reachable at 127.0.0.1:5432")
    name = f"hcmc_review_{uuid.uuid4().hex[:10]}"
    server = create_engine(f"{SERVER}/postgres", isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = f"{SERVER}/{name}"
    source = create_engine(recording.settings.tracker_database_url)
    target = create_engine(url)
    try:
        events = Table("events", MetaData(), autoload_with=source)
        copy = events.to_metadata(MetaData())
        copy.metadata.create_all(target)
        with source.connect() as reading, target.begin() as writing:
            rows = [dict(row._mapping) for row in reading.execute(select(events))]
            writing.execute(insert(copy), rows)
            writing.execute(text("SELECT setval('events_id_seq', (SELECT MAX(id) FROM events))"))
        settings = load_settings({**os.environ, "HCMC_DATABASE_URL": url})
        engine = review_engine(settings)
        with source.connect() as reading, engine.begin() as writing:
            clicks = [dict(row._mapping) for row in reading.execute(select(booking_clicks))]
            writing.execute(insert(booking_clicks), clicks)
        add_account(engine, "ada", "correct horse battery staple", "admin")
        engine.dispose()
        yield settings
    finally:
        source.dispose()
        target.dispose()
        with server.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.dispose()


def events_of(settings: Settings, sender: str) -> int:
    engine = create_engine(settings.tracker_database_url)
    try:
        events = Table("events", MetaData(), autoload_with=engine)
        with engine.connect() as connection:
            query = select(func.count()).select_from(events).where(events.c.sender_id == sender)
            return int(connection.execute(query).scalar() or 0)
    finally:
        engine.dispose()


def test_inbox_filters_and_search_on_postgresql(pg_store, recording):
    with TestClient(create_app(pg_store)) as client:
        assert log_in(client, "ada").status_code == 303
        booking = conversation_token(pg_store, recording.senders["booking"])
        assert count_rows(client.get("/").text) == len(recording.senders)
        flagged = client.get("/", params={"red_flag": "yes"}).text
        assert conversation_token(pg_store, recording.senders["red_flag"]) in flagged
        assert booking not in flagged
        found = client.get("/", params={"q": "stairs", "region": "knee", "booking": "followed"})
        assert count_rows(found.text) == 1 and booking in found.text
        for hostile in ("%", "_", "' OR 1=1 --", "\\"):
            assert count_rows(client.get("/", params={"q": hostile}).text) == 0
        assert "<svg" in client.get("/dashboard").text


def test_staff_erasure_and_purge_on_postgresql(pg_store, recording):
    sender = recording.senders["person"]
    with TestClient(create_app(pg_store)) as client:
        assert log_in(client, "ada").status_code == 303
        path = f"/c/{conversation_token(pg_store, sender)}"
        csrf = csrf_of(client.get(path).text)
        response = client.post(f"{path}/erase", data={"csrf_token": csrf, "confirm": "erase"})
        assert response.status_code == 200
    assert events_of(pg_store, sender) == 0
    assert events_of(pg_store, recording.senders["booking"]) > 0
    import time

    later = time.time() + (pg_store.retention_days + 1) * DAY
    assert purge(pg_store, now=later) == len(recording.senders) - 1
    assert events_of(pg_store, recording.senders["booking"]) == 0
