"""Calls to the action server on kept-alive connections, their JSON written by ujson.

Why: every call to the action server opened a new HTTP connection (a new aiohttp session and
connector each time), and the request (the whole conversation) was written by the standard
library's JSON encoder; both showed among a turn's costs in the Rasa server (py-spy,
`make bench`). Here the sessions share one connector per event loop, which reuses its idle
connections for less time than the action server keeps them open, and the body is written by
ujson (installed with Rasa); the action server reads the same JSON, with the same headers,
authentication and timeout.

Replaces: rasa.utils.endpoints.EndpointConfig.session(self)
With: endpoint_session.
"""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
import ujson
from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT, EndpointConfig

from bot.rasa_plugins.patches.patch import Patch

# Seconds an idle connection to the action server is kept: less than the 5 s after which the
# action server (Sanic) closes it, so a request never goes out on a connection being closed.
KEEPALIVE_SECONDS = 2.0

_connectors: dict[asyncio.AbstractEventLoop, aiohttp.TCPConnector] = {}


def shared_connector() -> aiohttp.TCPConnector:
    loop = asyncio.get_running_loop()
    connector = _connectors.get(loop)
    if connector is None or connector.closed:
        connector = aiohttp.TCPConnector(keepalive_timeout=KEEPALIVE_SECONDS)
        _connectors[loop] = connector
    return connector


def endpoint_session(self: EndpointConfig) -> aiohttp.ClientSession:
    """EndpointConfig.session with the same headers, authentication and timeout, on the
    loop's shared connector (closing the session leaves the connector and its connections)."""
    auth = (
        aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"])
        if self.basic_auth
        else None
    )
    return aiohttp.ClientSession(
        headers=self.headers,
        auth=auth,
        timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
        connector=shared_connector(),
        connector_owner=False,
        json_serialize=json_text,
    )


def json_text(value: Any) -> str:
    return ujson.dumps(value, ensure_ascii=False, escape_forward_slashes=False)


PATCH = Patch(
    name="endpoint_session",
    target=EndpointConfig,
    attribute="session",
    parameters=("self",),
    replacement=endpoint_session,
)
