"""Deterministic, conservative red-flag detection for every user message.

Content (patterns in English, French and Dutch, tiers, negation words, screens) lives in
rules.yml; this package only loads, validates and applies it.
"""

from __future__ import annotations

from bot.triage.red_flags.detector import detect, most_urgent
from bot.triage.red_flags.model import RedFlagMatch, RedFlagRules
from bot.triage.red_flags.rules import DEFAULT_RULES_PATH, load_rules
from bot.triage.red_flags.screens import screen_flags, screens_for_regions


def tiers() -> tuple[str, ...]:
    """Tier ids, most urgent first."""
    return load_rules().tiers


def tier_rank(tier: str) -> int:
    """0 for the most urgent tier; KeyError for an unknown tier."""
    return load_rules().tier_rank(tier)


def tier_of(flag_id: str) -> str:
    """The tier of a flag; KeyError for an unknown flag id."""
    return load_rules().flag(flag_id).tier


def flag_ids() -> tuple[str, ...]:
    """All flag ids in rules.yml order."""
    return tuple(flag.id for flag in load_rules().flags)


# Loaded at import on purpose: a broken rules file must stop the assistant at start-up.
TIERS: tuple[str, ...] = tiers()

__all__ = [
    "DEFAULT_RULES_PATH",
    "TIERS",
    "RedFlagMatch",
    "RedFlagRules",
    "detect",
    "flag_ids",
    "load_rules",
    "most_urgent",
    "screen_flags",
    "screens_for_regions",
    "tier_of",
    "tier_rank",
    "tiers",
]
