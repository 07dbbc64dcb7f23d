"""One fix to Rasa 3.6's server, applied by `python -m bot.cli.rasa_server` (how the project
starts Rasa): the same checks, done once instead of on every turn.

Rasa validates every action server response with ``jsonschema.validate(result, schema)``, which
first re-validates the schema itself against JSON Schema's meta-schema. With jsonschema 4 that
check was about 60% of the Rasa server's CPU time per turn here (profiled with py-spy during
`make bench`). Here the schema is checked once and its validator reused; responses are validated
exactly as before and a bad one raises the same error with the same message.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import jsonschema
from jsonschema.exceptions import best_match
from jsonschema.protocols import Validator
from rasa.core.actions import action as rasa_action


@lru_cache(maxsize=1)
def action_response_validator() -> Validator:
    schema = rasa_action.RemoteAction.action_response_format_spec()
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def validate_action_result(self: rasa_action.RemoteAction, result: dict[str, Any]) -> bool:
    """RemoteAction._validate_action_result, with the validator built once."""
    error = best_match(action_response_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (
        ". Failed to validate Action server response from API, "
        "make sure your response from the Action endpoint is valid. "
        "For more information about the format visit "
        f"{rasa_action.DOCS_BASE_URL}/custom-actions"
    )
    raise error


def apply() -> None:
    rasa_action.RemoteAction._validate_action_result = validate_action_result
