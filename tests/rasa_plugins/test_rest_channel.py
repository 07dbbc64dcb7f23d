"""The guarded REST channel (bot/rasa_plugins/channels/rest.py): who may speak for which
conversation."""

from __future__ import annotations

import sys

import pytest
from sanic.exceptions import SanicException

from bot.config import load_settings
from bot.rasa_plugins.channels.rest import check_sender
from bot.storage.tokens import channel_key


def status_of(body, token, settings) -> int:
    try:
        check_sender(body, token, settings)
    except SanicException as refused:
        return int(refused.status_code)
    return 200


@pytest.fixture
def open_rest(tmp_path):
    return load_settings({"HCMC_VAR_DIR": str(tmp_path), "HCMC_SECRET_KEY": "k1"})


@pytest.fixture
def closed_rest(tmp_path):
    return load_settings(
        {"HCMC_VAR_DIR": str(tmp_path), "HCMC_SECRET_KEY": "k1", "HCMC_REST_TOKEN": "t0ken"}
    )


def test_without_a_token_rest_reaches_only_its_own_conversations(open_rest):
    key = channel_key(open_rest)
    assert status_of({"sender": "me", "message": "hi"}, "", open_rest) == 200
    assert status_of({"sender": "telegram:42", "message": "hi"}, "", open_rest) == 403
    assert status_of({"sender": "web:abc", "message": "hi"}, "guess", open_rest) == 403
    assert status_of({"sender": "telegram:42", "message": "hi"}, key, open_rest) == 200
    # The key is the installation's own: another secret gives another key.
    other = load_settings({"HCMC_VAR_DIR": "/tmp", "HCMC_SECRET_KEY": "k2"})
    assert channel_key(other) != key


def test_with_a_token_everything_needs_it(closed_rest):
    assert status_of({"sender": "me", "message": "hi"}, "", closed_rest) == 401
    assert status_of({"sender": "me", "message": "hi"}, "wrong", closed_rest) == 401
    assert status_of({"sender": "me", "message": "hi"}, "t0ken", closed_rest) == 200
    # The bridge shows the same token for Telegram's conversations.
    assert channel_key(closed_rest) == "t0ken"
    assert status_of({"sender": "telegram:42"}, "t0ken", closed_rest) == 200


def test_a_huge_message_is_refused_before_any_understanding(open_rest):
    assert status_of({"sender": "me", "message": "x" * 10_000}, "", open_rest) == 200
    assert status_of({"sender": "me", "message": "x" * 10_001}, "", open_rest) == 413
    assert status_of({"sender": "me", "message": "x" * 300_000}, "", open_rest) == 413


@pytest.mark.parametrize(
    "body",
    [
        ["hi"],
        "hi",
        {"message": "hi"},
        {"sender": ""},
        {"sender": 7},
        {"sender": "me", "message": 5},
    ],
)
def test_a_bad_body_is_refused_not_shared_as_default(open_rest, body):
    assert status_of(body, "", open_rest) == 400


# --- a message is answered or refused loudly, over HTTP -----------------------------------------

SECRET_SYMPTOM = "numbness between my legs since this morning"


async def serve_rest(settings, handle):
    """The guarded REST channel on a real Sanic server on a free port, with `handle` as Rasa."""
    import socket

    from sanic import Sanic

    from bot.rasa_plugins.channels.rest import GuardedRestInput

    channel = GuardedRestInput()
    channel.__dict__["settings"] = settings  # cached_property: the test's settings
    app = Sanic("rest_channel_test")
    app.blueprint(channel.blueprint(handle), url_prefix="/webhooks/rest")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = await app.create_server(
        host="127.0.0.1", port=port, return_asyncio_server=True, access_log=False
    )
    await server.startup()
    return server, f"http://127.0.0.1:{port}/webhooks/rest/webhook"


async def post(url, body):
    import aiohttp

    async with aiohttp.ClientSession() as session, session.post(url, json=body) as reply:
        return reply.status, await reply.json(content_type=None), reply.headers


async def post_raw(url, data: bytes) -> int:
    import aiohttp

    async with (
        aiohttp.ClientSession() as session,
        session.post(url, data=data, headers={"Content-Type": "application/json"}) as reply,
    ):
        return reply.status


async def rasa_stand_in(message):
    """Rasa as the channel sees it: a busy conversation, a failure, or replies."""
    from rasa.core.lock_store import LockError

    if message.sender_id == "busy":
        raise LockError(f"Could not acquire lock for conversation_id '{message.sender_id}'.")
    if message.sender_id == "broken":
        raise ValueError(f"cannot parse {message.text}")
    await message.output_channel.send_text_message(message.sender_id, "Hello!")


async def test_a_message_is_answered_or_refused_loudly_and_never_logged(open_rest, caplog):
    # Sanic prepares its classes once per process: one server for the three outcomes.
    server, url = await serve_rest(open_rest, rasa_stand_in)
    try:
        busy = await post(url, {"sender": "busy", "message": SECRET_SYMPTOM})
        broken = await post(url, {"sender": "broken", "message": SECRET_SYMPTOM})
        handled = await post(url, {"sender": "me", "message": "hi"})
        empty = await post_raw(url, b"")
        not_json = await post_raw(url, b"{not json")
        # Rasa's streamed answer would never end on a failure: refused rather than left hanging.
        streamed = (await post(url + "?stream=true", {"sender": "busy", "message": "hi"}))[0]
    finally:
        server.close()
        await server.wait_closed()
    # Not handled because of too many messages at once: 503 with when to try again, not 200 [].
    assert busy[0] == 503 and busy[1] != []
    assert int(busy[2]["Retry-After"]) > 0
    # Failed: 500, and the log names the failure, never what the patient wrote.
    assert broken[0] == 500
    assert "ValueError" in caplog.text and SECRET_SYMPTOM not in caplog.text
    assert handled[:2] == (200, [{"recipient_id": "me", "text": "Hello!"}])
    # A body that is not a message is the caller's mistake, not a server error.
    assert (empty, not_json, streamed) == (400, 400, 400)


def test_rasas_structured_logs_carry_no_patient_text(caplog, monkeypatch, request):
    import rasa.__main__
    import structlog
    from rasa.utils import log_utils

    from bot.ops.cli import rasa_server
    from bot.rasa_plugins.patches import remove_patches

    # The Rasa server's own start (bot/ops/cli/rasa_server.py), with Rasa's CLI replaced by what it
    # does first: configure its logging.
    monkeypatch.setattr(rasa.__main__, "main", lambda: log_utils.configure_structlog())
    request.addfinalizer(remove_patches)  # it patches Rasa: Rasa's own code again afterwards
    monkeypatch.setattr(sys, "argv", ["rasa_server"])
    rasa_server.main()
    structlog.get_logger().error("rest.message.received.failure", text=SECRET_SYMPTOM)
    structlog.get_logger().error("processor.failure", user_message={"text": SECRET_SYMPTOM})
    try:
        slot_values = {"pain_modifiers": SECRET_SYMPTOM}  # noqa: F841 - a local in the traceback
        raise ValueError("interpolation failed")
    except ValueError:
        structlog.get_logger().exception("interpolator.interpolate.text")
    assert "rest.message.received.failure" in caplog.text
    assert "interpolation failed" in caplog.text
    assert SECRET_SYMPTOM not in caplog.text
