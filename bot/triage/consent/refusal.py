"""Does a message refuse or withdraw consent? Deterministic, from the patterns in refusals.yml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from bot.triage.language import LANGUAGES
from bot.triage.language.text import normalise

REFUSALS_FILE = Path(__file__).with_name("refusals.yml")


@dataclass(frozen=True)
class RefusalPatterns:
    refusals: tuple[re.Pattern[str], ...]
    withdrawals: tuple[re.Pattern[str], ...]
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

    def per_language(key: str) -> tuple[re.Pattern[str], ...]:
        by_language = data.get(key) or {}
        missing = [language for language in LANGUAGES if not by_language.get(language)]
        if missing:
            raise ValueError(f"{path.name}: no {key} patterns for {', '.join(missing)}")
        return tuple(
            pattern
            for language in LANGUAGES
            for pattern in _compiled(by_language[language], f"{path.name} {key} {language}")
        )

    return RefusalPatterns(
        refusals=per_language("refusals"),
        withdrawals=per_language("withdrawals"),
        not_when=_compiled(data.get("not_when") or [], f"{path.name} not_when"),
    )


def consent_answer(text: str) -> str | None:
    """ "withdrawal" (names consent and takes it back), "refusal" (refuses or withdraws, said in
    answer to the consent question), or None."""
    patterns = load_refusals()
    normalised = normalise(text or "")
    for exception in patterns.not_when:
        normalised = exception.sub(" ", normalised)
    if any(pattern.search(normalised) for pattern in patterns.withdrawals):
        return "withdrawal"
    if any(pattern.search(normalised) for pattern in patterns.refusals):
        return "refusal"
    return None


def is_refusal(text: str) -> bool:
    return consent_answer(text) is not None


def is_withdrawal(text: str) -> bool:
    return consent_answer(text) == "withdrawal"
