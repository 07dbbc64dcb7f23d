"""The body map's JSON for the website widget: both views' outlines and one tappable area per
region, view and side, each with a name a screen reader can say."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.pictures.drawing import Figure, Placed, load_drawing
from bot.pictures.text import capitalised
from bot.pictures.wording import check_language, load_wording
from bot.triage.knowledge import load_knowledge_base


def area_id(area: Figure, placed: Placed) -> str:
    """region[-side][-view]: the view only for regions drawn on both views, so ids stay unique."""
    parts = [area.id]
    if placed.side:
        parts.append(placed.side)
    if len(area.views) > 1:
        parts.append(placed.view)
    return "-".join(parts)


# Between the places of one answer, as the widget writes them (web/widget/src/messages.json).
PLACE_SEPARATORS = {"en": "; ", "fr": " ; ", "nl": "; "}


def places_in_words(places: Sequence[tuple[str, str | None]], language: str) -> str:
    """A body-map answer in words, as the widget showed it: "The front of the knee, left side;
    the lower back, right side", from (region, side) pairs; a side only for a place drawn on
    both sides of the body."""
    check_language(language)
    drawing, wording, kb = load_drawing(), load_wording(), load_knowledge_base()
    names = []
    for region, side in places:
        words = [kb.region(region).label(language)]
        sided = any(placed.side for placed in drawing.areas[region].placed)
        if sided and side in ("left", "right", "both"):
            words.append(wording.named("sides", side, language))
        names.append(", ".join(words))
    return capitalised(PLACE_SEPARATORS[language].join(names))


def body_map(language: str) -> dict[str, Any]:
    check_language(language)
    drawing, wording, kb = load_drawing(), load_wording(), load_knowledge_base()
    areas = []
    for area in drawing.areas.values():
        for placed in area.placed:
            words = [capitalised(kb.region(area.id).label(language))]
            if placed.side:
                words.append(wording.named("sides", placed.side, language))
            if len(area.views) > 1:
                view = wording.named("views", placed.view, language)
                words.append(view[:1].lower() + view[1:])  # "La cuisse, côté gauche, vue de dos"
            areas.append(
                {
                    "id": area_id(area, placed),
                    "region": area.id,
                    "side": placed.side,
                    "view": placed.view,
                    "d": placed.path.d,
                    "label": ", ".join(words),
                }
            )
    return {
        "language": language,
        "viewBox": f"0 0 {drawing.width:g} {drawing.height:g}",
        "views": [
            {
                "id": view.id,
                "label": wording.named("views", view.id, language),
                "outline": view.outline.d,
            }
            for view in drawing.views.values()
        ],
        "areas": areas,
    }
