"""Finding red flags in one user message.

Runs on every message, so it must be fast and deterministic: one pre-compiled alternation per flag
and language, all languages of a flag scanned together in one pass, with the negation check only on
the (few) places that match.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.triage.language.text import normalise
from bot.triage.red_flags.model import FamilyHistory, LanguagePattern, RedFlagMatch, RedFlagRules
from bot.triage.red_flags.negation import is_negated
from bot.triage.red_flags.patterns import any_of
from bot.triage.red_flags.rules import load_rules

# Each negated mention costs a negation check. To keep long messages fast, after this many negated
# mentions of one flag the next mention counts as affirmed: bounded time, and only a false alarm.
MAX_NEGATED_MENTIONS = 10


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    language: str


def detect(text: str, rules: RedFlagRules | None = None) -> list[RedFlagMatch]:
    """Every red flag affirmed in text, one match per flag, most urgent tier first."""
    rules = rules or load_rules()
    normalised = normalise(text)
    if not normalised:
        return []
    term_hits: dict[str, _Hit | None] = {}  # each term is scanned at most once per message

    def term_hit(name: str) -> _Hit | None:
        if name not in term_hits:
            term_hits[name] = _first_hit(rules.terms[name].patterns, normalised, rules)
        return term_hits[name]

    found: list[tuple[int, int, RedFlagMatch]] = []
    for order, flag in enumerate(rules.flags):
        first = _first_hit(flag.patterns, normalised, rules, flag.not_after, rules.family_history)
        candidates = [first] if first else []
        for combo in flag.combos:
            parts: list[_Hit] = []
            for name in combo:  # stop at the first missing term: a scan saved per term
                part = term_hit(name)
                if part is None:
                    break
                parts.append(part)
            else:
                candidates.append(_covering(parts))
        if candidates:
            # The earliest mention wins, so the reported text is stable for a given message.
            hit = min(candidates, key=lambda h: (h.start, h.end))
            match = RedFlagMatch(flag.id, flag.tier, hit.language, normalised[hit.start : hit.end])
            found.append((rules.tier_rank(flag.tier), order, match))
    return [match for _, _, match in sorted(found, key=lambda item: item[:2])]


def affirmed_terms(text: str, names: Iterable[str], rules: RedFlagRules | None = None) -> set[str]:
    """The named combo terms (rules.yml `terms`) that text mentions without negating them."""
    rules = rules or load_rules()
    normalised = normalise(text)
    if not normalised:
        return set()
    return {name for name in names if _first_hit(rules.terms[name].patterns, normalised, rules)}


def most_urgent(
    matches: Sequence[RedFlagMatch], rules: RedFlagRules | None = None
) -> RedFlagMatch | None:
    """The match with the most urgent tier; the earliest in the sequence on a tie."""
    if not matches:
        return None
    rules = rules or load_rules()
    return min(matches, key=lambda match: rules.tier_rank(match.tier))


def _first_hit(
    patterns: Sequence[LanguagePattern],
    text: str,
    rules: RedFlagRules,
    not_after: re.Pattern[str] | None = None,
    family: FamilyHistory | None = None,
) -> _Hit | None:
    """The earliest un-negated match over all languages (ties go to the first language), not
    preceded in its sentence by a `not_after` phrase, nor a disease of a relative's told beside
    the writer's own complaint (`family`)."""
    if not patterns:
        return None
    scanner = _scanner(tuple(patterns))
    position = negated = 0
    while True:
        found = scanner.search(text, position)
        if found is None:
            return None
        start = found.start()
        # Some language matches here: try each in order, a later one may not be negated.
        for pattern in patterns:
            match = pattern.regex.match(text, start)
            if match is None:
                continue
            before = text[_sentence_start(text, start) : start]
            if not_after is not None and not_after.search(before):
                break  # someone else's illness: look for a later mention
            if family is not None and family.names_someone_else(text, before, match.group()):
                break  # "my wife is on chemo ... my shoulder is sore": her history, his pain
            if negated >= MAX_NEGATED_MENTIONS or not is_negated(
                text, start, match.end(), rules.negation
            ):
                return _Hit(start, match.end(), pattern.language)
            negated += 1
        position = start + 1  # a later, un-negated mention may still follow


def _sentence_start(text: str, position: int) -> int:
    return max(text.rfind(mark, 0, position) for mark in ".;!?") + 1


@functools.lru_cache(maxsize=256)
def _scanner(patterns: tuple[LanguagePattern, ...]) -> re.Pattern[str]:
    """One regex finding where any of the languages matches: one pass over the text, not three."""
    return any_of([pattern.regex for pattern in patterns])


def _covering(parts: Sequence[_Hit]) -> _Hit:
    """A combo ("headache" + "fever") reports the span from its first to its last part."""
    first = min(parts, key=lambda p: p.start)
    return _Hit(first.start, max(p.end for p in parts), first.language)
