"""The body map the website widget draws at the "where does it hurt" question."""

from __future__ import annotations

import pytest

from bot.pictures import body_map
from bot.pictures.geometry import parse_path
from bot.triage.knowledge import LANGUAGES, load_knowledge_base

KB = load_knowledge_base()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_region_can_be_tapped_in_every_language(language):
    data = body_map(language)
    assert data["language"] == language and data["viewBox"] == "0 0 200 440"
    assert [view["id"] for view in data["views"]] == ["front", "back"]
    assert {area["region"] for area in data["areas"]} == set(KB.regions)
    ids = [area["id"] for area in data["areas"]]
    assert len(ids) == len(set(ids))
    for item in [*data["views"], *data["areas"]]:
        parse_path(item.get("outline") or item["d"])  # valid path data, outline and areas
    assert set(data["areas"][0]) == {"id", "region", "side", "view", "d", "label"}


def test_names_are_words_a_screen_reader_says_in_the_patients_language():
    areas = {
        language: {area["id"]: area for area in body_map(language)["areas"]}
        for language in LANGUAGES
    }
    assert areas["en"]["knee_front-left"]["label"] == "The front of the knee, left side"
    assert areas["fr"]["knee_front-left"]["label"] == "L'avant du genou, côté gauche"
    assert areas["nl"]["knee_front-right"]["label"] == "De voorkant van de knie, rechterkant"
    # A region drawn on both pictures says which one.
    assert areas["fr"]["thigh-left-back"]["label"] == "La cuisse, côté gauche, vue de dos"
    # On the midline: no side, and no side word.
    assert areas["en"]["forehead"]["side"] is None
    assert areas["en"]["forehead"]["label"] == "The forehead and the area around the eyes"
    views = {language: body_map(language)["views"][0]["label"] for language in LANGUAGES}
    assert views == {"en": "Front view", "fr": "Vue de face", "nl": "Vooraanzicht"}


def test_a_tapped_side_is_the_patients_side():
    areas = {area["id"]: area for area in body_map("en")["areas"]}

    def middle_x(area_id: str) -> float:
        left, _, right, _ = parse_path(areas[area_id]["d"]).bounds()
        return (left + right) / 2

    # Facing us, the patient's left knee is on our right; from behind, their left calf on our left.
    assert areas["knee_front-left"]["view"] == "front" and middle_x("knee_front-left") > 100
    assert areas["calf-left"]["view"] == "back" and middle_x("calf-left") < 100
    assert {areas["low_back-left"]["side"], areas["low_back-right"]["side"]} == {"left", "right"}


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unknown language"):
        body_map("de")
