"""The review app's interface texts (bot/apps/review/texts.yml): every key in English, French and
Dutch, every key the templates and the code use present, none left over; the staff member's
language from the switch's cookie or the browser. No server needed."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import bot.apps.review.app  # noqa: F401  (every module declares the keys it builds from ids)
from bot.apps.review import texts
from bot.apps.review.texts import (
    LANGUAGES,
    accepted_language,
    all_texts,
    check_texts,
    chosen_language,
    local_path,
    required_keys,
    switch_links,
)

REVIEW = Path(texts.__file__).parent
TEMPLATE_KEY = re.compile(r"""\bt\(\s*["']([a-z0-9_.]+)["']""")
# The functions that take a key as a literal: text(language, key), markup(language, key), ...
KEY_FUNCTIONS = {"text", "markup", "has_text", "say", "interface_text", "t"}
KEY = re.compile(r"[a-z0-9_]+(\.[a-z0-9_]+)+")


def template_keys() -> set[str]:
    return {
        key
        for path in (REVIEW / "templates").glob("*.html")
        for key in TEMPLATE_KEY.findall(path.read_text(encoding="utf-8"))
        if not key.endswith(".")  # t("role." ~ user.role): keys built from ids
    }


def code_keys() -> set[str]:
    """Keys passed as literals to the text functions, and literal error details."""
    found: set[str] = set()
    for path in REVIEW.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name in KEY_FUNCTIONS or name == "HTTPException":
                    for arg in node.args:
                        value = arg.value if isinstance(arg, ast.Constant) else None
                        if isinstance(value, str) and KEY.fullmatch(value):
                            found.add(value)
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                value = node.value.value
                if isinstance(value, str) and value.startswith("error.detail."):
                    found.add(value)
    return found


def test_every_text_is_in_english_french_and_dutch_with_the_same_placeholders():
    loaded = check_texts()
    assert len(loaded) > 200
    for key, languages in loaded.items():
        assert set(languages) == set(LANGUAGES), key
        assert all(languages[code].strip() for code in LANGUAGES), key


def _empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.yml"
    path.write_text("{}\n", encoding="utf-8")
    return path


def test_a_missing_translation_or_placeholder_stops_the_app(tmp_path):
    missing = tmp_path / "missing.yml"
    missing.write_text("inbox.title: {en: Inbox, fr: Boîte}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="inbox.title lacks nl"):
        check_texts(missing, required=())
    # A key the code builds from an id (a follow-up status, an audit action) is checked too.
    with pytest.raises(ValueError, match=r"\.(new|logged_in) lacks en, fr, nl"):
        check_texts(_empty(tmp_path))
    placeholder = tmp_path / "placeholder.yml"
    placeholder.write_text(
        'pages.of: {en: "Page {page} of {pages}", fr: "Page {page}", nl: "Pagina {page} van '
        '{pages}"}\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="pages.of.fr has placeholders"):
        check_texts(placeholder, required=())


def test_every_key_the_templates_and_the_code_use_has_its_texts():
    used = template_keys() | code_keys() | set(required_keys())
    assert len(template_keys()) > 100
    missing = sorted(key for key in used if key not in all_texts())
    assert missing == []


def test_no_text_is_left_over():
    sources = "".join(
        path.read_text(encoding="utf-8")
        for pattern in ("*.py", "templates/*.html", "static/*.js")
        for path in REVIEW.glob(pattern)
    )
    required = set(required_keys())
    unused = [
        key
        for key in all_texts()
        if key not in required and f'"{key}"' not in sources and f"'{key}'" not in sources
    ]
    assert unused == []


def test_the_language_is_the_chosen_one_else_the_browsers_else_english():
    assert accepted_language("nl-BE,nl;q=0.9,en;q=0.8") == "nl"
    assert accepted_language("de-DE,de;q=0.9,fr;q=0.5,en;q=0.4") == "fr"
    assert accepted_language("en-GB;q=0.2, fr-BE") == "fr"
    assert accepted_language("fr;q=0, de") == "en"
    assert accepted_language("") == accepted_language(None) == "en"
    assert accepted_language("*") == "en"
    assert accepted_language("frr,nl_BE;q=0.5") == "nl"  # North Frisian is not French
    assert chosen_language("nl", "fr-BE") == "nl"
    assert chosen_language("xx", "fr-BE") == "fr"


def test_the_switch_goes_back_to_a_page_of_the_app_only():
    assert local_path("/c/abc?error=taken") == "/c/abc?error=taken"
    for elsewhere in ("//evil.example", "https://evil.example/", "/\\evil", "evil", "", None):
        assert local_path(elsewhere) == "/"
    links = switch_links("fr", "/?red_flag=yes&q=genou")
    assert [link["code"] for link in links] == ["en", "fr", "nl"]
    assert [link["current"] for link in links] == [False, True, False]
    assert links[2]["href"] == "/language/nl?next=%2F%3Fred_flag%3Dyes%26q%3Dgenou"
