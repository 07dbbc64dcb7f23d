"""Builds the project's spaCy pipeline: a blank tokenizer plus an entity ruler fed from data.

The pipeline is saved to disk at build time and loaded by Rasa's ``SpacyNLP`` by path, so nothing
is downloaded at run time. The ruler's patterns live as JSONL files in ``bot/triage/nlp/patterns``.

A pattern may say ``"not_in": ["nl"]``: a word of one language that means something else in
another (French "hier", yesterday, is Dutch "here"; English "heel" is Dutch "very"). The list is
kept in the pipeline's meta, and bot/triage/nlp/canonical_entities.py drops such a match in a
message clearly written in one of those languages.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from bot.triage.language import LANGUAGES

PATTERNS_DIR = Path(__file__).resolve().parent / "patterns"
# "xx" (multi-language) tokenizes English, French and Dutch alike, so one set of patterns and one
# Rasa model can serve all three languages.
PIPELINE_LANGUAGE = "xx"
PIPELINE_NAME = "hcmc_patterns"
FALSE_FRIENDS_META = "false_friends"
LABELS = (
    "body_region",
    "side",
    "duration",
    "onset",
    "time_pattern",
    "severity",
    "precaution",
    "language",
    # Words of a place that name none: "over my head", "lying on my back", "des deux côtés".
    # The ruler prefers the longer match, and these are dropped from the entities.
    "not_a_place",
)


def iter_patterns(patterns_dir: Path = PATTERNS_DIR) -> Iterator[dict[str, Any]]:
    """Yields every pattern of every JSONL file, checked for the fields the ruler needs."""
    for path in sorted(patterns_dir.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{path.name}:{number}: not valid JSON ({error})") from error
            if entry.get("label") not in LABELS:
                raise ValueError(f"{path.name}:{number}: unknown label {entry.get('label')!r}")
            if not entry.get("id") or not entry.get("pattern"):
                raise ValueError(f"{path.name}:{number}: a pattern needs an id and a pattern")
            if entry.get("lang") not in LANGUAGES:
                raise ValueError(f"{path.name}:{number}: lang must be en, fr or nl")
            not_in = entry.get("not_in", [])
            word = isinstance(entry["pattern"], str)
            if not_in and (not word or not set(not_in) <= set(LANGUAGES)):
                raise ValueError(f"{path.name}:{number}: not_in needs a word pattern and languages")
            yield {
                "label": entry["label"],
                "id": entry["id"],
                "pattern": entry["pattern"],
                "not_in": not_in,
            }


def false_friends(patterns: list[dict[str, Any]]) -> list[list[Any]]:
    """[label, lowercased word, languages in which it means something else], from ``not_in``."""
    return [
        [pattern["label"], pattern["pattern"].lower(), sorted(pattern["not_in"])]
        for pattern in patterns
        if pattern["not_in"]
    ]


def build_pipeline(patterns_dir: Path = PATTERNS_DIR) -> Language:
    nlp = spacy.blank(PIPELINE_LANGUAGE)
    nlp.meta["name"] = PIPELINE_NAME
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    patterns = list(iter_patterns(patterns_dir))
    ruler.add_patterns(  # type: ignore[attr-defined]
        [{key: pattern[key] for key in ("label", "id", "pattern")} for pattern in patterns]
    )
    nlp.meta[FALSE_FRIENDS_META] = false_friends(patterns)
    return nlp


def save_pipeline(target: Path, patterns_dir: Path = PATTERNS_DIR) -> Path:
    nlp = build_pipeline(patterns_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    return target
