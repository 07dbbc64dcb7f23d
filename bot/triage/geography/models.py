"""The records the geography data files are loaded into: HCMC centres and places people live."""

from __future__ import annotations

from dataclasses import dataclass, field

# The clinic's own text is French first; English access notes are the common fallback.
_DEFAULT_LANGUAGE = "fr"
_DEFAULT_ACCESS_LANGUAGE = "en"


@dataclass(frozen=True)
class Centre:
    """One HCMC centre, as described in centres.yml."""

    id: str
    name: str
    full_name: str
    # Dicts are excluded from the hash so that centres can still go into sets.
    street: dict[str, str] = field(hash=False)
    postcode: str
    commune: dict[str, str] = field(hash=False)
    latitude: float
    longitude: float
    access: dict[str, str] = field(hash=False)

    def street_in(self, language: str) -> str:
        return self.street.get(language) or self.street[_DEFAULT_LANGUAGE]

    def commune_in(self, language: str) -> str:
        return self.commune.get(language) or self.commune[_DEFAULT_LANGUAGE]

    def access_in(self, language: str) -> str:
        return self.access.get(language) or self.access[_DEFAULT_ACCESS_LANGUAGE]

    def address_in(self, language: str) -> str:
        """One-line postal address, e.g. "Avenue de Wezembeek 106, 1950 Kraainem"."""
        return f"{self.street_in(language)}, {self.postcode} {self.commune_in(language)}"


@dataclass(frozen=True)
class Place:
    """A commune, municipality or well-known section, as described in places.yml."""

    id: str
    names: dict[str, str] = field(hash=False)
    aliases: tuple[str, ...]
    postcodes: tuple[str, ...]
    latitude: float
    longitude: float
    area: str
    part_of: str | None = None
    umbrella: bool = False

    def name_in(self, language: str) -> str:
        """The place's name for a reply in `language` ("fr", "nl", "en"; others read as "en").

        English has no names of its own for most places: Brussels and Walloon places keep their
        French name and Flemish places their Dutch one, as English speakers there use them.
        """
        if language in ("fr", "nl"):
            return self.names[language]
        if "en" in self.names:
            return self.names["en"]
        return self.names["nl"] if self.area == "flemish_brabant" else self.names["fr"]
