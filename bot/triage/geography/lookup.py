"""Find the place a patient names in a free-text message ("j'habite à Ixelles", "1150")."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from bot.triage.geography.data import load_places
from bot.triage.geography.fuzzy import FuzzyNames
from bot.triage.geography.models import Place
from bot.triage.geography.normalise import normalise_tokens

# Fuzzy matching costs names x word runs; a place is named early in a message, so only the
# first words are tried. Postcodes and exact names are looked for in the whole text.
MAX_FUZZY_WORDS = 30

_POSTCODE_WORD = re.compile(r"[1-9][0-9]{3}")
# A four-digit number after these words is a year ("depuis 1970"), not a postcode.
_YEAR_MARKERS = frozenset({"since", "depuis", "sinds", "sedert"})


def find_place(text: str) -> Place | None:
    """The place named in `text`, or None. Never raises on odd input.

    A known postcode wins; then the longest name or alias found word for word; then the
    closest name to a misspelling.
    """
    if not isinstance(text, str):
        return None
    return _default_finder().find(text)


@functools.lru_cache(maxsize=1)
def _default_finder() -> PlaceFinder:
    return PlaceFinder(load_places())


class PlaceFinder:
    """Indexes of normalised names and postcodes, built once from the places."""

    def __init__(self, places: Iterable[Place]) -> None:
        self._places = tuple(places)
        self._order = {place.id: index for index, place in enumerate(self._places)}
        self._by_words: dict[tuple[str, ...], Place] = {}
        for place in self._places:
            for name in (*place.names.values(), *place.aliases):
                self._by_words.setdefault(tuple(normalise_tokens(name)), place)
        self._max_words = max((len(words) for words in self._by_words), default=0)
        self._fuzzy = FuzzyNames(
            (" ".join(words), place) for words, place in self._by_words.items()
        )
        self._by_postcode = self._postcode_index()

    def find(self, text: str) -> Place | None:
        words = normalise_tokens(text)
        return self._by_postcode_in(words) or self._by_name_in(words) or self._by_fuzzy(words)

    def _postcode_index(self) -> dict[str, Place]:
        # For a shared postcode: the place listing it first wins, then a municipality over
        # its sections, then file order.
        ranked: dict[str, tuple[tuple[int, bool, int], Place]] = {}
        for order, place in enumerate(self._places):
            for position, code in enumerate(place.postcodes):
                rank = (position, place.part_of is not None, order)
                if code not in ranked or rank < ranked[code][0]:
                    ranked[code] = (rank, place)
        return {code: place for code, (_, place) in ranked.items()}

    def _by_postcode_in(self, words: list[str]) -> Place | None:
        for index, word in enumerate(words):
            if not _POSTCODE_WORD.fullmatch(word) or word not in self._by_postcode:
                continue
            if index > 0 and words[index - 1] in _YEAR_MARKERS:
                continue
            return self._by_postcode[word]
        return None

    def _by_name_in(self, words: list[str]) -> Place | None:
        matches = [
            _Match(place, start, len(run), len(" ".join(run)), self._order[place.id])
            for start, run in _word_runs(words, self._max_words)
            if (place := self._by_words.get(run)) is not None
        ]
        if not matches:
            return None
        # "Watermael-Boitsfort" also contains "Watermael": keep only the longest readings.
        by_start: dict[int, list[_Match]] = {}
        for match in matches:
            by_start.setdefault(match.start, []).append(match)
        outer = [
            match
            for match in matches
            if not any(
                match.inside(other)
                for start in range(match.start - self._max_words + 1, match.start + 1)
                for other in by_start.get(start, ())
            )
        ]
        # "Uccle, Brussels": the region-wide name gives way to the specific one.
        specific = [match for match in outer if not match.place.umbrella] or outer
        # "Stockel, Woluwe-Saint-Pierre": the section is the more precise answer.
        parents = {match.place.part_of for match in specific}
        precise = [match for match in specific if match.place.id not in parents] or specific
        best = min(precise, key=lambda m: (-m.words, -m.length, m.start, m.order))
        return best.place

    def _by_fuzzy(self, words: list[str]) -> Place | None:
        snippets: dict[str, int] = {}
        for start, run in _word_runs(words[:MAX_FUZZY_WORDS], self._max_words):
            text = " ".join(run)
            # Numbers are postcodes or ages, never misspelt place names.
            if not any(char.isdigit() for char in text):
                snippets.setdefault(text, start)
        return self._fuzzy.closest(snippets)


@dataclass(frozen=True)
class _Match:
    """A place name found word for word in the text."""

    place: Place
    start: int  # index of the first matched word
    words: int  # number of matched words
    length: int  # characters of the matched name, to break ties between equal word counts
    order: int  # position of the place in the data file: the last, deterministic tie-break

    def inside(self, other: _Match) -> bool:
        """True when this match lies within `other`, a longer match."""
        return (
            other.words > self.words
            and other.start <= self.start
            and self.start + self.words <= other.start + other.words
        )


def _word_runs(words: list[str], max_size: int) -> Iterator[tuple[int, tuple[str, ...]]]:
    """(start, words) for every run of 1..max_size consecutive words."""
    for size in range(1, max_size + 1):
        for start in range(len(words) - size + 1):
            yield start, tuple(words[start : start + size])
