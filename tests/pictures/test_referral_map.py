"""The referral map shown with the explanation: where it hurts and the muscles that commonly refer
pain there, on the body, with a numbered legend in the patient's language. SVG for the widget,
PNG for Telegram; never for chest or abdomen."""

from __future__ import annotations

import dataclasses
import io
import struct
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
import resvg_py
from PIL import Image, ImageFont

import bot.pictures.referral_map as referral
from bot.pictures import body_map, has_referral_map, referral_map_png, referral_map_svg
from bot.triage.knowledge import LANGUAGES, KnowledgeBase, load_knowledge_base

KB = load_knowledge_base()
SVG = "{http://www.w3.org/2000/svg}"
MUSCULAR = [region.id for region in KB.regions.values() if not region.is_doctor_first]
CAUTION = {
    "en": "possible contributors that a therapist will assess",
    "fr": "causes possibles, qu'un thérapeute évaluera",
    "nl": "mogelijke oorzaken, die een therapeut",
}


def parsed(region: str, side: str | None, language: str) -> ET.Element:
    return ET.fromstring(referral_map_svg(region, side, language))


def texts(svg: ET.Element) -> str:
    """Everything the picture prints, lines joined as a reader reads them."""
    words = " ".join("".join(t.itertext()) for t in svg.iter(f"{SVG}text"))
    return " ".join(words.replace("\u00a0", " ").split())


def shapes(svg: ET.Element, kind: str) -> list[ET.Element]:
    return [p for p in svg.iter(f"{SVG}path") if p.get("class") == kind]


def plain(label: str) -> str:
    return label.split(" (")[0]


def test_the_clinics_own_examples_show_the_right_muscles_in_every_language():
    examples = {region.id: region.clinic_examples for region in KB.regions.values()}
    examples = {region: muscles for region, muscles in examples.items() if muscles}
    # Neck muscles -> headache, stomach muscles -> low back, thigh -> knee, calf -> Achilles.
    assert {"temple", "back_of_head", "low_back", "knee_front", "achilles_heel"} <= set(examples)
    assert "rectus_abdominis" in examples["low_back"]
    assert {"gastrocnemius", "soleus"} <= set(examples["achilles_heel"])
    for region, muscles in examples.items():
        for language in LANGUAGES:
            svg = parsed(region, "both", language)
            drawn = {p.get("data-muscle") for p in shapes(svg, "muscle")}
            printed = texts(svg)
            for muscle_id in muscles:
                muscle = next(m for m in KB.region(region).muscles if m.id == muscle_id)
                assert muscle_id in drawn, (region, muscle_id)
                name = plain(muscle.label(language))
                assert name[1:] in printed, (region, language, name)  # first letter capitalised
            assert CAUTION[language] in printed


def test_every_listed_muscle_is_drawn_and_named_with_its_number():
    for region_id in MUSCULAR:
        svg = parsed(region_id, None, "en")
        region = KB.region(region_id)
        assert {p.get("data-muscle") for p in shapes(svg, "muscle")} == {
            m.id for m in region.muscles
        }
        printed = texts(svg)
        for number, muscle in enumerate(region.muscles, start=1):
            name = plain(muscle.label("en"))
            assert f"{number} {name[0].upper()}{name[1:]}" in printed
        assert "Where it hurts" in printed


def test_the_picture_names_itself_in_the_patients_language():
    svg = parsed("knee_front", "left", "fr")
    assert svg.get("role") == "img" and svg.get("lang") == "fr"
    assert svg.get("viewBox") == f"0 0 {svg.get('width')} {svg.get('height')}"
    title = svg.find(f"{SVG}title")
    assert title is not None
    assert title.text == "Où vous avez mal : l'avant du genou (côté\u00a0gauche)"


def test_side_left_marks_only_the_left_area_and_the_left_muscles():
    areas = {area["id"]: area["d"] for area in body_map("en")["areas"]}
    svg = parsed("knee_front", "left", "en")
    (pain,) = shapes(svg, "pain")
    assert pain.get("data-area") == "knee_front-left"
    assert pain.get("d") == areas["knee_front-left"]  # the same place the patient tapped
    assert {p.get("data-side") for p in shapes(svg, "muscle")} == {"left"}


@pytest.mark.parametrize("side", ["both", "middle", None])
def test_both_sides_are_marked_when_the_side_is_both_or_unknown(side):
    svg = parsed("low_back", side, "en")
    assert {p.get("data-area") for p in shapes(svg, "pain")} == {"low_back-left", "low_back-right"}


def test_a_midline_area_is_marked_whatever_the_side():
    (pain,) = shapes(parsed("forehead", "left", "en"), "pain")
    assert pain.get("data-area") == "forehead"


def test_the_views_drawn_are_those_the_pain_and_muscles_need():
    def views(region: str) -> list[str | None]:
        return [g.get("data-view") for g in parsed(region, "left", "en").iter(f"{SVG}g")
                if g.get("data-view")]  # fmt: skip

    # Low back pain from the stomach and hip muscles at the front: both pictures side by side.
    assert views("low_back") == ["front", "back"]
    low_back = parsed("low_back", "left", "en")
    front = next(g for g in low_back.iter(f"{SVG}g") if g.get("data-view") == "front")
    assert {p.get("data-muscle") for p in front.iter(f"{SVG}path") if p.get("class") == "muscle"} \
        == {"iliopsoas", "rectus_abdominis"}  # fmt: skip
    # Everything behind: one larger picture.
    assert views("calf") == ["back"]
    assert views("neck") == ["back"]


@pytest.mark.parametrize("region", ["chest", "abdomen"])
def test_chest_and_abdomen_never_get_a_muscle_picture(region):
    assert not has_referral_map(region)
    with pytest.raises(ValueError, match="doctor-first"):
        referral_map_svg(region, "left", "en")
    with pytest.raises(ValueError, match="doctor-first"):
        referral_map_png(region, None, "fr")


def test_muscular_regions_have_a_picture_and_unknown_input_is_refused():
    assert all(has_referral_map(region) for region in MUSCULAR)
    with pytest.raises(KeyError):
        referral_map_svg("elbow_middle", "left", "en")
    with pytest.raises(ValueError, match="unknown side"):
        referral_map_svg("knee_front", "up", "en")
    with pytest.raises(ValueError, match="unknown language"):
        referral_map_svg("knee_front", "left", "de")


@pytest.fixture
def knowledge_with_markup(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    region = KB.region("knee_front")
    muscle = region.muscles[0]
    marked = dataclasses.replace(muscle, labels={**muscle.labels, "en": 'the <b>thigh</b> & "x"'})
    region = dataclasses.replace(
        region,
        labels={**region.labels, "en": "the knee & <script>alert(1)</script>"},
        muscles=(marked, *region.muscles[1:]),
    )
    changed = KnowledgeBase({**KB.regions, "knee_front": region})
    monkeypatch.setattr(referral, "load_knowledge_base", lambda: changed)
    referral_map_svg.cache_clear()
    yield
    referral_map_svg.cache_clear()


def test_names_with_markup_characters_stay_text(knowledge_with_markup):
    document = referral_map_svg("knee_front", "left", "en")
    assert "<script" not in document and "<b>" not in document
    svg = ET.fromstring(document)  # still well-formed
    assert 'The <b>thigh</b> & "x"' in texts(svg)
    title = svg.find(f"{SVG}title")
    assert title is not None and "the knee & <script>alert(1)</script>" in str(title.text)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_png_is_the_same_picture_sized_for_a_phone():
    data = referral_map_png("achilles_heel", "left", "nl")
    svg = parsed("achilles_heel", "left", "nl")
    assert png_size(data) == (800, int(str(svg.get("height"))))
    image = Image.open(io.BytesIO(data)).convert("RGB")
    colours = image.getcolors(maxcolors=1_000_000) or []
    assert len(colours) > 200  # a drawing, not a blank page
    reds = sum(n for n, (r, g, b) in colours if r > 150 and g < 80 and b < 80)
    assert reds > 500  # the painful area is marked in red
    # Cached: asked again, the same bytes; another region, another picture.
    assert referral_map_png("achilles_heel", "left", "nl") is data
    assert referral_map_png("knee_front", "left", "nl") != data


DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


@pytest.mark.skipif(not DEJAVU.is_dir(), reason="DejaVu fonts (the PNG's font) are not installed")
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_text_runs_off_the_picture(language):
    # (bold, italic) -> the font resvg uses for the PNG
    fonts = {
        (False, False): DEJAVU / "DejaVuSans.ttf",
        (True, False): DEJAVU / "DejaVuSans-Bold.ttf",
        (False, True): DEJAVU / "DejaVuSans-Oblique.ttf",
    }
    too_wide = []
    for region in MUSCULAR:
        for side in ("left", "both"):
            svg = parsed(region, side, language)
            width = float(str(svg.get("width")))
            for text in svg.iter(f"{SVG}text"):
                key = (text.get("font-weight") == "bold", text.get("font-style") == "italic")
                font = ImageFont.truetype(str(fonts[key]), float(str(text.get("font-size"))))
                length = font.getlength("".join(text.itertext()))
                x = float(str(text.get("x")))
                start = {"middle": x - length / 2, "end": x - length}.get(
                    str(text.get("text-anchor")), x
                )
                if start < 0 or start + length > width:
                    too_wide.append((region, side, "".join(text.itertext())))
    assert too_wide == []


def dark_pixels_below(data: bytes, top: float) -> int:
    """Near-black pixels in the lower part of a picture: the legend's words."""
    image = Image.open(io.BytesIO(data)).convert("L")
    width, height = image.size
    lower = image.crop((0, int(height * top), width, height))
    return sum(1 for value in lower.getdata() if value < 80)


def test_the_png_carries_the_legend_words_drawn_with_its_own_fonts():
    data = referral_map_png("knee_front", "left", "fr")
    svg = referral_map_svg("knee_front", "left", "fr")
    wordless = bytes(resvg_py.svg_to_bytes(svg_string=svg, skip_system_fonts=True, font_files=[]))
    # The same picture without fonts keeps its shapes and loses every word.
    assert dark_pixels_below(data, 0.6) > 20 * dark_pixels_below(wordless, 0.6) + 1000


def test_missing_fonts_are_an_error_not_a_wordless_picture(tmp_path: Path):
    with pytest.raises(referral.MissingFont, match="fonts-dejavu-core"):
        referral.font_files.__wrapped__((tmp_path,))
