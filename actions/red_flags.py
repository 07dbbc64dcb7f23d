"""Urgent advice when a red flag is raised, at any point of the conversation."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import (
    entity_values,
    language_of,
    latest_text,
    previous_user_message,
)
from actions.faq import offer_interview
from actions.follow_up import follow_up_after_red_flag, staff_alerted
from bot.triage.nlp.message_cues import mentions_pain
from bot.triage.red_flags import detect, flag_ids, tier_of, tier_rank
from bot.triage.red_flags.advice import UNCLEAR_TIER, load_advice, urgent_payload

# Set with possible_red_flag when a message completes a red flag with earlier ones
# (bot/rasa_plugins/nlu/red_flags_across_messages.py).
SUSPECTED_ENTITY = "suspected_red_flag"
# The flags an interview answer made together with earlier ones, waiting for the question.
SUSPECTED_SLOT = "suspected_red_flags"


def suspected_flags(parse_data: dict[str, Any] | None) -> list[str]:
    entities = (parse_data or {}).get("entities") or []
    return [
        str(entity.get("value"))
        for entity in entities
        if entity.get("entity") == SUSPECTED_ENTITY and entity.get("value") in flag_ids()
    ]


def flags_in_message(tracker: Tracker) -> list[str]:
    """Flags from the detector (run again here, deterministic) and from screen buttons (and
    from a yes to the question about a flag told over several messages)."""
    found = [match.flag_id for match in detect(latest_text(tracker))]
    for value in entity_values(tracker, "red_flag_id"):
        if value in flag_ids() and value not in found:
            found.append(value)
    return sorted(found, key=lambda flag: tier_rank(tier_of(flag)))


def ask_safety_question(
    dispatcher: CollectingDispatcher, tracker: Tracker, suspected: list[str]
) -> list[EventType]:
    """The one safety question before any alarm. With flags told over several messages it names
    what they may be, and a yes becomes that flag (bot/rasa_plugins/nlu/
    red_flags_across_messages.py); without them it lists the warning signs."""
    if suspected:
        flag = min(suspected, key=lambda f: tier_rank(tier_of(f)))
        reason = load_advice().reason(flag, language_of(tracker))
        dispatcher.utter_message(response="utter_ask_safety_check_across", reason=reason)
    else:
        dispatcher.utter_message(response="utter_ask_safety_check")
    return []


class ActionAskSafetyCheck(Action):
    """One safety question before any alarm. When the message put together with earlier ones
    makes a red flag, the question names what it could be; otherwise (only the classifier
    suspects something) it lists the warning signs."""

    def name(self) -> str:
        return "action_ask_safety_check"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        return ask_safety_question(dispatcher, tracker, suspected_flags(tracker.latest_message))


class ActionAskSafetyAnswer(Action):
    """The interview's own safety question, when an answer completed a red flag with earlier
    ones (actions/interview.py): asked before the interview goes on."""

    def name(self) -> str:
        return "action_ask_safety_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        flags = [f for f in tracker.get_slot(SUSPECTED_SLOT) or [] if f in flag_ids()]
        return ask_safety_question(dispatcher, tracker, flags)


def more_urgent(tier: str | None, other: str | None) -> str | None:
    """The more urgent of two tiers; "unclear" ranks just after "doctor_today"."""

    def rank(value: str | None) -> float:
        if value is None:
            return float("inf")
        if value == UNCLEAR_TIER:
            return tier_rank("doctor_today") + 0.5
        return tier_rank(value)

    return tier if rank(tier) <= rank(other) else other


def tier_flag(tracker: Tracker) -> str | None:
    """The first flag of the conversation whose tier is the conversation's tier (None: unclear)."""
    tier = tracker.get_slot("red_flag_tier")
    for flag in tracker.get_slot("red_flags") or []:
        if flag in flag_ids() and tier_of(flag) == tier:
            return str(flag)
    return None


def red_flag_reason(tracker: Tracker) -> str:
    """Why booking waits, in a few plain words of the patient's language."""
    return load_advice().reason(tier_flag(tracker), language_of(tracker))


class ActionRedFlagAdvice(Action):
    def name(self) -> str:
        return "action_red_flag_advice"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        return give_red_flag_advice(dispatcher, tracker)


# Tiers whose advice allows booking (with a word to the GP): found during the interview, the
# interview goes on after the advice, so that its last safety question is still asked.
INTERVIEW_GOES_ON_TIERS = frozenset({"gp_soon"})


def interview_goes_on_after(flags: list[str]) -> bool:
    """The message's red flags all allow booking: the advice, then the rest of the interview."""
    return bool(flags) and all(tier_of(flag) in INTERVIEW_GOES_ON_TIERS for flag in flags)


def give_red_flag_advice(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    offer: bool = True,
    flags: list[str] | None = None,
) -> list[EventType]:
    """The advice for the message's most urgent red flag (``flags``, found again when not given),
    and who follows up (with the offer to be contacted unless ``offer`` is False)."""
    flags = flags_in_message(tracker) if flags is None else flags
    flag = flags[0] if flags else None
    tier = tier_of(flag) if flag else UNCLEAR_TIER
    dispatcher.utter_message(response=f"utter_red_flag_{flag or 'unclear'}")
    # The tier's advice carries the structured part that channels render as urgent.
    urgent = urgent_payload(tier, flag, language_of(tracker))
    dispatcher.utter_message(response=f"utter_tier_{tier}", json_message=urgent)
    # After the advice, never before it: who will follow up, and how. During a takeover a
    # person is in the chat already (bot/rasa_plugins/channels/paused_red_flags.py): the advice
    # alone.
    if tracker.is_paused():
        follow_up: list[EventType] = []
    elif staff_alerted():
        follow_up = follow_up_after_red_flag(
            dispatcher, tracker, emergency=tier in STANDING_TIERS, offer=offer
        )
    else:
        dispatcher.utter_message(response="utter_red_flag_staff_note")
        follow_up = []
    earlier = list(tracker.get_slot("red_flags") or [])
    return [
        SlotSet("red_flag_tier", more_urgent(tier, tracker.get_slot("red_flag_tier"))),
        SlotSet("red_flags", earlier + [flag for flag in flags if flag not in earlier]),
        SlotSet("needs_staff_followup", True),
        *follow_up,
    ]


# Tiers that stand whatever the patient says next: an emergency is never talked away in a chat.
STANDING_TIERS = frozenset({"call_112", "emergency_department"})
# After a softer red flag was taken back, booking is open with the advice to tell the GP.
LIFTED_TIER = "gp_soon"


def emergency_stands(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Says so and returns True when the conversation's tier is one no correction lifts."""
    if tracker.get_slot("red_flag_tier") not in STANDING_TIERS:
        return False
    dispatcher.utter_message(response="utter_red_flag_stands")
    return True


class ActionReviewRedFlag(Action):
    """A "no" right after urgent advice ("no, I mean my jaw is just tired, I'm 34"): for the
    softer tiers, one safety question decides; an emergency tier stands."""

    def name(self) -> str:
        return "action_review_red_flag"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if not emergency_stands(dispatcher, tracker):
            dispatcher.utter_message(response="utter_ask_red_flag_still")
        return []


class ActionLiftRedFlag(Action):
    """No to the safety question after a correction: the advice is softened to "tell your GP"
    and booking is open again. An emergency tier is never lifted."""

    def name(self) -> str:
        return "action_lift_red_flag"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if emergency_stands(dispatcher, tracker):
            return []
        dispatcher.utter_message(response="utter_red_flag_lifted")
        return [SlotSet("red_flag_tier", LIFTED_TIER)]


class ActionSafetyClear(Action):
    """No to the one safety question: reassured, with what to do should it change. When the
    message that raised the question was about the patient's pain ("my back is killing me"),
    the interview is offered next, as for any pain described (data/rules/red_flags.yml)."""

    def name(self) -> str:
        return "action_safety_clear"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_safety_clear")
        raised = previous_user_message(tracker) or {}
        about_pain = mentions_pain(
            str(raised.get("text") or ""), (raised.get("parse_data") or {}).get("entities") or []
        )
        return offer_interview(tracker, about_pain)
