"""The review app's interface in the staff member's language: English, French or Dutch.

Every text staff read is in texts.yml (key -> language -> text), loaded and checked when the app
starts (`check_texts`): each key has a text in all three languages with the same {placeholders}.
The language is the one the staff member chose in the header (a cookie), else the browser's
Accept-Language, else English. Exports (CSV, JSON, YAML) stay in English: see docs/review-app.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from bot.triage.language import LANGUAGES, language_from_code
from bot.triage.language.texts import load_texts

TEXTS_PATH = Path(__file__).with_name("texts.yml")
DEFAULT_LANGUAGE = "en"
LANGUAGE_COOKIE = "hcmc_review_language"
LANGUAGE_COOKIE_DAYS = 365
# Each language named in itself, for the switch in the header.
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "nl": "Nederlands"}
PLACEHOLDER = re.compile(r"\{(\w*)\}")
# Keys the code builds from ids (follow-up statuses, tiers, channels...): each id needs its text.
ID_KEYS: dict[str, tuple[str, ...]] = {}


def needs_texts(prefix: str, ids: Iterable[str]) -> None:
    """Declares keys `prefix.<id>` for every id, checked at start like the others."""
    ID_KEYS[prefix] = tuple(ids)


def required_keys() -> list[str]:
    return [f"{prefix}.{name}" for prefix, names in ID_KEYS.items() for name in names]


def check_texts(
    path: Path = TEXTS_PATH, required: Iterable[str] | None = None
) -> dict[str, dict[str, str]]:
    """The texts, after checking that every key (those in the file and those the code builds
    from ids, `required_keys()` unless given) has a text in each language, with the same
    placeholders in each."""
    needed = required_keys() if required is None else list(required)
    texts = load_texts(path, needed, every_key=True)
    for key, languages in texts.items():
        extra = set(languages) - set(LANGUAGES)
        if extra:
            raise ValueError(f"{path}: {key} has unknown languages {', '.join(sorted(extra))}")
        expected = set(PLACEHOLDER.findall(languages[DEFAULT_LANGUAGE]))
        for language in LANGUAGES:
            if not isinstance(languages[language], str):
                raise ValueError(f"{path}: {key}.{language} is not a text")
            found = set(PLACEHOLDER.findall(languages[language]))
            if found != expected:
                raise ValueError(
                    f"{path}: {key}.{language} has placeholders {sorted(found)}, "
                    f"{DEFAULT_LANGUAGE} has {sorted(expected)}"
                )
    return texts


@lru_cache(maxsize=1)
def all_texts() -> dict[str, dict[str, str]]:
    return check_texts()


def text(language: str, key: str, **values: Any) -> str:
    """The text of `key` in `language` (English for an unknown language), its placeholders
    filled. An unknown key is a bug: KeyError."""
    texts = all_texts()[key]
    template = texts.get(language) or texts[DEFAULT_LANGUAGE]
    return template.format(**values) if values else template


def number_text(value: float, language: str) -> str:
    """A figure as the language writes it: 11.4 in English, 11,4 in French and Dutch."""
    shown = f"{value:g}"
    return shown if language == "en" else shown.replace(".", ",")


def has_text(key: str) -> bool:
    return key in all_texts()


def markup(language: str, key: str, **values: Any) -> Markup:
    """For the templates: the text escaped, with values escaped unless they are Markup."""
    texts = all_texts()[key]
    template = texts.get(language) or texts[DEFAULT_LANGUAGE]
    return Markup(escape(template)).format(**values) if values else Markup(escape(template))


def accepted_language(header: str | None) -> str:
    """The first of English, French and Dutch in an Accept-Language header, by its weights
    ("nl-BE,nl;q=0.9,en;q=0.8" -> "nl"); English when none is."""
    choices: list[tuple[float, int, str]] = []
    for position, part in enumerate((header or "").split(",")):
        fields = part.strip().split(";")
        code = language_from_code(fields[0])  # "nl-BE" -> "nl"; "frr" is not French
        weight = 1.0
        for parameter in fields[1:]:
            name, _, value = parameter.strip().partition("=")
            if name.strip() == "q":
                try:
                    weight = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    weight = 0.0
        if code and weight > 0:
            choices.append((-weight, position, code))
    return min(choices)[2] if choices else DEFAULT_LANGUAGE


def chosen_language(cookie: str | None, accept_language: str | None) -> str:
    if cookie in LANGUAGES:
        return str(cookie)
    return accepted_language(accept_language)


def local_path(target: str | None) -> str:
    """Where the language switch sends staff back to: a path of this app, never elsewhere."""
    target = target or "/"
    if not target.startswith("/") or target.startswith(("//", "/\\")) or "\\" in target:
        return "/"
    if any(ord(ch) < 32 for ch in target):
        return "/"
    return target


def switch_links(language: str, here: str) -> list[dict[str, Any]]:
    """The header's language switch: one link per language, back to the same page."""
    back = quote(local_path(here), safe="")
    return [
        {
            "code": code,
            "name": LANGUAGE_NAMES[code],
            "href": f"/language/{code}?next={back}",
            "current": code == language,
        }
        for code in LANGUAGES
    ]
