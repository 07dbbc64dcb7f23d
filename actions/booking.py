"""The handoff to a centre's booking page, and to a person at the clinic."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import consent_given, language_of, settings
from actions.faq import offer_interview, practical_topics, utter_practical
from actions.follow_up import (
    contact_with_request,
    follow_up_after_handoff,
    reception_routes,
    staff_alerted,
)
from actions.red_flags import red_flag_reason, tier_flag
from bot.config import Settings
from bot.storage.tokens import conversation_token
from bot.triage.geography import load_centres
from bot.triage.geography.booking_link import booking_link
from bot.triage.interview.summary import booking_reason, summary_fields
from bot.triage.knowledge import load_knowledge_base
from bot.triage.language.text import fold
from bot.triage.nlp.action_words import load_action_words
from bot.triage.red_flags.advice import urgent_payload

# Tiers after which no booking link is given in this conversation: medical help comes first.
BLOCKING_TIERS = frozenset({"call_112", "emergency_department", "doctor_today", "unclear"})


def tracked_booking_link(config: Settings, centre_id: str, reason: str, sender_id: str) -> str:
    """With a public address, a link to the Rasa server's own redirect, which records that the
    link was followed (for staff) and forwards to the booking page; the direct link otherwise.
    The conversation is named by an opaque token, never by its sender id."""
    if not config.public_url:
        return booking_link(config.booking_url(centre_id), centre_id, reason)
    params = {"c": conversation_token(config, sender_id)}
    if reason:
        params["reason"] = reason
    return f"{config.public_url}/webhooks/booking/go/{centre_id}?{urlencode(params)}"


def doctor_first(tracker: Tracker) -> bool:
    kb = load_knowledge_base()
    regions = tracker.get_slot("pain_regions") or []
    return tracker.get_slot("red_flag_tier") == "gp_soon" or any(
        kb.region(region).is_doctor_first for region in regions
    )


def said_before(tracker: Tracker, response: str) -> bool:
    return any(
        event.get("event") == "bot"
        and (event.get("metadata") or {}).get("utter_action") == response
        for event in tracker.events
    )


# The patterns whose words live in bot/triage/nlp/action_words.yml (section "booking"), by entry.
ACTION_WORD_ENTRIES = ("own_pain", "later_question")
_WORDS = load_action_words("booking", ACTION_WORD_ENTRIES)
_OWN_PAIN = re.compile(_WORDS["own_pain"], re.I)
_LATER = re.compile(_WORDS["later_question"])


def said_own_pain(text: str) -> bool:
    for sentence in re.split(r"(?<=[.!?])\s+", fold(text or "")):
        match = _OWN_PAIN.search(sentence)
        if match and not (sentence.rstrip().endswith("?") and _LATER.search(sentence)):
            return True
    return False


def _names_a_place(parse_data: dict[str, Any]) -> bool:
    return any(e.get("entity") == "body_region" for e in parse_data.get("entities") or [])


def described_pain(tracker: Tracker) -> bool:
    """Whether a message of this session named a place that hurts or said "I'm in pain" ("j'ai
    mal et je voudrais un rendez-vous": the safety questions come before the link there too)."""
    for event in reversed(tracker.events):
        if event.get("event") == "action" and event.get("name") == "action_session_start":
            break
        if event.get("event") == "user" and (
            _names_a_place(event.get("parse_data") or {}) or said_own_pain(event.get("text") or "")
        ):
            return True
    latest = tracker.latest_message or {}
    return _names_a_place(latest) or said_own_pain(latest.get("text") or "")


class ActionBookingHandoff(Action):
    def name(self) -> str:
        return "action_booking_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        tier = tracker.get_slot("red_flag_tier")
        if tier in BLOCKING_TIERS:
            dispatcher.utter_message(
                response="utter_booking_blocked_by_red_flag",
                red_flag_reason=red_flag_reason(tracker),
            )
            urgent = urgent_payload(tier, tier_flag(tracker), language_of(tracker))
            dispatcher.utter_message(response=f"utter_tier_{tier}", json_message=urgent)
            return [SlotSet("offer_interview", False)]
        if (
            tracker.get_slot("consent") == "unknown"
            and described_pain(tracker)
            and not said_before(tracker, "utter_booking_after_questions")
        ):
            # "I have tennis elbow, can I make an appointment?": the questions (and the red-flag
            # screen) come first, the link at the end, also when the widget's greeting already
            # asked for consent. Once: asked again, or after a no, the links are given.
            dispatcher.utter_message(response="utter_booking_after_questions")
            return [SlotSet("offer_interview", True), SlotSet("interview_offered", True)]
        centres = load_centres()
        reason = (
            booking_reason(tracker.current_slot_values(), language_of(tracker))
            if consent_given(tracker)
            else ""
        )
        centre = centres.get(tracker.get_slot("nearest_centre") or "")
        if centre is None:
            variables = {}
            for other in centres.values():
                variables[f"{other.id}_name"] = other.name
                variables[f"{other.id}_booking_url"] = tracked_booking_link(
                    settings(), other.id, reason, tracker.sender_id
                )
            dispatcher.utter_message(response="utter_booking_links_both", **variables)
            return [SlotSet("booking_link_given", True), *offer_interview(tracker, True)]
        # The summary first, so the patient can check and correct it before booking.
        if consent_given(tracker) and tracker.get_slot("interview_complete"):
            summary = summary_fields(tracker.current_slot_values(), language_of(tracker))
            dispatcher.utter_message(response="utter_interview_summary", **summary)
        if doctor_first(tracker):
            dispatcher.utter_message(response="utter_booking_after_doctor")
        url = tracked_booking_link(settings(), centre.id, reason, tracker.sender_id)
        dispatcher.utter_message(
            response="utter_booking_link", centre_name=centre.name, booking_url=url
        )
        return [SlotSet("booking_link_given", True), *offer_interview(tracker, True)]


class ActionHumanHandoff(Action):
    def name(self) -> str:
        return "action_human_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        # The handoff gives the contact routes; other practical questions in the message follow.
        others = [t for t in practical_topics(tracker) if t not in ("contact", "callback")]
        if staff_alerted():
            # "Call me on 0470 12 34 56" right after the offer to leave contact details answers it.
            contact = contact_with_request(dispatcher, tracker)
            if contact:
                return [SlotSet("needs_staff_followup", True), *contact]
            # Staff are told at once: what happens now, and the offer to leave contact details.
            return [
                SlotSet("needs_staff_followup", True),
                *follow_up_after_handoff(dispatcher, tracker, others),
            ]
        # Nobody is alerted: the reception's routes, and the honest note that staff read it later.
        dispatcher.utter_message(response="utter_human_handoff", **reception_routes(tracker))
        utter_practical(dispatcher, tracker, others)
        return [SlotSet("needs_staff_followup", True)]
