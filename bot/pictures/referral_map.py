"""The referral map: where it hurts and the muscles that commonly refer pain there, drawn on the
body, with a numbered legend in the patient's language. SVG for the widget, PNG for Telegram.

Chest and abdomen (doctor-first regions) never get a muscle picture: urgent causes come first.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import resvg_py

from bot.pictures.body_map import area_id
from bot.pictures.drawing import SIDES, VIEWER_LEFT_IS, VIEWS, Placed, load_drawing, opposite
from bot.pictures.layout import Box, Frame, Marker, Wanted, crop_around, place_markers
from bot.pictures.legend import legend
from bot.pictures.svg import (
    BODY_FILL,
    BODY_LINE,
    DETAIL_LINE,
    FIGURE_MAX_HEIGHT,
    FONT,
    GAP,
    HEADING_SIZE,
    INK,
    MARGIN,
    MARKER_RADIUS,
    PAIN_COLOUR,
    SMALL_SIZE,
    TEXT_SIZE,
    WIDTH,
    hatch,
    marker,
    muscle_colour,
    text_lines,
)
from bot.pictures.text import unbreakable, wrap, xml
from bot.pictures.wording import check_language, load_wording
from bot.triage.knowledge import Muscle, Region, load_knowledge_base
from bot.triage.language import LANGUAGES

# The pain_side slot's values; None when the patient was not asked.
PAIN_SIDES = (*SIDES, "both", "middle", None)


# In an address (the widget's server, the review app): the side when the patient was not asked.
NO_SIDE = "none"


def has_referral_map(region_id: str) -> bool:
    return not load_knowledge_base().region(region_id).is_doctor_first


def picture_arguments(region: Any, side: Any, language: Any) -> tuple[str, str | None, str] | None:
    """referral_map_svg's arguments from parts nobody checked yet (an address, a message's custom
    data), with "none" or no side for a side not asked; None when there is no such picture (an
    unknown region, side or language, chest or belly)."""
    side = None if side == NO_SIDE else side
    if not isinstance(region, str) or side not in PAIN_SIDES or language not in LANGUAGES:
        return None
    try:
        known = has_referral_map(region)
    except KeyError:
        return None
    return (region, side, str(language)) if known else None


def side_in_address(side: str | None) -> str:
    return side if side in PAIN_SIDES and side is not None else NO_SIDE


@dataclass(frozen=True)
class _Content:
    """What one map shows, before any layout."""

    region: Region
    pain: tuple[Placed, ...]
    muscles: tuple[tuple[Muscle, tuple[Placed, ...]], ...]
    views: tuple[str, ...]
    heading: str
    language: str


def _content(region_id: str, side: str | None, language: str) -> _Content:
    region = load_knowledge_base().region(region_id)  # KeyError for an unknown region
    if region.is_doctor_first:
        raise ValueError(f"region {region_id!r} is doctor-first: no muscle picture, ever")
    if side not in PAIN_SIDES:
        raise ValueError(f"unknown side {side!r}; known: {list(PAIN_SIDES)}")
    check_language(language)
    drawing, wording = load_drawing(), load_wording()
    sides = {side} if side in SIDES else set(SIDES)
    area = drawing.areas[region_id]
    pain = area.on_sides(sides)
    muscles = tuple((m, drawing.muscles[m.id].on_sides(sides)) for m in region.muscles)
    where = region.label(language)
    if area.sided and side in (*SIDES, "both"):
        where += " " + unbreakable(f"({wording.named('sides', side, language)})")
    heading = wording.text("heading", language).replace("{region}", where)
    views = _views_needed(pain, [placed for _, placed in muscles])
    pain = tuple(p for p in pain if p.view in views)
    muscles = tuple((m, tuple(p for p in placed if p.view in views)) for m, placed in muscles)
    return _Content(region, pain, muscles, views, heading, language)


def _views_needed(pain: tuple[Placed, ...], muscles: list[tuple[Placed, ...]]) -> tuple[str, ...]:
    """One view when it shows the pain and every muscle (drawn larger), else both."""
    for view in VIEWS:
        if any(p.view == view for p in pain) and all(
            any(p.view == view for p in placed) for placed in muscles
        ):
            return (view,)
    return VIEWS


@dataclass
class _Drawn:
    """One view's shapes as SVG, with the markers they want and what markers must not cover."""

    svg: str
    wanted: list[Wanted]
    keep_clear: list[Box]


def _view(content: _Content, view: str, frame: Frame, prefix: str) -> _Drawn:
    """The body, the muscles, then the pain area on top: its hatching lets the muscles show."""
    drawing = load_drawing()
    line = 1 / frame.scale
    outline = drawing.views[view]
    shapes: list[str] = []
    drawn = _Drawn("", [], [])
    midline = frame.to_picture((drawing.width / 2, 0))[0]
    for number, (muscle, muscle_placed) in enumerate(content.muscles, start=1):
        colour = muscle_colour(number)
        for p in (p for p in muscle_placed if p.view == view):
            shapes.append(
                f'<path class="muscle" data-muscle="{muscle.id}" data-side="{p.side or ""}" '
                f'd="{p.path.d}" fill="{colour}" fill-opacity="0.6" stroke="{colour}" '
                f'stroke-width="{1.5 * line:.3f}"/>'
            )
            left, top, right, bottom = p.path.bounds()
            small = min(right - left, bottom - top) * frame.scale < 2.4 * MARKER_RADIUS
            anchor = frame.to_picture(p.path.centre())
            drawn.wanted.append(Wanted(number, colour, anchor, small, midline))
    area = drawing.areas[content.region.id]
    for p in (p for p in content.pain if p.view == view):
        bounds = p.path.bounds()
        drawn.keep_clear.append((*frame.to_picture(bounds[:2]), *frame.to_picture(bounds[2:])))
        shapes.append(
            f'<path class="pain" data-area="{area_id(area, p)}" d="{p.path.d}" '
            f'fill="url(#{prefix}-hatch)" stroke="{PAIN_COLOUR}" stroke-width="{3 * line:.3f}"/>'
        )
    details = (
        f'<path d="{outline.details.d}" fill="none" stroke="{DETAIL_LINE}" '
        f'stroke-width="{1.5 * line:.3f}"/>'
        if outline.details
        else ""
    )
    # Shapes are clipped to the body, so one near an edge never spills outside the outline.
    drawn.svg = (
        f'<clipPath id="{prefix}-body-{view}"><path d="{outline.outline.d}"/></clipPath>'
        f'<path d="{outline.outline.d}" fill="{BODY_FILL}"/>{details}'
        f'<g clip-path="url(#{prefix}-body-{view})">{"".join(shapes)}</g>'
        f'<path d="{outline.outline.d}" fill="none" stroke="{BODY_LINE}" '
        f'stroke-width="{2.5 * line:.3f}"/>'
    )
    return drawn


def _figure(content: _Content, prefix: str, top: float) -> tuple[str, float, list[Marker]]:
    """The views side by side from top, each with its name above and the patient's sides
    below; returns their SVG, their height and the markers."""
    drawing, wording, language = load_drawing(), load_wording(), content.language
    placed = [*content.pain, *(p for _, ps in content.muscles for p in ps)]
    crop = crop_around((p.path for p in placed), drawing.width, drawing.height)
    count = len(content.views)
    column = (WIDTH - 2 * MARGIN - GAP * (count - 1)) / count
    scale = min(column / crop.width, FIGURE_MAX_HEIGHT / crop.height)
    body_top = top + SMALL_SIZE * 1.6
    width, height = crop.width * scale, crop.height * scale
    parts = [f"<defs>{hatch(f'{prefix}-hatch', 7 / scale)}</defs>"]
    wanted: list[Wanted] = []
    keep_clear: list[Box] = []
    for index, view in enumerate(content.views):
        frame = Frame(MARGIN + index * (column + GAP) + (column - width) / 2, body_top, scale, crop)
        drawn = _view(content, view, frame, prefix)
        wanted += drawn.wanted
        keep_clear += drawn.keep_clear
        near = VIEWER_LEFT_IS[view]
        far = opposite(near)
        below = body_top + height + SMALL_SIZE * 1.2
        parts += [
            f'<text x="{frame.x + width / 2:.1f}" y="{top + SMALL_SIZE:.1f}" '
            f'font-size="{SMALL_SIZE}" font-weight="bold" text-anchor="middle">'
            f"{xml(wording.named('views', view, language))}</text>",
            f'<clipPath id="{prefix}-crop-{view}"><rect x="{frame.x:.1f}" y="{body_top:.1f}" '
            f'width="{width:.1f}" height="{height:.1f}"/></clipPath>',
            f'<g data-view="{view}" clip-path="url(#{prefix}-crop-{view})">'
            f'<g transform="{frame.transform}">'
            f"{drawn.svg}</g></g>",
            f'<text x="{frame.x:.1f}" y="{below:.1f}" font-size="{SMALL_SIZE}" fill="#555555">'
            f"{xml(wording.named('corners', near, language))}</text>",
            f'<text x="{frame.x + width:.1f}" y="{below:.1f}" font-size="{SMALL_SIZE}" '
            f'fill="#555555" text-anchor="end">'
            f"{xml(wording.named('corners', far, language))}</text>",
        ]
    area = (MARGIN, body_top, WIDTH - MARGIN, body_top + height)
    markers = place_markers(wanted, MARKER_RADIUS, area, keep_clear)
    return "".join(parts), SMALL_SIZE * 3.2 + height, markers


@functools.lru_cache(maxsize=256)
def referral_map_svg(region_id: str, side: str | None, language: str) -> str:
    content = _content(region_id, side, language)
    prefix = f"rm-{region_id}-{side or 'none'}"
    heading = wrap(content.heading, WIDTH - 2 * MARGIN, HEADING_SIZE, True)
    heading_height = len(heading) * HEADING_SIZE * 1.25
    y = MARGIN + HEADING_SIZE * 0.8
    header = text_lines(
        heading, MARGIN, y, HEADING_SIZE, HEADING_SIZE * 1.25, ' font-weight="bold"'
    )
    y += heading_height
    figure, figure_height, markers = _figure(content, prefix, y)
    y += figure_height + TEXT_SIZE * 0.6
    muscles = [muscle for muscle, _ in content.muscles]
    key, key_height, spoken = legend(muscles, language, prefix, y)
    height = round(y + key_height + MARGIN)
    title = xml(content.heading)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" lang="{language}" '
        f'aria-labelledby="{prefix}-title {prefix}-desc" font-family="{FONT}" fill="{INK}">'
        f'<title id="{prefix}-title">{title}</title><desc id="{prefix}-desc">{xml(spoken)}</desc>'
        f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>'
        f"{header}{figure}{''.join(marker(m) for m in markers)}{key}</svg>"
    )


# resvg draws the words with font files; the drawing names DejaVu Sans (Debian's
# fonts-dejavu-core, installed by deploy/Dockerfile). Without them a PNG would carry the shapes
# and none of the words, so a missing font is an error, never a silent picture.
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")


class MissingFont(RuntimeError):
    """The fonts the PNG's words are drawn with are not on this machine."""


@functools.lru_cache(maxsize=1)
def font_files(directories: tuple[Path, ...] = FONT_DIRS) -> list[str]:
    for directory in directories:
        found = [directory / name for name in FONT_FILES]
        if all(path.is_file() for path in found):
            return [str(path) for path in found]
    where = ", ".join(str(directory) for directory in directories)
    raise MissingFont(f"DejaVu Sans ({', '.join(FONT_FILES)}) not found in {where}: install "
                      "Debian's fonts-dejavu-core")  # fmt: skip


# About 100 kB each, one per region, side and language asked for (a few hundred at most).
@functools.lru_cache(maxsize=512)
def referral_map_png(region_id: str, side: str | None, language: str) -> bytes:
    svg = referral_map_svg(region_id, side, language)
    return bytes(
        resvg_py.svg_to_bytes(svg_string=svg, skip_system_fonts=True, font_files=font_files())
    )
