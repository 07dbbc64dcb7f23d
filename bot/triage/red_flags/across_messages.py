"""Red flags told over several messages.

"Pressure between my shoulder blades", then "now it goes into my left arm", then "and I'm
sweating": each message alone is ordinary, together they are one of a flag's combinations
(rules.yml `combos`). The detector reads one message at a time; this module puts the message
being read together with the patient's earlier ones.

Words said turns apart are weaker evidence than one sentence ("I sweat a lot when I run" is no
companion of Monday's neck ache), so the caller asks one safety question before it alarms.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.triage.red_flags.detector import affirmed_terms, detect
from bot.triage.red_flags.model import RedFlagRules
from bot.triage.red_flags.rules import load_rules

# How many earlier messages count: a whole interview, so that the opening ("never had this
# before") still joins the last safety answers ("I'm 63"); few enough that a word from the start
# of a long conversation does not join a much later one.
EARLIER_MESSAGES = 12


def flags_across_messages(
    current: str,
    earlier: Sequence[str],
    ignored: Iterable[str] = (),
    rules: RedFlagRules | None = None,
) -> list[str]:
    """Flags (most urgent first) whose combination this message completes with earlier ones.

    The message must bring a part of the combination and the earlier messages the rest: a
    combination complete in this message alone is the detector's, one complete in earlier
    messages alone was already heard then. Each part is negated as in one message ("no
    sweating" is no part). Flags in ``ignored`` (already raised or already asked about) are
    left out.
    """
    rules = rules or load_rules()
    skipped = set(ignored) | {match.flag_id for match in detect(current, rules)}
    recent = [text for text in earlier[-EARLIER_MESSAGES:] if text]
    if not recent:
        return []
    combo_flags = [flag for flag in rules.flags if flag.combos and flag.id not in skipped]
    names = {name for flag in combo_flags for combo in flag.combos for name in combo}
    now = affirmed_terms(current, names, rules)
    if not now:
        return []
    before: set[str] = set()
    for text in recent:
        before |= affirmed_terms(text, names - before, rules)
    found = []
    for flag in combo_flags:
        for combo in flag.combos:
            parts = set(combo)
            if parts & now and not parts <= now and parts <= now | before:
                found.append(flag.id)
                break
    return sorted(found, key=lambda flag_id: rules.tier_rank(rules.flag(flag_id).tier))
