"""The speed fix to Rasa's server validates action server responses exactly as Rasa does."""

from __future__ import annotations

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

from bot.rasa_plugins.patches.speedups import validate_action_result

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


def test_events_are_resolved_to_the_classes_rasa_finds():
    from rasa.shared.core.events import Event
    from rasa.shared.utils.common import all_subclasses

    from bot.rasa_plugins.patches.speedups import _rasa_resolve_by_type, resolve_by_type

    names = {cls.type_name for cls in all_subclasses(Event)}
    assert len(names) > 20
    for name in names:
        assert resolve_by_type(name) is _rasa_resolve_by_type(name)
    assert resolve_by_type("topic") is None
    assert resolve_by_type("no_such_event", default=Event) is Event
    with pytest.raises(ValueError, match="Unknown event name"):
        resolve_by_type("no_such_event")


SENT = {
    "next_action": "action_x",
    "tracker": {"latest_message": {"text": "j'ai mal à l'épaule / 7 \"vraiment\" 😣"}},
    "score": 0.1 + 0.2,
    "slots": {"pain_regions": ["neck"], "pain_severity": 7.5, "consent": None},
}


def test_calls_to_the_action_server_reuse_one_connection():
    """Three calls through Rasa's endpoint object; the fake action server sees one connection."""
    import asyncio

    from aiohttp import web
    from rasa.utils.endpoints import EndpointConfig

    from bot.rasa_plugins.patches.speedups import endpoint_session, shared_connector

    connections: set[int] = set()

    async def webhook(request: web.Request) -> web.Response:
        connections.add(id(request.transport))
        auth = request.headers.get("Authorization")
        body = await request.json()
        return web.json_response({"events": [], "responses": [], "auth": auth, "echo": body})

    async def scenario() -> list:
        app = web.Application()
        app.router.add_post("/webhook", webhook)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        endpoint = EndpointConfig(
            f"http://127.0.0.1:{port}/webhook",
            basic_auth={"username": "u", "password": "p"},
        )
        original = EndpointConfig.session
        EndpointConfig.session = endpoint_session  # type: ignore[method-assign]
        try:
            answers = [await endpoint.request(json=SENT) for _ in range(3)]
        finally:
            EndpointConfig.session = original  # type: ignore[method-assign]
            await shared_connector().close()
            await runner.cleanup()
        return answers

    answers = asyncio.run(scenario())
    assert [a["events"] for a in answers] == [[], [], []]
    assert all(a["auth"].startswith("Basic ") for a in answers)  # authentication kept
    assert all(a["echo"] == SENT for a in answers)  # the server reads what Rasa meant to send
    assert len(connections) == 1


# --- The language validation call, made only when it can change something ---------------------

MESSAGES = [
    "j'ai mal au dos depuis hier",
    "mijn nek zit vast sinds gisteren",
    "my knee has hurt for three weeks",
    "Uccle",
    "7",
]
SLOT_STATES = [
    {"language": language, "language_chosen": chosen}
    for language in ("en", "fr", "nl")
    for chosen in (False, True)
]


@pytest.mark.parametrize("slots", SLOT_STATES)
@pytest.mark.parametrize("text", MESSAGES)
async def test_the_language_validation_is_skipped_exactly_when_the_action_returns_nothing(
    text: str, slots: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Rasa server's shortcut against the action it spares: for every message and slot
    state, the action server is called iff the real action would set the language, and Rasa gets
    the same events either way."""
    from rasa.core.actions.action import ActionExtractSlots
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import SlotSet as RasaSlotSet
    from rasa.shared.core.events import UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa_sdk.executor import CollectingDispatcher

    import bot.rasa_plugins.patches.speedups as speedups
    from actions.language import ValidateSlotMappings
    from tests.conftest import PROJECT_ROOT, domain_dict, make_tracker
    from tests.triage.test_language import with_detected

    message = with_detected(text)
    action_events = await ValidateSlotMappings().run(
        CollectingDispatcher(), make_tracker(message, slots=slots), domain_dict()
    )
    expected = [RasaSlotSet(e["name"], e["value"]) for e in action_events]

    calls = []

    async def action_server(self, events, output_channel, nlg, tracker, domain):  # type: ignore[no-untyped-def]
        calls.append(tracker.sender_id)
        return expected

    monkeypatch.setattr(speedups, "_rasa_execute_validation_action", action_server)
    domain = Domain.load(str(PROJECT_ROOT / "domain"))
    tracker = DialogueStateTracker.from_events(
        "patient",
        [
            *(RasaSlotSet(name, value) for name, value in slots.items()),
            UserUttered(message["text"], message["intent"], message["entities"]),
        ],
        slots=domain.slots,
    )
    extractor = ActionExtractSlots(None)
    events = await speedups.execute_validation_action(extractor, [], None, None, tracker, domain)
    assert events == expected
    assert calls == (["patient"] if expected else [])


def test_the_shortcut_relies_on_the_action_following_the_language_alone() -> None:
    """If the validation action ever extracts or validates another slot, the Rasa server's
    shortcut (bot/rasa_plugins/patches/speedups.py, item 4) would skip it: this fails first."""
    from rasa_sdk.forms import ValidationAction

    from actions.language import ValidateSlotMappings

    own = set(dir(ValidateSlotMappings)) - set(dir(ValidationAction))
    slot_methods = {name for name in own if name.startswith(("extract_", "validate_"))}
    assert slot_methods == {"extract_language", "validate_language"}
    assert ValidateSlotMappings().domain_slots({}) == ["language"]
