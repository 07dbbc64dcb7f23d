"""Shared fixtures: the real domain, the real spaCy pipeline and tracker builders."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import spacy
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.triage.nlp.canonical_entities import extract_entities
from bot.triage.nlp.pipeline import build_pipeline
from bot.triage.red_flags import detect
from tests.support.assistant_stack import client, running_stack  # noqa: F401  (shared fixtures)

# The review app's recording is shared by its HTTP and browser tests.
pytest_plugins = ["tests.apps.review.fixtures"]

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Fixtures that start the real Rasa and action servers, or a browser: a test that uses one gets
# the marker, so `-m "not e2e and not browser"` never needs a trained model or chromium.
REAL_SERVERS = {"running_stack", "real_assistant", "recording", "servers", "cluster"}
BROWSER = {"browser", "new_page"}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & REAL_SERVERS:
            item.add_marker(pytest.mark.e2e)
        if used & BROWSER:
            item.add_marker(pytest.mark.browser)


@lru_cache(maxsize=1)
def nlp() -> spacy.language.Language:
    return build_pipeline()


@lru_cache(maxsize=1)
def domain_dict() -> dict[str, Any]:
    from rasa.shared.core.domain import Domain

    return Domain.load(str(PROJECT_ROOT / "domain")).as_dict()


def slot_defaults() -> dict[str, Any]:
    return {name: spec.get("initial_value") for name, spec in domain_dict()["slots"].items()}


def parse(text: str, intent: str | None = None) -> dict[str, Any]:
    """What the NLU pipeline gives the actions: the real entities, the red-flag override."""
    entities = extract_entities(nlp(), text)
    flags = detect(text)
    if flags:
        intent = "red_flag"
        entities += [{"entity": "red_flag_id", "value": match.flag_id} for match in flags]
    return {
        "text": text,
        "intent": {"name": intent, "confidence": 1.0},
        "entities": entities,
    }


def payload(intent: str, entities: dict[str, Any] | None = None) -> dict[str, Any]:
    """A button press such as /describe_pain{"pain_side":"left"}."""
    return {
        "text": f"/{intent}",
        "intent": {"name": intent, "confidence": 1.0},
        "entities": [{"entity": key, "value": value} for key, value in (entities or {}).items()],
    }


def make_tracker(
    message: dict[str, Any] | None = None,
    slots: dict[str, Any] | None = None,
    events: list[dict[str, Any]] | None = None,
    active_loop: str | None = None,
) -> Tracker:
    return Tracker(
        sender_id="test-sender",
        slots={**slot_defaults(), **(slots or {})},
        latest_message=message or parse("hello", "greet"),
        events=events or [],
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


def responses(dispatcher: CollectingDispatcher) -> list[str]:
    return [message["response"] for message in dispatcher.messages]


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


@pytest.fixture
def domain() -> dict[str, Any]:
    return domain_dict()
