"""Only the clinic's website may talk to the assistant from a browser (HCMC_CORS_ORIGINS), over the
REST channel and the widget's socket.io, WebSocket included."""

from __future__ import annotations

import asyncio
import json
import urllib.request

import pytest
import websockets

from bot.config import Settings
from tests.support.assistant_stack import CLINIC_WEBSITE

pytestmark = pytest.mark.e2e

OTHER_WEBSITE = "https://copycat.example"


def preflight(settings: Settings, origin: str) -> str | None:
    """The Access-Control-Allow-Origin a browser on `origin` gets before posting a message."""
    request = urllib.request.Request(
        settings.rest_webhook_url,
        method="OPTIONS",
        headers={"Origin": origin, "Access-Control-Request-Method": "POST"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers.get("Access-Control-Allow-Origin")


def test_rest_channel_lets_only_the_clinics_website_read_the_answers(running_stack: Settings):
    assert preflight(running_stack, CLINIC_WEBSITE) == CLINIC_WEBSITE
    assert preflight(running_stack, OTHER_WEBSITE) is None


async def widget_session(settings: Settings, origin: str) -> str:
    """Opens the widget's socket.io connection over WebSocket as a page of `origin` would, asks
    for a session and returns the session id confirmed ("" when the connection is refused).

    The socket.io wire protocol is spoken directly (python-socketio's client needs a newer
    aiohttp than Rasa 3.6 allows): "0" opens, "40" joins the namespace ("44" is a refusal),
    "42" carries events."""
    url = settings.rasa_url.replace("http", "ws", 1) + "/socket.io/?EIO=4&transport=websocket"
    async with websockets.connect(url, origin=origin) as socket:  # type: ignore[arg-type]
        assert str(await socket.recv()).startswith("0")
        await socket.send("40")
        if not str(await socket.recv()).startswith("40"):
            return ""
        await socket.send('42["session_request",{"session_id":null}]')
        while True:
            packet = str(await asyncio.wait_for(socket.recv(), timeout=10))
            if packet.startswith("42"):
                event, *data = json.loads(packet[2:])
                if event == "session_confirm":
                    confirmed = data[0]  # {"session_id": ..., "session_token": ...}
                    return str(confirmed["session_id"])


async def test_widget_connects_from_the_clinics_website(running_stack: Settings):
    assert len(await widget_session(running_stack, CLINIC_WEBSITE)) == 32


async def test_widget_connection_from_another_website_is_refused(running_stack: Settings):
    assert await widget_session(running_stack, OTHER_WEBSITE) == ""
