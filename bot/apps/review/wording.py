"""Ids as staff read them: regions, urgency tiers, red flags, centres and interview answers in
words. The words come from the project's own data files (through their loaders), so the review
app says what the assistant says; an id the data does not know is shown as it is."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from bot.apps.review.audit import FOLLOW_UP_ACTION
from bot.apps.review.clock import local_text
from bot.apps.review.follow_up import status_words
from bot.apps.review.pictures import referral_map_src
from bot.apps.review.texts import has_text, needs_texts, text
from bot.storage.conversation_summary import Episode
from bot.triage.geography import load_centres
from bot.triage.interview.summary import summary_fields
from bot.triage.interview.vocabulary import load_vocabulary
from bot.triage.knowledge import load_knowledge_base
from bot.triage.language import LANGUAGES
from bot.triage.language.text import fold
from bot.triage.red_flags.advice import load_advice

# The exports' language (CSV, JSON, YAML); the interface speaks the staff member's language.
STAFF_LANGUAGE = "en"
NOT_GIVEN = "-"
CHANNELS = ("web", "telegram", "rest")
CONSENTS = ("given", "declined", "unknown")
EPISODE_STATES = ("complete", "unfinished")
needs_texts("channel", CHANNELS)
needs_texts("language.name", LANGUAGES)
needs_texts("consent", CONSENTS)
needs_texts("card.state", EPISODE_STATES)
needs_texts("alerts.channel", ("telegram", "email"))


def region_words(region: str, language: str = STAFF_LANGUAGE) -> str:
    try:
        return load_knowledge_base().region(region).label(language)
    except KeyError:
        return region


def regions_words(regions: Iterable[str], language: str = STAFF_LANGUAGE) -> str:
    return ", ".join(region_words(region, language) for region in regions if region) or NOT_GIVEN


def indexed_regions(column: str | None, language: str = STAFF_LANGUAGE) -> str:
    """The index keeps regions as ",knee_front,low_back," (bot/storage/conversation_index.py)."""
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


def region_ids_matching(typed: str) -> list[str]:
    """The regions whose id, or whose name in any language, holds what staff typed in the
    inbox's region filter: "genou", "knie" and "knee" all find knee_front and knee_back."""
    wanted = fold(typed.strip())
    if not wanted:
        return []
    found = []
    for region in load_knowledge_base().regions.values():
        names = [region.id.replace("_", " "), *(region.label(code) for code in LANGUAGES)]
        if any(wanted in fold(name) for name in names):
            found.append(region.id)
    return found


def _id_words(prefix: str, value: str | None, language: str) -> str:
    """An id's words from the interface texts (texts.yml), the id itself when it has none."""
    if not value:
        return NOT_GIVEN
    key = f"{prefix}.{value}"
    return text(language, key) if has_text(key) else value


def channel_words(channel: str | None, language: str) -> str:
    return _id_words("channel", channel, language)


def language_words(code: str | None, language: str) -> str:
    return _id_words("language.name", code, language)


def consent_words(consent: str | None, language: str) -> str:
    return _id_words("consent", consent, language)


def booking_words(row: Any, language: str, *, short: bool = False) -> str:
    """As the inbox, the conversation's card and the dashboard say it: a link's clicks are
    known only when the link went through the redirect that counts them. `row` has
    booking_link_given, booking_link_counted and followed."""
    if not row.booking_link_given:
        return NOT_GIVEN if short else text(language, "booking.not_given")
    if not getattr(row, "booking_link_counted", False):
        return text(language, "booking.not_counted")
    followed = bool(getattr(row, "followed", False))
    return text(language, "booking.followed" if followed else "booking.not_followed")


def _episode_details(severity: Any, duration: Any, language: str) -> str:
    parts = []
    if severity is not None:
        parts.append(f"{float(severity):g}/10")
    if duration:
        parts.append(value_words("pain_duration", duration, language))
    return " · ".join(parts)


def episodes_words(column: str | None, language: str) -> list[dict[str, str]]:
    """The inbox row's episodes (bot/storage/conversation_index.py, episodes): regions and side,
    severity and duration, and whether the interview was finished."""
    try:
        stored = json.loads(column or "[]")
    except ValueError:
        return []
    found = []
    for episode in stored if isinstance(stored, list) else []:
        regions = regions_words(episode.get("regions") or [], language)
        side = episode.get("side")
        if side:
            regions += f" ({value_words('pain_side', side, language)})"
        state = "complete" if episode.get("complete") else "unfinished"
        found.append(
            {
                "regions": regions,
                "details": _episode_details(
                    episode.get("severity"), episode.get("duration"), language
                ),
                "state": state,
                "state_words": text(language, f"card.state.{state}"),
            }
        )
    return found


def episode_cards(episodes: Iterable[Episode], language: str) -> list[dict[str, Any]]:
    """The summary card: each interview in words, as the assistant's own summary words it."""
    return [
        {
            "card": interview_words(episode.slots, language),
            "state": "complete" if episode.complete else "unfinished",
            "state_words": text(
                language, f"card.state.{'complete' if episode.complete else 'unfinished'}"
            ),
            "maps": referral_maps(episode, language),
        }
        for episode in episodes
    ]


def referral_maps(episode: Episode, language: str) -> list[dict[str, str]]:
    """The referral map of each region of an interview that has one, drawn in the staff
    member's language, for the side the patient gave."""
    side = episode.slots.get("pain_side")
    found = []
    for region in episode.regions:
        src = referral_map_src(region, side, language)
        if src:
            alt = text(language, "card.referral_map", region=region_words(region, language))
            found.append({"src": src, "alt": alt})
    return found


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


def alert_words(alert: Any, language: str) -> str:
    """A staff alert on the conversation's page: where it went and whether it got there."""
    channel = _id_words("alerts.channel", alert.channel, language)
    if alert.status == "sent":
        return text(
            language, "alerts.sent", channel=channel, time=local_text(alert.sent_at, "%H:%M:%S")
        )
    if alert.status == "failed":
        return text(language, "alerts.failed", channel=channel, attempts=alert.attempts)
    if alert.attempts:
        return text(language, "alerts.retrying", channel=channel, attempts=alert.attempts)
    return text(language, "alerts.pending", channel=channel)


def action_words(action: str, language: str) -> str:
    """An audit log entry's action ("changed note", "follow-up: closed") in words."""
    if action.startswith(FOLLOW_UP_ACTION):
        status = action.removeprefix(FOLLOW_UP_ACTION)
        return text(language, "audit.follow_up", status=status_words(status, language))
    key = "audit.action." + action.replace(" ", "_")
    return text(language, key) if has_text(key) else action


def who_words(username: str, language: str) -> str:
    """Who did it: a member of staff, or the app itself ending a takeover ("(idle)")."""
    key = "audit.who." + username.strip("()")
    if username.startswith("(") and has_text(key):
        return text(language, key)
    return username
