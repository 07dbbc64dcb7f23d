"""Runs the interview form's validation offline, as Rasa would after a patient's message."""

from __future__ import annotations

from typing import Any

from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.interview import ValidateInterviewForm
from tests.conftest import make_tracker


async def validate(
    message: dict[str, Any],
    slots: dict[str, Any],
    dispatcher: CollectingDispatcher,
    domain: dict[str, Any],
) -> list[EventType]:
    tracker = make_tracker(message, slots, active_loop="interview_form")
    return await ValidateInterviewForm().run(dispatcher, tracker, domain)
