"""What is kept of a conversation whose patient declined consent: no health detail.

The patient was told "I won't note anything about your health" (utter_consent_declined), with one
exception said in the same message: when they mention a sign that needs urgent care, the advice
given (how urgent, which number to call) is kept, so that booking stays closed for the rest of the
conversation and the clinic can check what its assistant advised. Everything else that would say
something about their health is replaced in the stored events:
- what they wrote (text, entities, ranking); a bare button press such as /decline_consent stays;
- the assistant's explanation of a red flag, which names the condition (utter_red_flag_<flag>);
- the flag and its reason in the urgent card, and the reason in the booking refusal, which become
  the unclear tier's general words;
- the slots of the interview and the list of red flags; the tier (red_flag_tier) stays.
"""

from __future__ import annotations

from typing import Any

from bot.red_flags import flag_ids
from bot.red_flags.advice import PAYLOAD_KEY, load_advice

NOT_STORED = "[not stored: no consent]"
# Slots that describe the patient's health; red_flag_tier, the advice given, is kept.
HEALTH_SLOTS: dict[str, list[str] | None] = {
    "pain_regions": None, "pain_side": None, "pain_onset": None, "pain_duration": None,
    "pain_duration_days": None, "time_pattern": None, "pain_modifiers": None,
    "pain_severity": None, "pain_severity_note": None, "explained_regions": None,
    "precautions": None, "screen_back": None, "screen_chest": None, "screen_head": None,
    "screen_calf": None, "screen_general": None, "red_flags": [],
}  # fmt: skip


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
    if kind == "slot" and data.get("name") in HEALTH_SLOTS:
        kept = HEALTH_SLOTS[str(data["name"])]
        return data if data.get("value") in (None, kept) else {**data, "value": kept}
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


def _bot(data: dict[str, Any]) -> dict[str, Any]:
    metadata = dict(data.get("metadata") or {})
    result = data
    if metadata.get("utter_action") in _explanations():
        # The response's name names the condition too.
        metadata = {k: v for k, v in metadata.items() if k not in ("utter_action", "template")}
        result = {**result, "text": NOT_STORED, "metadata": metadata}
    reason = metadata.pop("red_flag_reason", None)
    if reason is not None:
        text = str(result.get("text") or "").replace(str(reason), _general_reason(str(reason)))
        result = {**result, "text": text, "metadata": metadata}
    urgent = ((result.get("data") or {}).get("custom") or {}).get(PAYLOAD_KEY)
    if isinstance(urgent, dict) and urgent.get("flag"):
        general = load_advice().reason(None, str(urgent.get("language") or "en"))
        general_urgent = {**urgent, "flag": None, "reason": general}
        custom = {**result["data"]["custom"], PAYLOAD_KEY: general_urgent}
        result = {**result, "data": {**result["data"], "custom": custom}}
    return result


def _explanations() -> set[str]:
    return {f"utter_red_flag_{flag}" for flag in flag_ids()}


def _general_reason(reason: str) -> str:
    """The unclear tier's words, in the language of a flag's reason."""
    advice = load_advice()
    for texts in advice.reasons.values():
        for language, text in texts.items():
            if text == reason:
                return advice.reason(None, language)
    return advice.reason(None, "en")
