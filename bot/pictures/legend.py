"""The referral map's legend: the key to the painful area, the numbered muscles in plain words
and the caution that they are possible contributors, not a diagnosis."""

from __future__ import annotations

from bot.pictures.layout import Marker
from bot.pictures.svg import (
    LINE,
    MARGIN,
    MARKER_RADIUS,
    PAIN_COLOUR,
    TEXT_SIZE,
    WIDTH,
    hatch,
    marker,
    muscle_colour,
    text_lines,
)
from bot.pictures.text import capitalised, wrap
from bot.pictures.wording import load_wording
from bot.triage.knowledge import Muscle

INDENT = 2 * MARKER_RADIUS + 14  # the names start right of their number


def plain_name(muscle: Muscle, language: str) -> str:
    """The knowledge base's plain words without the anatomical name in brackets at the end, and
    the region's qualifier ("for pain at the eyebrow") when it has one."""
    label = muscle.label(language)
    plain = label.rsplit(" (", 1)[0] if label.endswith(")") else label
    note = muscle.note(language)
    return capitalised(plain + (f" ({note})" if note else ""))


def legend(muscles: list[Muscle], language: str, prefix: str, top: float) -> tuple[str, float, str]:
    """The legend from top; returns its SVG, its height and the same words as plain text."""
    wording = load_wording()
    key_hatch = f"{prefix}-key-hatch"
    parts = [
        f"<defs>{hatch(key_hatch, 9)}</defs>",
        f'<rect x="{MARGIN}" y="{top:.1f}" width="{2 * MARKER_RADIUS + 4}" '
        f'height="{TEXT_SIZE * 1.2}" fill="url(#{key_hatch})" stroke="{PAIN_COLOUR}" '
        'stroke-width="3"/>',
        text_lines(
            [wording.text("where_it_hurts", language)],
            MARGIN + INDENT,
            top + TEXT_SIZE * 0.95,
            TEXT_SIZE,
            LINE,
        ),
    ]
    y = top + TEXT_SIZE * 1.2 + LINE
    intro = wording.text("muscles_heading", language)
    heading = wrap(intro, WIDTH - 2 * MARGIN, TEXT_SIZE, bold=True)
    parts.append(text_lines(heading, MARGIN, y, TEXT_SIZE, LINE, ' font-weight="bold"'))
    y += len(heading) * LINE
    spoken = [intro]
    for number, muscle in enumerate(muscles, start=1):
        name = plain_name(muscle, language)
        spoken.append(f"{number}. {name}.")
        lines = wrap(name, WIDTH - 2 * MARGIN - INDENT, TEXT_SIZE)
        centre = (MARGIN + MARKER_RADIUS + 2, y - TEXT_SIZE * 0.36)
        parts.append(marker(Marker(number, muscle_colour(number), centre, centre)))
        parts.append(
            text_lines(lines, MARGIN + INDENT, y, TEXT_SIZE, LINE, f' data-muscle="{muscle.id}"')
        )
        y += len(lines) * LINE + TEXT_SIZE * 0.45
    y += TEXT_SIZE * 0.4
    caution = wording.text("caution", language)
    lines = wrap(caution, WIDTH - 2 * MARGIN, TEXT_SIZE)
    parts.append(text_lines(lines, MARGIN, y, TEXT_SIZE, LINE, ' font-style="italic"'))
    spoken.append(caution)
    return "".join(parts), y + (len(lines) - 1) * LINE - top, " ".join(spoken)
