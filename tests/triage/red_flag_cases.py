"""What the red-flag test tables share: one case per message, and the check that the detector
finds exactly the expected flags (a missed red flag and a false alarm both fail)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.triage.red_flags import detect


def case(language: str, text: str, *flags: str) -> Any:
    return pytest.param(language, text, frozenset(flags), id=f"{language}: {text}")


def assert_exact_flags(text: str, expected: frozenset[str]) -> None:
    matches = detect(text)
    assert {match.flag_id for match in matches} == expected, [
        (match.flag_id, match.matched_text) for match in matches
    ]
