"""Red flags told over several messages (bot/triage/red_flags/across_messages.py), found when
Rasa interprets a message of a conversation.

NLU components see one message, never the conversation, so this runs where Rasa has both:
``MessageProcessor.parse_message(message, tracker)``, replaced by
bot/rasa_plugins/patches/red_flags_across_messages.py. After Rasa's own interpretation, a typed
message that completes a red flag's combination with the patient's earlier messages becomes
``possible_red_flag`` (one safety question before any alarm: data/rules/red_flags.yml, or the
interview's own question, actions/interview.py) and carries the flag as a ``suspected_red_flag``
entity. A yes to that question (or an answer that tells one of its signs again) becomes the
``red_flag`` intent with the flag as its ``red_flag_id``, so that everything a red flag does
follows (the advice at any point, the interview ended, the alert to staff). A flag already
raised or already asked about is not asked again.
"""

from __future__ import annotations

import re
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor
from rasa.shared.core.events import BotUttered, Restarted, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_NAME_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.nlu.component import override_intent
from bot.rasa_plugins.nlu.red_flags import POSSIBLE_RED_FLAG_INTENT, RED_FLAG_INTENT
from bot.triage.red_flags.across_messages import EARLIER_MESSAGES, flags_across_messages
from bot.triage.red_flags.detector import affirmed_terms
from bot.triage.red_flags.rules import load_rules

RED_FLAG_ENTITY = "red_flag_id"
SUSPECTED_ENTITY = "suspected_red_flag"
EXTRACTOR_NAME = "RedFlagsAcrossMessages"
# The question asked about a suspected flag, and the answer that confirms it.
QUESTION = "utter_ask_safety_check_across"
YES_INTENT = "affirm"
# A typed yes the classifier may read otherwise ("yes, both at once", "oui, en même temps").
YES_WORDS = re.compile(r"\s*(?:yes|yeah|yep|oui|ouais|ja|jawel|inderdaad)\b", re.IGNORECASE)
# The interview asks the question as its own slot (actions/interview.py).
INTERVIEW_FORM = "interview_form"
INTERVIEW_QUESTION = "safety_answer"
INTERVIEW_FLAGS = "suspected_red_flags"

_original = MessageProcessor.parse_message


def earlier_texts(tracker: DialogueStateTracker) -> list[str]:
    """What the patient typed in this session (button presses are no words of theirs)."""
    texts: list[str] = []
    for event in tracker.events:
        if isinstance(event, (SessionStarted, Restarted)):
            texts = []
        elif isinstance(event, UserUttered) and event.text and not event.text.startswith("/"):
            texts.append(event.text)
    return texts[-EARLIER_MESSAGES:]


def flags_heard(tracker: DialogueStateTracker) -> set[str]:
    """Flags raised in this conversation, or already asked about after an earlier message."""
    heard = {str(flag) for flag in tracker.get_slot("red_flags") or []}
    for event in tracker.events:
        if isinstance(event, (SessionStarted, Restarted)):
            heard = {str(flag) for flag in tracker.get_slot("red_flags") or []}
        elif isinstance(event, UserUttered):
            heard |= {
                str(entity.get("value"))
                for entity in event.entities
                if entity.get("entity") == SUSPECTED_ENTITY
            }
    return heard


def pending_question(tracker: DialogueStateTracker) -> list[str]:
    """The flags a safety question about several messages is waiting on: the interview's own
    question (its slots say so, whatever was said in between), or the question just asked."""
    if tracker.active_loop_name == INTERVIEW_FORM and tracker.get_slot("requested_slot") == (
        INTERVIEW_QUESTION
    ):
        return [str(flag) for flag in tracker.get_slot(INTERVIEW_FLAGS) or []]
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return []
        if isinstance(event, BotUttered):
            if (event.metadata or {}).get("utter_action") != QUESTION:
                return []
            break
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            flags = [
                str(entity.get("value"))
                for entity in event.entities
                if entity.get("entity") == SUSPECTED_ENTITY
            ]
            if flags:
                return flags
    return []


def says_yes(parse_data: dict[str, Any]) -> bool:
    intent = (parse_data.get(INTENT) or {}).get(INTENT_NAME_KEY)
    return intent == YES_INTENT or bool(YES_WORDS.match(str(parse_data.get(TEXT) or "")))


def restates_a_sign(text: str, flags: list[str]) -> bool:
    """An answer that tells a sign of the flags asked about again ("I feel weak and nearly faint,
    I had to lie down" to "...with a faint feeling: is that what you have?") is a yes."""
    rules = load_rules()
    names = {name for flag in flags for combo in rules.flag(flag).combos for name in combo}
    return bool(names and affirmed_terms(text, names, rules))


def with_intent(
    parse_data: dict[str, Any], intent: str, entity: str, flags: list[str]
) -> dict[str, Any]:
    """The parse data with ``intent`` first (confidence 1.0), as the NLU components override a
    message's intent, and each flag as an entity."""
    message = Message(data=parse_data)
    override_intent(message, intent)
    found = [{"entity": entity, "value": flag, "extractor": EXTRACTOR_NAME} for flag in flags]
    return {**message.data, ENTITIES: [*(parse_data.get(ENTITIES) or []), *found]}


def suspect_across_messages(
    parse_data: dict[str, Any], tracker: DialogueStateTracker | None
) -> dict[str, Any]:
    """The parse data, turned into a safety question when the message completes a flag, and
    into that red flag when it says yes to the question."""
    text = str(parse_data.get(TEXT) or "")
    intent = (parse_data.get(INTENT) or {}).get(INTENT_NAME_KEY)
    if tracker is None or not text or intent == RED_FLAG_INTENT:
        return parse_data
    asked = pending_question(tracker)
    if asked and (says_yes(parse_data) or restates_a_sign(text, asked)):
        return with_intent(parse_data, RED_FLAG_INTENT, RED_FLAG_ENTITY, asked)
    if text.startswith("/"):
        return parse_data
    flags = flags_across_messages(text, earlier_texts(tracker), ignored=flags_heard(tracker))
    if not flags:
        return parse_data
    return with_intent(parse_data, POSSIBLE_RED_FLAG_INTENT, SUSPECTED_ENTITY, flags)


async def parse_message(
    self: MessageProcessor,
    message: UserMessage,
    tracker: DialogueStateTracker | None = None,
    only_output_properties: bool = True,
) -> dict[str, Any]:
    parse_data = await _original(self, message, tracker, only_output_properties)
    return suspect_across_messages(parse_data, tracker)


__all__ = ["parse_message", "suspect_across_messages"]
