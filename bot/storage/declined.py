"""What is kept of a conversation whose patient declined (or withdrew) consent: no health detail.

The patient was told "I won't note anything about your health" (utter_consent_declined), with one
exception said in the same message: when they mention a sign that needs urgent care, the advice
given (how urgent, which number to call) is kept, so that the advice and the closed booking hold
for the rest of the conversation and the clinic can check what its assistant advised. What may be
kept is listed here; everything else is replaced in the stored events:
- what the patient wrote (text, entities, ranking); a bare button press such as /decline_consent
  stays;
- every reply of the assistant that was filled in with something about the patient (a region and
  its muscles, the summary, answers noted, contact details, a booking link whose address carries
  the reason), a red flag's explanation, and a staff member's words; other replies stay (the
  centres, the booking links a declined patient gets, the contact routes);
- in the urgent card and the booking refusal, the flag and its reason become the unclear tier's
  general words; the numbers to call stay;
- every slot not listed in KEPT_SLOTS (the interview, contact details). Of the red flags, only
  those with numbers of their own stay, since those numbers are the advice (a crisis line).
"""

from __future__ import annotations

import functools
from typing import Any

from bot.triage.red_flags import flag_ids
from bot.triage.red_flags.advice import PAYLOAD_KEY, load_advice

NOT_STORED = "[not stored: no consent]"
# Slots that say nothing about the patient's health, or that are the advice given.
KEPT_SLOTS = frozenset(
    {
        "language", "language_chosen", "consent", "retention_days", "red_flag_tier",
        "red_flags", "needs_staff_followup", "erase_requested", "offer_interview",
        "interview_offered", "booking_link_given", "nearest_centre", "home_place",
        "contact_offer", "contact_consent", "requested_slot",
    }
)  # fmt: skip
# What a reply can be filled in with that says something about the patient's health or reaches
# them (actions/): a region and its muscles, answers noted, a phone number or e-mail address.
HEALTH_FILL_INS = frozenset({"region", "muscles", "noted", "contact"})
# Replies that are about the patient as a whole: the summary of their interview.
HEALTH_RESPONSES = frozenset({"utter_interview_summary"})
REASON_KEY = "red_flag_reason"
# Metadata kept on a reply that is not: what Rasa puts on every reply.
PLAIN_METADATA = frozenset({"model_id", "assistant_id"})


def is_bare_payload(text: str) -> bool:
    """A button press with no values: an intent name only, nothing the patient wrote."""
    return text.startswith("/") and "{" not in text and " " not in text.strip()


def without_health_details(data: dict[str, Any]) -> dict[str, Any]:
    """A stored event as it may be kept for a declined conversation (the same dict if so)."""
    kind = data.get("event")
    if kind == "user":
        return _user(data)
    if kind == "bot":
        return _bot(data)
    if kind == "slot":
        return _slot(data)
    return data


def _user(data: dict[str, Any]) -> dict[str, Any]:
    if data.get("text") == NOT_STORED or is_bare_payload(str(data.get("text") or "")):
        return data
    parse_data = dict(data.get("parse_data") or {})
    parse_data.pop("text", None)
    parse_data["entities"] = []
    for key in ("response_selector", "intent_ranking"):
        parse_data.pop(key, None)
    return {**data, "text": NOT_STORED, "parse_data": parse_data}


def _slot(data: dict[str, Any]) -> dict[str, Any]:
    name, value = data.get("name"), data.get("value")
    if name == "red_flags" and isinstance(value, list):
        kept = [flag for flag in value if flag in load_advice().flag_calls]
        return data if kept == value else {**data, "value": kept}
    if name in KEPT_SLOTS or value is None:
        return data
    return {**data, "value": None}


def _bot(data: dict[str, Any]) -> dict[str, Any]:
    if data.get("text") == NOT_STORED:
        return data
    if _about_the_patient(data):
        plain = {k: v for k, v in (data.get("metadata") or {}).items() if k in PLAIN_METADATA}
        content = {**(data.get("data") or {}), "buttons": None, "quick_replies": None}
        result = {**data, "text": NOT_STORED, "metadata": plain, "data": content}
    else:
        result = data
        metadata = dict(data.get("metadata") or {})
        if REASON_KEY in metadata:
            reason = str(metadata.pop(REASON_KEY))
            text = str(data.get("text") or "").replace(reason, _general_reason(reason))
            result = {**data, "text": text, "metadata": metadata}
    urgent = ((result.get("data") or {}).get("custom") or {}).get(PAYLOAD_KEY)
    if isinstance(urgent, dict) and urgent.get("flag"):
        advice = load_advice()
        flag = urgent["flag"] if urgent["flag"] in advice.flag_calls else None
        general = advice.reason(None, str(urgent.get("language") or "en"))
        kept = {**urgent, "flag": flag, "reason": general}
        result = {
            **result,
            "data": {**result["data"], "custom": {**result["data"]["custom"], PAYLOAD_KEY: kept}},
        }
    return result


def _about_the_patient(data: dict[str, Any]) -> bool:
    """A reply filled in with something about this patient, or whose name names a condition, or
    written by a person (a staff member's words are theirs to choose)."""
    metadata = data.get("metadata") or {}
    response = metadata.get("utter_action")
    if not response or response in HEALTH_RESPONSES or response in _explanations():
        return True
    if HEALTH_FILL_INS & set(metadata):
        return True
    # A booking link carries the reason for the visit only with consent; a link without it stays.
    return "reason=" in str(metadata.get("booking_url") or "")


@functools.cache
def _explanations() -> frozenset[str]:
    return frozenset(f"utter_red_flag_{flag}" for flag in flag_ids())


def _general_reason(reason: str) -> str:
    """The unclear tier's words, in the language of a flag's reason."""
    advice = load_advice()
    for texts in advice.reasons.values():
        for language, text in texts.items():
            if text == reason:
                return advice.reason(None, language)
    return advice.reason(None, "en")
