"""A centre's booking page address with the centre and a short reason attached, so the booking
page can show them; used by the booking action and by the Rasa server's booking redirect."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit, urlunsplit


def booking_link(base_url: str, centre_id: str, reason: str) -> str:
    """The centre's booking URL with the centre and a short reason as query parameters."""
    parts = urlsplit(base_url)
    params = {"centre": centre_id}
    if reason:
        params["reason"] = reason
    query = f"{parts.query}&{urlencode(params)}" if parts.query else urlencode(params)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))
