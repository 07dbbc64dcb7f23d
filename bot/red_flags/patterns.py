"""Turning the regex sources in rules.yml into compiled patterns.

Sources may use macros: `{{name}}` for a macro defined under `macros:` in the YAML, and the built-in
`{{gap}}` / `{{gap:N}}`: up to N (default 3) intervening words. A gap never crosses a sentence end,
a negation cue or a "but", so "chest pain, but no sweating" cannot be read as one phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from bot.red_flags.normalise import normalise

DEFAULT_GAP = 3
MAX_GAP = 8
_MAX_MACRO_DEPTH = 5
_MACRO = re.compile(r"\{\{(\w+)(?::(\d+))?\}\}")
_WORD = re.compile(r"\w+")


class PatternError(ValueError):
    """A pattern source that cannot be expanded or compiled; the loader adds file and flag."""


def words(phrase: str) -> tuple[str, ...]:
    """The words of a phrase as the negation logic sees them: "Don't" -> ("don", "t")."""
    return tuple(_WORD.findall(normalise(phrase)))


def gap_regex(max_words: int, stop_words: Iterable[str], punctuation: str) -> str:
    """Up to max_words words between two parts of a phrase, none of them a stop word."""
    separator = f"[^\\w{re.escape(punctuation)}]+"
    stops = "|".join(sorted((re.escape(w) for w in set(stop_words)), key=len, reverse=True))
    word = f"(?!(?:{stops})(?!\\w))\\w+" if stops else "\\w+"
    return f"(?:{separator}{word}){{0,{max_words}}}?{separator}"


class PatternBuilder:
    """Expands macros and compiles the pattern sources of one rules file."""

    def __init__(self, macros: Mapping[str, str], gap_stop_words: Iterable[str], punctuation: str):
        self._macros = dict(macros)
        self._stop_words = frozenset(gap_stop_words)
        self._punctuation = punctuation

    def expand(self, source: str) -> str:
        for _ in range(_MAX_MACRO_DEPTH):
            if not _MACRO.search(source):
                return source
            source = _MACRO.sub(self._replace, source)
        raise PatternError("macros nest too deeply (a macro that refers to itself?)")

    def _replace(self, found: re.Match[str]) -> str:
        name, count = found.group(1), found.group(2)
        if name == "gap":
            n = DEFAULT_GAP if count is None else int(count)
            if n > MAX_GAP:
                raise PatternError(f"{{{{gap:{n}}}}} exceeds the limit of {MAX_GAP} words")
            return gap_regex(n, self._stop_words, self._punctuation)
        if count is not None or name not in self._macros:
            raise PatternError(f"unknown macro {found.group(0)}")
        return f"(?:{self._macros[name]})"

    def compile_one(self, source: str) -> re.Pattern[str]:
        """Compile one source on its own, so an error can name the pattern at fault."""
        check_normalised(source)
        try:
            regex = re.compile(_whole_words(self.expand(source)))
        except re.error as exc:
            raise PatternError(f"pattern {source!r} does not compile: {exc}") from None
        if regex.search("") is not None or regex.search(" ") is not None:
            raise PatternError(f"pattern {source!r} matches empty text")
        return regex

    def compile_all(self, sources: Iterable[str]) -> re.Pattern[str]:
        """One alternation per flag and language: a single scan of the text instead of dozens."""
        sources = list(sources)
        for source in sources:
            self.compile_one(source)
        return re.compile(_whole_words("|".join(f"(?:{self.expand(s)})" for s in sources)))


def _whole_words(source: str) -> str:
    # Matches start and end at word edges so "fever" does not fire inside another word.
    return f"(?<!\\w)(?:{source})(?!\\w)"


def check_normalised(source: str) -> None:
    """Text is casefolded and accent-free before matching, so such letters could never match."""
    if not source.isascii():
        raise PatternError(f"pattern {source!r} has non-ASCII characters; write it without accents")
    escaped = False
    for char in source:
        if char.isupper() and not escaped:
            raise PatternError(f"pattern {source!r} has upper-case letters; write it in lower case")
        escaped = char == "\\" and not escaped
