"""The conversation's language: English, French or Dutch.

``LANGUAGES`` and ``language_from_code`` (languages.py) are the one list of languages and the one
reading of a channel's code ("fr-BE", "nl_BE", Telegram's "nl"); ``detect_language`` reads the
language from what the patient writes (deterministic, None when unsure); ``language_to_follow``
decides whether the conversation follows the language a message is in. Text is made comparable
by text.py.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.triage.language.detect import detect_language, language_scores, load_cues
from bot.triage.language.languages import DEFAULT_LANGUAGE, LANGUAGES, language_from_code

# The conversation's language, and whether the patient asked for it (domain/language.yml).
LANGUAGE_SLOT = "language"
CHOSEN_SLOT = "language_chosen"
# The language a message is clearly written in (bot/rasa_plugins/nlu/language.py).
DETECTED_LANGUAGE_ENTITY = "detected_language"


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
