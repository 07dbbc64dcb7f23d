"""Reads when the pain is at its worst, clause by clause.

The entity ruler names the moments it knows ("at night", "at my desk", "tennis"); patients also
answer with what they are doing ("going downhill and when I squat", "na de shift", "quand je mâche
un chewing-gum"). Each clause of the answer gives its own moments: an activity is "during" unless
an "after" word says the pain follows it; the evening is "night" on the card ("at night or in the
evening"), but "le soir après le boulot" is after work; a clause that says what eases the pain is
left out. Some moments have words the ruler lacks ("when I first get up", "nachtdiensten", "du matin
au soir"); words that name no moment themselves ("comes and goes", "night shifts") are blanked
before the clauses are read, so their "and" or "shifts" says nothing. Words in worst_time.yml.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.triage.language.text import fold

CUES_FILE = Path(__file__).resolve().parent / "worst_time.yml"
LISTS = (
    "after", "during", "activities", "sports", "easing", "always", "all_day", "no_pattern",
    "sometimes", "evening", "end_of_day", "workplace", "classes", "class_moves", "whole_day",
    "elaboration", "job", "home", "hall", "gym_moves", "rising", "rising_at_night", "typed_night",
    "next_day", "stiffness",
)  # fmt: skip
# Clauses end at punctuation and at "and"/"but"/"or" (not at Dutch "en"/"of", French "en", English
# "of": "after a lot of walking" is one clause), and at Dutch "en" before a new moment ("'s nachts
# als ik op die kant lig en bij het aantrekken van mijn jas").
_CLAUSE_BREAK = re.compile(
    r"[,.;!?()]|\b(and|but|or|et|mais|ou|maar)\b"
    r"|\ben(?= (bij|als|wanneer|tijdens|na|'?s|erna|daarna|nadien|achteraf)\b)"
)
# Joined to the clause before without a verb of its own: "fine walking around and sitting".
_JOINED = re.compile(r"^\s*(and|or|et|ou|en|of)\s*$")
# "worse when...", "pire quand...": a clause that also names an easing word still counts.
_WORSE = re.compile(r"\b(worse|worst|pire|erger|ergste?|empire|s'aggrave|aggrave)\b")
# "fine walking around and sitting": a clause of a word or two after "and" shares the easing; "it's
# fine and then at night it wakes me up" says its own moment.
_SHARES_EASING_WORDS = 2


@lru_cache(maxsize=1)
def _cue_lists() -> dict[str, Any]:
    """worst_time.yml, read once for both readers below."""
    data = yaml.safe_load(CUES_FILE.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{CUES_FILE.name}: expected a mapping of word lists")
    return data


def _any_word(words: Sequence[str]) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(words) + r")\b")


@lru_cache(maxsize=1)
def cues() -> dict[str, re.Pattern[str]]:
    data = _cue_lists()
    compiled: dict[str, re.Pattern[str]] = {}
    for name in LISTS:
        words = data.get(name)
        if not words or not all(isinstance(word, str) and word for word in words):
            raise ValueError(f"{CUES_FILE.name}: '{name}' needs a list of words")
        compiled[name] = _any_word(words)
    compiled["after_a_while"] = re.compile(" ".join(str(data["after_a_while"]).split()))
    return compiled


@lru_cache(maxsize=1)
def named_cues() -> dict[str, re.Pattern[str]]:
    """The moments worst_time.yml names in words the entity ruler lacks, by their value."""
    named = _cue_lists().get("named")
    if not isinstance(named, dict) or not named:
        raise ValueError(f"{CUES_FILE.name}: 'named' needs a list of words for each moment")
    return {str(value): _any_word(words) for value, words in named.items()}


def _blank(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The text with the spans turned to "_": the offsets stay the entities', no word is left
    in them, and a clause that was only such words is still a clause."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = "_" * (end - start)
    return "".join(chars)


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _clauses(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, joined): joined when only "and"/"or" separates it from the clause before."""
    spans, start, joined = [], 0, False
    for found in _CLAUSE_BREAK.finditer(text):
        spans.append((start, found.start(), joined))
        # ". And at golf": a new sentence is not joined, even when it starts with "and"
        joined = bool(_JOINED.match(found.group())) and bool(text[start : found.start()].strip())
        start = found.end()
    spans.append((start, len(text), joined))
    return [(a, b, j) for a, b, j in spans if text[a:b].strip()]


def _says_after(clause: str) -> bool:
    c = cues()
    return bool(c["after"].search(clause)) and not c["after_a_while"].search(clause)


def read_worst_time(
    text: str, entities: Sequence[Mapping[str, Any]], named_only: bool = False
) -> list[str]:
    """The time patterns an answer names, in the order named; [] when it names none. With
    named_only (an answer to another question), a bare "when..." with no activity named in it
    gives no moment."""
    c = cues()
    # The entities' offsets are the original text's: "œ" -> "oe" would shift them.
    folded = fold(text, spell_out_ligatures=False)
    moments = [
        (e["start"], e["end"], str(e["value"]))
        for e in entities
        if e.get("entity") == "time_pattern" and isinstance(e.get("start"), int)
    ]
    # Moments the ruler lacks, where it named nothing: "when I first get up", "nachtdiensten".
    blanked: list[tuple[int, int]] = []
    night_shifts: list[tuple[int, int]] = []  # "after my night shift" is after the shift
    for value, pattern in named_cues().items():
        for m in pattern.finditer(folded):
            blanked.append(m.span())
            if value == "night":
                night_shifts.append(m.span())
            if not _overlaps(*m.span(), [(s, e) for s, e, _ in moments]):
                moments.append((m.start(), m.end(), value))
    for m in c["typed_night"].finditer(folded):
        blanked.append(m.span())
        if not _overlaps(*m.span(), [(s, e) for s, e, _ in moments]):
            moments.append((m.start(), m.end(), "night"))
    # "from when I get up till bed": the whole day, not its morning or evening.
    whole_day = [m.span() for m in c["whole_day"].finditer(folded)]
    # "comes and goes": its "and" ends no clause.
    no_moment = [m.span() for m in c["no_pattern"].finditer(folded)]
    # "développé couché" is a lift, not lying down at night.
    in_sport = [m.span() for m in c["sports"].finditer(folded)]
    # "when I get up from a chair", "when I get up at night to pee": not the morning.
    not_morning = [m.span() for m in c["rising"].finditer(folded)] + [
        m.span() for m in c["rising_at_night"].finditer(folded)
    ]
    moments = [
        (s, e, v)
        for s, e, v in moments
        if not _overlaps(s, e, whole_day)
        and (v == "sport" or not any(a <= s and e <= b for a, b in in_sport))
        and not (v == "morning_stiffness" and _overlaps(s, e, not_morning))
    ]
    # "after three or four k", "après 15-20 minutes": still during; blanked before the clauses
    # are cut, since "or" would cut it in two.
    a_while = [m.span() for m in c["after_a_while"].finditer(folded)]
    scan = _blank(folded, blanked + whole_day + no_moment + a_while)
    # A class is a sport when the answer says what is done in it: "the class, when I jump".
    sport_class = bool(c["classes"].search(folded)) and bool(c["class_moves"].search(folded))
    # "à la salle" is the gym when the answer says what is done there: "séances à la salle".
    gym = bool(c["gym_moves"].search(folded))
    found: list[str] = []
    sometimes: list[str] = []  # moments named with "sometimes"
    previous_activity = previous_easing = previous_after = place_named = False
    clauses = _clauses(scan)
    for index, (start, end, joined) in enumerate(clauses):
        clause = scan[start:end]
        named = [(s, e, v) for s, e, v in moments if start <= s < end]
        following = clauses[index + 1] if index + 1 < len(clauses) else None
        easing = (
            bool(c["easing"].search(clause))
            or (
                previous_easing
                and joined
                and not c["during"].search(clause)
                and len(clause.split()) <= _SHARES_EASING_WORDS
            )
            # "standing up and walking around helps", "quand j'arrête, ça passe": the easing is
            # said after both
            or (
                following is not None
                and (following[2] or scan[end : following[0]].strip() == ",")
                and len(clause.split()) <= _SHARES_EASING_WORDS + 1
                and bool(c["easing"].search(scan[following[0] : following[1]]))
                and not _WORSE.search(scan[following[0] : following[1]])
            )
        )
        previous_easing = easing and not _WORSE.search(clause)
        if previous_easing:
            # "fine once I roll over", "mieux au repos", "fine walking and sitting"; the activity
            # it names is still what a pain "once I stop" follows ("sur le vélo je ne sens rien,
            # c'est une fois que je m'arrête")
            previous_activity = previous_activity or bool(
                c["sports"].search(clause) or c["activities"].search(clause)
            )
            continue
        if _says_after(clause):
            # "after my night shift", "na de nachtdienst": after the shift, not the night
            named = [
                (s, e, "after_activity" if v == "night" and _overlaps(s, e, night_shifts) else v)
                for s, e, v in named
            ]
        next_day = bool(c["next_day"].search(clause))
        if next_day:
            # "very sore in the morning after a session": that morning, after it; "the next
            # morning it's stiff" is morning stiffness too.
            stiff = bool(c["stiffness"].search(clause))
            named = [
                (s, e, v)
                for s, e, v in named
                if v == "morning_stiffness" and stiff or v not in ("morning_stiffness", "night")
            ]
        kinds = [v for _, _, v in named]
        # "after gardening or a long walk": the walk too is what the pain follows
        after = _says_after(clause) or (
            previous_after
            and joined
            and all(k in ("sport", "during_activity", "after_activity") for k in kinds)
            and not c["during"].search(clause)
        )
        sport = (
            "sport" in kinds
            or bool(c["sports"].search(clause))
            or (sport_class and bool(c["classes"].search(clause)))
            or (gym and bool(c["hall"].search(clause)))
        )
        # "assise à la caisse..., surtout quand je fais le shift", "at the laptop, especially when
        # I've been drafting all afternoon": more about the place, no other activity
        elaborates = place_named and bool(c["elaboration"].search(clause))
        activities = c["job"].sub(" ", clause) if elaborates else clause
        activity = (
            sport
            or bool(c["activities"].search(activities))
            or bool(c["hall"].search(clause))  # "serveuse, en salle le weekend"
            or bool(c["rising"].search(clause))  # "en me levant de ma chaise"
            or any(k in ("during_activity", "after_activity") for k in kinds)
        )
        if (
            after
            and not activity
            and any(k == "night" and c["evening"].search(folded[s:e]) for s, e, k in named)
            and not _says_after(c["home"].sub(" ", clause))
        ):
            after = False  # "in the evening when I get home": the evening; "from work" says after
        place = [(k, folded[s:e]) for s, e, k in named if k in ("sitting", "desk_work")]
        # "in the car or at a concert": a place joined to a place is where one sits
        shares_place = (
            place_named
            and joined
            and not named
            and not c["during"].search(clause)
            and bool(re.match(r"\s*(at|in|on|au|a|dans|en|op|aan|in)\b", clause))
            and len(clause.split()) <= 4
        )
        busy = bool(c["activities"].search(c["workplace"].sub(" ", clause))) or bool(
            c["end_of_day"].search(clause)
        )
        if busy and place and all(c["workplace"].fullmatch(text) for _, text in place):
            # "after a day of lifting boxes at work": the lifting, not a desk
            kinds = [k for k in kinds if k != "desk_work"]
            named = [(s, e, v) for s, e, v in named if v != "desk_work"]
            activity = True
            place = []
        clause_moments: list[str] = []
        for s, e, value in named:
            if value in ("during_activity", "after_activity", "sport"):
                continue  # decided below from the clause as a whole
            if value == "night" and c["evening"].search(folded[s:e]) and after:
                continue  # "le soir après le boulot" is after work; "evenings on the sofa" stay
            if value == "constant" and c["all_day"].search(folded[s:e]):
                clause_moments.append("all_day")
                continue
            clause_moments.append(value)
        if place or shares_place:
            pass  # "after sitting long in the car", "after hours at my desk": the place says it
        elif activity and not ("morning_stiffness" in kinds and not c["during"].search(clause)):
            clause_moments.append("after_activity" if after else "during_activity")
            if sport:
                clause_moments.append("sport")
        elif c["end_of_day"].search(clause) and not clause_moments:
            clause_moments.append("after_activity")  # "at the end of the day"
        elif after and previous_activity and set(kinds) <= {"night"}:
            clause_moments.append("after_activity")  # "...and afterwards", "et après"
        elif _overlaps(start, end, no_moment):
            clause_moments.append("no_pattern")  # "pas d'heure, n'importe quand"
        elif c["during"].search(clause) and not kinds and not elaborates and not named_only:
            # "when I take the baby out of the cot"; "als ik afgestapt ben" (once I've got off)
            clause_moments.append("after_activity" if after else "during_activity")
        if next_day and "after_activity" not in clause_moments:
            clause_moments = [m for m in clause_moments if m != "during_activity"]
            clause_moments.append("after_activity")
        if (
            c["always"].search(clause) or _overlaps(start, end, whole_day)
        ) and "constant" not in clause_moments:
            clause_moments.append("constant")
        if clause_moments == ["all_day"] and _WORSE.search(scan[end:]):
            clause_moments = ["constant"]  # "all day really, worst driving the van"
        previous_activity = activity or previous_activity
        previous_after = after and activity
        place_named = place_named or bool(place)
        found += clause_moments
        if c["sometimes"].search(clause):
            sometimes += clause_moments
    if not found and c["no_pattern"].search(folded):
        found = ["no_pattern"]
    if "no_pattern" in found and all(m in sometimes or m == "no_pattern" for m in found):
        return ["no_pattern"]  # "no real pattern: sometimes mornings, sometimes at work"
    unique = list(dict.fromkeys(found))
    if len(unique) > 1 and "no_pattern" in unique:
        unique.remove("no_pattern")
    if "all_day" in unique:
        # "all day at my desk": how long, beside the moment; alone it is constant
        unique = [m for m in unique if m != "all_day"] or ["constant"]
    return unique
