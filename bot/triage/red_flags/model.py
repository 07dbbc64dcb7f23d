"""Immutable value types for the red-flag rules and the matches found with them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class RedFlagMatch:
    flag_id: str
    tier: str
    language: str  # language of the pattern that matched
    matched_text: str  # the span of the normalised text that matched


@dataclass(frozen=True)
class LanguagePattern:
    """All patterns of one flag or term in one language, compiled into a single alternation."""

    language: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class Term:
    """A named symptom that only counts as a red flag together with others (see Flag.combos)."""

    name: str
    patterns: tuple[LanguagePattern, ...]


@dataclass(frozen=True)
class Flag:
    id: str
    tier: str
    patterns: tuple[LanguagePattern, ...]  # any one un-negated match raises the flag
    combos: tuple[tuple[str, ...], ...]  # term names that must all be present, un-negated
    # A pattern match does not count after these words in the same sentence ("my mother had").
    not_after: re.Pattern[str] | None = None


@dataclass(frozen=True)
class FamilyHistory:
    """A relative's illness told as history ("my grandmother had a DVT", "my wife is on chemo")
    beside the writer's own complaint ("my calves are sore"): that illness is not the patient's
    (rules.yml family_history). Only named illnesses, never symptoms."""

    events: re.Pattern[str]  # illnesses that happen (a stroke): only when said to be past
    relative_past: re.Pattern[str]  # "my dad had", at the end of the sentence so far
    lasting: re.Pattern[str]  # illnesses and treatments that last (cancer, chemo)
    relative_now: re.Pattern[str]  # "my wife is on", "my mum has", or a past verb
    own_complaint: re.Pattern[str]  # the writer's own pain, anywhere in the message

    def names_someone_else(self, text: str, before: str, matched: str) -> bool:
        about_relative = bool(
            (self.events.search(matched) and self.relative_past.search(before))
            or (self.lasting.search(matched) and self.relative_now.search(before))
        )
        return about_relative and bool(self.own_complaint.search(text))


@dataclass(frozen=True)
class Screen:
    name: str
    regions: frozenset[str] | None  # None: applies to every region ("all" in the YAML)
    flags: tuple[str, ...]


# Phrases as word tuples ("don't" -> ("don", "t")), indexed by their first word for fast lookup.
PhraseIndex = Mapping[str, tuple[tuple[str, ...], ...]]


@dataclass(frozen=True)
class NegationRules:
    """Word lists and limits that decide whether a cue such as "no" or "geen" cancels a match."""

    cues: PhraseIndex
    pseudo_cues: PhraseIndex  # look like negations but are not ("not sure", "no idea")
    post_cues: re.Pattern[str]  # "fever? no": a cue right after the symptom
    affirming_suffixes: PhraseIndex  # "never had pain like this" affirms the pain
    boundary: re.Pattern[str]  # where a negation's scope ends: ". ; ! ? but mais maar ..."
    scope_breakers: frozenset[str]  # pronouns and hedges: "no fever and I ..." starts a new claim
    clause_verbs: frozenset[str]  # after a list separator these start a new clause
    # "I haven't fallen or had an accident": after these cues a participle continues the list.
    auxiliary_cues: frozenset[tuple[str, ...]]
    participles: frozenset[str]
    list_separators: frozenset[str]
    pain_words: frozenset[str]  # a pain after "," or "and" is a claim of its own
    disjunctions: frozenset[str]  # "or", "nor": the separators that carry a denial on to a pain
    max_words: int  # words allowed between a cue and the symptom
    max_list_item_words: int  # words allowed in each later item of a negated list
    max_total_words: int
    window_chars: int  # how far back to look for a cue; bounded so long texts stay fast
    # Post-cues meaning "either" ("non plus"): they deny a plain mention ("perte de poids? non
    # plus") but repeat a danger said in the negative ("je ne sens plus mes fesses non plus").
    either_post_cues: re.Pattern[str] | None = None
    negative_words: frozenset[str] = frozenset()  # what makes a mention negative ("ne", "plus")
    # A sign asked about rather than told: "what do you mean by saddle numbness? no, nothing like
    # that". The cue ends right before the sign (`meaning_before`, a few `meaning_fillers` such as
    # "a" may follow it) or starts right after it (`meaning_after`), in a question.
    meaning_before: re.Pattern[str] | None = None
    meaning_after: re.Pattern[str] | None = None
    # The answer to such a question must deny (a cue, or one of `answer_denials`: "none", "niks")
    # and must not affirm ("yes", "dat heb ik"): then only the sign asked about is cancelled.
    answer_denials: frozenset[str] = frozenset()
    answer_affirmations: PhraseIndex | None = None
    # "'worst headache ever'? no": words that may end a quoted sign before its post-cue.
    quote_tails: frozenset[str] = frozenset()
    # A denial the patient takes back or that insists on the sign: "coughing up blood? no way...
    # ok yes, a little" (`denial_taken_back`, in the next words, across a full stop), "I'm
    # coughing up blood, no, really" / "'worst headache ever'? no, worse than ever"
    # (`denial_insisting`, in the rest of the sentence). Then the sign stands. A take-back counts
    # only before the next question mark or list item ("fever? no. numbness: yes a bit").
    denial_taken_back: re.Pattern[str] | None = None
    denial_insisting: re.Pattern[str] | None = None
    # An answer to "what do you mean by X?" that tells the sign as present ("I haven't peed since
    # yesterday", "there's red in my phlegm, not a lot"): its negation does not deny the sign.
    answer_present: re.Pattern[str] | None = None
    # After an insisting word, another harmless complaint ("no, really, just back pain"): the
    # word does not insist on the sign then.
    denial_elsewhere: re.Pattern[str] | None = None
    # r19c: a screen list answered item by item ("fever: no, numbness between the legs: yes"): the
    # sign's own "yes" after it (`answer_yes`, after ":", "-", "=" or a space, a few words later at
    # most) or before it ("yes to the numbness", `answer_yes_before`, at the end of the text before
    # the sign) affirms it over a "no" that answered an earlier item.
    answer_yes: re.Pattern[str] | None = None
    answer_yes_before: re.Pattern[str] | None = None


@dataclass(frozen=True)
class RedFlagRules:
    path: Path
    languages: tuple[str, ...]
    tiers: tuple[str, ...]
    flags: tuple[Flag, ...]
    terms: Mapping[str, Term]
    screens: tuple[Screen, ...]
    negation: NegationRules
    family_history: FamilyHistory | None = None

    def tier_rank(self, tier: str) -> int:
        try:
            return self.tiers.index(tier)
        except ValueError:
            raise KeyError(tier) from None

    def flag(self, flag_id: str) -> Flag:
        for flag in self.flags:
            if flag.id == flag_id:
                return flag
        raise KeyError(flag_id)

    def screen(self, name: str) -> Screen:
        for screen in self.screens:
            if screen.name == name:
                return screen
        raise KeyError(name)
