"""Body words that name no place of the pain ("reaching over my head", "lying on my back",
"les deux côtés", "le foot du mercredi"): no region is read from them, while the same words
naming a place still are."""

from __future__ import annotations

import pytest

from bot.triage.nlp.canonical_entities import extract_entities
from tests.conftest import nlp


def regions(text: str) -> list[str]:
    return [e["value"] for e in extract_entities(nlp(), text) if e["entity"] == "body_region"]


@pytest.mark.parametrize(
    "text",
    [
        "anything over my head really, it grabs me",
        "Turning my head to that side is the worst",
        "If I turn onto my back it eases within a few minutes",
        "the big muscle at the back",
        "boven mn hoofd reiken is slecht, jas aandoen ook",
        "als ik mijn hoofd draai naar links",
        "'s nachts als ik op mijn rug lig",
        "jai juste la tete qui tourne 2 sec qd je me leve",
        "quand je dors sur le dos ça passe",
        "les 2 cotes",
        "la douche chaude ca aide. le foot du mercredi aussi",
    ],
)
def test_a_phrase_that_names_no_place_gives_no_region(text: str) -> None:
    assert regions(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pain at the back of my knee", ["knee_back"]),
        ("the back of my head hurts", ["back_of_head"]),
        ("my head hurts", ["temple"]),
        ("ik heb pijn op mijn rug", ["low_back"]),
        ("mal au dos quand je dors sur le dos", ["low_back"]),
        ("douleur aux côtes", ["chest"]),
        ("I hurt my foot playing football", ["sole"]),
    ],
)
def test_the_same_words_naming_a_place_still_do(text: str, expected: list[str]) -> None:
    assert regions(text) == expected


@pytest.mark.parametrize(
    "text",
    ["des deux côtés", "les 2 cotes", "bas du dos et les fesses. les 2 cotes", "de chaque côté"],
)
def test_both_sides_in_french_is_a_side_not_the_ribs(text: str) -> None:
    entities = extract_entities(nlp(), text)
    assert {"both"} == {e["value"] for e in entities if e["entity"] == "side"}
    assert "chest" not in regions(text)
