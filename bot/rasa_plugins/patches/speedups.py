"""Fixes to hot paths of Rasa 3.6's server, applied by `python -m bot.ops.cli.rasa_server` (how the
project starts Rasa). Each gives exactly the result Rasa gives (for 4, with the project's own
action), without repeating work on every turn (found with py-spy during `make bench`;
tests/rasa_plugins/test_rasa_speedups.py checks the sameness).

1. Rasa validates every action server response with ``jsonschema.validate(result, schema)``, which
first re-validates the schema itself against JSON Schema's meta-schema. With jsonschema 4 that
check was about 60% of the Rasa server's CPU time per turn here (profiled with py-spy during
`make bench`). Here the schema is checked once and its validator reused; responses are validated
exactly as before and a bad one raises the same error with the same message.

2. Reading a conversation back, Rasa looks up each stored event's class by walking every
subclass of ``Event`` (about 5% of the server's time per turn): the classes are now looked up in
a table built from the same walk, in the same order, and built again when a name is missing.

3. Every call to the action server opened a new HTTP connection (a new aiohttp session and
connector each time, about 4% per turn): calls now share one connector per event loop and reuse
its idle connections, for less time than the action server keeps them open. The request (the
whole conversation) is written as JSON by ujson, already installed with Rasa, instead of the
standard library's encoder (about 5% per turn); the action server reads the same JSON.

4. After every message Rasa calls the action server's ``action_validate_slot_mappings`` (a whole
round trip with the conversation, about 8% of the server's time per turn and the action servers'
busiest action). In this project that action only ever follows the language the patient writes
in (actions/language.py), and every slot's mapping is custom, so Rasa extracts no slot for it to
validate: the call is made only when ``language_to_follow`` (the rule the action itself applies)
says the language changes; otherwise its answer is known to be nothing and Rasa's result, the
extracted slot events, is returned as Rasa would.
"""

from __future__ import annotations

import asyncio
from functools import lru_cache
from typing import Any

import aiohttp
import jsonschema
import ujson
from jsonschema.exceptions import best_match
from jsonschema.protocols import Validator
from rasa.core.actions import action as rasa_action
from rasa.shared.core.events import Event, SlotSet
from rasa.shared.utils.common import all_subclasses
from rasa.utils import endpoints as rasa_endpoints

from bot.triage.language import (
    CHOSEN_SLOT,
    DETECTED_LANGUAGE_ENTITY,
    LANGUAGE_SLOT,
    language_to_follow,
)

# Seconds an idle connection to the action server is kept: less than the 5 s after which the
# action server (Sanic) closes it, so a request never goes out on a connection being closed.
KEEPALIVE_SECONDS = 2.0


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


_event_classes: dict[str, type[Event]] = {}
_rasa_resolve_by_type = Event.resolve_by_type


def _index_event_classes() -> None:
    _event_classes.clear()
    for cls in all_subclasses(Event):
        _event_classes.setdefault(cls.type_name, cls)  # the first one, as Rasa's loop finds


def resolve_by_type(type_name: str, default: type[Event] | None = None) -> type[Event] | None:
    """Event.resolve_by_type, from a table instead of walking the subclasses each time."""
    if type_name not in _event_classes:
        _index_event_classes()  # a class imported since, or an unknown name
    found = _event_classes.get(type_name)
    if found is not None:
        return found
    return _rasa_resolve_by_type(type_name, default)  # Rasa's answer for names it does not know


_connectors: dict[asyncio.AbstractEventLoop, aiohttp.TCPConnector] = {}


def shared_connector() -> aiohttp.TCPConnector:
    loop = asyncio.get_running_loop()
    connector = _connectors.get(loop)
    if connector is None or connector.closed:
        connector = aiohttp.TCPConnector(keepalive_timeout=KEEPALIVE_SECONDS)
        _connectors[loop] = connector
    return connector


def endpoint_session(self: rasa_endpoints.EndpointConfig) -> aiohttp.ClientSession:
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
        timeout=aiohttp.ClientTimeout(total=rasa_endpoints.DEFAULT_REQUEST_TIMEOUT),
        connector=shared_connector(),
        connector_owner=False,
        json_serialize=_json_text,
    )


def _json_text(value: Any) -> str:
    return ujson.dumps(value, ensure_ascii=False, escape_forward_slashes=False)


_rasa_execute_validation_action = rasa_action.ActionExtractSlots._execute_validation_action


async def execute_validation_action(
    self: rasa_action.ActionExtractSlots,
    extraction_events: list[Event],
    output_channel: Any,
    nlg: Any,
    tracker: Any,
    domain: Any,
) -> list[Event]:
    """ActionExtractSlots._execute_validation_action, without the call to the action server when
    no slot was extracted and the language does not change (the action would return nothing)."""
    slot_events: list[Event] = [event for event in extraction_events if isinstance(event, SlotSet)]
    detected = [
        entity.get("value")
        for entity in tracker.latest_message.entities
        if entity.get("entity") == DETECTED_LANGUAGE_ENTITY
    ]
    changes = language_to_follow(
        tracker.get_slot(CHOSEN_SLOT), tracker.get_slot(LANGUAGE_SLOT), detected
    )
    if not slot_events and changes is None:
        return slot_events
    return await _rasa_execute_validation_action(
        self, extraction_events, output_channel, nlg, tracker, domain
    )


def apply() -> None:
    rasa_action.RemoteAction._validate_action_result = validate_action_result
    Event.resolve_by_type = staticmethod(resolve_by_type)
    rasa_endpoints.EndpointConfig.session = endpoint_session
    rasa_action.ActionExtractSlots._execute_validation_action = execute_validation_action
