"""After the interview: referred pain in plain words, from the knowledge base."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import language_of
from bot.triage.knowledge import load_knowledge_base


def muscle_lines(muscle_labels: list[str]) -> str:
    return "\n".join(f"• {label}" for label in muscle_labels)


class ActionExplainPain(Action):
    def name(self) -> str:
        return "action_explain_pain"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        language = language_of(tracker)
        kb = load_knowledge_base()
        regions = list(tracker.get_slot("pain_regions") or [])
        done = [SlotSet("interview_complete", True), SlotSet("explained_regions", regions)]
        if (
            tracker.get_slot("interview_complete")
            and tracker.get_slot("explained_regions") == regions
        ):
            return done  # a corrected answer elsewhere: the explanation has not changed
        dispatcher.utter_message(response="utter_explanation_intro")
        for region_id in tracker.get_slot("pain_regions") or []:
            region = kb.region(region_id)
            if region.is_doctor_first:
                # Chest and belly: urgent causes first, never a muscular explanation.
                dispatcher.utter_message(response=f"utter_doctor_first_{region.id}")
                continue
            dispatcher.utter_message(
                response="utter_referred_pain",
                region=region.label(language),
                muscles=muscle_lines([muscle.label(language) for muscle in region.muscles]),
            )
            if region.clinic_examples:
                dispatcher.utter_message(response=f"utter_clinic_example_{region.id}")
        if "morning_stiffness" in (tracker.get_slot("time_pattern") or []):
            dispatcher.utter_message(response="utter_note_morning_stiffness")
        dispatcher.utter_message(response="utter_explanation_closing")
        return done
