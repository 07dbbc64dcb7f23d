"""The project's patches to Rasa, each tested through apply_patches (bot/rasa_plugins/patches):
applied, then reached the way Rasa reaches it, against what Rasa's own code gives; and
apply_patches refusing, having changed nothing, a Rasa the patches were not written for."""

from __future__ import annotations

import contextlib
import inspect
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

import jsonschema
import pytest
import rasa.version
import structlog
from aiohttp import web
from rasa.core.actions.action import ActionExtractSlots, RemoteAction
from rasa.core.channels import CollectingOutputChannel
from rasa.core.channels.channel import UserMessage
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.core.processor import MessageProcessor
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    ConversationPaused,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.utils.common import all_subclasses
from rasa.utils import log_utils
from rasa.utils.endpoints import EndpointConfig

from bot.rasa_plugins.patches import (
    PATCHES,
    PatchError,
    applied_patches,
    apply_patches,
    remove_patches,
)
from bot.rasa_plugins.patches.action_response_validation import action_response_validator
from bot.rasa_plugins.patches.endpoint_session import shared_connector
from bot.rasa_plugins.patches.patch import parameter_names
from bot.rasa_plugins.stores.sql_store import RASA_METHODS_RELIED_ON
from tests.conftest import PROJECT_ROOT

PATCH_NAMES = tuple(patch.name for patch in PATCHES)


@pytest.fixture(autouse=True)
def rasas_own_code() -> Iterator[None]:
    """Each test starts from Rasa's own code and leaves it so."""
    remove_patches()
    yield
    remove_patches()


@pytest.fixture(scope="module")
def rasa_domain() -> Domain:
    return Domain.load(str(PROJECT_ROOT / "domain"))


# --- A stand-in action server, reached through Rasa's own endpoint object -----------------------

Answer = Callable[[dict[str, Any]], Awaitable[dict[str, Any]]]


class ActionServer:
    """Answers every call with answer(request body); remembers the calls and their connections."""

    def __init__(self, answer: Answer) -> None:
        self.answer = answer
        self.calls: list[dict[str, Any]] = []
        self.connections: set[int] = set()

    async def webhook(self, request: web.Request) -> web.Response:
        self.connections.add(id(request.transport))
        body = await request.json()
        self.calls.append(body)
        answer = await self.answer(body)
        return web.json_response({**answer, "auth": request.headers.get("Authorization")})


@contextlib.asynccontextmanager
async def serving(answer: Answer, **endpoint: Any) -> AsyncIterator[tuple[ActionServer, Any]]:
    server = ActionServer(answer)
    app = web.Application()
    app.router.add_post("/webhook", server.webhook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield server, EndpointConfig(f"http://127.0.0.1:{port}/webhook", **endpoint)
    finally:
        await shared_connector().close()  # the patched sessions' connections, if any
        await runner.cleanup()


def answering(response: dict[str, Any]) -> Answer:
    async def answer(_body: dict[str, Any]) -> dict[str, Any]:
        return response

    return answer


# --- action_response_validation ------------------------------------------------------------------

GOOD = {
    "events": [{"event": "slot", "name": "language", "value": "fr", "timestamp": None}],
    "responses": [{"response": "utter_greet_again"}],
}
BAD = [
    {"events": [{"event": "no_such_event"}], "responses": []},
    {"events": "not a list", "responses": []},
    {"events": [], "responses": ["not an object"]},
]


async def run_remote_action(response: dict[str, Any], domain: Domain) -> list[Event]:
    """Rasa running a custom action whose server answers ``response``."""
    async with serving(answering(response)) as (_, endpoint):
        tracker = DialogueStateTracker.from_events("patient", [], slots=domain.slots)
        nlg = TemplatedNaturalLanguageGenerator(domain.responses)
        action = RemoteAction("action_x", endpoint)
        return await action.run(CollectingOutputChannel(), nlg, tracker, domain)


async def test_a_valid_response_is_accepted_as_by_rasa(rasa_domain: Domain):
    rasas = await run_remote_action(GOOD, rasa_domain)
    assert "action_response_validation" in apply_patches()
    action_response_validator.cache_clear()
    ours = await run_remote_action(GOOD, rasa_domain)
    assert ours == rasas
    assert SlotSet("language", "fr") in ours
    assert any(isinstance(event, BotUttered) for event in ours)
    assert action_response_validator.cache_info().currsize == 1  # checked by the patch


@pytest.mark.parametrize("result", BAD)
async def test_an_invalid_response_is_refused_with_rasas_error(result: dict, rasa_domain: Domain):
    with pytest.raises(jsonschema.ValidationError) as original:
        await run_remote_action(result, rasa_domain)
    apply_patches()
    with pytest.raises(jsonschema.ValidationError) as ours:
        await run_remote_action(result, rasa_domain)
    assert ours.value.message == original.value.message
    assert "Failed to validate Action server response" in ours.value.message


# --- event_class_lookup --------------------------------------------------------------------------


def test_events_are_resolved_to_the_classes_rasa_finds():
    rasas_resolve_by_type = Event.resolve_by_type
    stored = [
        event.as_dict()
        for event in (
            SessionStarted(timestamp=1.0),
            UserUttered("hello", {"name": "greet", "confidence": 0.9}, timestamp=2.0),
            SlotSet("language", "fr", timestamp=3.0),
            ActionExecuted("utter_greet_again", timestamp=4.0),
            BotUttered("Bonjour", {"buttons": []}, timestamp=5.0),
        )
    ]
    rasas_events = [Event.from_parameters(data) for data in stored]

    assert "event_class_lookup" in apply_patches()
    assert Event.resolve_by_type is not rasas_resolve_by_type
    names = {cls.type_name for cls in all_subclasses(Event)}
    assert len(names) > 20
    for name in names:
        assert Event.resolve_by_type(name) is rasas_resolve_by_type(name)
    assert Event.resolve_by_type("topic") is None
    assert Event.resolve_by_type("no_such_event", default=Event) is Event
    with pytest.raises(ValueError, match="Unknown event name"):
        Event.resolve_by_type("no_such_event")
    # As Rasa reads a stored conversation back.
    assert [Event.from_parameters(data) for data in stored] == rasas_events


# --- endpoint_session ----------------------------------------------------------------------------

SENT = {
    "next_action": "action_x",
    "tracker": {"latest_message": {"text": "j'ai mal à l'épaule / 7 \"vraiment\" 😣"}},
    "score": 0.1 + 0.2,
    "slots": {"pain_regions": ["neck"], "pain_severity": 7.5, "consent": None},
}


async def test_calls_to_the_action_server_reuse_one_connection():
    """Three calls through Rasa's endpoint object; the action server sees one connection."""

    async def echo(body: dict[str, Any]) -> dict[str, Any]:
        return {"events": [], "responses": [], "echo": body}

    assert "endpoint_session" in apply_patches()
    basic_auth = {"username": "u", "password": "p"}
    async with serving(echo, basic_auth=basic_auth) as (server, endpoint):
        answers = [await endpoint.request(json=SENT) for _ in range(3)]
    assert [a["events"] for a in answers] == [[], [], []]
    assert all(a["auth"].startswith("Basic ") for a in answers)  # authentication kept
    assert all(a["echo"] == SENT for a in answers)  # the server reads what Rasa meant to send
    assert len(server.connections) == 1


# --- slot_validation_call: the language validation, called only when it can change something ----

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


def the_action_server() -> Answer:
    """The project's validation action, run by rasa_sdk as the action server runs it."""
    from rasa_sdk.executor import ActionExecutor

    from actions.language import ValidateSlotMappings

    executor = ActionExecutor()
    executor.register_action(ValidateSlotMappings)

    async def answer(body: dict[str, Any]) -> dict[str, Any]:
        return await executor.run(body) or {}

    return answer


async def extract_slots(
    message: dict[str, Any], slots: dict[str, Any], domain: Domain
) -> tuple[list[Event], int]:
    """Rasa's slot extraction after a message: its events, and how many action server calls."""
    tracker = DialogueStateTracker.from_events(
        "patient",
        [
            *(SlotSet(name, value) for name, value in slots.items()),
            UserUttered(message["text"], message["intent"], message["entities"]),
        ],
        slots=domain.slots,
    )
    async with serving(the_action_server(), enable_selective_domain=True) as (server, endpoint):
        nlg = TemplatedNaturalLanguageGenerator(domain.responses)
        action = ActionExtractSlots(endpoint)
        events = await action.run(CollectingOutputChannel(), nlg, tracker, domain)
    return events, len(server.calls)


@pytest.mark.parametrize("slots", SLOT_STATES)
@pytest.mark.parametrize("text", MESSAGES)
async def test_the_language_validation_is_skipped_exactly_when_the_action_returns_nothing(
    text: str, slots: dict, rasa_domain: Domain
) -> None:
    """The Rasa server's shortcut against the action it spares: for every message and slot
    state, the action server is called iff the real action would set the language, and Rasa gets
    the same events either way."""
    from rasa_sdk.executor import CollectingDispatcher

    from actions.language import ValidateSlotMappings
    from tests.conftest import domain_dict, make_tracker
    from tests.triage.test_language import with_detected

    message = with_detected(text)
    action_events = await ValidateSlotMappings().run(
        CollectingDispatcher(), make_tracker(message, slots=slots), domain_dict()
    )
    expected = [SlotSet(e["name"], e["value"]) for e in action_events]

    rasas_events, rasas_calls = await extract_slots(message, slots, rasa_domain)
    assert "slot_validation_call" in apply_patches()
    events, calls = await extract_slots(message, slots, rasa_domain)
    assert events == rasas_events == expected
    assert rasas_calls == 1
    assert calls == (1 if expected else 0)


def test_the_shortcut_relies_on_the_action_following_the_language_alone() -> None:
    """If the validation action ever extracts or validates another slot, the Rasa server's
    shortcut (bot/triage/language/slot_validation.py) would skip it: this fails first."""
    from rasa_sdk.forms import ValidationAction

    from actions.language import ValidateSlotMappings

    own = set(dir(ValidateSlotMappings)) - set(dir(ValidationAction))
    slot_methods = {name for name in own if name.startswith(("extract_", "validate_"))}
    assert slot_methods == {"extract_language", "validate_language"}
    assert ValidateSlotMappings().domain_slots({}) == ["language"]


# --- red_flags_while_paused ----------------------------------------------------------------------


def handled(intent: str, paused: bool = True) -> bool:
    """Whether Rasa's processor goes on to predict after this message (its prediction loop's
    question)."""
    events: list[Event] = [ConversationPaused()] if paused else []
    events.append(UserUttered("...", {"name": intent, "confidence": 1.0}))
    return MessageProcessor._should_handle_message(DialogueStateTracker.from_events("p", events))


def test_a_red_flag_gets_through_a_staff_takeover_and_nothing_else_does():
    intents = ("red_flag", "describe_pain", "restart")
    assert {intent: handled(intent) for intent in intents} == {
        "red_flag": False,
        "describe_pain": False,
        "restart": True,
    }
    assert "red_flags_while_paused" in apply_patches()
    assert {intent: handled(intent) for intent in intents} == {
        "red_flag": True,
        "describe_pain": False,
        "restart": True,
    }
    assert handled("describe_pain", paused=False)


# --- red_flags_across_messages -------------------------------------------------------------------


class ClassifierSays:
    """Stands in for the NLU model, through Rasa's own hook for an NLU served elsewhere."""

    def __init__(self, intent: str) -> None:
        self.intent = intent

    async def parse(self, message: UserMessage) -> dict[str, Any]:
        return {"text": message.text, "intent": {"name": self.intent, "confidence": 0.9},
                "intent_ranking": [], "entities": []}  # fmt: skip


async def parsed(texts: list[str], said_now: str, classifier: str = "describe_pain") -> dict:
    """Rasa's processor interpreting ``said_now`` in a conversation where ``texts`` came before."""
    processor = MessageProcessor.__new__(MessageProcessor)
    processor.http_interpreter = ClassifierSays(classifier)  # type: ignore[assignment]
    processor.domain = Domain.empty()
    events: list[Event] = [SessionStarted()]
    events += [UserUttered(text, {"name": "describe_pain", "confidence": 1.0}) for text in texts]
    tracker = DialogueStateTracker.from_events("p", events)
    return await processor.parse_message(UserMessage(said_now), tracker)


STORY = ["my left arm has felt heavy since this morning"]


async def test_a_red_flag_told_over_two_messages_asks_the_safety_question():
    assert (await parsed(STORY, "and now I'm sweating"))["intent"]["name"] == "describe_pain"
    assert "red_flags_across_messages" in apply_patches()
    result = await parsed(STORY, "and now I'm sweating")
    assert result["intent"] == {"name": "possible_red_flag", "confidence": 1.0}
    assert [(e["entity"], e["value"]) for e in result["entities"]] == [
        ("suspected_red_flag", "atypical_heart_attack")
    ]
    # The classifier's intent is kept for an ordinary message, a button press, a detector flag.
    assert (await parsed(STORY, "it started on Monday"))["intent"]["name"] == "describe_pain"
    assert (await parsed(STORY, "/affirm", "affirm"))["intent"]["name"] == "affirm"
    assert (await parsed(STORY, "no sweating"))["intent"]["name"] == "describe_pain"


async def test_a_flag_asked_about_once_is_not_asked_again():
    apply_patches()
    asked = UserUttered(
        "and now I'm sweating",
        {"name": "possible_red_flag", "confidence": 1.0},
        [{"entity": "suspected_red_flag", "value": "atypical_heart_attack"}],
    )
    processor = MessageProcessor.__new__(MessageProcessor)
    processor.http_interpreter = ClassifierSays("describe_pain")  # type: ignore[assignment]
    processor.domain = Domain.empty()
    events = [SessionStarted(), UserUttered(STORY[0]), asked, UserUttered("no")]
    tracker = DialogueStateTracker.from_events("p", events)
    result = await processor.parse_message(UserMessage("still sweating a bit"), tracker)
    assert result["intent"]["name"] == "describe_pain"


async def test_yes_to_the_question_is_the_suspected_red_flag():
    apply_patches()
    asked = UserUttered(
        "and now I'm sweating",
        {"name": "possible_red_flag", "confidence": 1.0},
        [{"entity": "suspected_red_flag", "value": "atypical_heart_attack"}],
    )
    question = BotUttered("...", metadata={"utter_action": "utter_ask_safety_check_across"})
    other = BotUttered("...", metadata={"utter_action": "utter_ask_pain_onset"})
    processor = MessageProcessor.__new__(MessageProcessor)
    processor.http_interpreter = ClassifierSays("affirm")  # type: ignore[assignment]
    processor.domain = Domain.empty()

    async def yes_after(*last: Event) -> dict[str, Any]:
        events = [SessionStarted(), UserUttered(STORY[0]), asked, *last]
        tracker = DialogueStateTracker.from_events("p", events)
        return await processor.parse_message(UserMessage("/affirm"), tracker)

    confirmed = await yes_after(question)
    assert confirmed["intent"]["name"] == "red_flag"
    assert [(e["entity"], e["value"]) for e in confirmed["entities"]] == [
        ("red_flag_id", "atypical_heart_attack")
    ]
    assert (await yes_after(question, UserUttered("no"), other))["intent"]["name"] == "affirm"
    assert (await yes_after(other))["intent"]["name"] == "affirm"


async def test_a_typed_yes_while_the_interview_waits_on_the_question_is_the_flag():
    apply_patches()
    events: list[Event] = [
        SessionStarted(),
        ActiveLoop("interview_form"),
        SlotSet("suspected_red_flags", ["dvt"]),
        SlotSet("requested_slot", "safety_answer"),
        BotUttered("...", metadata={"utter_action": "utter_not_understood_answer"}),
    ]
    processor = MessageProcessor.__new__(MessageProcessor)
    processor.http_interpreter = ClassifierSays("describe_pain")  # type: ignore[assignment]
    processor.domain = Domain.empty()
    tracker = DialogueStateTracker.from_events("p", events)
    said = await processor.parse_message(UserMessage("yes, since this morning"), tracker)
    assert said["intent"]["name"] == "red_flag"
    assert [(e["entity"], e["value"]) for e in said["entities"]] == [("red_flag_id", "dvt")]
    other = await processor.parse_message(UserMessage("since this morning"), tracker)
    assert other["intent"]["name"] == "describe_pain"


async def test_an_answer_that_tells_a_sign_again_is_a_yes():
    # "...tearing or very bad back pain with a faint feeling: is that what you have?"
    apply_patches()
    events: list[Event] = [
        SessionStarted(),
        UserUttered("ineens een verschrikkelijke pijn in mijn rug, alsof er iets scheurt"),
        ActiveLoop("interview_form"),
        SlotSet("suspected_red_flags", ["aortic_emergency"]),
        SlotSet("requested_slot", "safety_answer"),
    ]
    processor = MessageProcessor.__new__(MessageProcessor)
    processor.http_interpreter = ClassifierSays("describe_pain")  # type: ignore[assignment]
    processor.domain = Domain.empty()
    tracker = DialogueStateTracker.from_events("p", events)
    said = await processor.parse_message(
        UserMessage("Ik voel me slap en bijna flauw, ik heb moeten gaan liggen."), tracker
    )
    assert said["intent"]["name"] == "red_flag"
    assert [(e["entity"], e["value"]) for e in said["entities"]] == [
        ("red_flag_id", "aortic_emergency")
    ]
    denied = await processor.parse_message(UserMessage("nee, ik voel me niet flauw"), tracker)
    assert denied["intent"]["name"] == "describe_pain"


# --- log_redaction and traceback_locals ----------------------------------------------------------

SECRET_SYMPTOM = "blood in my urine since my divorce"


def logged_by_rasa(caplog: pytest.LogCaptureFixture, log: Callable[[], None]) -> str:
    """What Rasa's structured logging, configured as Rasa configures it, writes for log()."""
    saved = structlog.get_config()
    caplog.clear()
    try:
        log_utils.configure_structlog()
        log()
    finally:
        structlog.configure(**saved)
    return caplog.text


def log_patient_text() -> None:
    structlog.get_logger().error("rest.message.received.failure", text=SECRET_SYMPTOM)
    structlog.get_logger().error("processor.failure", user_message={"text": SECRET_SYMPTOM})


def log_a_traceback() -> None:
    try:
        slot_values = {"pain_modifiers": SECRET_SYMPTOM}  # noqa: F841 - a local in the traceback
        raise ValueError("interpolation failed")
    except ValueError:
        structlog.get_logger().exception("interpolator.interpolate.text")


def test_rasas_logs_carry_no_patient_text(caplog: pytest.LogCaptureFixture):
    assert SECRET_SYMPTOM in logged_by_rasa(caplog, log_patient_text)
    assert "log_redaction" in apply_patches()
    logged = logged_by_rasa(caplog, log_patient_text)
    assert "rest.message.received.failure" in logged and "processor.failure" in logged
    assert SECRET_SYMPTOM not in logged


def test_rasas_logged_tracebacks_carry_no_local_variables(caplog: pytest.LogCaptureFixture):
    assert SECRET_SYMPTOM in logged_by_rasa(caplog, log_a_traceback)
    assert "traceback_locals" in apply_patches()
    logged = logged_by_rasa(caplog, log_a_traceback)
    assert "interpolation failed" in logged
    assert SECRET_SYMPTOM not in logged


# --- apply_patches: a Rasa the patches were not written for is not patched --------------------


@pytest.mark.parametrize("version", ["3.7.0", "4.0.1", "3.5.21"])
def test_a_rasa_of_another_series_is_refused_naming_every_patch(
    version: str, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(rasa.version, "__version__", version)
    with pytest.raises(PatchError, match=f"Rasa {version} is installed") as refused:
        apply_patches()
    assert all(name in str(refused.value) for name in PATCH_NAMES)
    assert applied_patches() == ()


def test_any_release_of_the_series_is_patched(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(rasa.version, "__version__", "3.6.99")
    assert apply_patches() == PATCH_NAMES


def a_changed_signature(first: Any, second: Any, added: Any = None) -> None:
    """Stands for a Rasa attribute that no longer takes what its patch was written for."""


@pytest.mark.parametrize("patch", PATCHES, ids=PATCH_NAMES)
def test_a_target_whose_signature_changed_is_refused_naming_its_patch(
    patch: Any, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(patch.target, patch.attribute, a_changed_signature)
    with pytest.raises(PatchError, match=f"^{patch.name}: .* takes \\(first, second, added\\)"):
        apply_patches()
    assert applied_patches() == ()  # not even the others


def test_a_target_that_is_gone_is_refused_naming_its_patch(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delattr(RemoteAction, "_validate_action_result")
    with pytest.raises(PatchError, match="^action_response_validation: Rasa has no .*RemoteAction"):
        apply_patches()
    assert applied_patches() == ()


@pytest.mark.parametrize("method", sorted(RASA_METHODS_RELIED_ON))
def test_a_changed_method_the_sql_store_relies_on_stops_the_start(
    method: str, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(SQLTrackerStore, method, a_changed_signature)
    with pytest.raises(PatchError, match=f"^sql_store .*SQLTrackerStore.{method} takes"):
        apply_patches()
    assert applied_patches() == ()


def test_applying_twice_is_harmless():
    rasas_own = {patch.name: patch.current() for patch in PATCHES}
    first = apply_patches()
    installed = {patch.name: patch.current() for patch in PATCHES}
    assert apply_patches() == first == PATCH_NAMES
    assert {patch.name: patch.current() for patch in PATCHES} == installed
    # The second time recorded nothing over Rasa's own code: taking them off gives it back.
    remove_patches()
    assert applied_patches() == ()
    assert {patch.name: patch.current() for patch in PATCHES} == rasas_own


@pytest.mark.parametrize("patch", PATCHES, ids=PATCH_NAMES)
def test_each_replacement_takes_what_the_original_takes(patch: Any):
    """Rasa calls the replacement as it called the original: the same number of parameters, in
    the same order (the names of positional ones may differ)."""
    original = parameter_names(patch.current())
    assert original == patch.parameters
    replacement = patch.replacement
    if isinstance(replacement, staticmethod):
        replacement = replacement.__func__
    found = inspect.signature(replacement).parameters
    assert len(found) == len(original)
