"""What an alert says: the urgency in words, the channel, the time in Brussels and a link to the
conversation in the review app. Never a health detail: an e-mail or a group chat is not the place
for one, so neither the flag nor anything the patient wrote is in it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

BRUSSELS = ZoneInfo("Europe/Brussels")

# Reasons, one alert each per conversation.
RED_FLAG = "red_flag"
STAFF_REQUEST = "staff_request"

# Each urgency tier for staff: how urgent, and what the patient was told.
TIERS = {
    "call_112": ("EMERGENCY", "told to call 112 now"),
    "emergency_department": ("URGENT", "told to go to an emergency department"),
    "doctor_today": ("URGENT TODAY", "told to see a doctor today"),
    "unclear": ("URGENCY UNCLEAR", "advised caution (1733, 112)"),
    "gp_soon": ("SOON", "told to see their GP soon"),
}
URGENCY = {tier: f"{label}: the patient was {told}" for tier, (label, told) in TIERS.items()}


def tier_in_words(tier: str) -> str:
    """Short, for a list: "emergency, told to call 112 now"."""
    label, told = TIERS.get(tier, TIERS["unclear"])
    return f"{label.lower()}, {told}"


STAFF_REQUEST_WORDS = "A patient asked to talk to a person"
CHANNELS = {"web": "the website chat", "telegram": "Telegram", "rest": "the REST channel"}


@dataclass(frozen=True)
class Alert:
    reason: str
    tier: str | None
    channel: str
    at: datetime  # naive UTC, as the index stores it
    link: str

    @property
    def urgency(self) -> str:
        if self.reason == RED_FLAG:
            return URGENCY.get(self.tier or "unclear", URGENCY["unclear"])
        return STAFF_REQUEST_WORDS

    @property
    def local_time(self) -> str:
        local = self.at.replace(tzinfo=timezone.utc).astimezone(BRUSSELS)
        return local.strftime("%a %d %b %Y, %H:%M") + " (Brussels)"

    @property
    def subject(self) -> str:
        return f"HCMC assistant: {self.urgency}"

    def text(self) -> str:
        return "\n".join(
            [
                f"{self.urgency}.",
                f"Channel: {CHANNELS.get(self.channel, self.channel)}",
                f"Time: {self.local_time}",
                f"Open the conversation: {self.link}",
            ]
        )
