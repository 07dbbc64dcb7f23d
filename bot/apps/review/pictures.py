"""The referral maps staff see: beside the assistant's explanation in the transcript (as the
patient saw it) and on the summary card. Drawn by bot.pictures; the app serves them itself
(/referral-map/<region>/<side>/<language>.svg, as the widget's server names them), so the pages'
Content-Security-Policy (img-src 'self') holds."""

from __future__ import annotations

from typing import Any

from bot.pictures import has_referral_map
from bot.triage.language import LANGUAGES

SIDES = ("left", "right", "both", "middle")  # the pain_side slot's values
NO_SIDE = "none"  # in an address, as the widget's (docs/pictures.md): the side was not asked


def has_map(region: Any) -> bool:
    """A region of the knowledge base with a muscle picture (not chest or belly)."""
    try:
        return isinstance(region, str) and has_referral_map(region)
    except KeyError:
        return False


def map_arguments(region: Any, side: Any, language: Any) -> tuple[str, str | None, str] | None:
    """What referral_map_svg takes, from an address's parts; None for values it does not know."""
    if not has_map(region) or language not in LANGUAGES or side not in (*SIDES, NO_SIDE):
        return None
    return str(region), None if side == NO_SIDE else str(side), str(language)


def referral_map_src(region: Any, side: Any, language: Any) -> str:
    """The picture's address in the app; "" when there is no such picture."""
    side = side if side in SIDES else NO_SIDE
    if map_arguments(region, side, language) is None:
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
