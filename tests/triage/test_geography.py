"""Tests for bot.triage.geography: the place and centre data, place lookup, and the nearer
centre."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.triage.geography import (
    FAR_AWAY_KM,
    Centre,
    Place,
    find_place,
    haversine_km,
    load_centres,
    load_places,
    nearest_centre,
    normalise,
)

GRAND_PLACE = (50.8467, 4.3525)
PLACES = {place.id: place for place in load_places()}
CENTRES = load_centres()


def _found(text: str) -> str | None:
    place = find_place(text)
    return place.id if place else None


def _nearest_to_place(place_id: str) -> str:
    place = PLACES[place_id]
    return nearest_centre(place.latitude, place.longitude).nearest.id


# --- The 19 Brussels communes: French name, Dutch name, main postcode, nearer centre ---

BRUSSELS_COMMUNES = [
    # id, French name, Dutch name, postcode, nearer centre
    ("anderlecht", "Anderlecht", "Anderlecht", "1070", "boitsfort"),
    ("auderghem", "Auderghem", "Oudergem", "1160", "boitsfort"),
    ("berchem-sainte-agathe", "Berchem-Sainte-Agathe", "Sint-Agatha-Berchem", "1082", "boitsfort"),
    ("bruxelles", "Bruxelles", "Brussel", "1000", "boitsfort"),
    ("etterbeek", "Etterbeek", "Etterbeek", "1040", "boitsfort"),
    ("evere", "Evere", "Evere", "1140", "kraainem"),
    ("forest", "Forest", "Vorst", "1190", "boitsfort"),
    ("ganshoren", "Ganshoren", "Ganshoren", "1083", "boitsfort"),
    ("ixelles", "Ixelles", "Elsene", "1050", "boitsfort"),
    # Jette is a near tie: 10.3 km to Boitsfort, 10.7 km to Kraainem.
    ("jette", "Jette", "Jette", "1090", "boitsfort"),
    ("koekelberg", "Koekelberg", "Koekelberg", "1081", "boitsfort"),
    ("molenbeek-saint-jean", "Molenbeek-Saint-Jean", "Sint-Jans-Molenbeek", "1080", "boitsfort"),
    ("saint-gilles", "Saint-Gilles", "Sint-Gillis", "1060", "boitsfort"),
    # Saint-Josse too: 6.3 km to Boitsfort, 6.9 km to Kraainem.
    ("saint-josse-ten-noode", "Saint-Josse-ten-Noode", "Sint-Joost-ten-Node", "1210", "boitsfort"),
    ("schaerbeek", "Schaerbeek", "Schaarbeek", "1030", "kraainem"),
    ("uccle", "Uccle", "Ukkel", "1180", "boitsfort"),
    ("watermael-boitsfort", "Watermael-Boitsfort", "Watermaal-Bosvoorde", "1170", "boitsfort"),
    ("woluwe-saint-lambert", "Woluwe-Saint-Lambert", "Sint-Lambrechts-Woluwe", "1200", "kraainem"),
    ("woluwe-saint-pierre", "Woluwe-Saint-Pierre", "Sint-Pieters-Woluwe", "1150", "kraainem"),
]


def test_the_table_covers_the_19_brussels_communes() -> None:
    communes = {row[0] for row in BRUSSELS_COMMUNES}
    assert len(communes) == 19
    data = {p.id for p in PLACES.values() if p.area == "brussels" and p.part_of is None}
    assert data == communes


@pytest.mark.parametrize(("place_id", "french", "dutch", "postcode", "centre"), BRUSSELS_COMMUNES)
def test_brussels_commune_is_found_by_french_name(
    place_id: str, french: str, dutch: str, postcode: str, centre: str
) -> None:
    assert _found(french) == place_id


@pytest.mark.parametrize(("place_id", "french", "dutch", "postcode", "centre"), BRUSSELS_COMMUNES)
def test_brussels_commune_is_found_by_dutch_name(
    place_id: str, french: str, dutch: str, postcode: str, centre: str
) -> None:
    assert _found(dutch) == place_id


@pytest.mark.parametrize(("place_id", "french", "dutch", "postcode", "centre"), BRUSSELS_COMMUNES)
def test_brussels_commune_is_found_by_postcode(
    place_id: str, french: str, dutch: str, postcode: str, centre: str
) -> None:
    assert _found(postcode) == place_id
    assert PLACES[place_id].postcodes[0] == postcode


@pytest.mark.parametrize(("place_id", "french", "dutch", "postcode", "centre"), BRUSSELS_COMMUNES)
def test_brussels_commune_resolves_to_a_centre(
    place_id: str, french: str, dutch: str, postcode: str, centre: str
) -> None:
    place = PLACES[place_id]
    choice = nearest_centre(place.latitude, place.longitude)
    assert choice.nearest.id == centre
    assert choice.nearest_km < 12
    assert not choice.far_away


@pytest.mark.parametrize(("place_id", "french", "dutch", "postcode", "centre"), BRUSSELS_COMMUNES)
def test_brussels_commune_has_its_official_names(
    place_id: str, french: str, dutch: str, postcode: str, centre: str
) -> None:
    assert PLACES[place_id].names["fr"] == french
    assert PLACES[place_id].names["nl"] == dutch


# --- Surrounding municipalities and sections, on both sides of the language border ---

SURROUNDINGS = [
    # name as typed, postcode, id
    ("Kraainem", "1950", "kraainem"),
    ("Wezembeek-Oppem", "1970", "wezembeek-oppem"),
    ("Zaventem", "1930", "zaventem"),
    ("Tervuren", "3080", "tervuren"),
    ("Overijse", "3090", "overijse"),
    ("Hoeilaart", "1560", "hoeilaart"),
    ("Sint-Genesius-Rode", "1640", "sint-genesius-rode"),
    ("Linkebeek", "1630", "linkebeek"),
    ("Drogenbos", "1620", "drogenbos"),
    ("Beersel", "1650", "beersel"),
    ("Sint-Pieters-Leeuw", "1600", "sint-pieters-leeuw"),
    ("Dilbeek", "1700", "dilbeek"),
    ("Asse", "1730", "asse"),
    ("Wemmel", "1780", "wemmel"),
    ("Grimbergen", "1850", "grimbergen"),
    ("Vilvoorde", "1800", "vilvoorde"),
    ("Machelen", "1830", "machelen"),
    ("Steenokkerzeel", "1820", "steenokkerzeel"),
    ("Kortenberg", "3070", "kortenberg"),
    ("Halle", "1500", "halle"),
    ("Waterloo", "1410", "waterloo"),
    ("La Hulpe", "1310", "la-hulpe"),
    ("Rixensart", "1330", "rixensart"),
    ("Braine-l'Alleud", "1420", "braine-l-alleud"),
    ("Lasne", "1380", "lasne"),
    ("Genval", "1332", "genval"),
    ("Wavre", "1300", "wavre"),
    ("Ottignies-Louvain-la-Neuve", "1340", "ottignies-louvain-la-neuve"),
    ("Braine-le-Château", "1440", "braine-le-chateau"),
    ("Tubize", "1480", "tubize"),
    ("Nivelles", "1400", "nivelles"),
    ("Chaumont-Gistoux", "1325", "chaumont-gistoux"),
    ("Grez-Doiceau", "1390", "grez-doiceau"),
    # Sections people give as where they live
    ("Laeken", "1020", "laeken"),
    ("Neder-Over-Heembeek", "1120", "neder-over-heembeek"),
    ("Haren", "1130", "haren"),
    ("Sterrebeek", "1933", "sterrebeek"),
    ("Sint-Stevens-Woluwe", "1932", "sint-stevens-woluwe"),
    ("Louvain-la-Neuve", "1348", "louvain-la-neuve"),
    ("Diegem", "1831", "diegem"),
    ("Strombeek-Bever", "1853", "strombeek-bever"),
]


@pytest.mark.parametrize(("name", "postcode", "place_id"), SURROUNDINGS)
def test_surrounding_place_is_found_by_name(name: str, postcode: str, place_id: str) -> None:
    assert _found(name) == place_id


@pytest.mark.parametrize(("name", "postcode", "place_id"), SURROUNDINGS)
def test_surrounding_place_is_found_by_postcode(name: str, postcode: str, place_id: str) -> None:
    assert _found(postcode) == place_id


OTHER_LANGUAGE_NAMES = [
    ("Crainhem", "kraainem"),
    ("Rhode-Saint-Genèse", "sint-genesius-rode"),
    ("Leeuw-Saint-Pierre", "sint-pieters-leeuw"),
    ("Vilvorde", "vilvoorde"),
    ("Hal", "halle"),
    ("Woluwe-Saint-Étienne", "sint-stevens-woluwe"),
    ("Eigenbrakel", "braine-l-alleud"),
    ("Terhulpen", "la-hulpe"),
    ("Waver", "wavre"),
    ("Nijvel", "nivelles"),
    ("Kasteelbrakel", "braine-le-chateau"),
    ("Tubeke", "tubize"),
    ("Graven", "grez-doiceau"),
    ("Stockel", "stockel"),
    ("Stokkel", "stockel"),
    ("Laken", "laeken"),
    ("Boitsfort", "boitsfort"),
    ("Bosvoorde", "boitsfort"),
    ("Watermael", "watermael"),
    ("Watermaal", "watermael"),
    ("Nossegem", "nossegem"),
    ("Jezus-Eik", "jezus-eik"),
    ("Notre-Dame-au-Bois", "jezus-eik"),
]


@pytest.mark.parametrize(("text", "place_id"), OTHER_LANGUAGE_NAMES)
def test_place_is_found_by_its_other_language_name(text: str, place_id: str) -> None:
    assert _found(text) == place_id


# --- What patients actually type ---

SENTENCES = [
    ("I live in Uccle", "uccle"),
    ("j'habite à Ixelles", "ixelles"),
    ("ik woon in Elsene", "ixelles"),
    ("1150", "woluwe-saint-pierre"),
    ("my postcode is 1950", "kraainem"),
    ("mon code postal est le 1180", "uccle"),
    ("mijn postcode is 1200", "woluwe-saint-lambert"),
    ("Woluwe St Pierre", "woluwe-saint-pierre"),
    ("woluwe-saint-pierre", "woluwe-saint-pierre"),
    ("WSP", "woluwe-saint-pierre"),
    ("wsl", "woluwe-saint-lambert"),
    ("st gilles", "saint-gilles"),
    ("St-Gilles", "saint-gilles"),
    ("Sint-Genesius-Rode", "sint-genesius-rode"),
    ("rhode st genese", "sint-genesius-rode"),
    ("watermael boitsfort", "watermael-boitsfort"),
    ("stokkel", "stockel"),
    ("Bruxelles", "bruxelles"),
    ("Brussels", "bruxelles"),
    ("Etterbeeck", "etterbeek"),
    ("UCCLE", "uccle"),
    ("Schaerbeek", "schaerbeek"),
    ("Schaarbeek", "schaerbeek"),
    ("Kraainem", "kraainem"),
    ("J'HABITE À WOLUWÉ-SAINT-LAMBERT", "woluwe-saint-lambert"),
    ("je vis à Saint-Josse", "saint-josse-ten-noode"),
    ("Ik woon in Sint-Jans-Molenbeek.", "molenbeek-saint-jean"),
    ("wij wonen in Oudergem", "auderghem"),
    ("on habite a Forest", "forest"),
    ("I'm from Watermaal-Bosvoorde", "watermael-boitsfort"),
    ("Berchem Ste Agathe", "berchem-sainte-agathe"),
    ("near Woluwé St. Lambert", "woluwe-saint-lambert"),
    ("Ste-Agathe-Berchem? no: Berchem-Ste-Agathe", "berchem-sainte-agathe"),
    ("B-1150 Bruxelles", "woluwe-saint-pierre"),
    ("Rue Gray 12, 1040 Etterbeek", "etterbeek"),
    ("Zaventem, near the airport", "zaventem"),
    ("Tervueren", "tervuren"),
    ("Genval, near the lake", "genval"),
    ("LLN", "louvain-la-neuve"),
    # Typos and missing accents
    ("Woluwe saint piere", "woluwe-saint-pierre"),
    ("watermaelboitsfort", "watermael-boitsfort"),
    ("Anderlect", "anderlecht"),
    ("Ganshorn", "ganshoren"),
    ("Schaerbeeck", "schaerbeek"),
    ("braine lalleud", "braine-l-alleud"),
    ("Braine l’Alleud", "braine-l-alleud"),
    ("rhode saint genese", "sint-genesius-rode"),
    ("Koekelburg", "koekelberg"),
    # Several places named: the most specific reading wins
    ("Uccle, Brussels", "uccle"),
    ("Laeken (Bruxelles)", "laeken"),
    ("Stockel, Woluwe-Saint-Pierre", "stockel"),
    ("Louvain-la-Neuve", "louvain-la-neuve"),
    ("Ottignies-Louvain-la-Neuve", "ottignies-louvain-la-neuve"),
    ("Louvain", "leuven"),
    # A year is not a postcode
    ("depuis 1970 j'habite à Uccle", "uccle"),
]


@pytest.mark.parametrize(("text", "place_id"), SENTENCES)
def test_place_is_found_in_what_patients_type(text: str, place_id: str) -> None:
    assert _found(text) == place_id


SHARED_POSTCODES = [
    # A section with its own entry takes its own postcode; otherwise the municipality wins.
    ("1000", "bruxelles"),
    ("1020", "laeken"),
    ("1040", "etterbeek"),
    ("1050", "ixelles"),
    ("1170", "watermael-boitsfort"),
    ("1150", "woluwe-saint-pierre"),
    ("1930", "zaventem"),
    ("1300", "wavre"),
    ("1348", "louvain-la-neuve"),
    ("1820", "steenokkerzeel"),
]


@pytest.mark.parametrize(("postcode", "place_id"), SHARED_POSTCODES)
def test_shared_postcode_resolves_deterministically(postcode: str, place_id: str) -> None:
    assert _found(postcode) == place_id
    assert _found(f"I live in {postcode} and that's it") == place_id


def test_postcode_wins_over_a_place_name() -> None:
    assert _found("Uccle, well, 1150 actually") == "woluwe-saint-pierre"


UNKNOWN = [
    "Paris",
    "Antwerp is far",
    "Antwerpen",
    "hello",
    "",
    "   ",
    "🙂🙂🙂",
    "j'ai assez mal au dos",
    "ik heb pijn in mijn nek",
    "I have had shoulder pain since last week",
    "my number is 0475 12 34 56",
    "75001",
    "2000",
    "since 1950",
    "?!.,;:-'",
]


@pytest.mark.parametrize("text", UNKNOWN)
def test_unknown_places_give_none(text: str) -> None:
    assert find_place(text) is None


@pytest.mark.parametrize("bad", [None, 1150, 3.5, b"Uccle", ["Uccle"]])
def test_bad_input_gives_none(bad: Any) -> None:
    assert find_place(bad) is None


LONG_TEXTS = [
    ("my back hurts and I walk a lot every day near the park " * 100)[:5000],
    "🙂" * 5000,
    "é" * 5000,
    ("Uccle " * 1000)[:5000],
    "".join(chr(0x0400 + i % 200) for i in range(5000)),
]


@pytest.mark.parametrize("text", LONG_TEXTS)
def test_long_text_is_handled(text: str) -> None:
    # Speed is measured by `make bench` (bench/detector.py), not asserted here.
    result = find_place(text)
    expected = "uccle" if "Uccle" in text else None
    assert (result.id if result else None) == expected


def test_long_text_still_finds_a_place_named_at_its_end() -> None:
    text = "my back hurts and I walk a lot every day near the park " * 90 + "I live in Jette"
    assert _found(text) == "jette"


# --- Normalisation ---

NORMALISED = [
    ("Woluwe-St-Pierre", "woluwe saint pierre"),
    ("Sint-Pieters-Woluwe", "saint pieters woluwe"),
    ("Rhode-Saint-Genèse", "rhode saint genese"),
    ("Berchem-Ste-Agathe", "berchem saint agathe"),
    ("Berchem-Sainte-Agathe", "berchem saint agathe"),
    ("Braine-l'Alleud", "braine l alleud"),
    ("  ÉTTERBEEK.  ", "etterbeek"),
    ("St. Gilles", "saint gilles"),
    ("Œuvre", "oeuvre"),
    ("🙂", ""),
]


@pytest.mark.parametrize(("text", "expected"), NORMALISED)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


# --- Nearest centre ---

NEAREST = [
    ("woluwe-saint-pierre", "kraainem"),
    ("woluwe-saint-lambert", "kraainem"),
    ("zaventem", "kraainem"),
    ("tervuren", "kraainem"),
    ("wezembeek-oppem", "kraainem"),
    ("kraainem", "kraainem"),
    ("stockel", "kraainem"),
    ("evere", "kraainem"),
    ("schaerbeek", "kraainem"),
    ("ixelles", "boitsfort"),
    ("uccle", "boitsfort"),
    ("auderghem", "boitsfort"),
    ("watermael-boitsfort", "boitsfort"),
    ("forest", "boitsfort"),
    ("saint-gilles", "boitsfort"),
    ("linkebeek", "boitsfort"),
    ("waterloo", "boitsfort"),
    ("la-hulpe", "boitsfort"),
    # Overijse is a near tie by straight line: 9.2 km to Boitsfort, 9.4 km to Kraainem.
    ("overijse", "boitsfort"),
    # Etterbeek lies between the two, but nearer Boitsfort: 3.8 km against 5.9 km to Kraainem.
    ("etterbeek", "boitsfort"),
]


@pytest.mark.parametrize(("place_id", "centre"), NEAREST)
def test_nearest_centre_for_place(place_id: str, centre: str) -> None:
    assert _nearest_to_place(place_id) == centre


@pytest.mark.parametrize(
    ("place_id", "nearest_km", "other_km"),
    [("etterbeek", 3.84, 5.91), ("overijse", 9.22, 9.39)],
)
def test_distances_for_the_closest_calls(place_id: str, nearest_km: float, other_km: float) -> None:
    place = PLACES[place_id]
    choice = nearest_centre(place.latitude, place.longitude)
    assert choice.nearest_km == pytest.approx(nearest_km, abs=0.01)
    assert choice.other_km == pytest.approx(other_km, abs=0.01)


POINTS = [
    # label, latitude, longitude, nearer centre, far away
    ("Atomium", 50.8949, 4.3415, "kraainem", False),
    ("NATO headquarters", 50.8797, 4.4250, "kraainem", False),
    ("Berlaymont, European Commission", 50.8436, 4.3826, "boitsfort", False),
    ("Grand-Place", 50.8467, 4.3525, "boitsfort", False),
    ("Antwerp, Grote Markt", 51.2212, 4.3997, "kraainem", True),
    ("Liège", 50.6326, 5.5797, "kraainem", True),
    ("Paris", 48.8566, 2.3522, "boitsfort", True),
]


@pytest.mark.parametrize(("label", "latitude", "longitude", "centre", "far_away"), POINTS)
def test_nearest_centre_for_coordinates(
    label: str, latitude: float, longitude: float, centre: str, far_away: bool
) -> None:
    choice = nearest_centre(latitude, longitude)
    assert choice.nearest.id == centre
    assert choice.far_away is far_away
    assert choice.far_away is (choice.nearest_km > FAR_AWAY_KM)
    assert choice.nearest_km <= choice.other_km
    assert {choice.nearest.id, choice.other.id} == {"kraainem", "boitsfort"}


def test_atomium_distances() -> None:
    choice = nearest_centre(50.8949, 4.3415)
    assert choice.nearest_km == pytest.approx(10.4, abs=0.1)
    assert choice.other_km == pytest.approx(11.4, abs=0.1)


@pytest.mark.parametrize("centre_id", ["kraainem", "boitsfort"])
def test_centre_is_nearest_to_itself(centre_id: str) -> None:
    centre = CENTRES[centre_id]
    choice = nearest_centre(centre.latitude, centre.longitude)
    assert choice.nearest.id == centre_id
    assert choice.nearest_km < 0.5
    other = CENTRES["boitsfort" if centre_id == "kraainem" else "kraainem"]
    assert choice.other.id == other.id
    assert choice.other_km == pytest.approx(
        haversine_km(centre.latitude, centre.longitude, other.latitude, other.longitude)
    )


def test_the_centres_are_about_six_and_a_half_km_apart() -> None:
    kraainem, boitsfort = CENTRES["kraainem"], CENTRES["boitsfort"]
    distance = haversine_km(
        kraainem.latitude, kraainem.longitude, boitsfort.latitude, boitsfort.longitude
    )
    assert 5.5 < distance < 7.5


HAVERSINE = [
    # lat1, lon1, lat2, lon2, km
    (50.8467, 4.3525, 50.8467, 4.3525, 0.0),
    (0.0, 0.0, 1.0, 0.0, 111.195),  # one degree of latitude
    (0.0, 0.0, 0.0, 1.0, 111.195),  # one degree of longitude at the equator
    (60.0, 0.0, 60.0, 1.0, 55.597),  # ... and half that at 60 degrees north
    (48.8566, 2.3522, 51.5074, -0.1278, 343.56),  # Paris - London
    (0.0, 0.0, 0.0, 180.0, 20015.11),  # half the equator
]


@pytest.mark.parametrize(("lat1", "lon1", "lat2", "lon2", "km"), HAVERSINE)
def test_haversine_km(lat1: float, lon1: float, lat2: float, lon2: float, km: float) -> None:
    assert haversine_km(lat1, lon1, lat2, lon2) == pytest.approx(km, abs=0.01)
    assert haversine_km(lat2, lon2, lat1, lon1) == pytest.approx(km, abs=0.01)


@pytest.mark.parametrize(
    ("latitude", "longitude"),
    [(float("nan"), 4.35), (50.85, float("inf")), (91.0, 4.35), (50.85, 181.0), ("50.8", 4.35)],
)
def test_nearest_centre_rejects_invalid_coordinates(latitude: Any, longitude: Any) -> None:
    with pytest.raises(ValueError):
        nearest_centre(latitude, longitude)


# --- The data files ---


def test_place_count_is_in_the_expected_range() -> None:
    assert 60 <= len(PLACES) <= 90


@pytest.mark.parametrize("place_id", sorted(PLACES))
def test_place_lies_within_40_km_of_the_grand_place(place_id: str) -> None:
    place = PLACES[place_id]
    assert haversine_km(*GRAND_PLACE, place.latitude, place.longitude) < 40


@pytest.mark.parametrize("area", ["brussels", "flemish_brabant", "walloon_brabant"])
def test_every_area_has_places(area: str) -> None:
    assert sum(place.area == area for place in PLACES.values()) >= 15


def test_default_data_is_loaded_once() -> None:
    assert load_places() is load_places()
    assert load_centres() == load_centres()


def test_centres_are_kraainem_and_boitsfort() -> None:
    assert set(CENTRES) == {"kraainem", "boitsfort"}
    assert CENTRES["kraainem"].name == "HCMC Kraainem"
    assert CENTRES["boitsfort"].full_name == "Health and Care Medical Center - Boitsfort"


ADDRESSES = [
    ("kraainem", "fr", "Avenue de Wezembeek 106, 1950 Kraainem"),
    ("kraainem", "nl", "Wezembeeklaan 106, 1950 Kraainem"),
    ("kraainem", "en", "Avenue de Wezembeek 106, 1950 Kraainem"),
    ("boitsfort", "fr", "Dries 53, 1170 Watermael-Boitsfort"),
    ("boitsfort", "nl", "Dries 53, 1170 Watermaal-Bosvoorde"),
    ("boitsfort", "en", "Dries 53, 1170 Watermael-Boitsfort"),
]


@pytest.mark.parametrize(("centre_id", "language", "address"), ADDRESSES)
def test_centre_address(centre_id: str, language: str, address: str) -> None:
    assert CENTRES[centre_id].address_in(language) == address


ACCESS_FACTS = [
    ("kraainem", "en", ["Stockel", "Woluwe", "Wezembeek-Oppem", "NATO"]),
    ("kraainem", "fr", ["Stockel", "Woluwe", "Wezembeek-Oppem", "OTAN"]),
    ("kraainem", "nl", ["Stokkel", "Woluwe", "Wezembeek-Oppem", "NAVO"]),
    ("boitsfort", "en", ["Ixelles", "Avenue Louise", "Uccle", "Auderghem", "Etterbeek"]),
    ("boitsfort", "fr", ["Ixelles", "avenue Louise", "Uccle", "Auderghem", "Etterbeek"]),
    ("boitsfort", "nl", ["Elsene", "Louizalaan", "Ukkel", "Oudergem", "Etterbeek"]),
]


@pytest.mark.parametrize(("centre_id", "language", "facts"), ACCESS_FACTS)
def test_centre_access_note_gives_the_website_facts(
    centre_id: str, language: str, facts: list[str]
) -> None:
    note = CENTRES[centre_id].access_in(language)
    for fact in facts:
        assert fact in note


def test_centre_falls_back_for_other_languages() -> None:
    kraainem = CENTRES["kraainem"]
    assert kraainem.access_in("de") == kraainem.access["en"]
    assert kraainem.street_in("de") == "Avenue de Wezembeek 106"
    assert kraainem.commune_in("de") == "Kraainem"


def test_centres_can_be_hashed_and_compared() -> None:
    assert len({CENTRES["kraainem"], CENTRES["boitsfort"], CENTRES["kraainem"]}) == 2
    assert isinstance(CENTRES["kraainem"], Centre)


PLACE_NAMES = [
    ("ixelles", "fr", "Ixelles"),
    ("ixelles", "nl", "Elsene"),
    ("ixelles", "en", "Ixelles"),
    ("bruxelles", "en", "Brussels"),
    ("bruxelles", "nl", "Brussel"),
    ("halle", "fr", "Hal"),
    ("halle", "en", "Halle"),
    ("sint-genesius-rode", "en", "Sint-Genesius-Rode"),
    ("sint-genesius-rode", "fr", "Rhode-Saint-Genèse"),
    ("kraainem", "fr", "Crainhem"),
    ("kraainem", "en", "Kraainem"),
    ("braine-l-alleud", "en", "Braine-l'Alleud"),
    ("braine-l-alleud", "nl", "Eigenbrakel"),
    ("leuven", "en", "Leuven"),
    ("uccle", "de", "Uccle"),
]


@pytest.mark.parametrize(("place_id", "language", "name"), PLACE_NAMES)
def test_place_name_in(place_id: str, language: str, name: str) -> None:
    assert PLACES[place_id].name_in(language) == name


def test_places_can_be_hashed() -> None:
    assert len({PLACES["uccle"], PLACES["uccle"], PLACES["ixelles"]}) == 2
    assert isinstance(PLACES["uccle"], Place)


# --- Validation of broken data files ---


def _valid_place(place_id: str = "testville") -> dict[str, Any]:
    return {
        "id": place_id,
        "names": {"fr": f"{place_id} fr", "nl": f"{place_id} nl"},
        "postcodes": ["1000"],
        "latitude": 50.85,
        "longitude": 4.35,
        "area": "brussels",
    }


def _write(tmp_path: Path, key: str, entries: list[dict[str, Any]]) -> Path:
    path = tmp_path / f"{key}.yml"
    path.write_text(yaml.safe_dump({key: entries}, allow_unicode=True), encoding="utf-8")
    return path


def test_a_valid_places_file_loads(tmp_path: Path) -> None:
    entry = {**_valid_place(), "postcodes": [1000, "1020"], "aliases": ["TV"]}
    places = load_places(_write(tmp_path, "places", [entry]))
    assert places[0].postcodes == ("1000", "1020")
    assert places[0].aliases == ("TV",)


BROKEN_PLACES = [
    # description, change to the entry, words the error must contain
    ("missing field", lambda e: e.pop("latitude"), "missing field(s): latitude"),
    ("missing names", lambda e: e.pop("names"), "missing field(s): names"),
    ("latitude outside Belgium", lambda e: e.update(latitude=48.85), "outside Belgium"),
    ("longitude outside Belgium", lambda e: e.update(longitude=7.1), "outside Belgium"),
    ("swapped coordinates", lambda e: e.update(latitude=4.35, longitude=50.85), "outside Belgium"),
    ("coordinate as text", lambda e: e.update(latitude="50.85"), "must be a number"),
    ("three-digit postcode", lambda e: e.update(postcodes=["100"]), "not a 4-digit"),
    ("five-digit postcode", lambda e: e.update(postcodes=["10000"]), "not a 4-digit"),
    ("postcode with a letter", lambda e: e.update(postcodes=["1O00"]), "not a 4-digit"),
    ("postcode starting with 0", lambda e: e.update(postcodes=["0999"]), "not a 4-digit"),
    ("no postcodes", lambda e: e.update(postcodes=[]), "non-empty list"),
    ("unknown area", lambda e: e.update(area="wallonia"), "area 'wallonia'"),
    ("names without nl", lambda e: e.update(names={"fr": "Ville"}), "missing language(s): nl"),
    ("names without fr", lambda e: e.update(names={"nl": "Stad"}), "missing language(s): fr"),
    ("unknown language", lambda e: e["names"].update(de="Stadt"), "unknown language(s): de"),
    ("empty name", lambda e: e["names"].update(fr=" "), "non-empty string"),
    ("unknown field", lambda e: e.update(lattitude=50.8), "unknown field(s): lattitude"),
    ("bad id", lambda e: e.update(id="Test Ville"), "lowercase ascii slug"),
    ("unknown part_of", lambda e: e.update(part_of="nowhere"), "part_of 'nowhere'"),
    ("umbrella not a bool", lambda e: e.update(umbrella="yes"), "true or false"),
]


@pytest.mark.parametrize(
    ("description", "change", "message"), BROKEN_PLACES, ids=[row[0] for row in BROKEN_PLACES]
)
def test_broken_place_entry_is_rejected(
    tmp_path: Path, description: str, change: Any, message: str
) -> None:
    entry = _valid_place()
    change(entry)
    path = _write(tmp_path, "places", [_valid_place("other"), entry])
    with pytest.raises(ValueError) as error:
        load_places(path)
    assert message in str(error.value)
    assert str(path) in str(error.value)


def test_error_names_the_entry(tmp_path: Path) -> None:
    entry = {**_valid_place(), "latitude": 60.0}
    with pytest.raises(ValueError, match=r"entry 2 \(id 'testville'\)"):
        load_places(_write(tmp_path, "places", [_valid_place("other"), entry]))


def test_duplicate_place_id_is_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path, "places", [_valid_place("twice"), _valid_place("twice")])
    with pytest.raises(ValueError, match="duplicate id 'twice'"):
        load_places(path)


def test_a_name_shared_by_two_places_is_rejected(tmp_path: Path) -> None:
    second = {**_valid_place("second"), "aliases": ["First-fr"]}
    path = _write(tmp_path, "places", [_valid_place("first"), second])
    with pytest.raises(ValueError, match="already used by 'first'"):
        load_places(path)


@pytest.mark.parametrize(
    "content", ["", "places: []", "places: {}", "other: [1]", "places: [1, 2]", "places: [unclosed"]
)
def test_malformed_places_file_is_rejected(tmp_path: Path, content: str) -> None:
    path = tmp_path / "places.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match="places.yml"):
        load_places(path)


def _valid_centre(centre_id: str = "testcentre") -> dict[str, Any]:
    return {
        "id": centre_id,
        "name": "HCMC Test",
        "full_name": "Health and Care Medical Center - Test",
        "street": {"fr": "Rue du Test 1", "nl": "Teststraat 1"},
        "postcode": "1000",
        "commune": {"fr": "Bruxelles", "nl": "Brussel"},
        "latitude": 50.85,
        "longitude": 4.35,
        "access": {"en": "Near.", "fr": "Proche.", "nl": "Dichtbij."},
    }


def test_a_valid_centres_file_loads(tmp_path: Path) -> None:
    centres = load_centres(_write(tmp_path, "centres", [_valid_centre("a"), _valid_centre("b")]))
    assert list(centres) == ["a", "b"]
    assert centres["a"].address_in("nl") == "Teststraat 1, 1000 Brussel"


BROKEN_CENTRES = [
    ("missing field", lambda e: e.pop("full_name"), "missing field(s): full_name"),
    ("access without nl", lambda e: e["access"].pop("nl"), "missing language(s): nl"),
    ("street without fr", lambda e: e.update(street={"nl": "Straat 1"}), "missing language(s): fr"),
    ("bad postcode", lambda e: e.update(postcode="B-1000"), "not a 4-digit"),
    ("outside Belgium", lambda e: e.update(longitude=2.35, latitude=48.86), "outside Belgium"),
]


@pytest.mark.parametrize(
    ("description", "change", "message"), BROKEN_CENTRES, ids=[row[0] for row in BROKEN_CENTRES]
)
def test_broken_centre_entry_is_rejected(
    tmp_path: Path, description: str, change: Any, message: str
) -> None:
    entry = _valid_centre()
    change(entry)
    path = _write(tmp_path, "centres", [entry])
    with pytest.raises(ValueError) as error:
        load_centres(path)
    assert message in str(error.value)
    assert "centres.yml" in str(error.value)


def test_duplicate_centre_id_is_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path, "centres", [_valid_centre("same"), _valid_centre("same")])
    with pytest.raises(ValueError, match="duplicate id 'same'"):
        load_centres(path)
