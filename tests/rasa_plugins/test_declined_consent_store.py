"""A patient who declined consent: nothing about their health is stored, only the advice given
when they mentioned a red flag (its tier and numbers), as the decline message tells them."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_plugins.stores.consent_store import ConsentAwareTrackerStore
from bot.triage.red_flags.advice import load_advice, urgent_payload
from tests.conftest import PROJECT_ROOT

REASON = load_advice().reason("cauda_equina", "en")


def red_flag_turn(at: float) -> list:
    return [
        UserUttered(
            "numbness between my legs and I can't pee",
            {"name": "red_flag", "confidence": 1.0},
            [{"entity": "red_flag_id", "value": "cauda_equina"}],
            timestamp=at,
        ),
        ActionExecuted("action_red_flag_advice", timestamp=at + 0.1),
        BotUttered(
            "Back pain with numbness between the legs can mean the nerves are pressed.",
            metadata={"utter_action": "utter_red_flag_cauda_equina"},
            timestamp=at + 0.2,
        ),
        BotUttered(
            "Please go to a hospital emergency department now.",
            {"custom": urgent_payload("emergency_department", "cauda_equina", "en")},
            metadata={"utter_action": "utter_tier_emergency_department"},
            timestamp=at + 0.3,
        ),
        SlotSet("red_flag_tier", "emergency_department", timestamp=at + 0.4),
        SlotSet("red_flags", ["cauda_equina"], timestamp=at + 0.4),
        UserUttered(
            "/request_booking", {"name": "request_booking", "confidence": 1.0}, timestamp=at + 1
        ),
        BotUttered(
            f"I can't offer a booking yet, because you mentioned {REASON}: medical help first.",
            metadata={
                "utter_action": "utter_booking_blocked_by_red_flag",
                "red_flag_reason": REASON,
            },
            timestamp=at + 1.1,
        ),
    ]


@pytest.fixture
def store(tmp_path: Path, monkeypatch) -> ConsentAwareTrackerStore:
    monkeypatch.setenv("HCMC_VAR_DIR", str(tmp_path))
    return ConsentAwareTrackerStore(
        Domain.load(str(PROJECT_ROOT / "domain")), db=str(tmp_path / "conversations.db")
    )


def stored_text(store: ConsentAwareTrackerStore, sender: str) -> str:
    database = store.engine.url.database
    with sqlite3.connect(database) as connection:
        rows = connection.execute("SELECT data FROM events WHERE sender_id = ?", (sender,))
        return "\n".join(row[0] for row in rows)


def save_red_flag_turn(store: ConsentAwareTrackerStore, sender: str, consent: str) -> str:
    """A conversation with its consent answered, then the red-flag turn, saved; what the
    database holds of it."""
    domain = store.domain
    tracker = DialogueStateTracker.from_events(
        sender, [SlotSet("consent", consent, timestamp=1.0)], domain.slots
    )
    tracker.update_with_events(red_flag_turn(2.0), domain)
    asyncio.run(store.save(tracker))
    return stored_text(store, sender)


def test_a_declined_conversation_keeps_the_advice_given_and_no_health_detail(store):
    stored = save_red_flag_turn(store, "web:declined", "declined")
    for detail in ("numbness", "cauda_equina", REASON, "nerves are pressed"):
        assert detail not in stored
    # The advice stays: how urgent, which number; the refusal keeps its sense in general words.
    assert "emergency_department" in stored and "tel:112" in stored
    assert load_advice().reason(None, "en") in stored
    again = asyncio.run(store.retrieve("web:declined"))
    assert again is not None
    assert again.get_slot("red_flag_tier") == "emergency_department"
    assert again.get_slot("red_flags") in ([], None)


def test_a_consenting_conversation_keeps_everything(store):
    stored = save_red_flag_turn(store, "web:given", "given")
    assert "numbness" in stored and "cauda_equina" in stored and REASON in stored


def test_withdrawing_consent_after_the_interview_leaves_no_health_detail(store):
    domain = store.domain
    tracker = DialogueStateTracker.from_events(
        "web:withdrew",
        [
            SlotSet("consent", "given", timestamp=1.0),
            UserUttered(
                "my right knee, for 3 weeks",
                {"name": "describe_pain", "confidence": 1.0},
                timestamp=2.0,
            ),
            SlotSet("pain_regions", ["knee"], timestamp=2.1),
            SlotSet("pain_duration", "weeks_1_6", timestamp=2.1),
            SlotSet("contact_phone", "+32470123456", timestamp=2.2),
            BotUttered(
                "Knee pain is often referred from the quadriceps.",
                metadata={"utter_action": "utter_referred_pain", "region": "knee"},
                timestamp=2.3,
            ),
            BotUttered(
                "Book here: https://booking.example.org/k?reason=knee+pain+3+weeks",
                {
                    "buttons": [
                        {"title": "Book", "url": "https://booking.example.org/k?reason=knee"}
                    ]
                },
                metadata={
                    "utter_action": "utter_booking_link",
                    "booking_url": "https://x?reason=knee",
                },
                timestamp=2.4,
            ),
            BotUttered(
                "Thank you.", metadata={"utter_action": "utter_consent_thanks"}, timestamp=2.5
            ),
        ],
        domain.slots,
    )
    asyncio.run(store.save(tracker))
    # "I withdraw my consent"
    tracker.update_with_events([SlotSet("consent", "declined", timestamp=3.0)], domain)
    asyncio.run(store.save(tracker))
    stored = stored_text(store, "web:withdrew")
    for detail in ("knee", "quadriceps", "3 weeks", "weeks_1_6", "+32470123456", "reason="):
        assert detail not in stored, detail
    # A reply that is the same for everyone stays readable for staff.
    assert "Thank you." in stored


def test_a_crisis_line_stays_with_the_advice_for_the_rest_of_the_conversation(store):
    domain = store.domain
    tracker = DialogueStateTracker.from_events(
        "web:crisis",
        [
            SlotSet("consent", "declined", timestamp=1.0),
            UserUttered(
                "I want to end my life", {"name": "red_flag", "confidence": 1.0}, timestamp=2.0
            ),
            BotUttered(
                "Please call now.",
                {"custom": urgent_payload("call_112", "self_harm", "en")},
                metadata={"utter_action": "utter_tier_call_112"},
                timestamp=2.1,
            ),
            SlotSet("red_flag_tier", "call_112", timestamp=2.2),
            SlotSet("red_flags", ["self_harm"], timestamp=2.2),
        ],
        domain.slots,
    )
    asyncio.run(store.save(tracker))
    again = asyncio.run(store.retrieve("web:crisis"))
    # The next turn (a booking refusal) can still give the crisis line's numbers.
    assert again is not None and again.get_slot("red_flags") == ["self_harm"]
    stored = stored_text(store, "web:crisis")
    assert "1813" in stored and "end my life" not in stored


def test_a_reload_shows_no_placeholder_in_the_assistants_voice():
    from bot.storage.declined import NOT_STORED
    from bot.storage.history import visible_messages

    events = [
        {"event": "bot", "text": NOT_STORED, "data": {"buttons": None}},
        {"event": "bot", "text": "Please call 112 now.", "data": {"custom": {"urgent": {}}}},
    ]
    assert [m["text"] for m in visible_messages(events)] == ["Please call 112 now."]
