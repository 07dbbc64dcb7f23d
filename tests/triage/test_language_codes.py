"""Reading a channel's language code (browser, widget, Telegram, locale) as one of our languages."""

from __future__ import annotations

from typing import Any

import pytest

from bot.triage.language import DEFAULT_LANGUAGE, LANGUAGES, language_from_code


@pytest.mark.parametrize(
    "code, language",
    [
        ("en", "en"),
        ("fr", "fr"),
        ("nl", "nl"),
        ("NL", "nl"),
        ("fr-BE", "fr"),
        ("nl_BE", "nl"),
        ("NL_be", "nl"),
        ("en-GB", "en"),
        ("en-GB,en;q=0.8", "en"),  # the first tag of an Accept-Language header
        ("nl_BE.UTF-8", "nl"),  # a POSIX locale
        (" fr ", "fr"),
        ("de", None),
        ("de-BE", None),
        ("frr", None),  # North Frisian, not French
        ("fra", None),
        ("nld", None),
        ("f", None),
        ("", None),
        (None, None),
        (42, None),
    ],
)
def test_language_from_code(code: Any, language: str | None) -> None:
    assert language_from_code(code) == language


def test_the_languages_and_the_default() -> None:
    assert LANGUAGES == ("en", "fr", "nl")
    assert DEFAULT_LANGUAGE in LANGUAGES
