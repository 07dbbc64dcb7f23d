"""What one conversation amounts to, read from its Rasa events: the inbox row and the summary card.

Pure functions over the events' JSON (Rasa's ``events.data``), so that the index, the transcript
page and the exports agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from bot.conversations.senders import TELEGRAM_PREFIX
from bot.interview.answers import INTERVIEW_SLOTS

# Rasa's FallbackClassifier takes over below 0.45 (config.yml). Above it, in cross-validation,
# 80% of the intent classifier's mistakes had a confidence below 0.8 against 10% of its right
# answers, so turns below 0.8 are worth a look.
LOW_CONFIDENCE = 0.8
FALLBACK_INTENT = "nlu_fallback"
INTERVIEW_COMPLETE_ACTION = "action_explain_pain"
# The patient asked to talk to a person (actions/booking.py, ActionHumanHandoff).
HANDOFF_ACTION = "action_human_handoff"
SUMMARY_SLOTS = (*INTERVIEW_SLOTS, "home_place", "nearest_centre")


def when(timestamp: float | None) -> datetime:
    """Event time as a naive UTC datetime (what both SQLite and PostgreSQL columns hold)."""
    return datetime.fromtimestamp(timestamp or 0, tz=timezone.utc).replace(tzinfo=None)


def channel_of(sender_id: str, event: dict[str, Any]) -> str:
    metadata = event.get("metadata") or {}
    if isinstance(metadata.get("channel"), str) and metadata["channel"]:
        return str(metadata["channel"])[:32]
    if sender_id.startswith(TELEGRAM_PREFIX):
        return "telegram"
    channel = event.get("input_channel") or "rest"
    return "web" if channel == "socketio" else str(channel)[:32]


def intent_of(event: dict[str, Any]) -> tuple[str | None, float | None]:
    intent = (event.get("parse_data") or {}).get("intent") or {}
    confidence = intent.get("confidence")
    return intent.get("name"), float(confidence) if confidence is not None else None


def is_doubtful(event: dict[str, Any]) -> bool:
    """A fallback or a low-confidence turn (a typed message; buttons are certain)."""
    name, confidence = intent_of(event)
    if name == FALLBACK_INTENT:
        return True
    return confidence is not None and confidence < LOW_CONFIDENCE


def is_typed(event: dict[str, Any]) -> bool:
    return not str(event.get("text") or "").startswith("/")


@dataclass
class ConversationSummary:
    sender_id: str
    started_at: datetime
    last_at: datetime
    channel: str = "rest"
    language: str = "en"
    consent: str = "unknown"
    red_flag_tier: str | None = None
    red_flags: list[str] = field(default_factory=list)
    booking_link_given: bool = False
    needs_staff: bool = False
    # Asked for a person: staff are told of it even after a red flag's alert.
    person_requested: bool = False
    interview_complete: bool = False
    user_turns: int = 0
    fallback_turns: int = 0
    slots: dict[str, Any] = field(default_factory=dict)
    user_texts: list[str] = field(default_factory=list)

    @property
    def regions(self) -> list[str]:
        return [str(region) for region in self.slots.get("pain_regions") or []]

    @property
    def centre(self) -> str | None:
        value = self.slots.get("nearest_centre")
        return str(value) if value else None

    @property
    def red_flag(self) -> bool:
        return self.red_flag_tier is not None


TIER_ORDER = ("call_112", "emergency_department", "doctor_today", "unclear", "gp_soon")


def more_urgent(a: str | None, b: str | None) -> str | None:
    ranked = [tier for tier in (a, b) if tier in TIER_ORDER]
    return min(ranked, key=TIER_ORDER.index) if ranked else (a or b)


def detected_tier(event: dict[str, Any]) -> str:
    """The most urgent tier among a message's detected red flags; "unclear" when none is known."""
    from bot.red_flags import tier_of  # the rules, loaded only by processes that summarise

    found: str | None = None
    for entity in (event.get("parse_data") or {}).get("entities") or []:
        if entity.get("entity") != "red_flag_id":
            continue
        try:
            found = more_urgent(found, tier_of(str(entity.get("value"))))
        except KeyError:
            continue
    return found or "unclear"


def summarise(sender_id: str, events: list[dict[str, Any]]) -> ConversationSummary:
    first = events[0].get("timestamp") if events else None
    last = events[-1].get("timestamp") if events else None
    summary = ConversationSummary(sender_id, when(first), when(last))
    channel_seen = False
    for event in events:
        kind = event.get("event")
        if kind == "user":
            if not channel_seen or (event.get("metadata") or {}).get("channel"):
                summary.channel = channel_of(sender_id, event)
                channel_seen = True
            summary.user_turns += 1
            if is_typed(event) and is_doubtful(event):
                summary.fallback_turns += 1
            if is_typed(event) and event.get("text"):
                summary.user_texts.append(str(event["text"]))
            name, _ = intent_of(event)
            if name == "red_flag":
                # The detector's own tier: while staff have taken over, no action sets the slot,
                # yet the alert must say how urgent it is.
                summary.red_flag_tier = more_urgent(summary.red_flag_tier, detected_tier(event))
        elif kind == "slot":
            name, value = event.get("name"), event.get("value")
            if name == "language" and value:
                summary.language = str(value)
            elif name == "consent" and value:
                summary.consent = str(value)
            elif name == "red_flag_tier" and value:
                summary.red_flag_tier = more_urgent(summary.red_flag_tier, str(value))
            elif name == "red_flags" and value:
                summary.red_flags = [str(flag) for flag in value]
            elif name == "booking_link_given" and value:
                summary.booking_link_given = True
            elif name == "needs_staff_followup" and value:
                summary.needs_staff = True
            if name in SUMMARY_SLOTS:
                summary.slots[str(name)] = value
        elif kind == "action" and event.get("name") == INTERVIEW_COMPLETE_ACTION:
            summary.interview_complete = True
        elif kind == "action" and event.get("name") == HANDOFF_ACTION:
            summary.person_requested = True
        elif kind == "restart":
            summary.slots.clear()
    return summary
