"""Normalise free text and place names to one comparable form."""

from __future__ import annotations

import re

from bot.triage.language.text import fold

# French and Dutch write the same saint four or five ways ("Saint-Gilles", "St-Gilles",
# "Sint-Gillis", "Ste-Agathe"); one form lets every spelling meet.
_SAINT_FORMS = frozenset({"saint", "sainte", "sint", "st", "ste"})
_SAINT = "saint"

# Anything but ascii letters and digits separates words: hyphens, apostrophes, dots, emoji.
_SEPARATORS = re.compile(r"[^a-z0-9]+")


def normalise_tokens(text: str) -> list[str]:
    """Casefolded, accent-free ascii words of `text`, with every saint form made "saint"."""
    words = _SEPARATORS.sub(" ", fold(text)).split()
    return [_SAINT if word in _SAINT_FORMS else word for word in words]


def normalise(text: str) -> str:
    """`normalise_tokens` joined by single spaces: "Woluwe-St-Pierre" -> "woluwe saint pierre"."""
    return " ".join(normalise_tokens(text))
