"""The words around the pictures (wording.yml), in every language, checked when loaded."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.pictures.drawing import SIDES, VIEWS
from bot.triage.knowledge import LANGUAGES
from bot.triage.knowledge.strict_yaml import read_yaml

DEFAULT_PATH = Path(__file__).resolve().with_name("wording.yml")
Texts = dict[str, str]  # language -> text
# Groups of texts keyed by what they name, and single texts with the placeholders they need.
_GROUPS = {"views": VIEWS, "sides": (*SIDES, "both"), "corners": SIDES}
_SINGLE = {"heading": ("{region}",), "where_it_hurts": (), "muscles_heading": (), "caution": ()}


@dataclass(frozen=True)
class Wording:
    groups: dict[str, dict[str, Texts]]
    single: dict[str, Texts]

    def text(self, key: str, language: str) -> str:
        return self.single[key][language]

    def named(self, group: str, name: str, language: str) -> str:
        return self.groups[group][name][language]


def _texts(path: Path, value: Any, entry: str, placeholders: tuple[str, ...] = ()) -> Texts:
    if not isinstance(value, dict) or set(value) != set(LANGUAGES):
        raise ValueError(f"{path}: {entry}: needs exactly the languages {list(LANGUAGES)}")
    for language, text in value.items():
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"{path}: {entry}.{language}: must be a non-empty text")
        missing = [p for p in placeholders if p not in text]
        if missing:
            raise ValueError(f"{path}: {entry}.{language}: lacks {missing}")
    return {language: " ".join(text.split()) for language, text in value.items()}


def parse_wording(path: Path) -> Wording:
    document = read_yaml(path)
    expected = set(_GROUPS) | set(_SINGLE)
    if not isinstance(document, dict) or set(document) != expected:
        raise ValueError(f"{path}: top level: needs exactly the keys {sorted(expected)}")
    groups: dict[str, dict[str, Texts]] = {}
    for group, names in _GROUPS.items():
        raw = document[group]
        if not isinstance(raw, dict) or set(raw) != set(names):
            raise ValueError(f"{path}: {group}: needs exactly {list(names)}")
        groups[group] = {name: _texts(path, raw[name], f"{group}.{name}") for name in names}
    single = {key: _texts(path, document[key], key, needs) for key, needs in _SINGLE.items()}
    return Wording(groups, single)


def check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; known: {list(LANGUAGES)}")


@lru_cache(maxsize=1)
def load_wording() -> Wording:
    return parse_wording(DEFAULT_PATH)
