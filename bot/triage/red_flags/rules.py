"""Loading and validating rules.yml: the red-flag patterns, tiers, negation words and screens.

Everything is checked at load time so a broken rules file stops the assistant from starting instead
of silently missing a red flag in conversation. Errors are ValueErrors naming the file and the item.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from bot.triage.red_flags.model import (
    FamilyHistory,
    Flag,
    LanguagePattern,
    NegationRules,
    PhraseIndex,
    RedFlagRules,
    Screen,
    Term,
)
from bot.triage.red_flags.patterns import PatternBuilder, PatternError, words

DEFAULT_RULES_PATH = Path(__file__).with_name("rules.yml")
REQUIRED_LANGUAGE = "en"  # every flag must at least be detectable in English
_ID = re.compile(r"[a-z][a-z0-9_]*\Z")
_TOP_KEYS = {
    "languages",
    "tiers",
    "negation",
    "macros",
    "terms",
    "flags",
    "screens",
    "family_history",
}
_FAMILY_HISTORY_KEYS = {
    "relative_past",
    "relative_now",
    "events",
    "lasting",
    "own_complaint",
    "not_the_writer",
}
_FLAG_KEYS = {"id", "tier", "patterns", "combos", "not_after"}
_NEGATION_KEYS = {
    "max_words",
    "max_list_item_words",
    "max_total_words",
    "window_chars",
    "cues",
    "pseudo_cues",
    "post_cues",
    "affirming_suffixes",
    "boundary_punctuation",
    "boundary_words",
    "scope_breakers",
    "clause_verbs",
    "auxiliary_cues",
    "participles",
    "list_separators",
    "pain_words",
    "disjunctions",
}
_OPTIONAL_NEGATION_KEYS = {
    "either_post_cues",
    "negative_words",
    "meaning_before",
    "meaning_after",
    "meaning_fillers",
    "answer_denials",
    "answer_affirmations",
    "quote_tails",
    "post_cue_fillers",
    "denial_taken_back",
    "denial_insisting",
    "answer_present",
    "denial_elsewhere",
    "answer_yes",
    "answer_yes_before",
}


class _RulesError(ValueError):
    """Raised without the file name deep in validation; load_rules adds it."""


def load_rules(path: Path | str | None = None) -> RedFlagRules:
    """Load and validate a rules file; the default file is loaded once and cached."""
    if path is None or Path(path).resolve() == DEFAULT_RULES_PATH.resolve():
        return _load_default()
    return _load(Path(path))


@functools.cache
def _load_default() -> RedFlagRules:
    return _load(DEFAULT_RULES_PATH)


def _load(path: Path) -> RedFlagRules:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
        return _build(path, raw)
    except (_RulesError, yaml.YAMLError) as exc:
        raise ValueError(f"{path}: {exc}") from None
    except OSError as exc:
        raise ValueError(f"{path}: cannot read red-flag rules: {exc}") from None


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that rejects duplicate mapping keys (PyYAML silently keeps the last one)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                line = key_node.start_mark.line + 1
                raise _RulesError(f"duplicate key {key!r} (line {line})")
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _build(path: Path, raw: Any) -> RedFlagRules:
    doc = _mapping(raw, "the rules file")
    _no_unknown_keys(doc, _TOP_KEYS, "the rules file")
    languages = _unique_strings(doc.get("languages"), "languages")
    if REQUIRED_LANGUAGE not in languages:
        raise _RulesError(f"languages must include {REQUIRED_LANGUAGE!r}")
    tiers = _unique_strings(doc.get("tiers"), "tiers")
    negation_doc = _mapping(doc.get("negation"), "negation")
    negation = _negation(negation_doc)
    builder = PatternBuilder(
        macros=_macros(doc.get("macros", {})),
        gap_stop_words=_gap_stop_words(negation_doc),
        punctuation=str(negation_doc["boundary_punctuation"]),
    )
    terms = _terms(doc.get("terms", {}), languages, builder)
    flags = _flags(doc.get("flags"), languages, tiers, terms, builder)
    used_terms = {name for flag in flags for combo in flag.combos for name in combo}
    for name in terms:
        if name not in used_terms:
            raise _RulesError(f"term {name!r} is not used by any flag's combos")
    screens = _screens(doc.get("screens"), {flag.id for flag in flags})
    family = _family_history(doc.get("family_history"), languages, builder)
    return RedFlagRules(path, languages, tiers, flags, terms, screens, negation, family)


def _family_history(
    raw: Any, languages: tuple[str, ...], builder: PatternBuilder
) -> FamilyHistory | None:
    """A relative's named illness beside the writer's own complaint is family history."""
    if raw is None:
        return None
    doc = _mapping(raw, "family_history")
    _no_unknown_keys(doc, _FAMILY_HISTORY_KEYS, "family_history")
    missing = _FAMILY_HISTORY_KEYS - set(doc)
    if missing:
        raise _RulesError(f"family_history: missing {', '.join(sorted(missing))}")

    def sources(name: str) -> list[str]:
        by_language = _mapping(doc[name], f"family_history: {name}")
        _no_unknown_keys(by_language, set(languages), f"family_history: {name}")
        items = [s for listed in by_language.values() for s in _flat_strings(listed, name)]
        return [builder.expand(s) for s in items]

    def words(name: str) -> re.Pattern[str]:
        try:
            return builder.compile_all(sources(name))
        except PatternError as exc:
            raise _RulesError(f"family_history: {name}: {exc}") from None

    # The relative's phrase ends the sentence so far, up to three more words none of which is the
    # writer ("my husband had surgery, I had a stroke" is the writer's stroke).
    writer = "|".join(sources("not_the_writer"))
    tail = rf"(?:\W+(?!(?:{writer})\b)\w+){{0,3}}?\W*\Z"

    def at_end(name: str) -> re.Pattern[str]:
        try:
            return re.compile(r"(?<!\w)(?:" + "|".join(sources(name)) + ")" + tail)
        except re.error as exc:
            raise _RulesError(f"family_history: {name}: {exc}") from None

    return FamilyHistory(
        words("events"),
        at_end("relative_past"),
        words("lasting"),
        at_end("relative_now"),
        words("own_complaint"),
    )


# --- flags and terms -----------------------------------------------------------------------------


def _flags(
    raw: Any,
    languages: tuple[str, ...],
    tiers: tuple[str, ...],
    terms: Mapping[str, Term],
    builder: PatternBuilder,
) -> tuple[Flag, ...]:
    if not isinstance(raw, list) or not raw:
        raise _RulesError("'flags' must be a non-empty list")
    flags: list[Flag] = []
    seen: set[str] = set()
    for position, item in enumerate(raw, start=1):
        entry = _mapping(item, f"flag #{position}")
        flag_id = entry.get("id")
        if not isinstance(flag_id, str) or not _ID.match(flag_id):
            raise _RulesError(f"flag #{position}: 'id' must be a snake_case name, got {flag_id!r}")
        where = f"flag {flag_id!r}"
        if flag_id in seen:
            raise _RulesError(f"{where}: duplicate flag id")
        seen.add(flag_id)
        _no_unknown_keys(entry, _FLAG_KEYS, where)
        tier = entry.get("tier")
        if tier not in tiers:
            raise _RulesError(f"{where}: unknown tier {tier!r} (known: {', '.join(tiers)})")
        patterns = _language_patterns(entry.get("patterns"), languages, builder, where)
        combos = _combos(entry.get("combos", []), terms, where)
        not_after = _not_after(entry.get("not_after"), languages, where)
        flags.append(Flag(flag_id, str(tier), patterns, combos, not_after))
    return tuple(flags)


def _not_after(raw: Any, languages: tuple[str, ...], where: str) -> re.Pattern[str] | None:
    """One regex that finds any of the phrases at the end of a sentence's text so far."""
    if raw is None:
        return None
    by_language = _mapping(raw, f"{where}: not_after")
    _no_unknown_keys(by_language, set(languages), f"{where}: not_after")
    sources = []
    for language, items in by_language.items():
        if not isinstance(items, list) or not all(isinstance(i, str) and i for i in items):
            raise _RulesError(f"{where}: not_after ({language}) must be a list of regex strings")
        sources += items
    try:
        return re.compile(r"(?<!\w)(?:" + "|".join(sources) + r")(?:\W+\w+){0,4}?\W*\Z")
    except re.error as exc:
        raise _RulesError(f"{where}: not_after: {exc}") from None


def _terms(raw: Any, languages: tuple[str, ...], builder: PatternBuilder) -> dict[str, Term]:
    terms: dict[str, Term] = {}
    for name, patterns in _mapping(raw, "terms").items():
        if not isinstance(name, str) or not _ID.match(name):
            raise _RulesError(f"term name {name!r} must be a snake_case name")
        where = f"term {name!r}"
        terms[name] = Term(name, _language_patterns(patterns, languages, builder, where))
    return terms


def _language_patterns(
    raw: Any, languages: tuple[str, ...], builder: PatternBuilder, where: str
) -> tuple[LanguagePattern, ...]:
    by_language = _mapping(raw, f"{where}: patterns")
    _no_unknown_keys(by_language, set(languages), f"{where}: patterns")
    if not by_language.get(REQUIRED_LANGUAGE):
        raise _RulesError(f"{where}: no {REQUIRED_LANGUAGE!r} pattern")
    compiled: list[LanguagePattern] = []
    for language in languages:  # the declared language order makes results deterministic
        sources = by_language.get(language)
        if sources is None:
            continue
        if not isinstance(sources, list) or not all(isinstance(s, str) and s for s in sources):
            raise _RulesError(f"{where} ({language}): patterns must be a list of regex strings")
        try:
            compiled.append(LanguagePattern(language, builder.compile_all(sources)))
        except PatternError as exc:
            raise _RulesError(f"{where} ({language}): {exc}") from None
    return tuple(compiled)


def _combos(raw: Any, terms: Mapping[str, Term], where: str) -> tuple[tuple[str, ...], ...]:
    if not isinstance(raw, list):
        raise _RulesError(f"{where}: 'combos' must be a list of lists of term names")
    combos: list[tuple[str, ...]] = []
    for combo in raw:
        if not isinstance(combo, list) or not combo:
            raise _RulesError(f"{where}: each combo must be a non-empty list of term names")
        for name in combo:
            if name not in terms:
                raise _RulesError(f"{where}: combo names unknown term {name!r}")
        combos.append(tuple(combo))
    return tuple(combos)


def _macros(raw: Any) -> dict[str, str]:
    macros = _mapping(raw, "macros")
    for name, value in macros.items():
        if not isinstance(name, str) or not _ID.match(name) or name == "gap":
            raise _RulesError(f"macro name {name!r} must be snake_case and not 'gap'")
        if not isinstance(value, str) or not value:
            raise _RulesError(f"macro {name!r} must be a non-empty regex string")
    return dict(macros)


# --- screens -------------------------------------------------------------------------------------


def _screens(raw: Any, flag_ids: set[str]) -> tuple[Screen, ...]:
    screens: list[Screen] = []
    for name, item in _mapping(raw, "screens").items():
        where = f"screen {name!r}"
        entry = _mapping(item, where)
        _no_unknown_keys(entry, {"regions", "flags"}, where)
        regions_raw = entry.get("regions")
        regions = None if regions_raw == "all" else frozenset(_unique_strings(regions_raw, where))
        flags = _unique_strings(entry.get("flags"), f"{where}: flags")
        for flag_id in flags:
            if flag_id not in flag_ids:
                raise _RulesError(f"{where}: unknown flag {flag_id!r}")
        screens.append(Screen(str(name), regions, flags))
    if not any(screen.regions is None for screen in screens):
        raise _RulesError("screens: one screen must apply to all regions ('regions: all')")
    return tuple(screens)


# --- negation ------------------------------------------------------------------------------------


def _negation(doc: Mapping[str, Any]) -> NegationRules:
    _no_unknown_keys(doc, _NEGATION_KEYS | _OPTIONAL_NEGATION_KEYS, "negation")
    missing = _NEGATION_KEYS - set(doc)
    if missing:
        raise _RulesError(f"negation: missing {', '.join(sorted(missing))}")
    punctuation = doc["boundary_punctuation"]
    if not isinstance(punctuation, str) or not punctuation:
        raise _RulesError("negation: 'boundary_punctuation' must be a string of characters")
    boundary_words = _phrases(doc["boundary_words"], "boundary_words")
    boundary = re.compile(
        f"[{re.escape(punctuation)}]|(?<!\\w)(?:{_alternation(boundary_words)})(?!\\w)"
    )
    fillers = _single_words(doc.get("post_cue_fillers", []), "post_cue_fillers")
    post_cues = _post_cue_regex(_phrases(doc["post_cues"], "post_cues"), punctuation, fillers)
    either = doc.get("either_post_cues")
    affirmations = doc.get("answer_affirmations")
    return NegationRules(
        cues=_index(_phrases(doc["cues"], "cues")),
        pseudo_cues=_index(_phrases(doc["pseudo_cues"], "pseudo_cues")),
        post_cues=post_cues,
        affirming_suffixes=_index(_phrases(doc["affirming_suffixes"], "affirming_suffixes")),
        boundary=boundary,
        scope_breakers=_single_words(doc["scope_breakers"], "scope_breakers"),
        clause_verbs=_single_words(doc["clause_verbs"], "clause_verbs"),
        auxiliary_cues=frozenset(_phrases(doc["auxiliary_cues"], "auxiliary_cues")),
        participles=_single_words(doc["participles"], "participles"),
        list_separators=frozenset(_flat_strings(doc["list_separators"], "list_separators")),
        pain_words=_single_words(doc["pain_words"], "pain_words"),
        disjunctions=frozenset(_flat_strings(doc["disjunctions"], "disjunctions")),
        max_words=_positive_int(doc["max_words"], "max_words"),
        max_list_item_words=_positive_int(doc["max_list_item_words"], "max_list_item_words"),
        max_total_words=_positive_int(doc["max_total_words"], "max_total_words"),
        window_chars=_positive_int(doc["window_chars"], "window_chars"),
        either_post_cues=(
            _post_cue_regex(_phrases(either, "either_post_cues"), punctuation, fillers)
            if either
            else None
        ),
        negative_words=_single_words(doc.get("negative_words", []), "negative_words"),
        meaning_before=_meaning_regex(doc, "meaning_before"),
        meaning_after=_meaning_regex(doc, "meaning_after"),
        answer_denials=_single_words(doc.get("answer_denials", []), "answer_denials"),
        answer_affirmations=(
            _index(_phrases(affirmations, "answer_affirmations")) if affirmations else None
        ),
        quote_tails=_single_words(doc.get("quote_tails", []), "quote_tails"),
        denial_taken_back=_optional_regex(doc, "denial_taken_back"),
        denial_insisting=_optional_regex(doc, "denial_insisting"),
        answer_present=_optional_regex(doc, "answer_present"),
        denial_elsewhere=_optional_regex(doc, "denial_elsewhere"),
        answer_yes=_optional_regex(doc, "answer_yes"),
        answer_yes_before=_optional_regex(doc, "answer_yes_before"),
    )


def _optional_regex(doc: Mapping[str, Any], key: str) -> re.Pattern[str] | None:
    """Regexes of one negation key (a list, or lists per language), as one alternation."""
    if key not in doc:
        return None
    sources = _flat_strings(doc[key], key)
    if not sources:
        return None
    try:
        return re.compile("|".join(f"(?:{source})" for source in sources))
    except re.error as exc:
        raise _RulesError(f"negation: {key} does not compile: {exc}") from None


def _meaning_regex(doc: Mapping[str, Any], key: str) -> re.Pattern[str] | None:
    """The cues of a question about what a sign means: `meaning_before` must end where the sign
    starts (after at most two `meaning_fillers`: "what do you mean by a fall"), `meaning_after`
    must start right after it ("souffle court, ca veut dire ?")."""
    if key not in doc:
        return None
    sources = _flat_strings(doc[key], key)
    if not sources:
        return None
    alternation = "|".join(f"(?:{source})" for source in sources)
    try:
        if key == "meaning_after":
            return re.compile(f"[\\s'\"\u00ab\u00bb,]*(?:{alternation})(?!\\w)")
        fillers = _single_words(doc.get("meaning_fillers", []), "meaning_fillers")
        filler = "|".join(re.escape(word) for word in sorted(fillers, key=len, reverse=True))
        tail = f"(?:[\\s'\"\u00ab\u00bb]+(?:{filler}))" + "{0,2}" if filler else ""
        return re.compile(f"(?<!\\w)(?:{alternation}){tail}[\\s'\"\u00ab\u00bb]*\\Z")
    except re.error as exc:
        raise _RulesError(f"negation: {key} does not compile: {exc}") from None


def _post_cue_regex(
    phrases: list[tuple[str, ...]], punctuation: str, fillers: Iterable[str] = ()
) -> re.Pattern[str]:
    """A cue right after the symptom, ending its clause: "fever? no", "fievre: non plus.",
    "coughing up blood - god no", "koorts heb ik nie en...". A filler may follow the cue
    ("definitely not lol."). Not after a comma: "I'm coughing up blood, never had this" alarms."""
    cues = _alternation(phrases)
    filler = "|".join(re.escape(word) for word in sorted(set(fillers), key=len, reverse=True))
    after = f"\\s*(?:(?:{filler})(?!\\w)\\s*)?" if filler else "\\s*"
    after += "(?:[:;]-?[)(pd]+\\s*)?"  # "no :)"
    stops = re.escape(punctuation)
    and_ = "(?:and|en|et)(?!\\w)"
    return re.compile(
        f"(?:[\\s?:=>\\-\u2013\u2014'\"\u00ab\u00bb]|(?<=[?!])!)*(?:{cues})"
        f"(?={after}(?:[{stops},)/]|\\Z|{and_}))"
    )


def _gap_stop_words(doc: Mapping[str, Any]) -> set[str]:
    """Words a {{gap}} may not skip: negation cues ("don't" -> "don") and "but"-like words."""
    stops: set[str] = set()
    for phrase in _phrases(doc["cues"], "cues"):
        if len(phrase) == 1 or phrase[-1] == "t":
            stops.add(phrase[0])
    stops.update(p[0] for p in _phrases(doc["boundary_words"], "boundary_words") if len(p) == 1)
    return stops


def _phrases(raw: Any, where: str) -> list[tuple[str, ...]]:
    phrases = [words(text) for text in _flat_strings(raw, where)]
    if not all(phrases):
        raise _RulesError(f"negation: {where} has an entry without words")
    return phrases


def _single_words(raw: Any, where: str) -> frozenset[str]:
    phrases = _phrases(raw, where)
    if any(len(p) != 1 for p in phrases):
        raise _RulesError(f"negation: {where} must be single words")
    return frozenset(p[0] for p in phrases)


def _index(phrases: Iterable[tuple[str, ...]]) -> PhraseIndex:
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(set(phrases), key=len, reverse=True):  # longest phrase first
        index.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(group) for first, group in index.items()}


def _alternation(phrases: Iterable[tuple[str, ...]]) -> str:
    ordered = sorted({" ".join(p) for p in phrases}, key=len, reverse=True)
    return "|".join(re.escape(p).replace("\\ ", "\\W+") for p in ordered)


# --- generic shape checks ------------------------------------------------------------------------


def _mapping(raw: Any, where: str) -> Mapping[Any, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise _RulesError(f"{where} must be a mapping")
    return raw


def _no_unknown_keys(doc: Mapping[Any, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(str(key) for key in doc if key not in allowed)
    if unknown:
        raise _RulesError(f"{where}: unknown key(s) {', '.join(unknown)}")


def _unique_strings(raw: Any, where: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not raw or not all(isinstance(s, str) and s for s in raw):
        raise _RulesError(f"{where} must be a non-empty list of names")
    if len(set(raw)) != len(raw):
        raise _RulesError(f"{where} has duplicates")
    return tuple(raw)


def _flat_strings(raw: Any, where: str) -> list[str]:
    """A list of strings, or a mapping of language -> list of strings (merged)."""
    lists = list(raw.values()) if isinstance(raw, Mapping) else [raw]
    merged: list[str] = []
    for item in lists:
        if not isinstance(item, list) or not all(isinstance(s, str) for s in item):
            raise _RulesError(f"negation: {where} must be a list of strings")
        merged.extend(item)
    return merged


def _positive_int(raw: Any, where: str) -> int:
    if not isinstance(raw, int) or isinstance(raw, bool) or raw < 1:
        raise _RulesError(f"negation: {where} must be a positive integer")
    return raw
