"""Text in SVG: escaped, and wrapped by hand because SVG has no automatic line breaks."""

from __future__ import annotations

from html import escape

# Width of characters in em, a little generous for DejaVu Sans (rendered PNG; checked against its
# metrics) and the sans-serif fonts of browsers, so a wrapped line never runs off the picture.
_NARROW = set("iIjlt.,;:'!|()[]f \u00a0")
_WIDE = set("mwMW@%")


def xml(text: str) -> str:
    """Text safe inside an SVG element or attribute (&, <, >, quotes)."""
    return escape(text, quote=True)


def text_width(text: str, size: float, bold: bool = False) -> float:
    em = sum(
        0.34 if c in _NARROW else 0.92 if c in _WIDE else 0.72 if c.isupper() else 0.6 for c in text
    )
    return em * size * (1.18 if bold else 1.03)


NO_BREAK = "\u00a0"  # a space where a line must not break


def unbreakable(text: str) -> str:
    return NO_BREAK.join(text.split(" "))


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Greedy line breaking at plain spaces; a word longer than a line stays whole on its own
    line, and French punctuation after a space (" :", " ;", " ?", " !") stays with its word."""
    lines: list[str] = []
    current = ""
    words: list[str] = []
    for word in (w for w in text.split(" ") if w):
        if words and word in (":", ";", "?", "!"):
            words[-1] += NO_BREAK + word
        else:
            words.append(word)
    for word in words:
        candidate = f"{current} {word}" if current else word
        if current and text_width(candidate, size, bold) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
