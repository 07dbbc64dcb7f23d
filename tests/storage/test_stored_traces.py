"""What is erased or redacted leaves no copy in the SQLite files: not in free pages of the
database, not in its write-ahead log."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_plugins.stores.consent_store import ConsentAwareTrackerStore
from bot.storage.erase import erase_conversation
from bot.storage.sqlite import use_write_ahead_log
from tests.conftest import PROJECT_ROOT
from tests.rasa_plugins.test_sql_store import turn

SYMPTOM = "tingling-in-both-feet-since-sunday-"


def file_bytes(db: Path) -> bytes:
    return b"".join(path.read_bytes() for path in db.parent.glob(db.name + "*"))


@pytest.fixture
def store(tmp_path: Path, monkeypatch) -> tuple[ConsentAwareTrackerStore, Path]:
    monkeypatch.setenv("HCMC_VAR_DIR", str(tmp_path))
    db = tmp_path / "conversations.db"
    use_write_ahead_log(f"sqlite:///{db}")
    return ConsentAwareTrackerStore(Domain.load(str(PROJECT_ROOT / "domain")), db=str(db)), db


def save_story(store: ConsentAwareTrackerStore, sender: str, at: float) -> DialogueStateTracker:
    # Long enough to take pages of its own, as a real story would.
    tracker = DialogueStateTracker.from_events(sender, turn(SYMPTOM * 40, "describe_pain", at))
    asyncio.run(store.save(tracker))
    return tracker


def test_an_erased_conversation_leaves_no_copy_in_the_files(store):
    tracker_store, db = store
    save_story(tracker_store, "web:erased", 1.0)
    asyncio.run(
        tracker_store.save(DialogueStateTracker.from_events("web:other", turn("hi", "greet", 1.0)))
    )
    assert SYMPTOM.encode() in file_bytes(db)
    # The assistant keeps its connections open, as it does while serving.
    assert asyncio.run(tracker_store.retrieve("web:other")) is not None
    erase_conversation(f"sqlite:///{db}", "web:erased")
    assert SYMPTOM.encode() not in file_bytes(db)


def test_a_declined_consent_leaves_no_copy_of_the_text_in_the_files(store):
    tracker_store, db = store
    tracker = save_story(tracker_store, "web:declined", 1.0)
    tracker.update(SlotSet("consent", "declined"))
    asyncio.run(tracker_store.save(tracker))
    assert SYMPTOM.encode() not in file_bytes(db)
