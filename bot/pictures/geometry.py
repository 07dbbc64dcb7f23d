"""SVG path data: parsed strictly, rewritten in absolute commands, mirrored and measured.

Only what the drawing needs: every shape is read once at start-up, so a malformed path is an error
then, and the widget and the referral map receive the same normalised text.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

# Arguments per command; H/V/S/T are rewritten as L/C/Q so later code handles five kinds only.
_ARITY = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "A": 7, "Z": 0}
# A command letter, a number, a separator, or anything else (an error).
_TOKEN = re.compile(
    r"([MLHVCSQTAZmlhvcsqtaz])|([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)|([\s,]+)|(.)"
)
Point = tuple[float, float]


@dataclass(frozen=True)
class Segment:
    """One absolute command: M, L, C, Q, A or Z with its numbers (A keeps SVG's seven)."""

    command: str
    values: tuple[float, ...] = ()


@dataclass(frozen=True)
class Path:
    segments: tuple[Segment, ...]

    @property
    def d(self) -> str:
        return "".join(
            seg.command + " ".join(_number(v) for v in seg.values) for seg in self.segments
        )

    def mirrored(self, width: float) -> Path:
        """The same shape reflected about the vertical line x = width / 2."""
        return Path(tuple(_mirror(seg, width) for seg in self.segments))

    def bounds(self) -> tuple[float, float, float, float]:
        """(min x, min y, max x, max y) of points sampled along the outline."""
        xs, ys = zip(*self.sample(), strict=True)
        return min(xs), min(ys), max(xs), max(ys)

    def centre(self) -> Point:
        left, top, right, bottom = self.bounds()
        return (left + right) / 2, (top + bottom) / 2

    def sample(self, steps: int = 12) -> Iterator[Point]:
        current: Point = (0.0, 0.0)
        for seg in self.segments:
            v = seg.values
            if seg.command in "ML":
                current = (v[0], v[1])
                yield current
            elif seg.command == "C":
                yield from _bezier((current, (v[0], v[1]), (v[2], v[3]), (v[4], v[5])), steps)
                current = (v[4], v[5])
            elif seg.command == "Q":
                yield from _bezier((current, (v[0], v[1]), (v[2], v[3])), steps)
                current = (v[2], v[3])
            elif seg.command == "A":
                yield from _arc(current, v, steps)
                current = (v[5], v[6])


def _number(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def parse_path(text: str) -> Path:
    """Parses path data; raises ValueError saying what is wrong and where."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError("path data must be a non-empty text")
    tokens = _tokens(text)
    if not tokens or not isinstance(tokens[0], str) or tokens[0] not in "Mm":
        raise ValueError("path data must start with a move command (M or m)")
    segments: list[Segment] = []
    start = current = (0.0, 0.0)
    last_control: Point | None = None
    index = 0
    while index < len(tokens):
        letter = tokens[index]
        assert isinstance(letter, str)  # numbers are consumed with their command
        index += 1
        numbers: list[float] = []
        while index < len(tokens) and not isinstance(tokens[index], str):
            numbers.append(float(tokens[index]))
            index += 1
        arity = _ARITY[letter.upper()]
        if arity == 0:
            if numbers:
                raise ValueError(f"'{letter}' takes no numbers")
            segments.append(Segment("Z"))
            current, last_control = start, None
            continue
        if not numbers or len(numbers) % arity:
            raise ValueError(f"'{letter}' needs {arity} numbers per step, got {len(numbers)}")
        for step in range(0, len(numbers), arity):
            # After the first pair, extra pairs of a move are lines (SVG's rule).
            command = letter if step == 0 or letter not in "Mm" else ("L" if letter == "M" else "l")
            seg, current, last_control = _absolute(
                command, numbers[step : step + arity], current, last_control
            )
            if seg.command == "M":
                start = current
            segments.append(seg)
    return Path(tuple(segments))


def _tokens(text: str) -> list[str | float]:
    tokens: list[str | float] = []
    for match in _TOKEN.finditer(text):
        letter, number, _, other = match.groups()
        if other:
            raise ValueError(f"unexpected {text[match.start() : match.start() + 10]!r}")
        if letter:
            tokens.append(letter)
        elif number:
            tokens.append(float(number))
    return tokens


def _absolute(
    letter: str, n: list[float], current: Point, last_control: Point | None
) -> tuple[Segment, Point, Point | None]:
    """One step as an absolute segment, the new current point and the control point to reflect."""
    relative = letter.islower()
    kind = letter.upper()
    cx, cy = current if relative else (0.0, 0.0)

    def point(i: int) -> Point:
        return n[i] + cx, n[i + 1] + cy

    if kind == "H":
        end = (n[0] + (current[0] if relative else 0.0), current[1])
        return Segment("L", end), end, None
    if kind == "V":
        end = (current[0], n[0] + (current[1] if relative else 0.0))
        return Segment("L", end), end, None
    if kind in "ML":
        end = point(0)
        return Segment(kind, end), end, None
    if kind in "CS":
        if kind == "C":
            first, second, end = point(0), point(2), point(4)
        else:
            first = _reflect(last_control, current)
            second, end = point(0), point(2)
        return Segment("C", (*first, *second, *end)), end, second
    if kind in "QT":
        control = point(0) if kind == "Q" else _reflect(last_control, current)
        end = point(2) if kind == "Q" else point(0)
        return Segment("Q", (*control, *end)), end, control
    # Arc: radii, rotation and flags stay; only the end point is made absolute.
    if n[3] not in (0, 1) or n[4] not in (0, 1):
        raise ValueError("an arc's two flags must each be 0 or 1")
    end = point(5)
    return Segment("A", (abs(n[0]), abs(n[1]), n[2], n[3], n[4], *end)), end, None


def _reflect(control: Point | None, current: Point) -> Point:
    if control is None:
        return current
    return 2 * current[0] - control[0], 2 * current[1] - control[1]


def _mirror(seg: Segment, width: float) -> Segment:
    v = list(seg.values)
    if seg.command == "A":
        # A reflection turns the ellipse's tilt the other way and reverses the sweep direction.
        v[2], v[4], v[5] = -v[2], 1 - v[4], width - v[5]
    else:
        for i in range(0, len(v), 2):
            v[i] = width - v[i]
    return Segment(seg.command, tuple(v))


def _bezier(points: tuple[Point, ...], steps: int) -> Iterator[Point]:
    for step in range(1, steps + 1):
        t = step / steps
        layer = list(points)
        while len(layer) > 1:  # de Casteljau
            layer = [
                (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
                for a, b in zip(layer, layer[1:], strict=False)
            ]
        yield layer[0]


def _arc(start: Point, v: tuple[float, ...], steps: int) -> Iterator[Point]:
    """Points along an SVG arc (the endpoint-to-centre conversion of the SVG specification)."""
    rx, ry, rotation, large, sweep, x2, y2 = v
    x1, y1 = start
    if rx == 0 or ry == 0 or (x1, y1) == (x2, y2):
        yield x2, y2
        return
    phi = math.radians(rotation)
    cos_phi, sin_phi = math.cos(phi), math.sin(phi)
    dx, dy = (x1 - x2) / 2, (y1 - y2) / 2
    x1p, y1p = cos_phi * dx + sin_phi * dy, -sin_phi * dx + cos_phi * dy
    scale = (x1p / rx) ** 2 + (y1p / ry) ** 2
    if scale > 1:  # radii too small for the end points: SVG scales them up
        rx, ry = rx * math.sqrt(scale), ry * math.sqrt(scale)
    numerator = rx**2 * ry**2 - rx**2 * y1p**2 - ry**2 * x1p**2
    factor = math.sqrt(max(0.0, numerator / (rx**2 * y1p**2 + ry**2 * x1p**2)))
    if large == sweep:
        factor = -factor
    cxp, cyp = factor * rx * y1p / ry, -factor * ry * x1p / rx
    centre_x = cos_phi * cxp - sin_phi * cyp + (x1 + x2) / 2
    centre_y = sin_phi * cxp + cos_phi * cyp + (y1 + y2) / 2
    theta1 = math.atan2((y1p - cyp) / ry, (x1p - cxp) / rx)
    theta2 = math.atan2((-y1p - cyp) / ry, (-x1p - cxp) / rx)
    delta = theta2 - theta1
    if sweep and delta < 0:
        delta += 2 * math.pi
    elif not sweep and delta > 0:
        delta -= 2 * math.pi
    for step in range(1, steps + 1):
        angle = theta1 + delta * step / steps
        ex, ey = rx * math.cos(angle), ry * math.sin(angle)
        yield centre_x + cos_phi * ex - sin_phi * ey, centre_y + sin_phi * ex + cos_phi * ey


def ellipse_path(cx: float, cy: float, rx: float, ry: float, angle: float = 0.0) -> Path:
    """An ellipse (tilted by angle degrees, clockwise on screen) as two half arcs."""
    if rx <= 0 or ry <= 0:
        raise ValueError("an ellipse's radii must be positive")
    ux, uy = math.cos(math.radians(angle)) * rx, math.sin(math.radians(angle)) * rx
    first, second = (cx + ux, cy + uy), (cx - ux, cy - uy)
    return Path(
        (
            Segment("M", first),
            Segment("A", (rx, ry, angle, 1, 1, *second)),
            Segment("A", (rx, ry, angle, 1, 1, *first)),
            Segment("Z"),
        )
    )
