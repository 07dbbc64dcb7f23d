"""A scripted stand-in for Rasa's REST channel, for the bridge's fast tests.

It answers like the real assistant in shape (texts, buttons with payloads, a URL button for the
booking link) and records every message it receives. It can be slow for given messages, and be
stopped and started again on the same port (the assistant down, then back). It can also refuse a
message as Rasa's REST channel does under load (``200 []`` on a lock timeout, or an error status),
and save each turn it handles in a tracker store (Rasa's `events` table in a SQLite file), as Rasa
does before it answers. The real assistant is exercised by test_end_to_end.py.
"""

from __future__ import annotations

import asyncio
import json
import re
import socket
import sqlite3
import time
from pathlib import Path
from typing import Any

import yaml
from aiohttp import web

from actions.explanation import muscle_lines
from bot.config import PROJECT_ROOT
from bot.triage.geography import nearest_centre
from bot.triage.knowledge import load_knowledge_base
from bot.triage.red_flags.advice import urgent_payload

# Longer than Telegram's 64-byte callback_data limit, as some of the assistant's payloads are.
LONG_PAYLOAD = (
    '/describe_pain{"pain_regions":["lower_back"],"pain_side":"both","pain_onset":"gradual"}'
)
BOOKING = "https://booking.example.org/hcmc/{centre}?centre={centre}&reason=lower+back"
CENTRE_NAMES = {"kraainem": "HCMC Kraainem", "boitsfort": "HCMC Boitsfort"}
LONG_EXPLANATION = "Pain felt in the front of the knee often comes from muscles. " * 20
LONG_TEXT = "\n\n".join(f"Paragraph {i}: " + " ".join(["trigger points"] * 60) for i in range(12))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def booking_replies(centre: str, intro: str) -> list[dict[str, Any]]:
    url = BOOKING.format(centre=centre)
    name = CENTRE_NAMES[centre]
    return [
        {"text": intro},
        {
            "text": f"You can book an appointment at {name} here: {url}",
            "buttons": [{"title": f"Book at {name}", "url": url, "payload": url}],
        },
    ]


def domain_text(response: str, language: str, **values: str) -> str:
    """A response of the project's domain in a language, as Rasa renders it."""
    for path in sorted((PROJECT_ROOT / "domain").glob("*.yml")):
        variants = (yaml.safe_load(path.read_text(encoding="utf-8"))["responses"]).get(response)
        if variants:
            for variant in variants:
                condition = variant.get("condition") or [{"value": "en"}]
                if condition[0]["value"] == language:
                    return str(variant["text"]).format(**values)
    raise KeyError(response)


def explanation(region_id: str, language: str, side: str | None = "left") -> list[dict[str, Any]]:
    """As Rasa's REST channel sends action_explain_pain's messages for one region: the texts, and
    the referral map's custom data alone after the text it goes with."""
    region = load_knowledge_base().region(region_id)
    middle: list[dict[str, Any]]
    if region.is_doctor_first:
        middle = [{"text": domain_text(f"utter_doctor_first_{region_id}", language)}]
    else:
        text = domain_text(
            "utter_referred_pain",
            language,
            region=region.label(language),
            muscles=muscle_lines([muscle.label(language) for muscle in region.muscles]),
        )
        picture = {"region": region_id, "side": side, "language": language}
        middle = [{"text": text}, {"custom": {"referral_map": picture}}]
    return [
        {"text": domain_text("utter_explanation_intro", language)},
        *middle,
        {"text": domain_text("utter_explanation_closing", language)},
    ]


def script(message: str) -> list[dict[str, Any]]:
    """What the stand-in says to a message."""
    if message == "/greet":
        return [
            {"text": "Hello, I'm HCMC's automated assistant. I'm <not> a doctor & can't diagnose."},
            {
                "text": "Do you agree?",
                "buttons": [
                    {"title": "Yes, I agree", "payload": "/give_consent"},
                    {"title": "No, thanks", "payload": "/decline_consent"},
                ],
            },
        ]
    if message == "/give_consent":
        return [
            {
                "text": "Where do you feel the pain?",
                "buttons": [
                    {"title": "Lower back", "payload": LONG_PAYLOAD},
                    {"title": "Knee", "payload": '/describe_pain{"pain_regions":["knee"]}'},
                ],
            },
            # The widget's body map goes with this question; other channels ignore it.
            {"custom": {"body_map": True}},
        ]
    explain = re.fullmatch(r"explain (\w+) in (en|fr|nl)", message)
    if explain:
        return explanation(explain.group(1), explain.group(2))
    if message == "explain at length":
        # An explanation too long for a photo's caption (1,024 characters).
        picture = {"region": "knee_front", "side": "right", "language": "en"}
        return [{"text": LONG_EXPLANATION}, {"custom": {"referral_map": picture}}]
    if message == "explain an unknown region":
        nowhere: dict[str, Any] = {"region": "elbow_of_the_knee", "side": None, "language": "en"}
        return [{"text": "Pain felt there often comes from muscles."},
                {"custom": {"referral_map": nowhere}}]  # fmt: skip
    if message == LONG_PAYLOAD:
        return [
            {
                "text": "To suggest the nearer of our two centres: in which commune do you live?",
                "buttons": [
                    {"title": "Send you my location", "payload": "/share_location"},
                    {
                        "title": "I'll go to Kraainem",
                        "payload": '/choose_centre{"centre":"kraainem"}',
                    },
                    {
                        "title": "I'll go to Boitsfort",
                        "payload": '/choose_centre{"centre":"boitsfort"}',
                    },
                ],
            }
        ]
    located = re.fullmatch(r"/share_location(\{.*\})", message)
    if located:
        entities = json.loads(located.group(1))
        choice = nearest_centre(entities["latitude"], entities["longitude"])
        intro = f"The nearer centre for you is {choice.nearest.name}."
        return booking_replies(choice.nearest.id, intro)
    chosen = re.fullmatch(r'/choose_centre\{"centre":"(\w+)"\}', message)
    if chosen:
        return booking_replies(chosen.group(1), f"{CENTRE_NAMES[chosen.group(1)]}: noted.")
    if message == "/help":
        return [{"text": "I'm HCMC's automated assistant. I can help you find a centre."}]
    if message == "/restart":
        return [{"text": "Let's start again from the beginning."}]
    if message == "crushing chest pain":
        # As Rasa's REST channel sends urgent advice: the text, then its custom data alone.
        return [
            {"text": "Chest pain like this can come from the heart."},
            {"text": "Please call 112 now (free, day and night)."},
            {"custom": urgent_payload("call_112", "heart_attack_signs", "en")},
            {"text": "I've marked this conversation."},
        ]
    if message == "please erase my data":
        # As action_erase_conversation replies: the conversation is gone on the assistant's side.
        return [{"text": "Done: this conversation is erased.", "custom": {"erased": True}}]
    if message == "long please":
        return [{"text": LONG_TEXT}]
    if message == "ok thanks":
        # A turn in which the assistant has nothing to say: a real, empty answer.
        return []
    if message.startswith("/switch_language"):
        return [{"text": "Language switched: " + message}]
    return [{"text": f"You said: {message}"}]


class FakeAssistant:
    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.received: list[dict[str, Any]] = []
        # The bridge's delivery id of each received message (taken out of `received`'s metadata).
        self.delivery_ids: list[str] = []
        self.delays: dict[str, float] = {}  # message -> seconds before answering
        # message -> what to answer the next times instead of taking it: 200 is `200 []`.
        self.refusals: dict[str, list[int]] = {}
        self.always_refuse: dict[str, int] = {}  # message -> refused like that every time
        self.tracker_store: Path | None = None  # where handled turns are saved, when set
        self._runner: web.AppRunner | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/webhooks/rest/webhook"

    def messages(self, sender: str | None = None) -> list[str]:
        return [
            body["message"] for body in self.received if sender is None or body["sender"] == sender
        ]

    def _refusal(self, message: str) -> int | None:
        queued = self.refusals.get(message)
        if queued:
            return queued.pop(0)
        return self.always_refuse.get(message)

    def _save_turn(self, body: dict[str, Any], replies: list[dict[str, Any]]) -> None:
        """As Rasa saves a turn: the patient's message with its metadata, then the replies."""
        assert self.tracker_store is not None
        user = {"event": "user", "text": body["message"], "metadata": body.get("metadata") or {}}
        events = [user]
        for reply in replies:
            data = {key: reply.get(key) for key in ("buttons", "image", "attachment", "custom")}
            events.append({"event": "bot", "text": reply.get("text"), "data": data})
        with sqlite3.connect(self.tracker_store) as db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, sender_id "
                "VARCHAR(255) NOT NULL, type_name VARCHAR(255) NOT NULL, timestamp FLOAT, "
                "intent_name VARCHAR(255), action_name VARCHAR(255), data TEXT)"
            )
            for event in events:
                db.execute(
                    "INSERT INTO events (sender_id, type_name, timestamp, data) "
                    "VALUES (?, ?, ?, ?)",
                    (body["sender"], event["event"], time.time(), json.dumps(event)),
                )

    async def _webhook(self, request: web.Request) -> web.Response:
        body = await request.json()
        metadata = dict(body.get("metadata") or {})
        self.delivery_ids.append(metadata.pop("delivery_id", ""))
        self.received.append({**body, "metadata": metadata} if "metadata" in body else body)
        refusal = self._refusal(body["message"])
        if refusal == 200:
            return web.json_response([])  # Rasa's REST channel after a lock timeout
        if refusal is not None:
            return web.json_response({"error": "busy"}, status=refusal)
        replies = [{"recipient_id": body["sender"], **reply} for reply in script(body["message"])]
        if self.tracker_store is not None:
            self._save_turn(body, replies)
        delay = self.delays.get(body["message"], 0.0)
        if delay:
            await asyncio.sleep(delay)
        return web.json_response(replies)

    async def start(self) -> FakeAssistant:
        app = web.Application()
        app.router.add_post("/webhooks/rest/webhook", self._webhook)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port, reuse_address=True).start()
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
