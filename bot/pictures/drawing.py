"""The project's own body drawing (drawing.yml), loaded and checked against the knowledge base.

Every region gets an area and every muscle a muscular region lists gets a shape; a drawing that
misses one, names an unknown one or holds malformed path data is refused with an error naming the
file and the entry, so a gap shows at start-up rather than as a blank picture for a patient.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path as FilePath
from typing import Any

from bot.pictures.geometry import Path, ellipse_path, parse_path
from bot.triage.knowledge import KnowledgeBase, load_knowledge_base
from bot.triage.knowledge.strict_yaml import read_yaml

DEFAULT_PATH = FilePath(__file__).resolve().with_name("drawing.yml")
VIEWS = ("front", "back")
SIDES = ("left", "right")
# Sided shapes are drawn once, on the viewer's left half, and mirrored. Facing us (front view) the
# viewer's left is the patient's right; from behind (back view) it is the patient's left.
VIEWER_LEFT_IS = {"front": "right", "back": "left"}


def opposite(side: str) -> str:
    return "right" if side == "left" else "left"


_TOP_KEYS = {"canvas", "views", "areas", "muscles"}
_VIEW_KEYS = {"outline", "details"}
_FIGURE_KEYS = {"sided", "shapes"}
_SHAPE_KEYS = {"views", "d", "ellipse"}
_TOLERANCE = 0.5  # drawing units a sided shape may cross the midline by (curves, rounding)


@dataclass(frozen=True)
class Placed:
    """A figure as drawn on one view and one side of the body (side None: on the midline)."""

    view: str
    side: str | None
    path: Path


@dataclass(frozen=True)
class Figure:
    """A region's area or a muscle: every place it is drawn, one path per view and side."""

    id: str
    sided: bool
    placed: tuple[Placed, ...]

    @property
    def views(self) -> tuple[str, ...]:
        return tuple(view for view in VIEWS if any(p.view == view for p in self.placed))

    def on_sides(self, sides: set[str]) -> tuple[Placed, ...]:
        return tuple(p for p in self.placed if p.side is None or p.side in sides)


@dataclass(frozen=True)
class View:
    id: str
    outline: Path
    details: Path | None


@dataclass(frozen=True)
class Drawing:
    width: float
    height: float
    views: dict[str, View]
    areas: dict[str, Figure]
    muscles: dict[str, Figure]


class _Context:
    def __init__(self, path: FilePath) -> None:
        self.path = path

    def error(self, entry: str, problem: str) -> ValueError:
        return ValueError(f"{self.path}: {entry}: {problem}")

    def mapping(self, value: Any, entry: str, allowed: set[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.error(entry, "must be a mapping")
        unknown = sorted(set(map(str, value)) - allowed)
        if unknown:
            raise self.error(entry, f"unknown key(s) {unknown}; allowed: {sorted(allowed)}")
        return value

    def path_data(self, value: Any, entry: str) -> Path:
        try:
            return parse_path(value)
        except ValueError as error:
            raise self.error(entry, f"malformed path data: {error}") from None

    def number(self, value: Any, entry: str) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.error(entry, "must be a number")
        return float(value)


def _shape(ctx: _Context, raw: Any, entry: str) -> tuple[tuple[str, ...], Path]:
    body = ctx.mapping(raw, entry, _SHAPE_KEYS)
    views = body.get("views")
    if not isinstance(views, list) or not views or len(set(views)) != len(views):
        raise ctx.error(entry, f"views must be a list of distinct views from {list(VIEWS)}")
    unknown = [view for view in views if view not in VIEWS]
    if unknown:
        raise ctx.error(entry, f"unknown view(s) {unknown}; known: {list(VIEWS)}")
    if ("d" in body) == ("ellipse" in body):
        raise ctx.error(entry, "needs exactly one of d (path data) or ellipse")
    if "d" in body:
        return tuple(views), ctx.path_data(body["d"], f"{entry}.d")
    numbers = body["ellipse"]
    if not isinstance(numbers, list) or len(numbers) not in (4, 5):
        raise ctx.error(entry, "ellipse must be [cx, cy, rx, ry] or [cx, cy, rx, ry, angle]")
    values = [ctx.number(n, f"{entry}.ellipse") for n in numbers]
    try:
        return tuple(views), ellipse_path(*values)
    except ValueError as error:
        raise ctx.error(entry, str(error)) from None


def _figure(
    ctx: _Context, figure_id: str, raw: Any, entry: str, width: float, height: float
) -> Figure:
    body = ctx.mapping(raw, entry, _FIGURE_KEYS)
    sided = body.get("sided")
    if not isinstance(sided, bool):
        raise ctx.error(entry, "sided must be true or false")
    shapes = body.get("shapes")
    if not isinstance(shapes, list) or not shapes:
        raise ctx.error(entry, "shapes must be a non-empty list")
    per_view: dict[str, list[Path]] = {}
    for position, raw_shape in enumerate(shapes, start=1):
        where = f"{entry}, shape #{position}"
        views, path = _shape(ctx, raw_shape, where)
        left, top, right, bottom = path.bounds()
        if left < 0 or top < 0 or right > width or bottom > height:
            raise ctx.error(where, f"lies outside the canvas 0 0 {width:g} {height:g}")
        if sided and right > width / 2 + _TOLERANCE:
            raise ctx.error(where, "a sided shape is drawn on the left half (x <= middle)")
        for view in views:
            per_view.setdefault(view, []).append(path)
    placed: list[Placed] = []
    for view in VIEWS:
        if view not in per_view:
            continue
        merged = Path(tuple(seg for path in per_view[view] for seg in path.segments))
        if not sided:
            placed.append(Placed(view, None, merged))
            continue
        drawn = {
            VIEWER_LEFT_IS[view]: merged,
            opposite(VIEWER_LEFT_IS[view]): merged.mirrored(width),
        }
        placed += [Placed(view, side, drawn[side]) for side in SIDES]
    return Figure(figure_id, sided, tuple(placed))


def _figures(
    ctx: _Context, raw: Any, key: str, expected: list[str], width: float, height: float
) -> dict[str, Figure]:
    if not isinstance(raw, dict):
        raise ctx.error(key, "must be a mapping of id -> figure")
    missing = [item for item in expected if item not in raw]
    unknown = sorted(str(item) for item in raw if item not in expected)
    if missing:
        raise ctx.error(key, f"no shape for {missing}")
    if unknown:
        raise ctx.error(key, f"shape(s) for unknown id(s) {unknown}")
    return {
        item: _figure(ctx, item, raw[item], f"{key}.{item}", width, height) for item in expected
    }


def parse_drawing(path: FilePath, kb: KnowledgeBase | None = None) -> Drawing:
    """Reads and checks a drawing file against the knowledge base; ValueError on any problem."""
    kb = kb or load_knowledge_base()
    ctx = _Context(path)
    document = ctx.mapping(read_yaml(path), "top level", _TOP_KEYS)
    canvas = ctx.mapping(document.get("canvas"), "canvas", {"width", "height"})
    width = ctx.number(canvas.get("width"), "canvas.width")
    height = ctx.number(canvas.get("height"), "canvas.height")
    raw_views = ctx.mapping(document.get("views"), "views", set(VIEWS))
    views: dict[str, View] = {}
    for view_id in VIEWS:
        body = ctx.mapping(raw_views.get(view_id), f"views.{view_id}", _VIEW_KEYS)
        outline = ctx.path_data(body.get("outline"), f"views.{view_id}.outline")
        details = body.get("details")
        views[view_id] = View(
            view_id,
            outline,
            None if details is None else ctx.path_data(details, f"views.{view_id}.details"),
        )
    region_ids = list(kb.regions)
    muscle_ids = list(dict.fromkeys(m.id for r in kb.regions.values() for m in r.muscles))
    areas = _figures(ctx, document.get("areas"), "areas", region_ids, width, height)
    muscles = _figures(ctx, document.get("muscles"), "muscles", muscle_ids, width, height)
    return Drawing(width, height, views, areas, muscles)


@lru_cache(maxsize=1)
def _default_drawing() -> Drawing:
    return parse_drawing(DEFAULT_PATH)


def load_drawing(path: FilePath | None = None) -> Drawing:
    """The drawing; the shipped file is parsed once and cached, other paths every call."""
    return _default_drawing() if path is None else parse_drawing(FilePath(path))
