"""Questions asked together, so that one message can answer both.

Every question a patient must answer is a chance to leave: where it hurts is asked with the
side, how it started with how long ago, when it is worst with how strong it is. The second
question is asked on its own only when the answer leaves it open (a button press, "gradually"
with no date, only the side, a moment without a score).

When it is worst is not asked with what makes it worse or better: read together, the
activities that ease or worsen the pain were taken for moments, and the therapist's summary
got worse on the development scripts. Nor are the precautions asked with the last safety
check: a patient who answers "no" to the first list may not have read the second, and a
development script with a hot swollen knee and fever lost its alarm that way.
"""

from __future__ import annotations

from collections.abc import Collection

# The question asked first -> the one it carries, when that one is still open.
ASKED_TOGETHER = {
    "pain_area_checked": "pain_side",
    "pain_onset": "pain_duration",
    "time_pattern": "pain_severity",
}


def asked_with(slot: str | None, still_open: Collection[str]) -> str | None:
    """The question asked together with ``slot``, if it is still open."""
    partner = ASKED_TOGETHER.get(slot or "")
    return partner if partner in still_open else None
