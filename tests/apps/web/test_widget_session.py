"""A widget conversation belongs to the browser the server opened it for (issue 21, item 3): with
its session id the server issues a token, and an id without that token, however it leaked, opens
a new, empty session: not the conversation's history, not its live replies (the assistant's or a
staff member's), not its erasure. Spoken with python-socketio's client (polling transport: its
WebSocket transport needs a package Rasa does not bring) against the real Rasa server."""

from __future__ import annotations

import json
import queue
import sqlite3
import threading
import time
import urllib.request
from typing import Any

import pytest
import socketio

from bot.config import Settings
from bot.storage.tokens import staff_api_token
from tests.support.assistant_stack import CLINIC_WEBSITE

pytestmark = pytest.mark.e2e

TIMEOUT = 30.0
# How long a reply to the room would take to reach a socket wrongly in it (they take a few ms).
QUIET = 1.5


class WidgetClient:
    """One browser tab's socket.io connection, speaking the widget's protocol."""

    def __init__(self, settings: Settings) -> None:
        self.client = socketio.Client(reconnection=False)
        self.seen: list[tuple[str, Any]] = []
        self._pending: queue.Queue[tuple[str, Any]] = queue.Queue()
        self._lock = threading.Lock()
        self.session_id: str | None = None
        self.session_token: str | None = None

        @self.client.on("*")
        def record(event: str, data: Any = None) -> None:
            with self._lock:
                self.seen.append((event, data))
            self._pending.put((event, data))

        self.client.connect(
            settings.rasa_url,
            headers={"Origin": CLINIC_WEBSITE},
            transports=["polling"],
            wait_timeout=10,
        )

    def close(self) -> None:
        self.client.disconnect()

    def wait_for(self, event: str, timeout: float = TIMEOUT) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no {event} within {timeout} s")
            try:
                name, data = self._pending.get(timeout=remaining)
            except queue.Empty as error:
                raise TimeoutError(f"no {event} within {timeout} s") from error
            if name == event:
                return data

    def events(self, event: str) -> list[Any]:
        with self._lock:
            return [data for name, data in self.seen if name == event]

    def request_session(
        self, session_id: str | None = None, token: str | None = None
    ) -> tuple[str, list[dict[str, Any]]]:
        """Asks for a session as the widget does on (re)connecting; returns the session id the
        server confirms and the history it sends."""
        self.client.emit("session_request", {"session_id": session_id, "session_token": token})
        confirmed = self.wait_for("session_confirm")
        if isinstance(confirmed, dict):
            self.session_id = confirmed.get("session_id")
            self.session_token = confirmed.get("session_token")
        else:  # Rasa's own protocol: the id alone
            self.session_id, self.session_token = confirmed, None
        history = self.wait_for("session_history")
        assert self.session_id
        return self.session_id, history["messages"]

    def say(self, text: str) -> list[dict[str, Any]]:
        """Sends a message and returns the assistant's replies to it."""
        before = len(self.events("bot_uttered"))
        self.client.emit(
            "user_uttered",
            {
                "message": text,
                "session_id": self.session_id,
                "session_token": self.session_token,
                "metadata": {"language": "en"},
            },
        )
        self.wait_for("bot_turn_end")
        return list(self.events("bot_uttered")[before:])


@pytest.fixture
def tabs(running_stack: Settings):
    opened: list[WidgetClient] = []

    def open_tab() -> WidgetClient:
        tab = WidgetClient(running_stack)
        opened.append(tab)
        return tab

    yield open_tab
    for tab in opened:
        tab.close()


def stored_texts(settings: Settings, session_id: str) -> list[str]:
    """The patient's texts stored for this widget session."""
    database = settings.tracker_database_url.removeprefix("sqlite:///")
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT data FROM events WHERE sender_id = ?", (f"web:{session_id}",)
        ).fetchall()
    events = [json.loads(data) for (data,) in rows]
    return [str(event.get("text")) for event in events if event.get("event") == "user"]


def staff_reply(settings: Settings, session_id: str, text: str) -> dict[str, Any]:
    request = urllib.request.Request(
        f"{settings.rasa_url}/webhooks/staff/reply",
        data=json.dumps(
            {"sender_id": f"web:{session_id}", "staff_name": "Anna Peeters", "text": text}
        ).encode(),
        headers={
            "Content-Type": "application/json",
            "Authorization": f"Bearer {staff_api_token(settings)}",
        },
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        return dict(json.loads(response.read()))


def test_a_leaked_session_id_alone_reaches_neither_the_history_nor_the_live_replies(
    running_stack: Settings, tabs
):
    patient = tabs()
    session_id, history = patient.request_session()
    assert history == []
    assert patient.say("hello")

    # Someone who learnt the id, with no token, a wrong one or the token of their own session.
    for token in (None, "", "0" * 64, "é" * 64):
        stranger = tabs()
        issued, seen = stranger.request_session(session_id, token)
        assert issued != session_id and seen == []
    stranger = tabs()
    own, _ = stranger.request_session()
    issued, seen = stranger.request_session(session_id, stranger.session_token)
    assert issued not in (session_id, own) and seen == []

    # Live: the assistant's replies and a staff member's reply reach the patient only.
    assert patient.say("Where are your centres?")
    assert staff_reply(running_stack, session_id, "Hello, this is Anna.")["delivered"] is True
    staff = patient.wait_for("bot_uttered")
    assert staff["text"] == "Hello, this is Anna."
    time.sleep(QUIET)
    assert stranger.events("bot_uttered") == []
    assert stranger.events("bot_turn_end") == []

    # Nor can a message carry the id alone into the conversation (a socket with no session yet).
    intruder = tabs()
    intruder.client.emit("user_uttered", {"message": "I am someone else", "session_id": session_id})
    time.sleep(QUIET)
    assert intruder.events("bot_uttered") == []
    assert "I am someone else" not in stored_texts(running_stack, session_id)
    assert "hello" in stored_texts(running_stack, session_id)


def test_the_browser_with_its_token_gets_its_conversation_back(running_stack: Settings, tabs):
    first = tabs()
    session_id, _ = first.request_session()
    token = first.session_token
    first.say("hello")
    first.close()

    # A reload: the same browser shows the id and the token it keeps.
    again = tabs()
    resumed, history = again.request_session(session_id, token)
    assert resumed == session_id and again.session_token == token
    assert {"from": "user", "text": "hello"} in history
    assert again.say("Where are your centres?")  # and the conversation goes on


def test_erasing_with_a_leaked_id_erases_nothing(running_stack: Settings, tabs):
    patient = tabs()
    session_id, _ = patient.request_session()
    patient.say("hello")

    stranger = tabs()
    stranger.client.emit("erase_session", {"session_id": session_id})
    stranger.wait_for("erase_failed")  # no session on this socket: nothing to erase
    stranger.request_session(session_id)  # a new, empty session of its own
    stranger.client.emit("erase_session", {"session_id": session_id})
    stranger.wait_for("session_erased")  # its own
    time.sleep(QUIET)
    assert patient.events("session_erased") == []
    assert stored_texts(running_stack, session_id) == ["hello"]

    # The patient's own erasure still works.
    patient.client.emit("erase_session", {})
    patient.wait_for("session_erased")
    assert stored_texts(running_stack, session_id) == []
