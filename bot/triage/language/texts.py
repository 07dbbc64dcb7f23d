"""Texts a piece of code says to patients in their language, kept in YAML (key -> language ->
text) and checked at load: every key it needs has a text in every language."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import yaml

from bot.triage.language.languages import LANGUAGES


def load_texts(
    path: Path, keys: Iterable[str], every_key: bool = False
) -> dict[str, dict[str, str]]:
    """The texts of a file, after checking that each of ``keys`` (and, with ``every_key``, each
    key in the file) has a text in every language."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: not a mapping of keys to texts")
    for key in [*data, *keys] if every_key else keys:
        missing = [language for language in LANGUAGES if not (data.get(key) or {}).get(language)]
        if missing:
            raise ValueError(f"{path}: {key} lacks {', '.join(missing)}")
    return {key: dict(value) for key, value in data.items()}
