"""Path data as the drawing uses it: read strictly, written back in absolute commands, mirrored."""

from __future__ import annotations

import pytest

from bot.pictures.geometry import ellipse_path, parse_path


def test_relative_and_shorthand_commands_are_written_back_absolute():
    path = parse_path("m10 10 h5 v5 l-5 0 z")
    assert path.d == "M10 10L15 10L15 15L10 15Z"
    # Extra pairs after a move are lines; S reflects the previous control point.
    assert parse_path("M0 0 10 0 C10 5 20 5 20 0 S30 -5 30 0").d == (
        "M0 0L10 0C10 5 20 5 20 0C20 -5 30 -5 30 0"
    )


def test_mirroring_swaps_left_and_right_about_the_middle():
    assert parse_path("M10 10L40 20Z").mirrored(200).d == "M190 10L160 20Z"
    # An arc keeps its shape: the sweep is reversed and the tilt turned the other way.
    arc = parse_path("M10 10A5 8 30 0 1 20 10")
    assert arc.mirrored(200).d == "M190 10A5 8 -30 0 0 180 10"


def test_an_ellipse_measures_its_own_extent():
    left, top, right, bottom = ellipse_path(50, 100, 10, 20).bounds()
    assert (left, top, right, bottom) == pytest.approx((40, 80, 60, 120), abs=0.2)
    assert ellipse_path(50, 100, 10, 20, 90).bounds() == pytest.approx((30, 90, 70, 110), abs=0.2)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ("L10 10", "must start with a move"),
        ("M10 10 L5", "needs 2 numbers"),
        ("M10 10 Q1 2 3", "needs 4 numbers"),
        ("M10 10 A5 5 0 2 1 20 20", "flags"),
        ("M10 10 Z 4", "takes no numbers"),
        ("M10 10 X4 4", "unexpected"),
        ("", "non-empty"),
    ],
)
def test_malformed_path_data_is_refused_with_the_reason(data, problem):
    with pytest.raises(ValueError, match=problem):
        parse_path(data)
