"""Small helpers shared by the actions: reading the tracker and the settings."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from rasa_sdk import Tracker

from bot.config import Settings, load_settings
from bot.triage.language import LANGUAGES


@lru_cache(maxsize=1)
def settings() -> Settings:
    return load_settings()


def language_of(tracker: Tracker) -> str:
    language = tracker.get_slot("language")
    return language if language in LANGUAGES else "en"


def latest_intent(tracker: Tracker) -> str | None:
    intent = tracker.latest_message.get("intent") or {}
    return intent.get("name")


def latest_text(tracker: Tracker) -> str:
    return tracker.latest_message.get("text") or ""


def latest_entities(tracker: Tracker) -> list[dict[str, Any]]:
    return list(tracker.latest_message.get("entities") or [])


def entity_values(tracker: Tracker, name: str) -> list[Any]:
    return [
        entity.get("value") for entity in latest_entities(tracker) if entity.get("entity") == name
    ]


def consent_given(tracker: Tracker) -> bool:
    return tracker.get_slot("consent") == "given"


def returning_to_form(tracker: Tracker, form: str) -> bool:
    """True when a form validates the message again after a rule answered it (an interrupting
    question), not when it first reads the message: an action other than the form has run since
    the patient's latest message."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "action" and event.get("name") not in (
            form,
            "action_listen",
            "action_extract_slots",
        ):
            return True
    return False


def previous_user_message(tracker: Tracker) -> dict[str, Any] | None:
    """The user event before the latest one (the message a question was asked about)."""
    seen = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            seen += 1
            if seen == 2:
                return event
    return None
