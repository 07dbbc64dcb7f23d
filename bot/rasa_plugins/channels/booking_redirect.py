"""The booking redirect, served by the Rasa server itself as a custom input channel
(credentials.yml): GET /webhooks/booking/go/<centre>?c=<token>&reason=... records that the
conversation's booking link was followed, then redirects (302) to the centre's booking page.

The conversation is named by its opaque token (bot.storage.tokens), never its sender id.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from sqlalchemy import create_engine, insert

from bot.config import load_settings
from bot.storage.tables import booking_clicks, create_tables
from bot.triage.geography.booking_link import booking_link

log = logging.getLogger(__name__)
TOKEN = re.compile(r"^[A-Za-z0-9_-]{10,32}$")


def booking_target(base_url: str, centre_id: str, reason: str) -> str:
    return booking_link(base_url, centre_id, reason[:200])


def record_click(database_url: str, token: str, centre_id: str) -> None:
    engine = create_engine(database_url)
    try:
        create_tables(engine)
        with engine.begin() as connection:
            connection.execute(
                insert(booking_clicks).values(
                    token=token, centre=centre_id, clicked_at=datetime.utcnow()
                )
            )
    finally:
        engine.dispose()


class BookingRedirectInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "booking"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        hook = Blueprint("booking_redirect", __name__)

        @hook.route("/go/<centre>", methods=["GET"])
        async def go(request: Request, centre: str) -> HTTPResponse:
            settings = load_settings()
            if centre not in settings.booking_urls:
                return response.text("Unknown centre.", status=404)
            token = request.args.get("c", "")
            if TOKEN.match(token):
                try:
                    record_click(settings.tracker_database_url, token, centre)
                except Exception:  # the patient still gets to the booking page
                    log.warning("Could not record a booking-link click", exc_info=False)
            target = booking_target(
                settings.booking_url(centre), centre, request.args.get("reason", "")
            )
            return response.redirect(target, status=302)

        return hook
