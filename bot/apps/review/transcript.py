"""A conversation's events as the transcript page shows them, and its exports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

import yaml
from sqlalchemy.sql.elements import ColumnElement

from bot.apps.review.clock import ZONE, clock_text, iso
from bot.apps.review.pictures import message_map_src
from bot.apps.review.pressed import pressed_text
from bot.apps.review.spreadsheet import csv_text
from bot.apps.review.texts import text as interface_text
from bot.apps.review.wording import STAFF_LANGUAGE, tier_words
from bot.config import PROJECT_ROOT
from bot.storage.conversation_summary import intent_of, is_doubtful, is_typed, when
from bot.storage.history import staff_author
from bot.storage.tables import corrections
from bot.triage.clinic.contact_details import CONTACT_SLOTS


@dataclass
class Turn:
    event_id: int
    kind: str  # "user", "bot", "staff" (a person during a takeover), "notice" or "red_flag"
    at: datetime
    text: str = ""
    intent: str | None = None
    confidence: float | None = None
    entities: list[dict[str, Any]] = field(default_factory=list)
    buttons: list[str] = field(default_factory=list)
    doubtful: bool = False
    red_flag: bool = False
    typed: bool = True
    staff_name: str = ""
    # The raw payload of a pressed button (`text` is then the button's title).
    payload: str = ""
    # The address of the referral map the assistant's message showed with its text, if any.
    picture: str = ""


def _entities(event: dict[str, Any]) -> list[dict[str, Any]]:
    found = (event.get("parse_data") or {}).get("entities") or []
    return [
        {"entity": str(e.get("entity")), "value": e.get("value")}
        for e in found
        if isinstance(e, dict)
    ]


def _buttons(event: dict[str, Any]) -> list[Any]:
    return list((event.get("data") or {}).get("buttons") or [])


def turns(
    events: list[tuple[int, dict[str, Any]]], staff_language: str = STAFF_LANGUAGE
) -> list[Turn]:
    """The transcript's turns; the app's own words (a pause, a red flag's tier) in the staff
    member's language, what the patient and the assistant said as they said it."""
    shown: list[Turn] = []
    # Buttons the assistant offered, the latest first: a press names one of them.
    offered: list[Any] = []
    language = STAFF_LANGUAGE
    for event_id, event in events:
        kind = event.get("event")
        at = when(event.get("timestamp"))
        if kind == "slot" and event.get("name") == "language" and event.get("value"):
            language = str(event["value"])
        if kind == "user":
            intent, confidence = intent_of(event)
            entities = _entities(event)
            text = str(event.get("text") or "")
            typed = is_typed(event)
            shown.append(
                Turn(
                    event_id,
                    "user",
                    at,
                    text=text if typed else pressed_text(text, offered, language, staff_language),
                    payload="" if typed else text,
                    intent=intent,
                    confidence=confidence,
                    entities=entities,
                    doubtful=is_typed(event) and is_doubtful(event),
                    red_flag=intent == "red_flag"
                    or any(e["entity"] == "red_flag_id" for e in entities),
                    typed=typed,
                )
            )
        elif (staff := staff_author(event)) is not None:
            name, notice = staff
            shown.append(
                Turn(
                    event_id,
                    "notice" if notice else "staff",
                    at,
                    text=str(event.get("text") or ""),
                    staff_name=name,
                )
            )
        elif kind == "pause":
            paused = interface_text(staff_language, "live.paused")
            shown.append(Turn(event_id, "notice", at, text=paused))
        elif kind == "resume":
            resumed = interface_text(staff_language, "live.resumed")
            shown.append(Turn(event_id, "notice", at, text=resumed))
        elif kind == "bot":
            buttons = _buttons(event)
            offered[:0] = buttons
            shown.append(
                Turn(
                    event_id,
                    "bot",
                    at,
                    text=str(event.get("text") or ""),
                    buttons=[str(b.get("title", "")) for b in buttons if isinstance(b, dict)],
                    picture=message_map_src(event.get("data")),
                )
            )
        elif kind == "slot" and event.get("name") == "red_flag_tier" and event.get("value"):
            words = tier_words(str(event["value"]), staff_language)
            shown.append(Turn(event_id, "red_flag", at, text=words, red_flag=True))
    return shown


def live_turns(
    events: list[tuple[int, dict[str, Any]]], after: int = 0, staff_language: str = STAFF_LANGUAGE
) -> list[dict[str, Any]]:
    """Turns after event `after` as the conversation page's script adds them (plain data; the
    script sets text, never HTML). Read from all the events: a press names a button offered
    earlier."""
    return [
        {
            "id": turn.event_id,
            "kind": turn.kind,
            "text": turn.text,
            "at": clock_text(turn.at),
            "datetime": iso(turn.at),
            "pressed": bool(turn.payload),
            "red_flag": turn.red_flag,
            "staff_name": turn.staff_name,
            "buttons": turn.buttons,
            "picture": turn.picture,
        }
        for turn in turns(events, staff_language)
        if turn.event_id > after
    ]


def contact_details(events: list[dict[str, Any]]) -> dict[str, str]:
    """The phone number or e-mail address the patient left for a call back, if any."""
    found: dict[str, str] = {}
    for event in events:
        if event.get("event") == "slot" and event.get("name") in CONTACT_SLOTS:
            value = event.get("value")
            if value:
                found[str(event["name"])] = str(value)
            else:
                found.pop(str(event["name"]), None)
        elif event.get("event") == "restart":
            found.clear()
    return found


def shown_phone(value: str) -> str:
    """A stored number as staff read it ("+32 470 12 34 56"); as stored if it cannot be read."""
    from bot.triage.clinic.contact_details import display_phone

    try:
        return display_phone(value)
    except Exception:  # phonenumbers' NumberParseException: show what was stored
        return value


@lru_cache(maxsize=1)
def domain_intents() -> list[str]:
    """Intents a correction may choose: the domain's, read from domain/*.yml."""
    names: set[str] = set()
    for path in sorted((PROJECT_ROOT / "domain").glob("*.yml")):
        for intent in yaml.safe_load(path.read_text()).get("intents") or []:
            names.add(next(iter(intent)) if isinstance(intent, dict) else str(intent))
    return sorted(names)


def export_json(
    summary: dict[str, Any], events: list[tuple[int, dict[str, Any]]]
) -> dict[str, Any]:
    return {"conversation": summary, "events": [event for _, event in events]}


CSV_COLUMNS = (
    f"time ({ZONE.key})",
    "speaker",
    "text",
    "intent",
    "confidence",
    "entities",
    "input",
)
SPEAKERS = {"user": "patient", "bot": "assistant", "staff": "staff", "notice": "notice"}


def export_csv(events: list[tuple[int, dict[str, Any]]]) -> str:
    """The transcript as staff read it: button titles, not payloads; Brussels time."""
    rows = [
        (
            iso(turn.at),
            SPEAKERS.get(turn.kind, turn.kind),
            turn.text,
            turn.intent or "",
            f"{turn.confidence:.3f}" if turn.confidence is not None else "",
            "; ".join(f"{e['entity']}={e['value']}" for e in turn.entities),
            ("button" if turn.payload else "typed") if turn.kind == "user" else "",
        )
        for turn in turns(events)
        if turn.kind != "red_flag"
    ]
    return csv_text(CSV_COLUMNS, rows)


def real_correction() -> ColumnElement[bool]:
    """A stored correction that names another intent than the prediction (the app refuses the
    others; older rows may hold some)."""
    return corrections.c.predicted_intent.is_distinct_from(corrections.c.intent)


class _Literal(str):
    pass


def _literal(dumper: yaml.SafeDumper, value: _Literal) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")


yaml.add_representer(_Literal, _literal, Dumper=yaml.SafeDumper)


def corrections_yaml(rows: list[Any]) -> str:
    """Corrected messages as Rasa NLU training data (YAML), one block per intent and language."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for row in rows:
        text = " ".join(str(row.text).split())
        if row.intent == row.predicted_intent:  # nothing to learn
            continue
        if text and not text.startswith("/"):
            grouped.setdefault((row.intent, row.language), []).append(text)
    nlu = [
        {
            "intent": intent,
            "metadata": {"language": language},
            "examples": _Literal("".join(f"- {t}\n" for t in dict.fromkeys(texts))),
        }
        for (intent, language), texts in sorted(grouped.items())
    ]
    header = "# Intent corrections from the staff review app: check, then copy into data/nlu/.\n"
    return header + yaml.dump(
        {"version": "3.1", "nlu": nlu}, allow_unicode=True, sort_keys=False, Dumper=yaml.SafeDumper
    )
