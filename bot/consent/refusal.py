"""Does a message refuse or withdraw consent? Deterministic, from the patterns in refusals.yml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from bot.language import LANGUAGES
from bot.red_flags.normalise import normalise

REFUSALS_FILE = Path(__file__).with_name("refusals.yml")


@dataclass(frozen=True)
class RefusalPatterns:
    refusals: tuple[re.Pattern[str], ...]
    not_when: tuple[re.Pattern[str], ...]


def _compiled(patterns: list[str], where: str) -> tuple[re.Pattern[str], ...]:
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(pattern))
        except re.error as error:
            raise ValueError(f"{where}: bad pattern {pattern!r}: {error}") from error
    return tuple(compiled)


@lru_cache(maxsize=1)
def load_refusals(path: Path = REFUSALS_FILE) -> RefusalPatterns:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    by_language = data.get("refusals") or {}
    missing = [language for language in LANGUAGES if not by_language.get(language)]
    if missing:
        raise ValueError(f"{path.name}: no refusal patterns for {', '.join(missing)}")
    return RefusalPatterns(
        refusals=tuple(
            pattern
            for language in LANGUAGES
            for pattern in _compiled(by_language[language], f"{path.name} {language}")
        ),
        not_when=_compiled(data.get("not_when") or [], f"{path.name} not_when"),
    )


def is_refusal(text: str) -> bool:
    patterns = load_refusals()
    normalised = normalise(text or "")
    for exception in patterns.not_when:
        normalised = exception.sub(" ", normalised)
    return any(pattern.search(normalised) for pattern in patterns.refusals)
