"""What one conversation amounts to, read from its Rasa events: the inbox row and the summary card.

Pure functions over the events' JSON (Rasa's ``events.data``), so that the index, the transcript
page and the exports agree.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from bot.storage.senders import TELEGRAM_PREFIX
from bot.triage.interview.answers import INTERVIEW_SLOTS, SEVERITY_NOTE

# Rasa's FallbackClassifier takes over below its threshold (config.yml). Above it, in
# cross-validation, most of the intent classifier's mistakes and few of its right answers had a
# confidence below this, so such turns are worth a look.
LOW_CONFIDENCE = 0.8
FALLBACK_INTENT = "nlu_fallback"
INTERVIEW_COMPLETE_ACTION = "action_explain_pain"
# The patient asked to talk to a person (actions/booking.py, ActionHumanHandoff).
HANDOFF_ACTION = "action_human_handoff"
SUMMARY_SLOTS = (*INTERVIEW_SLOTS, "home_place", "nearest_centre")
# Not about one pain: kept on the card when the patient starts over about another one.
KEPT_ACROSS_RESTART = frozenset({"home_place", "nearest_centre"})
# What one interview answered (the summary card words them as the assistant's summary does).
EPISODE_SLOTS = (*INTERVIEW_SLOTS, SEVERITY_NOTE, "skipped_questions")
# The Rasa server's booking redirect (bot/rasa_plugins/channels/booking_redirect.py,
# actions/booking.py): a booking link through it records its clicks; a direct link's clicks are not
# counted.
BOOKING_REDIRECT_PATH = "/webhooks/booking/go/"


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


def _answered(value: Any) -> bool:
    return value not in (None, "", [], {})


@dataclass
class Episode:
    """One interview: where and how it hurts, as the patient answered it. A conversation holds
    several when the patient finished an interview, started over (a restart resets the slots) and
    answered another one, e.g. the lower back, then the hip."""

    slots: dict[str, Any] = field(default_factory=dict)
    # The assistant explained the pain (action_explain_pain): the interview was finished. Later
    # corrections ("it's my other knee") still change this episode.
    complete: bool = False

    @property
    def answered(self) -> bool:
        return any(_answered(value) for value in self.slots.values())

    @property
    def regions(self) -> list[str]:
        return [str(region) for region in self.slots.get("pain_regions") or []]


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
    # Interviews ended by a restart; the one going on (or last finished) is `current`.
    closed_episodes: list[Episode] = field(default_factory=list)
    current: Episode = field(default_factory=Episode)
    # The booking link went through the Rasa server's redirect, which counts its clicks.
    booking_link_counted: bool = False

    @property
    def episodes(self) -> list[Episode]:
        """Every interview of the conversation with an answer, in order: each finished one
        stays its own episode, also after the patient started over about another pain."""
        found = [episode for episode in self.closed_episodes if episode.answered]
        return found + [self.current] if self.current.answered else found

    @property
    def regions(self) -> list[str]:
        """The regions of every episode, in order, each once."""
        return list(dict.fromkeys(r for episode in self.episodes for r in episode.regions))

    def close_episode(self) -> None:
        if self.current.answered:
            self.closed_episodes.append(self.current)
        self.current = Episode()

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
    from bot.triage.red_flags import tier_of  # the rules, loaded only by processes that summarise

    found: str | None = None
    for entity in (event.get("parse_data") or {}).get("entities") or []:
        if entity.get("entity") != "red_flag_id":
            continue
        try:
            found = more_urgent(found, tier_of(str(entity.get("value"))))
        except KeyError:
            continue
    return found or "unclear"


def gives_counted_link(event: dict[str, Any]) -> bool:
    """A message of the assistant with a booking link through the redirect that counts clicks."""
    if BOOKING_REDIRECT_PATH in str(event.get("text") or ""):
        return True
    data = event.get("data") or {}
    return isinstance(data, dict) and BOOKING_REDIRECT_PATH in json.dumps(data)


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
            elif name == "interview_complete":
                if value:
                    summary.current.complete = True
                elif summary.current.complete:  # the assistant started a new interview
                    summary.close_episode()
            if name in SUMMARY_SLOTS:
                summary.slots[str(name)] = value
            if name in EPISODE_SLOTS:
                summary.current.slots[str(name)] = value
        elif kind == "action" and event.get("name") == INTERVIEW_COMPLETE_ACTION:
            summary.interview_complete = True
            summary.current.complete = True
        elif kind == "action" and event.get("name") == HANDOFF_ACTION:
            summary.person_requested = True
        elif kind == "bot" and not summary.booking_link_counted:
            summary.booking_link_counted = gives_counted_link(event)
        elif kind == "restart":
            # Every slot is reset: what the patient answered before is an episode of its own.
            # Where they live and the centre suggested stay (the booking link given went there).
            kept = {k: v for k, v in summary.slots.items() if k in KEPT_ACROSS_RESTART and v}
            summary.slots.clear()
            summary.slots.update(kept)
            summary.close_episode()
    return summary
