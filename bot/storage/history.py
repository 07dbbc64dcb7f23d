"""What a patient saw of one stored conversation: the user's and the assistant's messages, for the
website widget to show again after a page reload or on another page of the site.

Read from Rasa's SQL tracker store (table ``events``), as erasure deletes from it: only the
``user`` and ``bot`` events, never slots, intents or actions. Button payloads the patient pressed
are shown with the button's title, as the widget showed them.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import MetaData, Table, create_engine, inspect, select

from bot.pictures import places_in_words
from bot.storage.declined import NOT_STORED
from bot.storage.erase import EVENTS_TABLE

LOCATION_PAYLOAD = "/share_location"
# What the widget's body map sends: /describe_pain{"body_region":[...],"pain_side":"left"}.
BODY_MAP_PAYLOAD = "/describe_pain{"


def _buttons(event: dict[str, Any]) -> list[dict[str, str]]:
    data = event.get("data") or {}
    raw = data.get("buttons") or data.get("quick_replies") or []
    return [
        {"title": str(button.get("title", "")), "payload": str(button.get("payload", ""))}
        for button in raw
        if isinstance(button, dict)
    ]


def body_map_answer(payload: str, language: str) -> str | None:
    """The places a patient chose on the body map, in words, as the widget showed them: each
    with its own side (body_map_place), or the answer's one side."""
    if not payload.startswith(BODY_MAP_PAYLOAD):
        return None
    try:
        entities = json.loads(payload[len(BODY_MAP_PAYLOAD) - 1 :])
        places = [str(place).partition(":") for place in entities.get("body_map_place") or []]
        if places:
            chosen = [(region, side or None) for region, _, side in places]
        else:
            regions = entities["body_region"]
            side = entities.get("pain_side")
            side = side if isinstance(side, str) else None
            chosen = [
                (region, side) for region in ([regions] if isinstance(regions, str) else regions)
            ]
        return places_in_words(chosen, language)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None  # a payload the body map did not send: not shown, as before


def staff_author(event: dict[str, Any]) -> tuple[str, bool] | None:
    """(first name, whether it is a join/leave notice) of a message staff wrote during a takeover
    (bot/rasa_plugins/channels/staff.py marks them); None for the assistant's own and the
    patient's."""
    metadata = event.get("metadata") or {}
    if event.get("event") != "bot" or not metadata.get("staff_name"):
        return None
    return str(metadata["staff_name"]), bool(metadata.get("notice"))


def visible_messages(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The messages a patient saw, in order, from a conversation's events."""
    messages: list[dict[str, Any]] = []
    last_buttons: list[dict[str, str]] = []
    language = "en"
    for event in events:
        kind = event.get("event")
        if kind == "slot" and event.get("name") == "language" and event.get("value"):
            language = str(event["value"])
        text = str(event.get("text") or "")
        staff = staff_author(event)
        if staff is not None:
            # Written by a member of staff during a takeover, or the notice of their coming and
            # going: shown as a person, as the widget showed it live.
            name, notice = staff
            if notice:
                messages.append({"from": "notice", "text": text})
            else:
                messages.append({"from": "staff", "text": text, "name": name})
            continue
        if kind == "bot" and text == NOT_STORED:
            # A reply not kept for a patient who declined consent: nothing to show again.
            last_buttons = []
            continue
        if kind == "bot":
            last_buttons = _buttons(event)
            custom = (event.get("data") or {}).get("custom")
            if custom:  # the urgent card, the body map's offer, the referral map: one message
                messages.append(
                    {"from": "bot", "text": text, "buttons": last_buttons, "custom": custom}
                )
                continue
            # As the socketio channel sends them: one message per paragraph, buttons on the last.
            parts = [part for part in text.strip().split("\n\n") if part] or [""]
            for part in parts[:-1]:
                messages.append({"from": "bot", "text": part, "buttons": []})
            if parts[-1] or last_buttons:
                messages.append({"from": "bot", "text": parts[-1], "buttons": last_buttons})
        elif kind == "user":
            if text.startswith(LOCATION_PAYLOAD + "{"):
                messages.append({"from": "user", "text": "", "location": True})
            elif text.startswith("/"):
                # A pressed button shows as its title; other payloads (the widget's opening
                # greeting) were never shown.
                title = next((b["title"] for b in last_buttons if b["payload"] == text), None)
                title = title or body_map_answer(text, language)
                if title:
                    messages.append({"from": "user", "text": title})
            elif text:
                messages.append({"from": "user", "text": text})
    return messages


def stored_events(database_url: str, sender_id: str) -> list[dict[str, Any]]:
    """Every stored event of `sender_id`, oldest first; [] when nothing is stored."""
    engine = create_engine(database_url)
    try:
        if not inspect(engine).has_table(EVENTS_TABLE):
            return []
        events = Table(EVENTS_TABLE, MetaData(), autoload_with=engine)
        query = select(events.c.data).where(events.c.sender_id == sender_id).order_by(events.c.id)
        with engine.connect() as connection:
            return [json.loads(row[0]) for row in connection.execute(query)]
    finally:
        engine.dispose()


def conversation_history(database_url: str, sender_id: str) -> list[dict[str, Any]]:
    return visible_messages(stored_events(database_url, sender_id))
