"""Action server responses validated without re-checking their schema each time.

Why: Rasa validates every action server response with ``jsonschema.validate(result, schema)``,
which first validates the schema itself against JSON Schema's meta-schema; with jsonschema 4
that check was the largest single cost of a turn in the Rasa server (py-spy, `make bench`). Here
the schema is checked once and its validator reused: responses are validated exactly as before,
and a bad one raises the same error with the same message.

Replaces: rasa.core.actions.action.RemoteAction._validate_action_result(self, result)
With: validate_action_result.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import jsonschema
from jsonschema.exceptions import best_match
from jsonschema.protocols import Validator
from rasa.core.actions.action import DOCS_BASE_URL, RemoteAction

from bot.rasa_plugins.patches.patch import Patch


@lru_cache(maxsize=1)
def action_response_validator() -> Validator:
    schema = RemoteAction.action_response_format_spec()
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    """RemoteAction._validate_action_result, with the validator built once."""
    error = best_match(action_response_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (
        ". Failed to validate Action server response from API, "
        "make sure your response from the Action endpoint is valid. "
        "For more information about the format visit "
        f"{DOCS_BASE_URL}/custom-actions"
    )
    raise error


PATCH = Patch(
    name="action_response_validation",
    target=RemoteAction,
    attribute="_validate_action_result",
    parameters=("self", "result"),
    replacement=validate_action_result,
)
