"""Load centres.yml and places.yml, validating every entry before the bot relies on it."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from bot.triage.geography.models import Centre, Place
from bot.triage.geography.normalise import normalise
from bot.triage.language import LANGUAGES

DATA_DIR = Path(__file__).resolve().parent
CENTRES_FILE = DATA_DIR / "centres.yml"
PLACES_FILE = DATA_DIR / "places.yml"

AREAS = frozenset({"brussels", "flemish_brabant", "walloon_brabant"})

# A generous box around Belgium: catches swapped or mistyped coordinates, not border details.
LATITUDE_RANGE = (49.4, 51.6)
LONGITUDE_RANGE = (2.5, 6.5)

# Belgian postcodes are four digits and never start with 0.
_POSTCODE = re.compile(r"[1-9][0-9]{3}")

_CENTRE_FIELDS = frozenset(
    {
        "id",
        "name",
        "full_name",
        "street",
        "postcode",
        "commune",
        "latitude",
        "longitude",
        "access",
    }
)
_PLACE_FIELDS = frozenset(
    {
        "id",
        "names",
        "aliases",
        "postcodes",
        "latitude",
        "longitude",
        "area",
        "part_of",
        "umbrella",
    }
)
_REQUIRED_PLACE_FIELDS = _PLACE_FIELDS - {"aliases", "part_of", "umbrella"}
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def load_centres(path: Path | None = None) -> dict[str, Centre]:
    """The centres by id. Raises ValueError naming the file and entry when the data is wrong."""
    centres = _default_centres() if path is None else _read_centres(Path(path))
    # A fresh dict each call, so one caller's changes cannot leak into the cache.
    return {centre.id: centre for centre in centres}


def load_places(path: Path | None = None) -> tuple[Place, ...]:
    """The places in file order. Raises ValueError naming the file and entry when wrong."""
    return _default_places() if path is None else _read_places(Path(path))


@functools.lru_cache(maxsize=1)
def _default_centres() -> tuple[Centre, ...]:
    return _read_centres(CENTRES_FILE)


@functools.lru_cache(maxsize=1)
def _default_places() -> tuple[Place, ...]:
    return _read_places(PLACES_FILE)


def _read_centres(path: Path) -> tuple[Centre, ...]:
    entries = [_Entry(path, index, raw) for index, raw in enumerate(_read_list(path, "centres"))]
    centres = tuple(_centre(entry) for entry in entries)
    _check_unique_ids(path, [centre.id for centre in centres])
    return centres


def _read_places(path: Path) -> tuple[Place, ...]:
    entries = [_Entry(path, index, raw) for index, raw in enumerate(_read_list(path, "places"))]
    places = tuple(_place(entry) for entry in entries)
    _check_unique_ids(path, [place.id for place in places])
    _check_part_of(path, places)
    _check_unique_names(path, places)
    return places


def _read_list(path: Path, key: str) -> list[Any]:
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ValueError(f"{path}: not valid YAML: {error}") from error
    entries = document.get(key) if isinstance(document, dict) else None
    if not isinstance(entries, list) or not entries:
        raise ValueError(f"{path}: expected a non-empty list under the top-level key '{key}'")
    return entries


def _centre(entry: _Entry) -> Centre:
    entry.check_fields(allowed=_CENTRE_FIELDS, required=_CENTRE_FIELDS)
    return Centre(
        id=entry.identifier(),
        name=entry.text("name"),
        full_name=entry.text("full_name"),
        street=entry.languages("street", required=("fr",)),
        postcode=entry.postcode(entry.raw["postcode"]),
        commune=entry.languages("commune", required=("fr", "nl")),
        latitude=entry.coordinate("latitude", LATITUDE_RANGE),
        longitude=entry.coordinate("longitude", LONGITUDE_RANGE),
        access=entry.languages("access", required=LANGUAGES),
    )


def _place(entry: _Entry) -> Place:
    entry.check_fields(allowed=_PLACE_FIELDS, required=_REQUIRED_PLACE_FIELDS)
    area = entry.text("area")
    if area not in AREAS:
        raise entry.error(f"area {area!r} is not one of {sorted(AREAS)}")
    postcodes = entry.raw["postcodes"]
    if not isinstance(postcodes, list) or not postcodes:
        raise entry.error("'postcodes' must be a non-empty list")
    part_of = entry.raw.get("part_of")
    if part_of is not None and not isinstance(part_of, str):
        raise entry.error("'part_of' must be the id of another place")
    umbrella = entry.raw.get("umbrella", False)
    if not isinstance(umbrella, bool):
        raise entry.error("'umbrella' must be true or false")
    return Place(
        id=entry.identifier(),
        names=entry.languages("names", required=("fr", "nl")),
        aliases=entry.optional_texts("aliases"),
        postcodes=tuple(entry.postcode(code) for code in postcodes),
        latitude=entry.coordinate("latitude", LATITUDE_RANGE),
        longitude=entry.coordinate("longitude", LONGITUDE_RANGE),
        area=area,
        part_of=part_of,
        umbrella=umbrella,
    )


class _Entry:
    """One raw YAML entry under validation; every error names the file and the entry."""

    def __init__(self, path: Path, index: int, raw: Any) -> None:
        self.path = path
        raw_id = raw.get("id") if isinstance(raw, dict) else None
        self.label = f"entry {index + 1}" + (f" (id {raw_id!r})" if raw_id else "")
        if not isinstance(raw, dict):
            raise self.error("must be a mapping of fields")
        self.raw: dict[str, Any] = raw

    def error(self, problem: str) -> ValueError:
        return ValueError(f"{self.path}: {self.label}: {problem}")

    def check_fields(self, allowed: frozenset[str], required: frozenset[str]) -> None:
        missing = sorted(required - self.raw.keys())
        if missing:
            raise self.error(f"missing field(s): {', '.join(missing)}")
        unknown = sorted(set(self.raw) - allowed)
        if unknown:
            raise self.error(f"unknown field(s): {', '.join(map(str, unknown))}")

    def identifier(self) -> str:
        value = self.text("id")
        if not _ID.fullmatch(value):
            raise self.error(f"id {value!r} must be a lowercase ascii slug like 'saint-gilles'")
        return value

    def text(self, key: str) -> str:
        value = self.raw[key]
        if not isinstance(value, str) or not value.strip():
            raise self.error(f"'{key}' must be a non-empty string")
        return value.strip()

    def optional_texts(self, key: str) -> tuple[str, ...]:
        values = self.raw.get(key) or []
        if not isinstance(values, list) or not all(_is_text(value) for value in values):
            raise self.error(f"'{key}' must be a list of non-empty strings")
        return tuple(value.strip() for value in values)

    def languages(self, key: str, required: Iterable[str]) -> dict[str, str]:
        value = self.raw[key]
        if not isinstance(value, dict):
            raise self.error(f"'{key}' must map languages (en, fr, nl) to text")
        missing = [language for language in required if language not in value]
        if missing:
            raise self.error(f"'{key}' is missing language(s): {', '.join(missing)}")
        unknown = sorted(set(value) - set(LANGUAGES))
        if unknown:
            raise self.error(f"'{key}' has unknown language(s): {', '.join(map(str, unknown))}")
        if not all(_is_text(text) for text in value.values()):
            raise self.error(f"'{key}' must map every language to a non-empty string")
        return {language: " ".join(text.split()) for language, text in value.items()}

    def coordinate(self, key: str, bounds: tuple[float, float]) -> float:
        value = self.raw[key]
        low, high = bounds
        # bool is an int in Python; a `true` here is a typo, not a coordinate.
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.error(f"'{key}' must be a number, got {value!r}")
        if not math.isfinite(value) or not low <= value <= high:
            raise self.error(f"'{key}' {value} is outside Belgium ({low} to {high})")
        return float(value)

    def postcode(self, value: Any) -> str:
        # Accept unquoted numbers too: YAML reads 1000 as an int.
        code = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
        if not isinstance(code, str) or not _POSTCODE.fullmatch(code):
            raise self.error(f"postcode {value!r} is not a 4-digit Belgian postcode")
        return code


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _check_unique_ids(path: Path, ids: list[str]) -> None:
    seen: set[str] = set()
    for identifier in ids:
        if identifier in seen:
            raise ValueError(f"{path}: duplicate id {identifier!r}")
        seen.add(identifier)


def _check_part_of(path: Path, places: tuple[Place, ...]) -> None:
    ids = {place.id for place in places}
    for place in places:
        if place.part_of is not None and (place.part_of not in ids or place.part_of == place.id):
            raise ValueError(
                f"{path}: place {place.id!r}: part_of {place.part_of!r} is not another place's id"
            )


def _check_unique_names(path: Path, places: tuple[Place, ...]) -> None:
    # Two places answering to the same name would make find_place a coin toss.
    owners: dict[str, str] = {}
    for place in places:
        for name in (*place.names.values(), *place.aliases):
            key = normalise(name)
            if not key:
                raise ValueError(f"{path}: place {place.id!r}: name {name!r} has no letters")
            owner = owners.setdefault(key, place.id)
            if owner != place.id:
                raise ValueError(
                    f"{path}: place {place.id!r}: name {name!r} is already used by {owner!r}"
                )
