"""Normalise free text and place names to one comparable form."""

from __future__ import annotations

import re
import unicodedata

# French and Dutch write the same saint four or five ways ("Saint-Gilles", "St-Gilles",
# "Sint-Gillis", "Ste-Agathe"); one form lets every spelling meet.
_SAINT_FORMS = frozenset({"saint", "sainte", "sint", "st", "ste"})
_SAINT = "saint"

# Ligatures that NFKD leaves whole.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d"})

# Anything but ascii letters and digits separates words: hyphens, apostrophes, dots, emoji.
_SEPARATORS = re.compile(r"[^a-z0-9]+")


def normalise_tokens(text: str) -> list[str]:
    """Casefolded, accent-free ascii words of `text`, with every saint form made "saint"."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_LIGATURES))
    unaccented = "".join(char for char in folded if not unicodedata.combining(char))
    words = _SEPARATORS.sub(" ", unaccented).split()
    return [_SAINT if word in _SAINT_FORMS else word for word in words]


def normalise(text: str) -> str:
    """`normalise_tokens` joined by single spaces: "Woluwe-St-Pierre" -> "woluwe saint pierre"."""
    return " ".join(normalise_tokens(text))
