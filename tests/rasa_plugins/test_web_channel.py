"""The widget's socket.io channel on its own: sessions, rooms (Rasa 3.6's persistence problem),
metadata, history and erasure, with python-socketio's real room manager and no network."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from rasa.core.channels.channel import UserMessage

from bot.config import load_settings
from bot.rasa_plugins.channels.widget import WidgetInput
from bot.storage.tokens import widget_session_token


class Channel:
    """A WidgetInput with its handlers, recording what it emits and what reaches the assistant."""

    def __init__(self, database_url: str) -> None:
        self.input = WidgetInput.from_credentials({})
        self.input.database_url = database_url
        self.received: list[UserMessage] = []
        self.emitted: list[tuple[str, Any, str]] = []

        async def on_new_message(message: UserMessage) -> None:
            self.received.append(message)
            await message.output_channel.send_text_message(message.sender_id, "Hello there.")

        self.input.blueprint(on_new_message)
        self.sio = self.input.sio
        assert self.sio is not None

        self.sio.emit = self.emit_recorder
        self.handlers = self.sio.handlers["/"]

    async def emit_recorder(self, event: str, data: Any = None, room: str = "", **_: Any) -> None:
        self.emitted.append((event, data, room))

    async def connect(self, eio_sid: str) -> str:
        return str(await self.sio.manager.connect(eio_sid, "/"))

    def in_room(self, sid: str, room: str) -> bool:
        return sid in self.sio.manager.rooms["/"].get(room, {})

    def events(self, name: str) -> list[tuple[Any, str]]:
        return [(data, room) for event, data, room in self.emitted if event == name]


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "conversations.db"


@pytest.fixture
def channel(database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Channel:
    monkeypatch.setenv("HCMC_VAR_DIR", str(tmp_path / "var"))  # its own secret.key
    return Channel(f"sqlite:///{database}")


def resume(session_id: str) -> dict[str, str]:
    """What the browser shows to resume a session: the id and the token issued with it."""
    return {
        "session_id": session_id,
        "session_token": widget_session_token(load_settings(), session_id),
    }


def store(database: Path, sender: str, events: list[dict]) -> None:
    with sqlite3.connect(database) as connection:
        connection.execute(
            "CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, sender_id TEXT, data TEXT)"
        )
        for event in events:
            connection.execute(
                "INSERT INTO events (sender_id, data) VALUES (?, ?)", (sender, json.dumps(event))
            )


async def test_a_new_session_joins_its_room_so_that_replies_reach_the_browser(channel: Channel):
    sid = await channel.connect("eio-1")
    await channel.handlers["session_request"](sid, {"session_id": None})
    [(confirmed, room)] = channel.events("session_confirm")
    session_id = confirmed["session_id"]
    assert room == sid and len(session_id) == 32
    # The whole point: Rasa 3.6's own channel never awaits enter_room, so this is not so there.
    assert channel.in_room(sid, f"web:{session_id}")
    assert channel.events("session_history") == [({"messages": []}, sid)]

    await channel.handlers["user_uttered"](
        sid, {"message": "bonjour", "session_id": "f" * 32, "metadata": {"language": "fr-BE"}}
    )
    [message] = channel.received
    assert message.sender_id == f"web:{session_id}"  # the server's mapping, not the message's
    assert message.metadata == {"channel": "web", "language": "fr-BE"}
    assert message.input_channel == "web"
    assert channel.events("bot_uttered") == [({"text": "Hello there."}, f"web:{session_id}")]
    assert channel.events("bot_turn_end") == [({}, f"web:{session_id}")]


async def test_a_known_session_gets_its_history_and_an_unknown_form_a_new_id(
    channel: Channel, database: Path
):
    known = "a" * 32
    store(database, f"web:{known}", [{"event": "bot", "text": "Welcome back.", "data": {}}])
    sid = await channel.connect("eio-1")
    await channel.handlers["session_request"](sid, resume(known))
    assert channel.events("session_confirm") == [(resume(known), sid)]
    assert channel.events("session_history")[0][0]["messages"][0]["text"] == "Welcome back."

    other = await channel.connect("eio-2")
    await channel.handlers["session_request"](other, {"session_id": "telegram:42"})
    [_, (issued, _room)] = channel.events("session_confirm")
    assert issued["session_id"] != "telegram:42" and len(issued["session_id"]) == 32


async def test_a_message_before_the_session_is_confirmed_uses_the_browsers_session(
    channel: Channel,
):
    sid = await channel.connect("eio-1")
    await channel.handlers["user_uttered"](sid, {"message": "hi", **resume("b" * 32)})
    assert channel.received[0].sender_id == f"web:{'b' * 32}"
    assert channel.in_room(sid, f"web:{'b' * 32}")
    await channel.handlers["user_uttered"](sid, {"message": "and again"})  # no id: the socket's
    assert [m.sender_id for m in channel.received] == [f"web:{'b' * 32}"] * 2
    stranger = await channel.connect("eio-2")
    await channel.handlers["user_uttered"](stranger, {"message": "who am I?"})  # ignored
    assert len(channel.received) == 2


async def test_erase_session_deletes_the_conversation_and_tells_every_tab(
    channel: Channel, database: Path
):
    session = "c" * 32
    store(database, f"web:{session}", [{"event": "user", "text": "my knee"}])
    store(database, "web:" + "d" * 32, [{"event": "user", "text": "someone else"}])
    tabs = [await channel.connect("eio-1"), await channel.connect("eio-2")]
    for tab in tabs:
        await channel.handlers["session_request"](tab, resume(session))

    await channel.handlers["erase_session"](tabs[0], {})
    with sqlite3.connect(database) as connection:
        senders = [row[0] for row in connection.execute("SELECT sender_id FROM events")]
    assert senders == ["web:" + "d" * 32]
    assert sorted(room for _, room in channel.events("session_erased")) == sorted(tabs)
    assert not any(channel.in_room(tab, f"web:{session}") for tab in tabs)


async def test_a_widget_on_another_website_is_refused_once_the_clinic_names_its_own(
    database: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.delenv("HCMC_CORS_ORIGINS", raising=False)
    anywhere = Channel(f"sqlite:///{database}").handlers["connect"]
    assert await anywhere("sid-1", {"HTTP_ORIGIN": "http://127.0.0.1:8080"}) is True

    monkeypatch.setenv("HCMC_CORS_ORIGINS", "https://www.hcmc.be")
    connect = Channel(f"sqlite:///{database}").handlers["connect"]
    assert await connect("sid-2", {"HTTP_ORIGIN": "https://www.hcmc.be"}, None) is True
    assert await connect("sid-3", {"HTTP_ORIGIN": "https://copycat.example"}, None) is False
    # No Origin: not a page in a browser (a script or a server), which CORS does not concern.
    assert await connect("sid-4", {}, None) is True


async def test_erase_without_a_session_fails_visibly(channel: Channel):
    sid = await channel.connect("eio-1")
    await channel.handlers["erase_session"](sid, {})
    assert channel.events("erase_failed") == [({}, sid)]


async def test_a_message_the_assistant_could_not_handle_is_not_dropped_silently(
    database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog
):
    from rasa.core.lock_store import LockError

    monkeypatch.setenv("HCMC_VAR_DIR", str(tmp_path / "var"))
    channel = Channel(f"sqlite:///{database}")

    async def busy(message: UserMessage) -> None:
        raise LockError(f"Could not acquire lock for '{message.text}'")

    channel.input.blueprint(busy)  # the same channel, with an assistant that cannot take it
    channel.sio = channel.input.sio
    channel.sio.emit = channel.emit_recorder
    channel.handlers = channel.sio.handlers["/"]
    sid = await channel.connect("eio-9")
    await channel.handlers["session_request"](sid, {"session_id": None})
    session_id = channel.events("session_confirm")[0][0]["session_id"]
    await channel.handlers["user_uttered"](
        sid, {"message": "mal au genou depuis mardi", "metadata": {"language": "fr-BE"}}
    )
    [(reply, room)] = channel.events("bot_uttered")
    assert room == f"web:{session_id}"
    assert "renvoyer" in reply["text"] and "112" in reply["text"]
    assert channel.events("bot_turn_end") == [({}, f"web:{session_id}")]
    assert "LockError" in caplog.text and "genou" not in caplog.text
