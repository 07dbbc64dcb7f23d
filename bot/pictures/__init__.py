"""Pictures of the body, drawn from the project's own data: the body map a patient taps at the
"where" question, and the referral map shown with the explanation on every channel.

Public API (channels and apps use only these):
- body_map(language) -> JSON-able dict for the widget's body map
- has_referral_map(region_id) -> False for doctor-first regions (chest, belly): no muscle picture
- referral_map_svg(region_id, side, language) -> standalone SVG document (text)
- referral_map_png(region_id, side, language) -> PNG bytes of the same drawing (cached)
- check_pictures() -> loads and checks the drawing and its words; call it at start-up

The content is data: drawing.yml (shapes) and wording.yml (words); docs/pictures.md.
"""

from bot.pictures.body_map import body_map, places_in_words
from bot.pictures.drawing import load_drawing
from bot.pictures.referral_map import (
    NO_SIDE,
    has_referral_map,
    picture_arguments,
    referral_map_png,
    referral_map_svg,
    side_in_address,
)
from bot.pictures.wording import load_wording


def check_pictures() -> None:
    """Raises ValueError, naming the file and the entry, if the drawing or its words are broken
    or do not match the knowledge base."""
    load_drawing()
    load_wording()


# Checked on import, as the knowledge base is: a process that can show a picture (action server,
# web server, Telegram bridge) refuses to start with a broken drawing.
check_pictures()

__all__ = [
    "NO_SIDE",
    "picture_arguments",
    "side_in_address",
    "body_map",
    "check_pictures",
    "has_referral_map",
    "places_in_words",
    "referral_map_png",
    "referral_map_svg",
]
