"""Which short red-flag screens to ask at the end of the interview, given the body regions."""

from __future__ import annotations

from collections.abc import Iterable

from bot.triage.red_flags.model import RedFlagRules
from bot.triage.red_flags.rules import load_rules


def screens_for_regions(regions: Iterable[str], rules: RedFlagRules | None = None) -> list[str]:
    """Screen slot names in YAML order; the screens for all regions (screen_general) come last."""
    rules = rules or load_rules()
    wanted = set(regions)
    specific = [s.name for s in rules.screens if s.regions is not None and s.regions & wanted]
    general = [s.name for s in rules.screens if s.regions is None]
    return specific + general


def screen_flags(screen: str, rules: RedFlagRules | None = None) -> tuple[str, ...]:
    """The flag ids a screen asks about; KeyError for an unknown screen."""
    return (rules or load_rules()).screen(screen).flags
