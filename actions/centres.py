"""Which of the two centres is nearer: from a commune, a postcode or coordinates."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    entity_values,
    language_of,
    latest_intent,
    latest_text,
    returning_to_form,
)
from actions.faq import answer_side_questions, practical_topics, utter_practical
from bot.triage.geography import CentreChoice, find_place, load_centres, load_places, nearest_centre
from bot.triage.language.text import fold
from bot.triage.nlp.message_cues import asks_a_question

# Intents that are not an answer to "where do you live?": a rule handles them, then the form
# resumes.
INTERRUPTING_INTENTS = frozenset(
    {
        "faq",
        "ask_centres",
        "request_human",
        "stop",
        "red_flag",
        "help",
        "bot_challenge",
        "restart_conversation",
        "switch_language",
    }
)
COORDINATES_PREFIX = "geo:"
# The patient's place could not be found twice: both centres are offered.
EITHER_CENTRE = "either"


def coordinates_from(tracker: Tracker) -> tuple[float, float] | None:
    """Coordinates sent by a channel (Telegram location, the widget's geolocation)."""
    latitudes = entity_values(tracker, "latitude")
    longitudes = entity_values(tracker, "longitude")
    if not latitudes or not longitudes:
        return None
    try:
        latitude, longitude = float(latitudes[0]), float(longitudes[0])
    except (TypeError, ValueError):
        return None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    return latitude, longitude


def centres_named_in(text: str) -> list[str]:
    """Centres a patient picks by name ("I'll go to Boitsfort")."""
    folded = fold(text)
    return [
        centre.id
        for centre in load_centres().values()
        if centre.id in folded or any(fold(name) in folded for name in centre.commune.values())
    ]


def choice_for_home(home_place: str | None) -> CentreChoice | None:
    """The centre choice for a stored ``home_place`` (a place id or ``geo:lat,lon``)."""
    if not home_place:
        return None
    if home_place.startswith(COORDINATES_PREFIX):
        latitude, longitude = (float(part) for part in home_place[4:].split(","))
        return nearest_centre(latitude, longitude)
    place = next((place for place in load_places() if place.id == home_place), None)
    return nearest_centre(place.latitude, place.longitude) if place else None


def resolve_location(tracker: Tracker) -> dict[str, Any] | None:
    """``nearest_centre`` and ``home_place`` from the latest message: a centre picked by name or
    button, shared coordinates, or a commune or postcode; None when none is found."""
    chosen = [centre for centre in entity_values(tracker, "centre") if centre in load_centres()]
    if not chosen and latest_intent(tracker) == "choose_centre":
        chosen = centres_named_in(latest_text(tracker))
    if chosen:
        return {"nearest_centre": chosen[0], "home_place": None}
    coordinates = coordinates_from(tracker)
    if coordinates:
        choice = nearest_centre(*coordinates)
        home = f"{COORDINATES_PREFIX}{coordinates[0]:.4f},{coordinates[1]:.4f}"
        return {"nearest_centre": choice.nearest.id, "home_place": home}
    place = find_place(latest_text(tracker))
    if place:
        choice = nearest_centre(place.latitude, place.longitude)
        return {"nearest_centre": choice.nearest.id, "home_place": place.id}
    return None


class ValidateLocationForm(FormValidationAction):
    def name(self) -> str:
        return "validate_location_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if latest_intent(tracker) in INTERRUPTING_INTENTS:
            if not returning_to_form(tracker, "location_form") or latest_intent(tracker) in (
                "red_flag",
                "stop",
                "restart_conversation",
            ):
                return []  # the form rejects, so the rule for this intent runs
            # Back from answering the question: a commune in the same message still counts
            # ("Auderghem. Will the needling hurt?").
            if tracker.get_slot("requested_slot") != "nearest_centre":
                return []
            resolved = resolve_location(tracker)
            if resolved is None and not asks_a_question(latest_text(tracker)):
                # Taken for a question but none asked: an answer it cannot place, so that the
                # same question is never asked forever (the second miss offers both centres).
                return self._missed(dispatcher, tracker)
            return [SlotSet(slot, value) for slot, value in (resolved or {}).items()]
        # Rasa also validates when the form starts, with the message that came before the
        # question ("none of these"): only a reply to the question itself is an answer.
        if tracker.get_slot("requested_slot") != "nearest_centre":
            return []
        resolved = resolve_location(tracker)
        if resolved is None and latest_intent(tracker) == "goodbye":
            return []  # the form rejects, so the goodbye rule ends the question
        wants_the_link = latest_intent(tracker) == "request_booking"
        if resolved is None and wants_the_link:
            # "I'd like to book" instead of a place: both centres' links, no other question.
            dispatcher.utter_message(response="utter_place_skipped")
            return [SlotSet("nearest_centre", EITHER_CENTRE), SlotSet("missed_question", None)]
        if resolved is None:
            return self._missed(dispatcher, tracker)
        events = [SlotSet(slot, value) for slot, value in resolved.items()]
        if tracker.get_slot("missed_question") == "nearest_centre":
            events.append(SlotSet("missed_question", None))
        return events

    @staticmethod
    def _missed(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        """A place it cannot find: asked once more, and the second time both centres' links."""
        if tracker.get_slot("missed_question") == "nearest_centre":
            dispatcher.utter_message(response="utter_place_skipped")
            return [SlotSet("nearest_centre", EITHER_CENTRE), SlotSet("missed_question", None)]
        dispatcher.utter_message(response="utter_unknown_place")
        return [SlotSet("nearest_centre", None), SlotSet("missed_question", "nearest_centre")]


# Intents whose message itself says where the patient is (outside the location form).
LOCATION_INTENTS = frozenset({"inform_location", "share_location", "choose_centre"})


class ActionSuggestCentre(Action):
    def name(self) -> str:
        return "action_suggest_centre"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        answer_side_questions(dispatcher, tracker)  # "Auderghem. Will the needling hurt?"
        values = {
            "nearest_centre": tracker.get_slot("nearest_centre"),
            "home_place": tracker.get_slot("home_place"),
        }
        events: list[EventType] = []
        if latest_intent(tracker) in LOCATION_INTENTS:
            resolved = resolve_location(tracker)
            if resolved is None:
                dispatcher.utter_message(response="utter_unknown_place")
                return []
            values = resolved
            events = [SlotSet(slot, value) for slot, value in resolved.items()]
        utter_centre_choice(dispatcher, tracker, values)
        return events


def utter_centre_choice(
    dispatcher: CollectingDispatcher, tracker: Tracker, values: dict[str, Any]
) -> None:
    """The nearer centre first, with the distance, then the other (or the chosen centre)."""
    language = language_of(tracker)
    choice = choice_for_home(values["home_place"])
    if choice is None:
        centre = load_centres().get(values["nearest_centre"] or "")
        if centre:
            dispatcher.utter_message(
                response="utter_chosen_centre",
                centre_name=centre.name,
                address=centre.address_in(language),
                access=centre.access_in(language),
            )
        return
    if choice.far_away:
        dispatcher.utter_message(
            response="utter_far_from_centres",
            distance=f"{choice.nearest_km:.0f}",
            centre_name=choice.nearest.name,
        )
    dispatcher.utter_message(
        response="utter_nearest_centre",
        centre_name=choice.nearest.name,
        distance=f"{choice.nearest_km:.0f}",
        address=choice.nearest.address_in(language),
        access=choice.nearest.access_in(language),
        other_name=choice.other.name,
        other_distance=f"{choice.other_km:.0f}",
    )


class ActionListCentres(Action):
    def name(self) -> str:
        return "action_list_centres"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        # "Which of your centres is closest to Uccle?": the nearer one, not the list. A commune
        # is not health data, so this works before consent too.
        resolved = resolve_location(tracker)
        if resolved is not None:
            # While the location question is open, the form completes and says it once.
            if (tracker.active_loop or {}).get("name") != "location_form":
                utter_centre_choice(dispatcher, tracker, resolved)
            utter_practical(dispatcher, tracker, practical_topics(tracker))
            return [SlotSet(slot, value) for slot, value in resolved.items()]
        language = language_of(tracker)
        variables: dict[str, str] = {}
        for centre in load_centres().values():
            variables[f"{centre.id}_name"] = centre.name
            variables[f"{centre.id}_address"] = centre.address_in(language)
            variables[f"{centre.id}_access"] = centre.access_in(language)
        dispatcher.utter_message(response="utter_centres_list", **variables)
        # "where are you, and can I park there?": the addresses, then what else it asks
        utter_practical(dispatcher, tracker, practical_topics(tracker))
        return []
