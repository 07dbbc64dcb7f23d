"""The conversation's language: English, French or Dutch.

``detect_language`` reads it from what the patient writes (deterministic, None when unsure);
``language_from_code`` reads a channel's code ("fr-BE", "nl_BE", Telegram's "nl");
``language_to_follow`` decides whether the conversation follows the language a message is in.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.triage.language.detect import LANGUAGES, detect_language, language_scores, load_cues

DEFAULT_LANGUAGE = "en"
# The conversation's language, and whether the patient asked for it (domain/language.yml).
LANGUAGE_SLOT = "language"
CHOSEN_SLOT = "language_chosen"
# The language a message is clearly written in (bot/rasa_plugins/nlu/language.py).
DETECTED_LANGUAGE_ENTITY = "detected_language"


def language_from_code(code: object) -> str | None:
    """ "fr", "fr-BE", "NL_be" -> "fr" / "nl"; None for anything else ("de", "", None)."""
    raw = str(code or "").strip().lower()
    prefix = raw[:2]
    if prefix in LANGUAGES and (len(raw) == 2 or raw[2] in "-_"):
        return prefix
    return None


def language_to_follow(chosen: object, current: object, detected: Iterable[object]) -> str | None:
    """The language the conversation changes to because the patient writes in it: the last one
    detected in the message, unless the patient asked for a language (``chosen``) or it is
    already the conversation's (``current``); None: no change."""
    if chosen:
        return None
    found = [value for value in detected if value in LANGUAGES]
    if not found or found[-1] == current:
        return None
    return str(found[-1])


__all__ = [
    "CHOSEN_SLOT",
    "DEFAULT_LANGUAGE",
    "DETECTED_LANGUAGE_ENTITY",
    "LANGUAGES",
    "LANGUAGE_SLOT",
    "detect_language",
    "language_from_code",
    "language_to_follow",
    "language_scores",
    "load_cues",
]
