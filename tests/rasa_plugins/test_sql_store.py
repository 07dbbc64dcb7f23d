"""The project's SQL tracker store gives back exactly the conversations Rasa's own store does,
built as the Rasa server builds it from the endpoints file."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import yaml
from rasa.core.agent import Agent
from rasa.core.tracker_store import SQLTrackerStore, TrackerStore
from rasa.core.utils import AvailableEndpoints
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.utils.common import class_from_module_path

from bot.rasa_plugins.endpoints import tracker_store_config
from bot.rasa_plugins.stores.sql_store import RASA_METHODS_RELIED_ON, FastSQLTrackerStore
from tests.conftest import PROJECT_ROOT


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(PROJECT_ROOT / "domain"))


def turn(text: str, intent: str, at: float) -> list:
    return [
        UserUttered(text, {"name": intent, "confidence": 0.9}, timestamp=at),
        SlotSet("language", "fr", timestamp=at + 0.1),
        ActionExecuted("utter_greet", timestamp=at + 0.2),
        BotUttered(
            "Bonjour", {"buttons": [{"title": "Oui", "payload": "/affirm"}]}, timestamp=at + 0.3
        ),
        ActionExecuted("action_listen", timestamp=at + 0.4),
    ]


def configured_store(domain: Domain, db: Path) -> TrackerStore:
    """The tracker store as the Rasa server gets it: the class and settings the endpoints file
    names (written as bot/rasa_plugins/endpoints.py writes it), made by Rasa's factory, and handed
    the domain by Rasa's agent, which wraps it."""
    endpoints = db.with_name("endpoints.yml")
    config = {"tracker_store": tracker_store_config(f"sqlite:///{db}")}
    endpoints.write_text(yaml.safe_dump(config))
    store = TrackerStore.create(AvailableEndpoints.read_endpoints(str(endpoints)).tracker_store)
    assert isinstance(store, FastSQLTrackerStore)
    return Agent(domain=domain, tracker_store=store).tracker_store


def stores(domain: Domain, tmp_path: Path) -> tuple[SQLTrackerStore, TrackerStore]:
    db = tmp_path / "conversations.db"
    return SQLTrackerStore(domain, db=str(db)), configured_store(domain, db)


def test_the_store_both_endpoints_files_name_is_this_one():
    committed = yaml.safe_load((PROJECT_ROOT / "endpoints.yml").read_text())["tracker_store"]
    written = tracker_store_config("sqlite:///conversations.db")
    assert committed["type"] == written["type"]
    assert issubclass(class_from_module_path(written["type"]), FastSQLTrackerStore)


def test_every_rasa_method_it_overrides_is_checked_when_the_server_starts():
    """bot/rasa_plugins/patches checks RASA_METHODS_RELIED_ON against the installed Rasa: an
    override missing from it would go unchecked."""
    overridden = {
        name
        for name, value in vars(FastSQLTrackerStore).items()
        if callable(value) and hasattr(SQLTrackerStore, name)
    }
    assert overridden <= RASA_METHODS_RELIED_ON.keys()
    assert {"__init__", "_retrieve", "save", "_additional_events"} <= overridden


def test_a_conversation_reads_back_as_rasas_store_reads_it(domain: Domain, tmp_path: Path):
    rasa_store, ours = stores(domain, tmp_path)
    first = turn("salut", "greet", 1.0)
    tracker = DialogueStateTracker.from_events("patient-1", first, domain.slots)
    asyncio.run(ours.save(tracker))
    tracker.update_with_events(turn("j'ai mal au dos", "describe_pain", 2.0), domain)
    asyncio.run(ours.save(tracker))  # only the new events are added

    mine = asyncio.run(ours.retrieve("patient-1"))
    theirs = asyncio.run(rasa_store.retrieve("patient-1"))
    assert mine is not None and theirs is not None
    assert len(mine.events) == len(theirs.events) == 10
    assert mine.current_state() == theirs.current_state()
    assert asyncio.run(ours.retrieve("nobody")) is None


def test_only_the_latest_session_is_read_unless_all_are_asked_for(domain: Domain, tmp_path: Path):
    rasa_store, ours = stores(domain, tmp_path)
    events = turn("hello", "greet", 1.0) + [SessionStarted(timestamp=5.0)]
    asyncio.run(ours.save(DialogueStateTracker.from_events("patient-2", events, domain.slots)))
    # As Rasa does on the next message: read the conversation back, add the turn, save.
    tracker = asyncio.run(ours.retrieve("patient-2"))
    assert tracker is not None
    tracker.update_with_events(turn("hello again", "greet", 6.0), domain)
    asyncio.run(ours.save(tracker))

    def texts(tracker: DialogueStateTracker | None) -> list[str | None]:
        assert tracker is not None
        return [e.text for e in tracker.events if isinstance(e, UserUttered)]

    latest = asyncio.run(ours.retrieve("patient-2"))
    full = asyncio.run(ours.retrieve_full_tracker("patient-2"))
    assert texts(latest) == ["hello again"]
    assert texts(full) == ["hello", "hello again"]
    theirs = asyncio.run(rasa_store.retrieve_full_tracker("patient-2"))
    assert full is not None and theirs is not None
    assert [e.as_dict() for e in full.events] == [e.as_dict() for e in theirs.events]
    # Saving the same tracker again stores nothing twice.
    asyncio.run(ours.save(tracker))
    assert texts(asyncio.run(rasa_store.retrieve_full_tracker("patient-2"))) == texts(full)


def rasas_view(store: FastSQLTrackerStore):
    """The store as Rasa's agent uses it: wrapped, so that only some of its methods are reached."""
    from rasa.core.tracker_store import AwaitableTrackerStore, FailSafeTrackerStore

    return FailSafeTrackerStore(AwaitableTrackerStore(store))


def test_a_turn_under_way_when_its_conversation_is_erased_does_not_bring_it_back(
    domain: Domain, tmp_path: Path
):
    from bot.storage.erase import erase_conversation

    db = tmp_path / "conversations.db"
    rasa = configured_store(domain, db)
    asyncio.run(rasa.save(DialogueStateTracker.from_events("web:p1", turn("hi", "greet", 1.0))))
    # A message arrives: the assistant reads the conversation and starts on its turn...
    under_way = asyncio.run(rasa.get_or_create_tracker("web:p1"))
    # ...the patient presses "Clear conversation" meanwhile...
    assert erase_conversation(f"sqlite:///{db}", "web:p1") == 5
    # ...and the turn ends: saving it must not write the conversation back.
    under_way.update_with_events(turn("my knee hurts", "describe_pain", 2.0), domain)
    asyncio.run(rasa.save(under_way))
    assert asyncio.run(rasa.retrieve("web:p1")) is None
    # The next message starts a new conversation, which is kept.
    fresh = asyncio.run(rasa.get_or_create_tracker("web:p1"))
    fresh.update_with_events(turn("hello again", "greet", 3.0), domain)
    asyncio.run(rasa.save(fresh))
    again = asyncio.run(rasa.retrieve("web:p1"))
    assert again is not None
    assert [e.text for e in again.events if isinstance(e, UserUttered)] == ["hello again"]


def test_an_erasure_committed_while_a_turn_is_written_leaves_nothing(
    domain: Domain, tmp_path: Path
):
    from bot.storage.erase import erase_conversation

    db = tmp_path / "conversations.db"

    class ErasedMeanwhile(FastSQLTrackerStore):
        def before_commit(self, session, tracker):
            # The erasure commits after this turn's checks, before its own commit.
            erase_conversation(f"sqlite:///{db}", tracker.sender_id)

    store = FastSQLTrackerStore(domain, db=str(db))
    asyncio.run(store.save(DialogueStateTracker.from_events("web:p2", turn("hi", "greet", 1.0))))
    racing = ErasedMeanwhile(domain, db=str(db))
    under_way = asyncio.run(rasas_view(racing).get_or_create_tracker("web:p2"))
    under_way.update_with_events(turn("my knee hurts", "describe_pain", 2.0), domain)
    asyncio.run(rasas_view(racing).save(under_way))
    assert asyncio.run(store.retrieve("web:p2")) is None
