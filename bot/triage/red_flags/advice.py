"""The structured part of an urgent reply: tier, title, reason and numbers to call.

Every channel renders the same payload (the widget as an alert card with tap-to-call buttons,
Telegram as a marked message with each number on its own line, REST passes it on). The words come
from advice.yml; every tier and flag of rules.yml must have them in every language, checked at load.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.triage.red_flags.rules import load_rules

DEFAULT_ADVICE_PATH = Path(__file__).with_name("advice.yml")
UNCLEAR_TIER = "unclear"  # the classifier suspected a red flag that the rules did not confirm
PAYLOAD_KEY = "urgent"
_NUMBER = re.compile(r"^[0-9][0-9 ]{1,14}$")


@dataclass(frozen=True)
class Advice:
    languages: tuple[str, ...]
    numbers: Mapping[str, Mapping[str, str]]  # number -> language -> button label
    tier_calls: Mapping[str, tuple[str, ...]]
    tier_titles: Mapping[str, Mapping[str, str]]
    flag_calls: Mapping[str, tuple[str, ...]]  # only flags with numbers of their own
    reasons: Mapping[str, Mapping[str, str]]  # flag id (or "unclear") -> language -> reason

    def reason(self, flag_id: str | None, language: str) -> str:
        texts = self.reasons[flag_id or UNCLEAR_TIER]
        return texts.get(language) or texts["en"]

    def title(self, tier: str, language: str) -> str:
        texts = self.tier_titles[tier]
        return texts.get(language) or texts["en"]

    def calls(self, tier: str, flag_id: str | None) -> tuple[str, ...]:
        return self.flag_calls.get(flag_id or "", self.tier_calls[tier])


def tel_uri(number: str) -> str:
    return "tel:" + number.replace(" ", "")


@functools.cache
def load_advice(path: Path = DEFAULT_ADVICE_PATH) -> Advice:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        return _build(raw)
    except (KeyError, TypeError, ValueError, yaml.YAMLError) as exc:
        raise ValueError(f"{path}: {exc}") from None


def urgent_payload(tier: str, flag_id: str | None, language: str) -> dict[str, Any]:
    """What goes into the reply's custom data under "urgent"."""
    advice = load_advice()
    language = language if language in advice.languages else "en"
    calls = [
        {"number": number, "tel": tel_uri(number), "label": advice.numbers[number][language]}
        for number in advice.calls(tier, flag_id)
    ]
    return {
        PAYLOAD_KEY: {
            "tier": tier,
            "flag": flag_id,
            "language": language,
            "title": advice.title(tier, language),
            "reason": advice.reason(flag_id, language),
            "calls": calls,
        }
    }


def _texts(raw: Any, languages: tuple[str, ...], where: str) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: expected texts per language")
    missing = [lang for lang in languages if not str(raw.get(lang) or "").strip()]
    if missing:
        raise ValueError(f"{where}: no text for {', '.join(missing)}")
    return {lang: str(raw[lang]).strip() for lang in languages}


def _calls(raw: Any, numbers: Mapping[str, Any], where: str) -> tuple[str, ...]:
    if not isinstance(raw, list):
        raise ValueError(f"{where}: 'calls' must be a list of numbers")
    for number in raw:
        if number not in numbers:
            raise ValueError(f"{where}: number {number!r} has no labels under 'numbers'")
    return tuple(raw)


def _build(raw: Any) -> Advice:
    rules = load_rules()
    languages = tuple(raw["languages"])
    if set(languages) != set(rules.languages):
        raise ValueError(f"languages {languages} differ from the rules' {rules.languages}")
    numbers = {}
    for number, labels in raw["numbers"].items():
        if not _NUMBER.match(str(number)):
            raise ValueError(f"number {number!r} is not a phone number")
        numbers[str(number)] = _texts(labels, languages, f"number {number}")
    tier_calls: dict[str, tuple[str, ...]] = {}
    tier_titles: dict[str, dict[str, str]] = {}
    tiers = raw["tiers"]
    for tier in (*rules.tiers, UNCLEAR_TIER):
        if tier not in tiers:
            raise ValueError(f"tier {tier!r} has no entry under 'tiers'")
        tier_calls[tier] = _calls(tiers[tier].get("calls"), numbers, f"tier {tier}")
        tier_titles[tier] = _texts(tiers[tier].get("title"), languages, f"tier {tier} title")
    unknown = set(tiers) - set(tier_calls)
    if unknown:
        raise ValueError(f"unknown tiers: {sorted(unknown)}")
    flags = raw["flags"]
    reasons: dict[str, dict[str, str]] = {
        UNCLEAR_TIER: _texts(raw["unclear_reason"], languages, "unclear_reason")
    }
    flag_calls: dict[str, tuple[str, ...]] = {}
    for flag in rules.flags:
        if flag.id not in flags:
            raise ValueError(f"flag {flag.id!r} has no entry under 'flags'")
        entry = flags[flag.id]
        reasons[flag.id] = _texts(entry.get("reason"), languages, f"flag {flag.id} reason")
        if "calls" in entry:
            flag_calls[flag.id] = _calls(entry["calls"], numbers, f"flag {flag.id}")
    unknown = set(flags) - {flag.id for flag in rules.flags}
    if unknown:
        raise ValueError(f"unknown flags: {sorted(unknown)}")
    return Advice(languages, numbers, tier_calls, tier_titles, flag_calls, reasons)
