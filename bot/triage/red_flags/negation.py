"""Whether a matched symptom is negated ("no fever") or affirmed ("I think I have a fever").

Deliberately narrow: only a clear cue close before the symptom, in the same clause, negates it.
Anything else (hedges, distant cues, a new clause after "but") leaves the red flag standing,
because a missed red flag costs far more than a false alarm.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.triage.red_flags.model import NegationRules, PhraseIndex

_TOKEN = re.compile(r"\w+|[^\w\s]")
_WORD = re.compile(r"\w+")
_SUFFIX_WORDS = 6  # how far after the symptom "like this" / "before" is looked for


def is_negated(text: str, start: int, end: int, rules: NegationRules) -> bool:
    """Is text[start:end], a symptom match in normalised text, negated?"""
    tokens = _clause_tokens_before(text, start, rules)
    symptom = _WORD.findall(text, start, end)
    if rules.post_cues.match(text, end) and not _either_after_negative(
        text, end, [*tokens, *symptom], rules
    ):  # "fever? no"
        return True
    cue = _nearest_cue(tokens, symptom, rules)
    if cue is None:
        return False
    shares_auxiliary = tuple(tokens[cue[0] : cue[1]]) in rules.auxiliary_cues
    # Only a pain after a separator needs the look ahead ("no fever, chest pain or...").
    listed = any(word in rules.pain_words for word in symptom) and _list_goes_on(text, end, rules)
    if not _in_scope(tokens[cue[1] :], symptom, rules, shares_auxiliary, listed):
        return False
    # "I've never had chest pain like this": the cue negates the past, not the symptom.
    return not _affirmed_after(text, end, rules)


def _either_after_negative(text: str, end: int, words: Sequence[str], rules: NegationRules) -> bool:
    """Is the post-cue an "either" ("non plus") after a mention said in the negative ("je ne
    retiens plus mes selles non plus")? Then it repeats the danger instead of denying it."""
    if rules.either_post_cues is None or not rules.either_post_cues.match(text, end):
        return False
    return any(word in rules.negative_words for word in words)


def _clause_tokens_before(text: str, start: int, rules: NegationRules) -> list[str]:
    """Tokens between the last clause boundary and the match, within a bounded window."""
    before = text[max(0, start - rules.window_chars) : start]
    boundary_end = 0
    for boundary in rules.boundary.finditer(before):
        boundary_end = boundary.end()
    return _tokens(before[boundary_end:], rules)


def _tokens(text: str, rules: NegationRules) -> list[str]:
    # Keep words and list separators; other punctuation (the apostrophe of "don't") is dropped.
    return [t for t in _TOKEN.findall(text) if t[0].isalnum() or t in rules.list_separators]


def _nearest_cue(
    tokens: Sequence[str], symptom: Sequence[str], rules: NegationRules
) -> tuple[int, int] | None:
    """Start and end indexes of the last negation cue that is not part of a pseudo-negation.

    A pseudo-negation may run on into the symptom: "geen" + "controle over mijn blaas".
    """
    covered = _covered_by([*tokens, *symptom], rules.pseudo_cues)
    for i in range(len(tokens) - 1, -1, -1):
        for cue in rules.cues.get(tokens[i], ()):
            end = i + len(cue)
            if tuple(tokens[i:end]) == cue and not covered.intersection(range(i, end)):
                return i, end
    return None


def _covered_by(tokens: Sequence[str], phrases: PhraseIndex) -> set[int]:
    covered: set[int] = set()
    for i, token in enumerate(tokens):
        for phrase in phrases.get(token, ()):
            if tuple(tokens[i : i + len(phrase)]) == phrase:
                covered.update(range(i, i + len(phrase)))
    return covered


def _list_goes_on(text: str, end: int, rules: NegationRules) -> bool:
    """Does a denied list go on after the symptom to an "or"/"nor" item, in the same clause?
    ("no fever, chest pain or shortness of breath": the chest pain is denied too.)"""
    item_words = 0
    for token in _tokens(_clause_after(text, end, rules), rules):
        if token in rules.disjunctions:
            return True
        if token in rules.list_separators:
            item_words = 0
            continue
        item_words += 1
        if (
            token in rules.scope_breakers
            or token in rules.clause_verbs
            or item_words > rules.max_list_item_words
        ):
            return False  # "chest pain since this morning, or...": a clause, not a list
    return False


def _in_scope(
    between: Sequence[str],
    symptom: Sequence[str],
    rules: NegationRules,
    shares_auxiliary: bool = False,
    listed: bool = False,
) -> bool:
    """Does a cue followed by these tokens still reach the symptom (the words of the match)?

    Lists extend the scope ("no fever, chills or weight loss"), but each later item must be short
    and must not start a new clause ("no fever, legs are numb"). After a perfect-tense cue, a
    participle shares its auxiliary: "I haven't fallen or had an accident".
    """
    first_word = symptom[0] if symptom else ""
    after_separator = False
    separator = ""
    item_words = total_words = 0
    for token in between:
        if token in rules.list_separators:
            after_separator, item_words, separator = True, 0, token
            continue
        shared = shares_auxiliary and token in rules.participles
        if token in rules.scope_breakers or (
            after_separator and token in rules.clause_verbs and not shared
        ):
            return False
        item_words += 1
        total_words += 1
        limit = rules.max_list_item_words if after_separator else rules.max_words
        if item_words > limit or total_words > rules.max_total_words:
            return False
    if first_word in rules.scope_breakers:
        return False
    # "no fever, pain in my chest": the pain is said, not denied; "no fever or chest pain" denies.
    if (
        after_separator
        and separator not in rules.disjunctions
        and not listed
        and any(word in rules.pain_words for word in symptom)
    ):
        return False
    # "no fever and can't breathe": a symptom that starts with a verb is a new clause.
    if after_separator and first_word in rules.clause_verbs:
        return False
    # "no fever, legs are numb": a symptom with a verb of its own is a clause of its own, which a
    # cue further back does not reach. A cue right before it still does: "never coughed up blood".
    return not (between and any(word in rules.clause_verbs for word in symptom[1:]))


def _affirmed_after(text: str, end: int, rules: NegationRules) -> bool:
    tokens = _tokens(_clause_after(text, end, rules), rules)[:_SUFFIX_WORDS]
    return bool(_covered_by(tokens, rules.affirming_suffixes))


def _clause_after(text: str, end: int, rules: NegationRules) -> str:
    """The rest of the symptom's clause, within the window."""
    after = text[end : end + rules.window_chars]
    boundary = rules.boundary.search(after)
    return after[: boundary.start()] if boundary else after
