"""What the patient saw when they pressed a button: Rasa stores the button's payload
(`/describe_pain{"pain_side":"both"}`) as the message, staff read the button's title."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import yaml

from bot.apps.review.texts import text
from bot.apps.review.wording import STAFF_LANGUAGE, value_words
from bot.config import PROJECT_ROOT
from bot.storage.history import body_map_answer

PAYLOAD = re.compile(r"^/(?P<intent>[\w\-]+)(?P<entities>\{.*\})?\s*$", re.S)


def is_payload(text: str) -> bool:
    return bool(PAYLOAD.match(text))


def parsed(payload: str) -> tuple[str, dict[str, Any]] | None:
    """(intent, entities) of a payload; entities compare by value, not by spelling
    (`{"a": 1}` and `{"a":1}` are the same press)."""
    found = PAYLOAD.match(payload.strip())
    if not found:
        return None
    entities: dict[str, Any] = {}
    if found["entities"]:
        try:
            loaded = json.loads(found["entities"])
        except ValueError:
            return None
        if not isinstance(loaded, dict):
            return None
        entities = loaded
    return found["intent"], entities


def offered_title(payload: str, offered: Sequence[Any]) -> str | None:
    """The title of the button with this payload among those offered."""
    wanted = parsed(payload)
    for button in offered:
        if not isinstance(button, dict):
            continue
        given = str(button.get("payload") or "")
        if given == payload or (wanted is not None and parsed(given) == wanted):
            title = str(button.get("title") or "").strip()
            if title:
                return title
    return None


@lru_cache(maxsize=1)
def _domain_titles() -> dict[tuple[str, str], set[str]]:
    """(payload, language) -> the titles the domain's responses give that payload."""
    titles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for path in sorted((PROJECT_ROOT / "domain").glob("*.yml")):
        responses = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("responses")
        for variants in (responses or {}).values():
            for variant in variants or []:
                language = STAFF_LANGUAGE
                for condition in variant.get("condition") or []:
                    if condition.get("name") == "language":
                        language = str(condition.get("value"))
                for button in variant.get("buttons") or []:
                    # Responses are templates: "{{" is a literal brace.
                    payload = str(button.get("payload", "")).replace("{{", "{").replace("}}", "}")
                    titles[(payload, language)].add(str(button.get("title", "")))
    return dict(titles)


def _domain_title(payload: str, language: str) -> str | None:
    """The domain's title for a payload, when it has only one (`/deny` has many: "No, keep it",
    "None of these"... and none of them is sure)."""
    for lang in dict.fromkeys((language, STAFF_LANGUAGE)):
        found = _domain_titles().get((payload, lang)) or set()
        if len(found) == 1:
            return next(iter(found))
    return None


def readable(payload: str, language: str = STAFF_LANGUAGE) -> str:
    """A payload in words when no title is known: `/describe_pain{"pain_side":"both"}` ->
    "describe pain: both sides"."""
    found = parsed(payload)
    if found is None:
        return payload
    intent, entities = found
    words = intent.replace("_", " ")
    values = [value_words(name, value, language) for name, value in entities.items()]
    return f"{words}: {', '.join(values)}" if values else words


def pressed_text(
    payload: str,
    offered: Sequence[Any],
    language: str = STAFF_LANGUAGE,
    staff_language: str = STAFF_LANGUAGE,
) -> str:
    """What the patient pressed: the title of the button offered before; otherwise the domain's
    title (in the patient's `language`) or the payload in words, marked "pressed:" (in the staff
    member's language) since the patient may have seen other words."""
    title = offered_title(payload, offered)
    if title is not None:
        return title
    shown = (
        _domain_title(payload, language)
        or body_map_answer(payload, staff_language)  # the places chosen on the body map
        or readable(payload, staff_language)
    )
    return text(staff_language, "live.pressed", title=shown)
