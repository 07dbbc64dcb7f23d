"""The conversation's language: English, French or Dutch.

``detect_language`` reads it from what the patient writes (deterministic, None when unsure);
``language_from_code`` reads a channel's code ("fr-BE", "nl_BE", Telegram's "nl").
"""

from __future__ import annotations

from bot.language.detect import LANGUAGES, detect_language, language_scores, load_cues

DEFAULT_LANGUAGE = "en"


def language_from_code(code: object) -> str | None:
    """ "fr", "fr-BE", "NL_be" -> "fr" / "nl"; None for anything else ("de", "", None)."""
    raw = str(code or "").strip().lower()
    prefix = raw[:2]
    if prefix in LANGUAGES and (len(raw) == 2 or raw[2] in "-_"):
        return prefix
    return None


__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "detect_language",
    "language_from_code",
    "language_scores",
    "load_cues",
]
