"""Short names of the FAQ answers, for the buttons offered when a question is ambiguous."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from bot.triage.language import LANGUAGES

FAQ_TOPICS_FILE = Path(__file__).resolve().parent / "faq_topics.yml"


@lru_cache(maxsize=2)
def load_faq_topic_names(path: Path = FAQ_TOPICS_FILE) -> dict[str, dict[str, str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for answer, names in data.items():
        if set(names or {}) != set(LANGUAGES) or not all(names.values()):
            raise ValueError(f"{path.name}: {answer} needs a name in en, fr and nl")
    return data


def faq_topic_name(answer_key: str, language: str) -> str | None:
    """The name of "faq/session" in the language, or None for an unknown answer."""
    names = load_faq_topic_names().get(answer_key.removeprefix("faq/"))
    return names[language] if names else None
