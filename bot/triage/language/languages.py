"""The languages the assistant speaks, and reading a channel's language code as one of them."""

from __future__ import annotations

LANGUAGES = ("en", "fr", "nl")
# The language spoken when nothing says which one the patient or staff member reads.
DEFAULT_LANGUAGE = "en"


def language_from_code(code: object) -> str | None:
    """ "fr", "fr-BE", "NL_be", "en-GB,en;q=0.8" -> "fr" / "nl" / "en"; None for anything else
    ("de", "frr", "", None). The caller decides what a None falls back to."""
    raw = str(code or "").strip().lower()
    prefix = raw[:2]
    # Only a whole primary subtag: "frr" (North Frisian) and "nld" are not our French or Dutch.
    if prefix in LANGUAGES and (len(raw) == 2 or raw[2] in "-_"):
        return prefix
    return None
