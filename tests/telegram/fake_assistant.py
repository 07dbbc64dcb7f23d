"""A scripted stand-in for Rasa's REST channel, for the bridge's fast tests.

It answers like the real assistant in shape (texts, buttons with payloads, a URL button for the
booking link) and records every message it receives. It can be slow for given messages, and be
stopped and started again on the same port (the assistant down, then back). The real assistant
is exercised by test_end_to_end.py.
"""

from __future__ import annotations

import asyncio
import json
import re
import socket
from typing import Any

from aiohttp import web

from bot.geography import nearest_centre
from bot.red_flags.advice import urgent_payload

# Longer than Telegram's 64-byte callback_data limit, as some of the assistant's payloads are.
LONG_PAYLOAD = (
    '/describe_pain{"pain_regions":["lower_back"],"pain_side":"both","pain_onset":"gradual"}'
)
BOOKING = "https://booking.example.org/hcmc/{centre}?centre={centre}&reason=lower+back"
CENTRE_NAMES = {"kraainem": "HCMC Kraainem", "boitsfort": "HCMC Boitsfort"}
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
            }
        ]
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
    if message.startswith("/switch_language"):
        return [{"text": "Language switched: " + message}]
    return [{"text": f"You said: {message}"}]


class FakeAssistant:
    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.received: list[dict[str, Any]] = []
        self.delays: dict[str, float] = {}  # message -> seconds before answering
        self._runner: web.AppRunner | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/webhooks/rest/webhook"

    def messages(self, sender: str | None = None) -> list[str]:
        return [
            body["message"] for body in self.received if sender is None or body["sender"] == sender
        ]

    async def _webhook(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.received.append(body)
        delay = self.delays.get(body["message"], 0.0)
        if delay:
            await asyncio.sleep(delay)
        replies = [{"recipient_id": body["sender"], **reply} for reply in script(body["message"])]
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
