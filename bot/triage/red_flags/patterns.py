"""Turning the regex sources in rules.yml into compiled patterns.

Sources may use macros: `{{name}}` for a macro defined under `macros:` in the YAML, and the built-in
`{{gap}}` / `{{gap:N}}`: up to N (default 3) intervening words. A gap never crosses a sentence end,
a negation cue or a "but", so "chest pain, but no sweating" cannot be read as one phrase.
"""

from __future__ import annotations

import functools
import re
import sre_constants as sre  # the standard library's own regex parser (re._parser from 3.11)
import sre_parse
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from bot.triage.language.text import normalise

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

    def compile_one(self, source: str) -> None:
        """Check one source on its own, so an error can name the pattern at fault."""
        check_normalised(source)
        problem = _problem_with(self.expand(source))
        if problem is not None:
            raise PatternError(f"pattern {source!r} {problem}")

    def compile_all(self, sources: Iterable[str]) -> re.Pattern[str]:
        """One alternation per flag and language: a single scan of the text instead of dozens."""
        sources = list(sources)
        for source in sources:
            self.compile_one(source)
        return _compiled(_whole_words("|".join(f"(?:{self.expand(s)})" for s in sources)))


# Compiling the rules is most of the loading time, and a changed copy of the file (tests, an
# operator's edit) repeats nearly all of it: remember each expanded source's verdict and regex.
@functools.cache
def _problem_with(expanded: str) -> str | None:
    """Why an expanded source cannot be a pattern, or None."""
    try:
        unanchored = re.compile(f"(?<!\\w)(?:{expanded})(?!\\w)")
    except re.error as exc:
        return f"does not compile: {exc}"
    if unanchored.search("") is not None or unanchored.search(" ") is not None:
        return "matches empty text"
    if not starts_with_word_character(expanded):
        return "must start with a letter or a digit"
    return None


@functools.cache
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(source)


# A match starts at the first character of a word ("(?=\\w)" skips punctuation fast; every pattern
# is checked to start with a letter or digit) and ends at the end of a word.
_WORD_START, _WORD_END = "(?<!\\w)(?=\\w)(?:", ")(?!\\w)"


def _whole_words(source: str) -> str:
    # Matches start and end at word edges so "fever" does not fire inside another word.
    return f"{_WORD_START}{source}{_WORD_END}"


def any_of(regexes: Sequence[re.Pattern[str]]) -> re.Pattern[str]:
    """One regex that matches wherever one of these compiled patterns matches.

    Scanning a text once for all of them is much faster than once for each; a caller then asks each
    pattern in turn what it matches at the position found.
    """
    sources = [regex.pattern for regex in regexes]
    if len(sources) == 1 or not all(
        s.startswith(_WORD_START) and s.endswith(_WORD_END) for s in sources
    ):
        return re.compile("|".join(f"(?:{source})" for source in sources))
    inner = (s[len(_WORD_START) : -len(_WORD_END)] for s in sources)
    return re.compile(_whole_words("|".join(f"(?:{source})" for source in inner)))


def check_normalised(source: str) -> None:
    """Text is casefolded and accent-free before matching, so such letters could never match."""
    if not source.isascii():
        raise PatternError(f"pattern {source!r} has non-ASCII characters; write it without accents")
    escaped = False
    for char in source:
        if char.isupper() and not escaped:
            raise PatternError(f"pattern {source!r} has upper-case letters; write it in lower case")
        escaped = char == "\\" and not escaped


def starts_with_word_character(source: str) -> bool:
    """Can every match of this regex source only start with a letter, digit or underscore?"""
    starts, can_be_empty = _sequence_start(sre_parse.parse(source).data)
    return starts and not can_be_empty


def _sequence_start(items: Sequence[tuple[Any, Any]]) -> tuple[bool, bool]:
    """(every match of the items starts with a word character, the items can match nothing)."""
    for op, av in items:
        starts, can_be_empty = _item_start(op, av)
        if not starts:
            return False, False
        if not can_be_empty:
            return True, False
    return True, True


def _item_start(op: Any, av: Any) -> tuple[bool, bool]:
    if op is sre.LITERAL:
        return _is_word_character(av), False
    if op is sre.IN:
        return all(_set_item_is_word(item_op, item_av) for item_op, item_av in av), False
    if op is sre.SUBPATTERN:
        return _sequence_start(av[-1].data)
    if op is sre.BRANCH:
        results = [_sequence_start(alternative.data) for alternative in av[1]]
        return all(starts for starts, _ in results), any(empty for _, empty in results)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        starts, can_be_empty = _sequence_start(av[2].data)
        return starts, can_be_empty or av[0] == 0
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return True, True  # zero-width: what follows decides
    return False, False  # any character, a back-reference...: not provably a word character


def _set_item_is_word(op: Any, av: Any) -> bool:
    if op is sre.LITERAL:
        return _is_word_character(av)
    if op is sre.RANGE:
        return all(_is_word_character(code) for code in range(av[0], av[1] + 1))
    if op is sre.CATEGORY:
        return av in (sre.CATEGORY_WORD, sre.CATEGORY_DIGIT)
    return False  # a negated set


def _is_word_character(code: int) -> bool:
    return _WORD.fullmatch(chr(code)) is not None
