"""The project's body drawing (bot/pictures/drawing.yml) against the knowledge base: every region
and every listed muscle is drawn, in a plausible place, and a broken drawing is refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.pictures.drawing import DEFAULT_PATH, Drawing, Figure, load_drawing, parse_drawing
from bot.triage.knowledge import load_knowledge_base

KB = load_knowledge_base()
MIDDLE = 100


@pytest.fixture(scope="module")
def drawing() -> Drawing:
    return load_drawing()


def centre(figure: Figure, view: str, side: str | None) -> tuple[float, float]:
    (placed,) = [p for p in figure.placed if p.view == view and p.side == side]
    return placed.path.centre()


def test_every_region_has_an_area_on_both_sides_where_it_is_sided(drawing):
    assert list(drawing.areas) == list(KB.regions)
    for area in drawing.areas.values():
        assert area.placed, area.id
        for view in area.views:
            sides = {p.side for p in area.placed if p.view == view}
            assert sides == ({"left", "right"} if area.sided else {None}), area.id
    # Where a therapist cares about the side, the patient can say it by tapping.
    sided = {area.id for area in drawing.areas.values() if area.sided}
    assert {"knee_front", "shoulder_top", "hip_groin", "jaw", "temple", "low_back"} <= sided
    assert not {"forehead", "chest", "abdomen"} & sided


def test_every_muscle_a_region_lists_has_a_shape(drawing):
    listed = {muscle.id for region in KB.regions.values() for muscle in region.muscles}
    assert set(drawing.muscles) == listed
    assert all(figure.placed for figure in drawing.muscles.values())


def test_the_patients_left_is_on_the_viewers_right_from_the_front_and_on_the_left_from_behind(
    drawing,
):
    knee = drawing.areas["knee_front"]
    assert centre(knee, "front", "left")[0] > MIDDLE > centre(knee, "front", "right")[0]
    calf = drawing.areas["calf"]
    assert centre(calf, "back", "left")[0] < MIDDLE < centre(calf, "back", "right")[0]


# Muscle -> the view it is seen on and the band of height (y) its middle lies in. Landmarks of the
# drawing: chin 55, shoulders 79, armpits 104, waist 192, crotch 252, knees 326, ankles 405.
PLACES = {
    "temporalis": ("front", 8, 45),
    "masseter": ("front", 35, 58),
    "sternocleidomastoid": ("front", 50, 80),
    "scalenes": ("front", 55, 80),
    "upper_trapezius": ("back", 55, 90),
    "suboccipitals": ("back", 44, 58),
    "infraspinatus": ("back", 90, 135),
    "pectoralis_major": ("front", 84, 125),
    "rectus_abdominis": ("front", 140, 245),
    "quadratus_lumborum": ("back", 180, 230),
    "iliopsoas": ("front", 195, 260),
    "gluteus_maximus": ("back", 225, 262),
    "gluteus_medius": ("back", 215, 245),
    "rectus_femoris": ("front", 245, 320),
    "vastus_medialis": ("front", 280, 325),
    "hamstrings": ("back", 255, 325),
    "gastrocnemius": ("back", 330, 385),
    "soleus": ("back", 350, 405),
    "tibialis_anterior": ("front", 335, 405),
    "forearm_extensors": ("back", 175, 235),
    "triceps": ("back", 100, 165),
}


@pytest.mark.parametrize(("muscle", "place"), PLACES.items())
def test_muscles_lie_where_a_patient_would_look_for_them(drawing, muscle, place):
    view, top, bottom = place
    figure = drawing.muscles[muscle]
    assert view in figure.views
    side = "right" if figure.sided else None
    assert top <= centre(figure, view, side)[1] <= bottom


def test_the_inner_thigh_muscle_is_inside_the_outer_one(drawing):
    # The patient's right leg, seen from the front, is on the viewer's left: inner is nearer x 100.
    inner = centre(drawing.muscles["vastus_medialis"], "front", "right")[0]
    outer = centre(drawing.muscles["vastus_lateralis"], "front", "right")[0]
    assert outer < inner < MIDDLE


# --- A broken drawing is refused at start-up --------------------------------------------------


def broken_copy(tmp_path: Path, change: Any) -> Path:
    document = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    change(document)
    path = tmp_path / "drawing.yml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return path


def first_shape(document: dict[str, Any], group: str, item: str) -> dict[str, Any]:
    return document[group][item]["shapes"][0]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d["areas"].pop("knee_front"), r"areas: no shape for \['knee_front'\]"),
        (lambda d: d["muscles"].pop("soleus"), r"muscles: no shape for \['soleus'\]"),
        (
            lambda d: d["areas"].update(elbow_middle=d["areas"]["elbow_inner"]),
            r"unknown id\(s\) \['elbow_middle'\]",
        ),
        (
            lambda d: first_shape(d, "muscles", "pectoralis_major").update(d="M98 86 L5"),
            r"muscles.pectoralis_major, shape #1.d: malformed path data",
        ),
        (
            lambda d: first_shape(d, "areas", "calf").update(ellipse=[150, 360, 9, 24]),
            r"areas.calf, shape #1: a sided shape is drawn on the left half",
        ),
        (
            lambda d: first_shape(d, "areas", "sole").update(views=["side"]),
            r"unknown view\(s\) \['side'\]",
        ),
        (
            # An area cannot carry muscles: chest and abdomen can never get a muscle picture.
            lambda d: d["areas"]["chest"].update(muscles=["pectoralis_major"]),
            r"areas.chest: unknown key\(s\) \['muscles'\]",
        ),
        (
            lambda d: d["views"]["back"].update(outline="M10 10 C1 2"),
            r"views.back.outline: malformed path data",
        ),
    ],
)
def test_a_broken_drawing_is_refused_naming_the_entry(tmp_path, change, problem):
    path = broken_copy(tmp_path, change)
    with pytest.raises(ValueError, match=problem):
        parse_drawing(path)


def test_the_shipped_drawing_passes_the_same_checks(tmp_path):
    # The copy written the way the broken ones are is accepted, so the refusals above are real.
    assert parse_drawing(broken_copy(tmp_path, lambda d: None)).areas.keys() == KB.regions.keys()
