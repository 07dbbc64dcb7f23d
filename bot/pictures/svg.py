"""The referral map's look (sizes, colours) and the SVG pieces it repeats: lines of text, number
markers, the hatching that marks pain without relying on colour."""

from __future__ import annotations

from bot.pictures.layout import Marker
from bot.pictures.text import xml

WIDTH = 800  # picture pixels: sharp on a phone, the PNG's width too
MARGIN, GAP = 28, 28
FIGURE_MAX_HEIGHT = 600
FONT = "DejaVu Sans, Verdana, Arial, sans-serif"
# Large: the picture is shown scaled down to a phone's width (about 0.45), where 30 px reads as 13.
HEADING_SIZE, TEXT_SIZE, SMALL_SIZE = 34, 30, 26
LINE = TEXT_SIZE * 1.3
MARKER_RADIUS = 18
PAIN_COLOUR = "#c1121f"
# Not red (red is the pain) and apart from one another; the numbers carry the meaning as well.
MUSCLE_COLOURS = ("#1f6fb4", "#2a9d8f", "#7b3fa0", "#d98e04", "#3d5a80", "#5a8f29")
BODY_FILL, BODY_LINE, DETAIL_LINE, INK = "#f1e8e1", "#6b5e57", "#b3a59b", "#222222"


def muscle_colour(number: int) -> str:
    return MUSCLE_COLOURS[(number - 1) % len(MUSCLE_COLOURS)]


def text_lines(
    lines: list[str], x: float, y: float, size: float, line_height: float, attributes: str = ""
) -> str:
    """One <text> per line, the first with its baseline at y."""
    return "".join(
        f'<text x="{x:.1f}" y="{y + i * line_height:.1f}" font-size="{size}"{attributes}>'
        f"{xml(line)}</text>"
        for i, line in enumerate(lines)
    )


def marker(item: Marker) -> str:
    """A white disc ringed in the muscle's colour with its number; a leader line back to the
    shape when it had to move beside it."""
    x, y = item.at
    size = TEXT_SIZE * 0.9
    leader = ""
    if item.moved:
        ax, ay = item.anchor
        leader = (
            f'<line x1="{ax:.1f}" y1="{ay:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="{INK}" '
            f'stroke-width="1.5"/><circle cx="{ax:.1f}" cy="{ay:.1f}" r="3" fill="{INK}"/>'
        )
    return (
        f'{leader}<circle class="marker" cx="{x:.1f}" cy="{y:.1f}" r="{MARKER_RADIUS}" '
        f'fill="#ffffff" stroke="{item.colour}" stroke-width="4"/>'
        f'<text x="{x:.1f}" y="{y + size * 0.36:.1f}" font-size="{size:.0f}" font-weight="bold" '
        f'text-anchor="middle">{item.number}</text>'
    )


def hatch(pattern_id: str, spacing: float) -> str:
    """Diagonal red stripes on a light red ground, spacing apart in the user's units."""
    return (
        f'<pattern id="{pattern_id}" patternUnits="userSpaceOnUse" width="{spacing:.3f}" '
        f'height="{spacing:.3f}" patternTransform="rotate(45)">'
        f'<rect width="{spacing:.3f}" height="{spacing:.3f}" fill="{PAIN_COLOUR}" '
        f'fill-opacity="0.22"/><rect width="{spacing * 0.35:.3f}" height="{spacing:.3f}" '
        f'fill="{PAIN_COLOUR}"/></pattern>'
    )
