"""The referral maps staff see: beside the assistant's explanation in the transcript (as the
patient saw it) and on the summary card. Drawn by bot.pictures; the app serves them itself
(/referral-map/<region>/<side>/<language>.svg, as the widget's server names them), so the pages'
Content-Security-Policy (img-src 'self') holds."""

from __future__ import annotations

from typing import Any

from bot.pictures import picture_arguments, side_in_address


def referral_map_src(region: Any, side: Any, language: Any) -> str:
    """The picture's address in the app; "" when there is no such picture."""
    side = side_in_address(side)
    if picture_arguments(region, side, language) is None:
        return ""
    return f"/referral-map/{region}/{side}/{language}.svg"


def message_map_src(data: Any) -> str:
    """The referral map an assistant's message carried (its custom data), as the patient saw it;
    "" when it carried none."""
    custom = data.get("custom") if isinstance(data, dict) else None
    spec = custom.get("referral_map") if isinstance(custom, dict) else None
    if not isinstance(spec, dict):
        return ""
    return referral_map_src(spec.get("region"), spec.get("side"), spec.get("language"))
