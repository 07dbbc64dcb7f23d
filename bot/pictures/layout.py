"""Where things go on the referral map: the part of the body worth showing, how large each view
is drawn, and number markers that do not cover one another."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.pictures.geometry import Path, Point

# Drawing units of body shown around the pain area and the muscles; more above and below, so a
# joint shows with the limb on both sides of it.
PAD, PAD_Y = 14.0, 24.0
MIN_HEIGHT = 150.0  # so a small area still shows enough body to be recognised
MIN_HALF_WIDTH = 55.0


@dataclass(frozen=True)
class Crop:
    """The rectangle of the drawing shown, the same for every view of one map."""

    left: float
    top: float
    width: float
    height: float


def crop_around(paths: Iterable[Path], canvas_width: float, canvas_height: float) -> Crop:
    """Everything drawn, padded, centred on the midline so both sides of the body show."""
    bounds = [path.bounds() for path in paths]
    middle = canvas_width / 2
    top = max(0.0, min(b[1] for b in bounds) - PAD_Y)
    bottom = min(canvas_height, max(b[3] for b in bounds) + PAD_Y)
    if bottom - top < MIN_HEIGHT:
        grow = (MIN_HEIGHT - (bottom - top)) / 2
        top, bottom = top - grow, bottom + grow
        shift = max(0.0, -top) - max(0.0, bottom - canvas_height)
        top, bottom = max(0.0, top + shift), min(canvas_height, bottom + shift)
    reach = max(max(middle - b[0], b[2] - middle) for b in bounds) + PAD
    half = min(middle, max(reach, MIN_HALF_WIDTH))
    return Crop(middle - half, top, 2 * half, bottom - top)


@dataclass(frozen=True)
class Frame:
    """A view drawn at (x, y) on the picture, scale picture pixels per drawing unit."""

    x: float
    y: float
    scale: float
    crop: Crop

    def to_picture(self, point: Point) -> Point:
        return (
            self.x + (point[0] - self.crop.left) * self.scale,
            self.y + (point[1] - self.crop.top) * self.scale,
        )

    @property
    def transform(self) -> str:
        dx, dy = self.x - self.crop.left * self.scale, self.y - self.crop.top * self.scale
        return f"translate({dx:.2f} {dy:.2f}) scale({self.scale:.4f})"


@dataclass(frozen=True)
class Marker:
    """A numbered circle; anchor is the middle of its shape, where a leader line starts if the
    circle had to move away from it."""

    number: int
    colour: str
    at: Point
    anchor: Point

    @property
    def moved(self) -> bool:
        return self.at != self.anchor


@dataclass(frozen=True)
class Wanted:
    """A marker to place: over its shape, unless the shape is smaller than the marker (it would
    hide it), then beside it, preferably on the side away from the body's midline."""

    number: int
    colour: str
    anchor: Point
    beside: bool
    midline: float


Box = tuple[float, float, float, float]  # left, top, right, bottom


def place_markers(
    wanted: list[Wanted], radius: float, area: Box, keep_clear: list[Box]
) -> list[Marker]:
    """Markers inside area that cover neither one another nor the boxes in keep_clear (the
    pain area: it must stay visible)."""
    placed: list[Marker] = []

    def free(point: Point) -> bool:
        x, y = point
        if not (area[0] + radius <= x <= area[2] - radius and area[1] + radius <= y):
            return False
        if y > area[3] - radius:
            return False
        if any(_overlaps(point, radius + 2, box) for box in keep_clear):
            return False
        return all(math.dist(point, m.at) >= 2 * radius + 3 for m in placed)

    for item in wanted:
        spot = _spot(item, radius, free)
        placed.append(Marker(item.number, item.colour, spot, item.anchor))
    return placed


def _spot(item: Wanted, radius: float, free: Callable[[Point], bool]) -> Point:
    if not item.beside and free(item.anchor):
        return item.anchor
    outward = 0.0 if item.anchor[0] >= item.midline else math.pi
    # Outward first, then turning both ways: numbers gather outside the crowded middle.
    angles = [outward + math.radians(sign * step * 30) for step in range(7) for sign in (1, -1)]
    for ring in range(1, 9):
        distance = ring * (radius + 3) + 4
        for angle in angles:
            spot = (
                item.anchor[0] + distance * math.cos(angle),
                item.anchor[1] + distance * math.sin(angle),
            )
            if free(spot):
                return spot
    return item.anchor  # nowhere free: on its shape rather than off the picture


def _overlaps(point: Point, radius: float, box: Box) -> bool:
    nearest_x = min(max(point[0], box[0]), box[2])
    nearest_y = min(max(point[1], box[1]), box[3])
    return math.dist(point, (nearest_x, nearest_y)) < radius
