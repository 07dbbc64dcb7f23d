"""The speed fix to Rasa's server validates action server responses exactly as Rasa does."""

from __future__ import annotations

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

from bot.rasa_speedups import validate_action_result

GOOD = {
    "events": [{"event": "slot", "name": "language", "value": "fr", "timestamp": None}],
    "responses": [{"response": "utter_greet"}],
}
BAD = [
    {"events": [{"event": "no_such_event"}], "responses": []},
    {"events": "not a list", "responses": []},
    {"events": [], "responses": ["not an object"]},
]


def rasa_original(result: dict) -> bool:
    return RemoteAction("action_x", None)._validate_action_result(result)


def test_a_valid_response_is_accepted_as_by_rasa():
    assert rasa_original(GOOD) is True
    assert validate_action_result(RemoteAction("action_x", None), GOOD) is True


@pytest.mark.parametrize("result", BAD)
def test_an_invalid_response_is_refused_with_rasas_error(result: dict):
    with pytest.raises(jsonschema.ValidationError) as original:
        rasa_original(result)
    with pytest.raises(jsonschema.ValidationError) as ours:
        validate_action_result(RemoteAction("action_x", None), result)
    assert ours.value.message == original.value.message
    assert "Failed to validate Action server response" in ours.value.message
