"""Which of English, French and Dutch a message is written in, or None when that is not clear.

Deterministic scoring of marker words (cues.yml), French elisions and accents, and Dutch and
English contractions: no model, nothing downloaded. Short or neutral messages ("ok", "7",
"Uccle", "1180", a button payload) give None, so they never change the conversation's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.triage.language.languages import LANGUAGES
from bot.triage.language.text import fold, straighten_apostrophes

CUES_FILE = Path(__file__).resolve().parent / "cues.yml"
STRONG_WEIGHT = 2.0
WORD_WEIGHT = 1.0

# Words, with inner apostrophes ("j'ai", "don't", "m'n") and a leading one ("'s avonds").
_TOKEN = re.compile(r"'?[^\W\d_]+(?:'[^\W\d_]+)*'?")


@dataclass(frozen=True)
class Cues:
    weights: dict[str, dict[str, float]]  # language -> folded word -> weight
    min_score: float
    min_ratio: float
    accent_weight: float
    french_accents: frozenset[str]
    french_elisions: frozenset[str]
    english_contractions: tuple[str, ...]
    dutch_contractions: frozenset[str]


def _words(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(word, str) for word in value):
        raise ValueError(f"{CUES_FILE.name}: {where} must be a list of words")
    return [fold(word) for word in value]


@lru_cache(maxsize=1)
def load_cues(path: Path = CUES_FILE) -> Cues:
    """Reads and checks cues.yml: every language present, no word marking two languages."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    weights: dict[str, dict[str, float]] = {}
    owner: dict[str, str] = {}
    for language in LANGUAGES:
        spec = (data.get("languages") or {}).get(language)
        if not spec:
            raise ValueError(f"{path.name}: no cues for {language}")
        table: dict[str, float] = {}
        for kind, weight in (("strong", STRONG_WEIGHT), ("words", WORD_WEIGHT)):
            for word in _words(spec.get(kind), f"{language}.{kind}"):
                if word in owner:
                    raise ValueError(
                        f"{path.name}: {word!r} is listed for {owner[word]} and {language}"
                    )
                owner[word] = language
                table[word] = weight
        weights[language] = table
    return Cues(
        weights=weights,
        min_score=float(data["min_score"]),
        min_ratio=float(data["min_ratio"]),
        accent_weight=float(data["accent_weight"]),
        french_accents=frozenset(data["french_accents"]),
        french_elisions=frozenset(_words(data["french_elisions"], "french_elisions")),
        english_contractions=tuple(_words(data["english_contractions"], "english_contractions")),
        dutch_contractions=frozenset(_words(data["dutch_contractions"], "dutch_contractions")),
    )


def _score_token(token: str, cues: Cues, scores: dict[str, float]) -> None:
    folded = fold(token)
    if folded in cues.dutch_contractions:
        scores["nl"] += WORD_WEIGHT
        return
    for language in LANGUAGES:
        weight = cues.weights[language].get(folded.strip("'"))
        if weight:
            scores[language] += weight
            return
    if "'" not in folded.strip("'"):
        return
    head, _, tail = folded.strip("'").partition("'")
    if head in cues.french_elisions:
        scores["fr"] += WORD_WEIGHT  # j'ai, l'epaule, qu'il
        _score_token(tail, cues, scores)
    elif any(f"{head}'{tail}".endswith(ending) for ending in cues.english_contractions):
        scores["en"] += WORD_WEIGHT  # don't, I'd, we're
        _score_token(head.removesuffix("n") if tail == "t" else head, cues, scores)


def language_scores(text: str) -> dict[str, float]:
    """The score of each language for the text (higher: more likely)."""
    cues = load_cues()
    scores = dict.fromkeys(LANGUAGES, 0.0)
    for token in _TOKEN.findall(straighten_apostrophes(text or "")):
        _score_token(token, cues, scores)
        if any(char in cues.french_accents for char in token.casefold()):
            scores["fr"] += cues.accent_weight
    return scores


def detect_language(text: str) -> str | None:
    """ "en", "fr" or "nl" when the text is clearly in that language, otherwise None."""
    text = (text or "").strip()
    if not text or text.startswith("/"):
        return None  # empty, or a button payload such as /describe_pain{"pain_side":"left"}
    cues = load_cues()
    scores = language_scores(text)
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, best_score), (_, runner_up) = ranked[0], ranked[1]
    if best_score >= cues.min_score and best_score >= cues.min_ratio * runner_up:
        return best
    return None
