"""What the bridge itself says, from messages.yml, in the chat's language."""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.triage.language import LANGUAGES

FALLBACK_LANGUAGE = "en"
MESSAGES_FILE = Path(__file__).with_name("messages.yml")


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _check_languages(where: str, texts: Any) -> dict[str, str]:
    if not isinstance(texts, dict) or set(texts) != set(LANGUAGES):
        raise ValueError(f"{where}: needs exactly {', '.join(LANGUAGES)}")
    if not all(isinstance(text, str) and text.strip() for text in texts.values()):
        raise ValueError(f"{where}: every language needs a non-empty text")
    if len({frozenset(_placeholders(text)) for text in texts.values()}) != 1:
        raise ValueError(f"{where}: the languages use different {{placeholders}}")
    return dict(texts)


@dataclass(frozen=True)
class Messages:
    texts: dict[str, dict[str, str]]
    commands: dict[str, dict[str, str]]
    language_names: dict[str, str]

    def text(self, key: str, language: str | None, **values: Any) -> str:
        by_language = self.texts[key]
        template = by_language.get(language or "") or by_language[FALLBACK_LANGUAGE]
        return template.format(**values) if values else template

    def command_descriptions(self, language: str) -> list[tuple[str, str]]:
        return [(command, texts[language]) for command, texts in self.commands.items()]


def load_messages(path: Path = MESSAGES_FILE) -> Messages:
    """Loads and checks messages.yml: every text in every language, same placeholders."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    texts = {
        key: _check_languages(f"messages.{key}", value)
        for key, value in (data.get("messages") or {}).items()
    }
    commands = {
        command: _check_languages(f"commands.{command}", value)
        for command, value in (data.get("commands") or {}).items()
    }
    names = _check_languages("language_names", data.get("language_names"))
    return Messages(texts=texts, commands=commands, language_names=names)


@lru_cache(maxsize=1)
def messages() -> Messages:
    return load_messages()
