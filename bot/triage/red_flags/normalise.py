"""Text normalisation shared by the red-flag patterns and the messages they are matched against.

Patterns in rules.yml are written once, in this normalised form (lower case, no accents, straight
apostrophes), so patients who type "fièvre", "fievre" or "FIEVRE" all hit the same pattern.
"""

from __future__ import annotations

import re
import unicodedata

# Curly quotes, primes and backticks all stand for the apostrophe in "can't" / "j'ai".
_APOSTROPHES = str.maketrans(
    dict.fromkeys("\u2019\u2018\u201b\u02bc\u02bb\u0060\u00b4\u2032\uff07", "'")
)

# Letters that Unicode does not decompose into base letter + accent.
_LIGATURES = str.maketrans(
    {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "ł": "l"}
)

_WHITESPACE = re.compile(r"\s+")

# Emoji and other pictographs carry no symptom words: blanking them keeps long emoji-only messages
# cheap to scan. The degree sign stays for temperatures ("38.5°C").
_BLANKED_CATEGORIES = frozenset({"So", "Sk", "Co", "Cs", "Cn"})
_KEPT_SYMBOLS = frozenset("°")


def _blanked(char: str) -> bool:
    category = unicodedata.category(char)
    return category == "Cc" or (category in _BLANKED_CATEGORIES and char not in _KEPT_SYMBOLS)


# ASCII has no accents or ligatures: a translation table gives the same result much faster.
_ASCII_BLANKS = str.maketrans({chr(code): " " for code in range(128) if _blanked(chr(code))})


def normalise(text: str) -> str:
    """Casefold, strip accents, unify apostrophes, blank out control characters, collapse spaces."""
    if text.isascii():
        text = text.translate(_APOSTROPHES).translate(_ASCII_BLANKS).lower()
        return _WHITESPACE.sub(" ", text).strip()
    # Casefold before decomposing: casefolding can itself produce accents ("İ" -> "i" + dot).
    text = text.translate(_APOSTROPHES).translate(_LIGATURES).casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    kept: list[str] = []
    for char in decomposed:
        if unicodedata.combining(char):
            continue  # the accent itself
        if unicodedata.category(char) == "Cf":
            continue  # zero-width joiners and the like would split words invisibly
        # Control characters and emoji separate words like a space.
        kept.append(" " if _blanked(char) else char)
    return _WHITESPACE.sub(" ", "".join(kept)).strip()
