"""Ids as staff read them: regions, urgency tiers, red flags, centres and interview answers in
words. The words come from the project's own data files (through their loaders), so the review
app says what the assistant says; an id the data does not know is shown as it is."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from bot.geography import load_centres
from bot.interview.summary import summary_fields
from bot.interview.vocabulary import load_vocabulary
from bot.knowledge import load_knowledge_base
from bot.red_flags.advice import load_advice

# The interface is in English for now; the data files also hold French and Dutch.
STAFF_LANGUAGE = "en"
NOT_GIVEN = "-"


def region_words(region: str, language: str = STAFF_LANGUAGE) -> str:
    try:
        return load_knowledge_base().region(region).label(language)
    except KeyError:
        return region


def regions_words(regions: Iterable[str], language: str = STAFF_LANGUAGE) -> str:
    return ", ".join(region_words(region, language) for region in regions if region) or NOT_GIVEN


def indexed_regions(column: str | None, language: str = STAFF_LANGUAGE) -> str:
    """The index keeps regions as ",knee_front,low_back," (bot/review/index.py)."""
    return regions_words((column or "").split(","), language)


def tier_words(tier: str | None, language: str = STAFF_LANGUAGE) -> str:
    if not tier:
        return NOT_GIVEN
    try:
        return load_advice().title(tier, language)
    except KeyError:
        return tier


def flag_words(flag: str, language: str = STAFF_LANGUAGE) -> str:
    try:
        return load_advice().reason(flag, language)
    except KeyError:
        return flag


def flags_words(flags: Iterable[str], language: str = STAFF_LANGUAGE) -> str:
    return "; ".join(flag_words(flag, language) for flag in flags) or NOT_GIVEN


@lru_cache(maxsize=1)
def _centre_names() -> dict[str, str]:
    return {centre.id: centre.name for centre in load_centres().values()}


def centre_words(centre: str | None) -> str:
    if not centre:
        return NOT_GIVEN
    return _centre_names().get(centre, centre)


def centre_choices(centres: Iterable[str]) -> list[tuple[str, str]]:
    """(id, name) pairs for the inbox's centre filter."""
    return [(centre, centre_words(centre)) for centre in centres]


# An entity of a button's payload names its slot in the singular ("precaution").
_SLOT_OF_ENTITY = {"precaution": "precautions"}


def value_words(entity: str, value: Any, language: str = STAFF_LANGUAGE) -> str:
    """An entity's or slot's value in words, when the data has words for it."""
    text = str(value)
    if entity in ("body_region", "pain_regions", "region"):
        return region_words(text, language)
    if entity in ("red_flag_id", "red_flags"):
        return flag_words(text, language)
    if entity in ("red_flag_tier", "tier"):
        return tier_words(text, language)
    if entity in ("centre", "nearest_centre"):
        return centre_words(text)
    labels = load_vocabulary().get(_SLOT_OF_ENTITY.get(entity, entity)) or {}
    if text in labels:
        return labels[text].get(language) or labels[text]["en"]
    return text


def interview_words(slots: Mapping[str, Any], language: str = STAFF_LANGUAGE) -> dict[str, str]:
    """The summary card's fields in words, as the assistant's own summary words them."""
    fields = summary_fields(slots, language)
    fields["side"] = fields["side"].strip(" ()")
    return fields
