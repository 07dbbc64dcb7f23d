"""After the interview: referred pain in plain words, from the knowledge base."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import language_of
from bot.pictures import has_referral_map
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
        regions = list(tracker.get_slot("pain_regions") or [])
        side = tracker.get_slot("pain_side")
        done = [
            SlotSet("interview_complete", True),
            SlotSet("explained_regions", regions),
            SlotSet("explained_side", side),
        ]
        if (
            tracker.get_slot("interview_complete")
            and tracker.get_slot("explained_regions") == regions
        ):
            if tracker.get_slot("explained_side") != side:
                # "Actually it's my other knee": the same words, the picture of the other side.
                pictured = [region for region in regions if has_referral_map(region)]
                self._explain_regions(dispatcher, pictured, side, language, examples=False)
            return done  # a corrected answer elsewhere: the explanation has not changed
        dispatcher.utter_message(response="utter_explanation_intro")
        self._explain_regions(dispatcher, regions, side, language, examples=True)
        if "morning_stiffness" in (tracker.get_slot("time_pattern") or []):
            dispatcher.utter_message(response="utter_note_morning_stiffness")
        dispatcher.utter_message(response="utter_explanation_closing")
        return done

    @staticmethod
    def _explain_regions(
        dispatcher: CollectingDispatcher,
        regions: list[str],
        side: str | None,
        language: str,
        examples: bool,
    ) -> None:
        kb = load_knowledge_base()
        for region_id in regions:
            region = kb.region(region_id)
            if region.is_doctor_first:
                # Chest and belly: urgent causes first, never a muscular explanation.
                dispatcher.utter_message(response=f"utter_doctor_first_{region.id}")
                continue
            # The picture rides on the explanation's own message, so every channel can show the
            # two together (a caption on Telegram, an image beside the text for staff).
            picture = (
                {"referral_map": {"region": region.id, "side": side, "language": language}}
                if has_referral_map(region.id)
                else None
            )
            dispatcher.utter_message(
                response="utter_referred_pain",
                json_message=picture,
                region=region.label(language),
                muscles=muscle_lines([muscle.label(language) for muscle in region.muscles]),
            )
            if examples and region.clinic_examples:
                dispatcher.utter_message(response=f"utter_clinic_example_{region.id}")
