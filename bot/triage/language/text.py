"""The one way text is made comparable: case, accents, ligatures and apostrophes folded away, so
that "L’ŒDÈME", "l'oedeme" and "l'œdème" meet.

Words and patterns in the data files (red-flag rules, cue words, keywords) are written once in
this folded form, and the loaders check that they are: a word written otherwise could never match.
"""

from __future__ import annotations

import re
import unicodedata

# Curly quotes, primes, modifier letters and backticks all stand for the apostrophe in "can't" /
# "j'ai" / "'s avonds": phone keyboards type several of them.
APOSTROPHES = "\u2019\u2018\u201b\u02bc\u02bb\u0060\u00b4\u2032\uff07"
_STRAIGHT_APOSTROPHES = str.maketrans(dict.fromkeys(APOSTROPHES, "'"))

# Letters that Unicode does not decompose into base letter + accent. "Ł" is left out on purpose:
# the red-flag detector has always read it as "ł", and adding it would change which of its
# patterns match (re-run the triage evaluation first).
_LIGATURES = str.maketrans(
    {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "ł": "l"}
)

_WHITESPACE = re.compile(r"\s+")

# Emoji and other pictographs carry no words: blanking them keeps long emoji-only messages cheap
# to scan. The degree sign stays for temperatures ("38.5°C").
_BLANKED_CATEGORIES = frozenset({"So", "Sk", "Co", "Cs", "Cn"})
_KEPT_SYMBOLS = frozenset("°")


def straighten_apostrophes(text: str) -> str:
    """Every character typed for an apostrophe made "'", nothing else changed."""
    return text.translate(_STRAIGHT_APOSTROPHES)


def fold(text: str, *, spell_out_ligatures: bool = True) -> str:
    """Casefolded, without accents, ligatures spelt out, apostrophes straight:
    "L’Œdème" -> "l'oedeme". Compatibility forms become their plain letters ("ﬁ" -> "fi").

    Without ``spell_out_ligatures`` "œ" stays one letter, for a caller that lines positions in
    the folded text up with positions in the original ("cœur" -> "cœur", not "coeur")."""
    if text.isascii():
        # ASCII has no accents or ligatures: the same result, much faster.
        return text.translate(_STRAIGHT_APOSTROPHES).lower()
    # Apostrophes first: decomposing turns "´" into a space and an accent.
    text = text.translate(_STRAIGHT_APOSTROPHES)
    if spell_out_ligatures:
        text = text.translate(_LIGATURES)
    # Casefold before decomposing: casefolding can itself produce accents ("İ" -> "i" + dot).
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _blanked(char: str) -> bool:
    category = unicodedata.category(char)
    return category == "Cc" or (category in _BLANKED_CATEGORIES and char not in _KEPT_SYMBOLS)


_ASCII_BLANKS = str.maketrans({chr(code): " " for code in range(128) if _blanked(chr(code))})


def normalise(text: str) -> str:
    """`fold`, then one space for each run of whitespace, control characters and emoji, and no
    invisible format characters: "  FIÈVRE\\tœdème 😀 " -> "fievre oedeme". The form red-flag
    patterns and refusals of consent are matched in."""
    folded = fold(text)
    if folded.isascii():
        return _WHITESPACE.sub(" ", folded.translate(_ASCII_BLANKS)).strip()
    kept = (
        " " if _blanked(char) else char
        # Zero-width joiners and the like would split words invisibly.
        for char in folded
        if unicodedata.category(char) != "Cf"
    )
    return _WHITESPACE.sub(" ", "".join(kept)).strip()
