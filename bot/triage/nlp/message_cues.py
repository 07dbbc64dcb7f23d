"""Cues in a message's words that the intent classifier is not trained for: emoji alone, words
of pain, requests to correct one interview answer. Plain Python (no Rasa), used by the NLU
component bot/rasa_plugins/nlu/message_cues.py and by the actions. The words live in
message_cues.yml.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.triage.interview.answers import INTERVIEW_SLOTS
from bot.triage.language import LANGUAGES
from bot.triage.language.text import fold

CUES_FILE = Path(__file__).resolve().parent / "message_cues.yml"
ACKNOWLEDGE_INTENT = "acknowledge"
CORRECT_FIELD_ENTITY = "correct_field"
DESCRIBE_PAIN_INTENT = "describe_pain"
DENY_INTENT = "deny"
BOOKING_INTENT = "request_booking"
QUESTION_INTENT = "faq"
RESTART_INTENT = "restart_conversation"
CENTRES_INTENT = "ask_centres"
# Intents that end or wipe the interview.
LEAVING_INTENTS = frozenset({RESTART_INTENT, "stop", "goodbye"})
# Intents a pain mention overrides: the classifier found nothing better.
UNPLACED_INTENTS = frozenset({"out_of_scope", "nlu_fallback"})


def _is_emoji_only(text: str) -> bool:
    stripped = [char for char in text if not char.isspace()]
    if not stripped or any(char.isalnum() for char in stripped):
        return False
    # Symbols ("So"), modifiers, joiners and variation selectors; at least one real symbol.
    return any(unicodedata.category(char) == "So" for char in stripped)


def _pattern(words: list[str], where: str) -> re.Pattern[str]:
    alternatives = []
    for word in words:
        if word != fold(word):
            raise ValueError(f"{where}: {word!r} must be lower case without accents")
        body = re.escape(word.rstrip("*")).replace(r"\ ", r"\s+")
        alternatives.append(body + ("" if word.endswith("*") else r"(?!\w)"))
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})")


@lru_cache(maxsize=2)
def _cues(path: Path) -> dict[str, Any]:
    """The cues file, read once for every list in it."""
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def _words_of_every_language(path: Path, where: str, words: Any) -> re.Pattern[str]:
    """One pattern for a list given per language (en, fr and nl, all required)."""
    if set(words or {}) != set(LANGUAGES):
        raise ValueError(f"{path.name}: {where} needs en, fr and nl")
    return _pattern([word for language in LANGUAGES for word in words[language]], path.name)


@lru_cache(maxsize=2)
def load_corrections(path: Path = CUES_FILE) -> tuple[re.Pattern[str], dict[str, re.Pattern[str]]]:
    """The correction verbs, and each interview field's words."""
    data = _cues(path).get("corrections") or {}
    verbs = _words_of_every_language(path, "corrections.verbs", data.get("verbs"))
    fields = data.get("fields") or {}
    if set(fields) != set(INTERVIEW_SLOTS):
        raise ValueError(f"{path.name}: corrections.fields must name every interview question")
    return verbs, {field: _pattern(words, path.name) for field, words in fields.items()}


@lru_cache(maxsize=2)
def load_negated_verbs(path: Path = CUES_FILE) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Words just before or just after a correction verb that say it does not happen."""
    data = _cues(path).get("corrections") or {}
    before = _words_of_every_language(
        path, "corrections.negated_before", data.get("negated_before")
    )
    after = _words_of_every_language(path, "corrections.negated_after", data.get("negated_after"))
    return (
        re.compile(rf"(?:{before.pattern})\s*$"),
        re.compile(rf"^\s*(?:{after.pattern})"),
    )


# A correction names the field beside its verb ("change the side", "la duree est fausse"); a
# verb and a field word far apart in a long answer are two other things ("when I change to the
# other side it settles", "je change de cote" are about turning over in bed).
_NEAR = 30
_OTHER_BEFORE = re.compile(r"(?:other|autre|andere|ander|chang\w* de|van)\s+$")


def field_to_correct(text: str) -> str | None:
    """The interview field a message asks to change, when it names exactly one."""
    folded = fold(text or "")
    verbs, fields = load_corrections()
    negated_before, negated_after = load_negated_verbs()
    verb_spans = [
        found.span()
        for found in verbs.finditer(folded)
        if not negated_before.search(folded[: found.start()])
        and not negated_after.search(folded[found.end() :])
    ]
    if not verb_spans:
        return None

    def near_a_verb(found: re.Match[str]) -> bool:
        if _OTHER_BEFORE.search(folded[: found.start()]):
            return False
        return any(
            found.start() - end <= _NEAR and start - found.end() <= _NEAR
            for start, end in verb_spans
        )

    named = [
        field for field, pattern in fields.items()
        if any(near_a_verb(found) for found in pattern.finditer(folded))
    ]  # fmt: skip
    return named[0] if len(named) == 1 else None


@lru_cache(maxsize=2)
def load_cues(path: Path = CUES_FILE) -> tuple[dict[str, str], re.Pattern[str]]:
    data = _cues(path)
    emoji: dict[str, str] = {}
    for intent, symbols in (data.get("emoji") or {}).items():
        for symbol in symbols:
            if not _is_emoji_only(symbol):
                raise ValueError(f"{path.name}: {symbol!r} under emoji.{intent} is not an emoji")
            emoji[symbol] = intent
    return emoji, _words_of_every_language(path, "pain_words", data.get("pain_words"))


@lru_cache(maxsize=2)
def load_booking_words(path: Path = CUES_FILE) -> re.Pattern[str]:
    return _words_of_every_language(path, "booking_words", _cues(path).get("booking_words"))


@lru_cache(maxsize=2)
def load_question_openers(path: Path = CUES_FILE) -> re.Pattern[str]:
    return _words_of_every_language(path, "question_openers", _cues(path).get("question_openers"))


_SENTENCE_START = re.compile(r"(?:^|[.!?;\n])\s*")


@lru_cache(maxsize=2)
def load_hedges(path: Path = CUES_FILE) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Guess words, and the words of a sentence that speaks to the clinic."""
    cues = _cues(path)
    hedges = _words_of_every_language(path, "hedges", cues.get("hedges"))
    addressed = _words_of_every_language(path, "hedges_not_when", cues.get("hedges_not_when"))
    # The guess opens the sentence ("maybe two?") or closes it ("three weeks or so?").
    return re.compile(rf"^\W*(?:{hedges.pattern})|(?:{hedges.pattern})\W*\?$"), addressed


# A guess is short: "maybe a month, maybe two?"; a longer sentence asks something.
_HEDGE_WORDS = 8


def _is_a_guess(sentence: str) -> bool:
    hedges, addressed = load_hedges()
    openers = load_question_openers()
    return (
        # "maybe two?", "three weeks or so?", "een week of drie, misschien vier?"
        bool(hedges.search(sentence.strip()) or hedges.search(sentence.split(",")[-1].strip()))
        and len(sentence.split()) <= _HEDGE_WORDS
        and not addressed.search(sentence)
        # "about the price, how much?": a question after the comma
        and not any(openers.match(part.strip()) for part in sentence.split(",")[1:])
    )


@lru_cache(maxsize=2)
def load_no_first(path: Path = CUES_FILE) -> re.Pattern[str]:
    words = _words_of_every_language(path, "no_first", _cues(path).get("no_first"))
    return re.compile(rf"^\W*(?:{words.pattern})")


@lru_cache(maxsize=2)
def load_carry_on(path: Path = CUES_FILE) -> tuple[re.Pattern[str], re.Pattern[str]]:
    cues = _cues(path)
    return (
        _words_of_every_language(path, "carry_on", cues.get("carry_on")),
        _words_of_every_language(path, "carry_on_not_when", cues.get("carry_on_not_when")),
    )


def says_no_carry_on(text: str) -> bool:
    """ "No, carry on", "non, on continue", "nee, doe maar verder": a no, whatever the classifier
    made of its "continue" (a stop) or its "doe maar" (a yes)."""
    carry_on, not_when = load_carry_on()
    rest = load_no_first().sub("", fold(text or ""), count=1)
    return opens_with_no(text) and bool(carry_on.search(rest)) and not not_when.search(rest)


def opens_with_no(text: str) -> bool:
    """ "Nee, niks. ...", "no, none of that": a no to a yes/no question, when nothing is asked."""
    return bool(load_no_first().match(fold(text or ""))) and not asks_a_question(text)


def asks_a_question(text: str) -> bool:
    """A question mark, or a sentence that opens as a question does ("does it hurt"); a guess
    with a question mark ("maybe a month, maybe two?") asks nothing."""
    folded = fold(text or "")
    questions = QUESTION_PART.findall(folded)
    if any(not _is_a_guess(question) for question in questions):
        return True
    for question in questions:  # "peut-être deux ans ?" does not open with "peut"
        folded = folded.replace(question, " ")
    openers = load_question_openers()
    return any(openers.match(folded, start.end()) for start in _SENTENCE_START.finditer(folded))


def asks_to_book_for_pain(text: str, entities: list[dict[str, Any]]) -> bool:
    """ "I have tennis elbow, can I make an appointment?": the patient's pain and a booking ask."""
    folded = fold(text or "")
    return bool(load_booking_words().search(folded)) and mentions_pain(text, entities)


def emoji_intent(text: str) -> str | None:
    """The intent of an emoji-only message, or None for any other message."""
    text = (text or "").strip()
    if not _is_emoji_only(text):
        return None
    emoji, _ = load_cues()
    key = "".join(char for char in text if not char.isspace() and char not in ".!?,")
    if key in emoji:
        return emoji[key]
    # Repeated or mixed symbols: the first one known decides ("👍👍", "🙏🙂").
    for symbol in sorted(emoji, key=len, reverse=True):
        if key.startswith(symbol):
            return emoji[symbol]
    return ACKNOWLEDGE_INTENT


def mentions_pain(text: str, entities: list[dict[str, Any]]) -> bool:
    if any(entity.get("entity") == "body_region" for entity in entities):
        return True
    _, pain_words = load_cues()
    return bool(pain_words.search(fold(text or "")))


# Only a short answer about how it began, since when or when it is worst is mistaken for leaving
# ("continu", "beetje bij beetje", "recommencé depuis trois semaines"); a message that names a
# place or a pain, says "good night" or is "done for today" is not.
_MISTAKEN_ANSWER_WORDS = 20
_MISTAKEN_ANSWERS = frozenset({"onset", "time_pattern"})


def answers_an_interview_question(text: str, entities: list[dict[str, Any]]) -> bool:
    """Taken for leaving or for a question about the centres, but an answer: how it began or
    when it is worst, in a few words, with no place, no pain word and no word of leaving
    ("continu, de hele dag"; "stop, my knee hurts" stops; "good night" is a goodbye)."""
    named = [
        e for e in entities
        if (e.get("entity") in _MISTAKEN_ANSWERS and e.get("value") != "night")
        or (e.get("entity") == "duration" and isinstance(e.get("value"), int) and e["value"] > 1)
    ]  # fmt: skip
    return (
        bool(named)
        and len(text.split()) <= _MISTAKEN_ANSWER_WORDS
        and not any(e.get("entity") == "body_region" for e in entities)
        and not mentions_pain(text, [])
        and not load_leaving_words().search(fold(text))
    )


@lru_cache(maxsize=2)
def load_leaving_words(path: Path = CUES_FILE) -> re.Pattern[str]:
    return _words_of_every_language(path, "leaving_words", _cues(path).get("leaving_words"))


# "can you help?", "kunnen jullie helpen?", "pouvez-vous m'aider ?": a plea, not a question about
# the treatments ("does needling help?" is one).
_PLEA = re.compile(
    r"\b((can|could|would|will) (you|u|someone|anyone|you guys|ye) (please )?help|help me|"
    r"kunnen jullie (mij |me )?(daar )?(mee )?helpen|kun(t|de|nen) (ge|u|je|gij) (mij |me )?"
    r"(daar )?(mee )?helpen|help mij|(pouvez|pourriez)[- ]vous m'aider|vous pouvez m'aider|"
    r"tu peux m'aider|aidez[- ]moi|"
    # "do you treat that?", "vous traitez ça ?", "is dat iets voor jullie?": the same plea
    r"(do|can|could) you (guys )?(treat|see|help with) (this|that|it)|is (this|that|it) "
    r"something you (treat|see|do)|(vous )?traitez[- ]?(vous )?(ça|ca|cela)|c'est (quelque chose|"
    r"qqch) pour vous|is (dat|da|dit|het) iets voor (jullie|u)|behandelen jullie (dat|da|dit))\b",
    re.I,
)


def is_a_plea(text: str) -> bool:
    """ "Can you help?", "vous traitez ça ?", "is dat iets voor jullie?": asks for the interview."""
    return bool(_PLEA.search(text))


# The questions of a message: each part ending in a question mark.
QUESTION_PART = re.compile(r"[^.!?]*\?")


def asks_for_help_with_pain(text: str, entities: list[dict[str, Any]]) -> bool:
    """Pain described, and its only question a plea for help: the interview, not an FAQ answer
    ("ik heb al weken pijn in mijn schouder, kunnen jullie helpen?")."""
    questions = QUESTION_PART.findall(text)
    return (
        bool(questions)
        and mentions_pain(text, entities)
        and all(is_a_plea(part) for part in questions)
    )
