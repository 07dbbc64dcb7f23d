"""Typo-tolerant matching of text snippets against place names ("Etterbeeck" -> Etterbeek)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from bot.triage.geography.models import Place

MIN_RATIO = 0.85
# Short names ("Asse", "Uccle", "Jette") are matched exactly only: fuzzily they would also
# match everyday words ("assez", "jetée").
MIN_NAME_LENGTH = 6

# SequenceMatcher.ratio() is 2 * matches / (len(a) + len(b)): below this length ratio of the
# shorter text to the longer, MIN_RATIO is out of reach.
_SHORTEST = MIN_RATIO / (2 - MIN_RATIO)
# Every character normalised text can hold.
_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789 "


class FuzzyNames:
    """Normalised place names, searched for the closest of a set of snippets."""

    def __init__(self, names: Iterable[tuple[str, Place]]) -> None:
        # Names keep their given order, which breaks ties between equally good matches.
        self._names = tuple(
            (_Spelling.of(name), place) for name, place in names if len(name) >= MIN_NAME_LENGTH
        )

    def closest(self, snippets: dict[str, int]) -> Place | None:
        """The place whose name is most like one of `snippets` (normalised text -> position).

        Ties go to the longer name, then the earlier snippet, then the earlier name.
        """
        spellings = sorted((_Spelling.of(text) for text in snippets), key=_length)
        lengths = [_length(spelling) for spelling in spellings]
        best: tuple[tuple[float, int, int, int], Place] | None = None
        matcher = SequenceMatcher(autojunk=False)
        for order, (name, place) in enumerate(self._names):
            low = bisect.bisect_left(lengths, _length(name) * _SHORTEST)
            high = bisect.bisect_right(lengths, _length(name) / _SHORTEST)
            if low == high:
                continue
            matcher.set_seq2(name.text)  # difflib caches its work on the second sequence
            for snippet in spellings[low:high]:
                if snippet.best_possible_ratio(name) < MIN_RATIO:
                    continue
                matcher.set_seq1(snippet.text)
                ratio = matcher.ratio()
                if ratio < MIN_RATIO:
                    continue
                rank = (-ratio, -_length(name), snippets[snippet.text], order)
                if best is None or rank < best[0]:
                    best = (rank, place)
        return best[1] if best else None


@dataclass(frozen=True)
class _Spelling:
    """A normalised text, with a table to count quickly the characters it shares with another.

    A character can only match if the other text has it too. Counting those in C with
    str.translate bounds the ratio and skips most pairs before difflib's slower work.
    """

    text: str
    deletes_absent: dict[int, None]

    @classmethod
    def of(cls, text: str) -> _Spelling:
        present = set(text)
        return cls(text, {ord(char): None for char in _ALPHABET if char not in present})

    def best_possible_ratio(self, other: _Spelling) -> float:
        shared = min(
            len(self.text.translate(other.deletes_absent)),
            len(other.text.translate(self.deletes_absent)),
        )
        return 2 * shared / (len(self.text) + len(other.text))


def _length(spelling: _Spelling) -> int:
    return len(spelling.text)
