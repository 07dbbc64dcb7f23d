"""Immutable, typed view of the referred-pain knowledge base (the content lives in regions.yml)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

FALLBACK_LANGUAGE = "en"

MUSCULAR = "muscular"
# Pain that could have an urgent internal cause (heart, abdomen): a doctor comes first.
DOCTOR_FIRST = "doctor_first"
EXPLANATIONS = (MUSCULAR, DOCTOR_FIRST)

USUAL = "usual"
WEAK = "weak"  # the source calls the link "weakly supported"
EVIDENCE_LEVELS = (USUAL, WEAK)


def _in_language(texts: dict[str, str], language: str) -> str:
    return texts.get(language) or texts[FALLBACK_LANGUAGE]


# Dicts are excluded from hashing (hash=False) so the frozen objects stay hashable.
@dataclass(frozen=True)
class Muscle:
    """A muscle as listed for a region; evidence and notes belong to that region's listing."""

    id: str
    technical: str
    labels: dict[str, str] = field(hash=False)
    evidence: str = USUAL
    notes: dict[str, str] = field(default_factory=dict, hash=False)

    def label(self, language: str) -> str:
        return _in_language(self.labels, language)

    def note(self, language: str) -> str | None:
        """The region-specific qualifier (e.g. "for pain in the ear"), if any."""
        return _in_language(self.notes, language) if self.notes else None


@dataclass(frozen=True)
class Region:
    id: str
    labels: dict[str, str] = field(hash=False)
    explanation: str
    muscles: tuple[Muscle, ...]
    clinic_examples: tuple[str, ...]

    def __post_init__(self) -> None:
        # Defence in depth: whatever built this object, a doctor-first region never names muscles.
        if self.is_doctor_first and self.muscles:
            raise ValueError(f"region {self.id!r} is doctor_first and must list no muscles")

    def label(self, language: str) -> str:
        return _in_language(self.labels, language)

    @property
    def is_doctor_first(self) -> bool:
        return self.explanation == DOCTOR_FIRST


@dataclass(frozen=True)
class KnowledgeBase:
    regions: dict[str, Region] = field(hash=False)

    def region(self, region_id: str) -> Region:
        try:
            return self.regions[region_id]
        except KeyError:
            known = ", ".join(self.regions)
            raise KeyError(f"unknown body region {region_id!r}; known regions: {known}") from None

    def muscles_for(self, region_ids: Iterable[str]) -> list[Muscle]:
        """Muscles that may refer pain to any of the regions, de-duplicated, in order.

        Doctor-first regions contribute nothing. A muscle listed by several regions keeps the
        position of its first listing, but a 'usual' listing wins over a 'weak' one, so a weak
        caveat is not shown when another region supports the muscle normally.
        """
        if isinstance(region_ids, str):
            raise TypeError("muscles_for expects a collection of region ids, not one string")
        chosen: dict[str, Muscle] = {}
        for region_id in region_ids:
            region = self.region(region_id)
            if region.is_doctor_first:
                continue
            for muscle in region.muscles:
                kept = chosen.get(muscle.id)
                if kept is None or (kept.evidence == WEAK and muscle.evidence == USUAL):
                    chosen[muscle.id] = muscle  # re-assigning keeps the original position
        return list(chosen.values())
