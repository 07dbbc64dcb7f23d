"""Whether a matched symptom is negated ("no fever") or affirmed ("I think I have a fever").

Deliberately narrow: only a clear cue close before the symptom, in the same clause, negates it.
Anything else (hedges, distant cues, a new clause after "but") leaves the red flag standing,
because a missed red flag costs far more than a false alarm.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from bot.triage.red_flags.model import NegationRules, PhraseIndex

_TOKEN = re.compile(r"\w+|[^\w\s]")
_WORD = re.compile(r"\w+")
_SUFFIX_WORDS = 6  # how far after the symptom "like this" / "before" is looked for
_OPENING_QUOTE = re.compile("(?:^|(?<![\\w'\"]))['\"\u00ab] ?\\Z")  # not the apostrophe of "l'"
_TAIL_WORD = re.compile(r" (\w+)(?!\w)")
_CLOSING_QUOTE = re.compile("[^'\"\u00bb.;!?]{0,30}?['\"\u00bb]")
# The sentence that answers a question: after its question marks (and quotes), to the next end.
_ANSWER = re.compile("[?\\s'\"\u00bb]*([^.;!?]{0,200})")
_SENTENCE_END = re.compile("[.;?]")
# Where a take-back of a denial must be: before the next question or list item ("coughing up
# blood? no. numbness between the legs: yes a bit" answers the numbness, not the blood).
# Nor after a "but": "no, but my back is worse than yesterday" speaks of something else.
_TAKE_BACK_END = re.compile("[?:=]|\\s[\\-\u2013\u2014]\\s|\\b(?:but|mais|maar)\\b")
# Where an item of a typed screen list starts: after a comma, colon, "=", slash, bracket, a dash
# that is not inside a word ("fever - no, numbness - yes"), or a sentence end.
_ITEM_SEPARATOR = re.compile("[,;:=/()\n.!?]|(?<!\\w)[\\-\u2013\u2014]|[\\-\u2013\u2014](?!\\w)")
# The words between a sign and its own "yes" ("calf swollen and warm yes"), then ":", "-", "="
# or a space before the "yes".
_YES_LEAD = "((?:[ \t]+[\\w']+){0,%d}?)(?:[ \t]*[:=\\-\u2013\u2014]+[ \t]*|[ \t]+)"
_YES_GAP_WORDS = 4
# "fever: no," "fever - nope;": the answer of a list item, right after its ":", "-" or "=".
_ITEM_ANSWER = re.compile("\\w[ \t]*[:=\\-\u2013\u2014]+[ \t]*(\\w+(?:[ \t]+\\w+)?)[ \t]*[,;/]")


def is_negated(text: str, start: int, end: int, rules: NegationRules) -> bool:
    """Is text[start:end], a symptom match in normalised text, negated?"""
    if _answered_yes(text, start, end, rules):  # "fever: no, numbness between the legs: yes"
        return False
    if _asked_what_it_means(text, start, end, rules):  # "what do you mean by X? no, never"
        return True
    tokens = _clause_tokens_before(text, start, rules)
    symptom = _WORD.findall(text, start, end)
    for position in _post_cue_positions(text, start, end, rules):
        found = rules.post_cues.match(text, position)
        if found is None or _denial_undone(text, found.end(), rules):
            continue  # "coughing up blood? no way... ok yes, a little", "blood? no, really"
        if not _either_after_negative(
            text, position, [*tokens, *symptom], rules
        ):  # "fever? no", "'worst headache ever'? no"
            return True
    cue = _nearest_cue(tokens, symptom, rules)
    if cue is None or _answers_earlier_item(text, start, rules):
        return False
    shares_auxiliary = tuple(tokens[cue[0] : cue[1]]) in rules.auxiliary_cues
    # Only a pain after a separator needs the look ahead ("no fever, chest pain or...").
    listed = any(word in rules.pain_words for word in symptom) and _list_goes_on(text, end, rules)
    if not _in_scope(tokens[cue[1] :], symptom, rules, shares_auxiliary, listed):
        return False
    # "I've never had chest pain like this": the cue negates the past, not the symptom.
    return not _affirmed_after(text, end, rules)


def _answered_yes(text: str, start: int, end: int, rules: NegationRules) -> bool:
    """Is the sign answered "yes" as one item of a typed screen list ("fever: no, chills: no,
    numbness between the legs: yes", "calf swollen and warm yes", "yes to the numbness")? A "no"
    before the sign's item answers an earlier item, not this one. Not when the sign's own item
    denies it ("no numbness between the legs, yes I'm sure"), nor a "yeah no"."""
    if rules.answer_yes is None:
        return False
    item_start = max(0, start - rules.window_chars)
    for separator in _ITEM_SEPARATOR.finditer(text, item_start, start):
        item_start = separator.end()
    own_item = text[item_start:start]
    if _has_cue(own_item, rules):
        return False
    if rules.answer_yes_before and rules.answer_yes_before.search(own_item):
        return True
    found = _yes_after(rules.answer_yes.pattern).match(text, end)
    if found is None or _has_cue(found.group(1), rules):
        return False
    return rules.post_cues.match(text, found.end()) is None  # "yes... no", "yeah no"


def _answers_earlier_item(text: str, start: int, rules: NegationRules) -> bool:
    """Is the last cue before the sign the answer of an earlier item of a typed list ("fever: no,
    worst headache of my life")? Then it is that item's answer, not a denial of this sign."""
    before = text[max(0, start - rules.window_chars) : start]
    answers = list(_ITEM_ANSWER.finditer(before))
    if not answers:
        return False
    answer = answers[-1]
    words = tuple(_WORD.findall(answer.group(1)))
    is_cue = words in rules.cues.get(words[0], ()) if words else False
    return is_cue and not _has_cue(before[answer.end() :], rules)


@functools.lru_cache(maxsize=4)
def _yes_after(answer_yes: str) -> re.Pattern[str]:
    return re.compile(_YES_LEAD % _YES_GAP_WORDS + f"(?:{answer_yes})")


def _has_cue(text: str, rules: NegationRules) -> bool:
    """Does text hold a negation cue that is not part of a pseudo-negation ("not sure")?"""
    tokens = _tokens(text, rules)
    pseudo = _covered_by(tokens, rules.pseudo_cues)
    return any(
        tuple(tokens[i : i + len(cue)]) == cue and not pseudo.intersection(range(i, i + len(cue)))
        for i, token in enumerate(tokens)
        for cue in rules.cues.get(token, ())
    )


def _denial_undone(text: str, end: int, rules: NegationRules) -> bool:
    """Does the patient take the denial ending at `end` back in the next words ("no... well yes
    actually"), or insist on the sign in the rest of the sentence ("no, I'm not joking", "nee,
    echt waar", "no, worse than ever")? Not a take-back past the next question or list item,
    nor an insisting word before another, harmless complaint ("no, really, just back pain")."""
    if rules.denial_taken_back:
        item_end = _TAKE_BACK_END.search(text, end, end + 100)
        if rules.denial_taken_back.search(text, end, item_end.start() if item_end else end + 100):
            return True
    if rules.denial_insisting is None:
        return False
    stop = _SENTENCE_END.search(text, end)
    limit = min(stop.start() if stop else len(text), end + 80)
    but = _TAKE_BACK_END.search(text, end, limit)
    limit = but.start() if but and but.group().isalpha() else limit
    for insisting in rules.denial_insisting.finditer(text, end, limit):
        elsewhere = rules.denial_elsewhere
        if elsewhere is None or not elsewhere.search(text, insisting.end(), limit):
            return True
    return False


def _post_cue_positions(text: str, start: int, end: int, rules: NegationRules) -> list[int]:
    """Where a post-cue may start: right after the match, after a word that ends the sign as the
    patient quoted it ("worst headache ever? no", "pijn op de ruggengraat zelf? nee"), or after
    the closing quote of a quoted sign ("'worst headache of my life'? no")."""
    positions = [end]
    tail = _TAIL_WORD.match(text, end)
    if tail and tail.group(1) in rules.quote_tails:
        positions.append(tail.end())
    if _OPENING_QUOTE.search(text, max(0, start - 4), start):
        closing = _CLOSING_QUOTE.match(text, end)
        if closing:
            positions.append(closing.end())
    return positions


def _asked_what_it_means(text: str, start: int, end: int, rules: NegationRules) -> bool:
    """Is the match a sign the patient asks the meaning of, in a question answered with a denial
    and no "yes" in the next sentence? ("what does tender scalp mean? my scalp isn't sore",
    "un pied qui accroche, vous voulez dire trebucher ? non"). Only that sign is cancelled: other
    mentions in the question, and the answer itself, are read as usual."""
    if rules.meaning_before is None or rules.meaning_after is None:
        return False
    question_end = text.find("?", end)
    if question_end < 0 or any(mark in text[end:question_end] for mark in ".;!"):
        return False
    question_start = max(text.rfind(mark, 0, start) for mark in ".;!?") + 1
    if not (
        rules.meaning_before.search(text, question_start, start)
        or rules.meaning_after.match(text, end, question_end + 1)
    ):
        return False
    if rules.answer_present and rules.answer_present.search(
        text, question_end, question_end + 200
    ):  # "what do you mean by trouble passing urine? I haven't peed since yesterday"
        return False
    if _denial_undone(text, question_end + 1, rules):
        return False
    answer = _ANSWER.match(text, question_end)
    tokens = _tokens(answer.group(1) if answer else "", rules)
    if rules.answer_affirmations and _covered_by(tokens, rules.answer_affirmations):
        return False
    pseudo = _covered_by(tokens, rules.pseudo_cues)
    for i, token in enumerate(tokens):
        if i in pseudo:
            continue
        if token in rules.answer_denials:
            return True
        for cue in rules.cues.get(token, ()):
            if tuple(tokens[i : i + len(cue)]) == cue:
                return True
    return False


def _either_after_negative(text: str, end: int, words: Sequence[str], rules: NegationRules) -> bool:
    """Is the post-cue an "either" ("non plus") or an emphatic "not at all" after a mention said in
    the negative ("je ne retiens plus mes selles non plus", "I can't breathe - not at all")? Then
    it repeats the danger instead of denying it."""
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
