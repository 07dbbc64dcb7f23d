"""The guarded REST channel (bot/channels/rest.py): who may speak for which conversation."""

from __future__ import annotations

import pytest
from sanic.exceptions import SanicException

from bot.channels.rest import check_sender
from bot.config import load_settings
from bot.conversations.tokens import channel_key


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
