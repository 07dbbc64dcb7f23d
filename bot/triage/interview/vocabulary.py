"""Labels for interview answer values, loaded from vocabulary.yml."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from bot.triage.language import LANGUAGES

VOCABULARY_FILE = Path(__file__).resolve().parent / "vocabulary.yml"


@lru_cache(maxsize=1)
def load_vocabulary(path: Path = VOCABULARY_FILE) -> dict[str, dict[str, dict[str, str]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for slot, values in data.items():
        for value, labels in values.items():
            missing = [lang for lang in LANGUAGES if not labels.get(lang)]
            if missing:
                raise ValueError(f"{path.name}: {slot}.{value} lacks {', '.join(missing)}")
    return data


def values_of(slot: str) -> tuple[str, ...]:
    return tuple(load_vocabulary()[slot])


def label(slot: str, value: str, language: str) -> str:
    labels = load_vocabulary()[slot][value]
    return labels.get(language) or labels["en"]
