"""A widget session is resumed only with the token the server issued with its id (issue 21, item
3): every path of the channel that takes a session id from the client checks it. The channel on
its own, as in test_web_channel.py; tests/apps/web/test_widget_session.py has the real server."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest

from bot.config import load_settings
from bot.storage.tokens import widget_session_token
from tests.rasa_plugins.test_web_channel import Channel, store

KNOWN = "a" * 32


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "conversations.db"


@pytest.fixture
def channel(database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Channel:
    monkeypatch.setenv("HCMC_SECRET_KEY", "a secret for the tests")
    monkeypatch.setenv("HCMC_VAR_DIR", str(tmp_path / "var"))
    store(database, f"web:{KNOWN}", [{"event": "user", "text": "my chest hurts"}])
    return Channel(f"sqlite:///{database}")


def token(session_id: str) -> str:
    return widget_session_token(load_settings(), session_id)


def stored(database: Path) -> list[str]:
    with sqlite3.connect(database) as connection:
        return [row[0] for row in connection.execute("SELECT sender_id FROM events")]


def test_the_token_depends_on_the_id_and_the_installations_secret(monkeypatch):
    monkeypatch.setenv("HCMC_SECRET_KEY", "one")
    first = token(KNOWN)
    assert first == token(KNOWN) and first != token("b" * 32) and len(first) == 64
    monkeypatch.setenv("HCMC_SECRET_KEY", "two")
    assert token(KNOWN) != first


async def test_a_new_session_comes_with_its_token(channel: Channel):
    sid = await channel.connect("eio-1")
    await channel.handlers["session_request"](sid, {"session_id": None})
    [(confirmed, room)] = channel.events("session_confirm")
    assert room == sid
    assert confirmed["session_token"] == token(confirmed["session_id"])


@pytest.mark.parametrize(
    "request_data",
    [
        {"session_id": KNOWN},
        {"session_id": KNOWN, "session_token": None},
        {"session_id": KNOWN, "session_token": ""},
        {"session_id": KNOWN, "session_token": "0" * 64},
        {"session_id": KNOWN, "session_token": "é" * 64},
        {"session_id": KNOWN, "session_token": ["not", "a", "string"]},
        {"session_id": KNOWN, "session_token": "another session's"},
    ],
)
async def test_an_id_without_its_token_gets_a_new_empty_session(
    channel: Channel, request_data: dict, caplog: pytest.LogCaptureFixture
):
    caplog.set_level(logging.INFO)
    if request_data.get("session_token") == "another session's":
        request_data = {**request_data, "session_token": token("b" * 32)}
    sid = await channel.connect("eio-1")
    await channel.handlers["session_request"](sid, request_data)
    [(confirmed, _)] = channel.events("session_confirm")
    assert confirmed["session_id"] != KNOWN
    assert channel.events("session_history") == [({"messages": []}, sid)]
    assert not channel.in_room(sid, f"web:{KNOWN}")
    assert KNOWN not in caplog.text  # the log does not hand the id on


async def test_the_id_with_its_token_gets_its_history(channel: Channel):
    sid = await channel.connect("eio-1")
    await channel.handlers["session_request"](
        sid, {"session_id": KNOWN, "session_token": token(KNOWN)}
    )
    [(confirmed, _)] = channel.events("session_confirm")
    assert confirmed == {"session_id": KNOWN, "session_token": token(KNOWN)}
    [(history, _)] = channel.events("session_history")
    assert history["messages"] == [{"from": "user", "text": "my chest hurts"}]
    assert channel.in_room(sid, f"web:{KNOWN}")


async def test_a_message_with_an_id_but_no_token_reaches_no_conversation(channel: Channel):
    sid = await channel.connect("eio-1")
    await channel.handlers["user_uttered"](sid, {"message": "hi", "session_id": KNOWN})
    assert channel.received == []
    assert not channel.in_room(sid, f"web:{KNOWN}")
    await channel.handlers["user_uttered"](
        sid, {"message": "hi", "session_id": KNOWN, "session_token": token(KNOWN)}
    )
    assert [message.sender_id for message in channel.received] == [f"web:{KNOWN}"]


async def test_erasing_after_asking_for_a_leaked_id_erases_nothing(
    channel: Channel, database: Path
):
    sid = await channel.connect("eio-1")
    await channel.handlers["erase_session"](sid, {"session_id": KNOWN})
    assert channel.events("erase_failed") == [({}, sid)]
    await channel.handlers["session_request"](sid, {"session_id": KNOWN})
    await channel.handlers["erase_session"](sid, {"session_id": KNOWN})
    assert stored(database) == [f"web:{KNOWN}"]
