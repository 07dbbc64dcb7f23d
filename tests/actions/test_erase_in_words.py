"""'Delete my data' typed in words: confirmed, then erased at the end of the turn, everywhere."""

from __future__ import annotations

import asyncio
from pathlib import Path

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet as CoreSlotSet
from rasa.shared.core.trackers import DialogueStateTracker
from rasa_sdk.events import SlotSet

from actions.consent import ActionEraseConversation
from actions.interview import INTERRUPTING_INTENTS
from bot.apps.telegram.rendering import conversation_erased
from bot.rasa_plugins.stores.consent_store import ConsentAwareTrackerStore
from tests.conftest import PROJECT_ROOT, make_tracker, parse, responses
from tests.rasa_plugins.test_sql_store import turn


async def test_the_action_confirms_and_asks_the_store_to_erase(dispatcher, domain):
    tracker = make_tracker(parse("yes", "affirm"), slots={"language": "nl"})
    events = await ActionEraseConversation().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_erase_done"]
    assert dispatcher.messages[0]["custom"] == {"erased": True}
    assert events == [SlotSet("erase_requested", True)]


def test_the_store_erases_the_conversation_instead_of_saving_it(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("HCMC_VAR_DIR", str(tmp_path))
    domain = Domain.load(str(PROJECT_ROOT / "domain"))
    store = ConsentAwareTrackerStore(domain, db=str(tmp_path / "conversations.db"))
    tracker = DialogueStateTracker.from_events(
        "web:1", turn("wis alles", "erase_data", 1.0), domain.slots
    )
    asyncio.run(store.save(tracker))
    other = DialogueStateTracker.from_events("web:2", turn("hallo", "greet", 1.0), domain.slots)
    asyncio.run(store.save(other))
    assert asyncio.run(store.retrieve("web:1")) is not None

    # The confirmation turn: the slot set by the action, then the save at the end of the turn.
    tracker.update(CoreSlotSet("erase_requested", True))
    asyncio.run(store.save(tracker))
    assert asyncio.run(store.retrieve("web:1")) is None  # nothing of it, this turn included
    assert asyncio.run(store.retrieve("web:2")) is not None  # other patients untouched


def test_the_request_interrupts_the_interview_and_the_location_question():
    assert "erase_data" in INTERRUPTING_INTENTS


def test_the_telegram_bridge_recognises_the_erasure_reply():
    assert conversation_erased({"custom": {"erased": True}, "text": "Done"})
    assert not conversation_erased({"custom": {"urgent": {}}})
    assert not conversation_erased({"text": "erased"})


def test_the_question_warns_it_cannot_be_undone_in_every_language(domain):
    variants = domain["responses"]["utter_ask_erase_confirm"]
    assert len(variants) == 3
    for variant in variants:
        assert [b["payload"] for b in variant["buttons"]] == ["/affirm", "/deny"]
    texts = " ".join(v["text"] for v in variants)
    assert "can't be undone" in texts and "ne peut pas être annulé" in texts
    assert "niet ongedaan" in texts
