"""Reads interview answers out of one user message.

A patient may answer several questions at once ("my knee has hurt for three weeks, worse on
stairs") or correct an earlier answer at any point; every value found in the message becomes a
slot update, and the question being asked also accepts free-text answers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from bot.triage.interview.answer_words import load_answer_words
from bot.triage.interview.dates import named_time
from bot.triage.interview.durations import duration_category
from bot.triage.interview.numbers import first_number
from bot.triage.interview.severity import has_several_scores, scores_in
from bot.triage.interview.vocabulary import values_of
from bot.triage.interview.worst_time import read_worst_time

INTERVIEW_SLOTS = (
    "pain_regions",
    "pain_side",
    "pain_onset",
    "pain_duration",
    "time_pattern",
    "pain_modifiers",
    "pain_severity",
    "precautions",
)
# The patterns whose words live in answer_words.yml (section "answers"), by entry.
ANSWER_WORD_ENTRIES = (
    "addition", "spreads", "other", "modifier_clause", "nothing", "unsure", "starts_with_no",
    "rules_out", "denies_all", "what_is", "negates", "declines", "ruled_out_after",
    "not_recent", "nothing_recent", "last_year", "another_recent", "another", "supposed",
    "possibly", "someone_else", "fear_in_words", "needle_fear_cue", "not_there_now",
    "modifier_trigger", "asks_for_help", "worst_moment", "getting_worse", "since_or_ago",
    "night", "middle", "both", "not_both", "between_both", "correction", "adverb_right",
    "side_before", "agreeing_right", "temple_words", "limit_before", "limit_after",
    "reached_to", "behind", "in_front", "head_words", "head_moved_before", "head_moved_after",
    "side_is_fine", "negated_with_or", "side_correction", "minor_side", "mainly",
    "question_opens", "first_person", "points_back", "not_the_area", "not_duration_after",
    "score_correction", "felt_strain", "woke_with_it", "effort", "cue_ruled_out",
    "came_gradually", "came_quickly", "bare_ok", "a_while",
    "vague_years", "vague_long_time", "vague_months", "vague_weeks", "vague_days", "vague_hours",
)  # fmt: skip
_WORDS = load_answer_words("answers", ANSWER_WORD_ENTRIES)
# Durations said without a number, mapped to the nearest category: "for months" is taken as
# about three months, "for weeks" as three weeks, "a long time" as more than three months, "for
# half an hour" as today. Their words are the answer_words.yml entries named here.
VAGUE_DURATION_DAYS = {
    "vague_years": 365,
    "vague_long_time": 365,
    "vague_months": 90,
    "vague_weeks": 21,
    "vague_days": 3,
    "vague_hours": 1,
}
VAGUE_DURATIONS = tuple(
    (re.compile(_WORDS[name], re.I), days) for name, days in VAGUE_DURATION_DAYS.items()
)
# "a while", "een tijdje", "quelque temps": how long is not known; the therapist asks.
_A_WHILE = re.compile(_WORDS["a_while"], re.I)
# "2 at rest, 6 when serving": the score is the highest, and the patient's words are kept too.
SEVERITY_NOTE = "pain_severity_note"
MAX_NOTE = 120
# Regions on the body's midline: no left/right question for them alone.
MIDLINE_REGIONS = frozenset({"chest", "abdomen", "mid_back", "forehead"})
# "also my neck" adds a region instead of replacing the earlier ones.
_ADDITION = re.compile(_WORDS["addition"], re.I)
# "it goes down into my calf", "ça descend dans la cuisse", "het trekt naar mijn kuit": a place the
# pain spreads to is added to where it started, not put in its place.
_SPREADS = re.compile(_WORDS["spreads"], re.I)
# "my other knee", "l'autre épaule", "mijn andere knie", "the other side": the side switches
# ("the other day" does not).
_OTHER = re.compile(_WORDS["other"], re.I)
OTHER_SIDE = {"left": "right", "right": "left"}
# The clause that says what makes the pain worse or better.
_MODIFIER_CLAUSE = re.compile(_WORDS["modifier_clause"], re.I)
_NOTHING = re.compile(_WORDS["nothing"], re.I)
# "not sure", "je ne sais pas", "geen idee", "non peut-être" (Belgian for "of course"): never a
# "no" to a safety question, whatever the classifier made of it.
_UNSURE = re.compile(_WORDS["unsure"], re.I)
# "no numbness", "non", "geen koorts": an answer to a screen question that starts with a no.
# (A red flag that is actually affirmed never reaches here: the detector routes it first.)
_STARTS_WITH_NO = re.compile(_WORDS["starts_with_no"], re.I)
# A screen answer in several parts ("Neen, geen tintelingen, kracht in mijn armen is normaal",
# "des fourmillements ? non, rien d'autre"): a "no" when every part rules a sign out, says all
# is normal, or asks back. Any other part ("just the hand is tired") leaves it unclear, and the
# question is asked again (the red-flag detector has read the message first).
_SCREEN_PART = re.compile(r"[^,.;!?]+[,.;!?]?")
_RULES_OUT = re.compile(_WORDS["rules_out"], re.I)
# A bare "ok": in a longer answer ("legs ok, peeing fine") it rules a sign out, alone it does not.
_BARE_OK = re.compile(_WORDS["bare_ok"], re.I)
# An answer to the precautions question that rules them all out, in other words than a bare "no".
_DENIES_ALL = re.compile(_WORDS["denies_all"], re.I)
# "I'm not sure what a bleeding disorder is": the word is asked about, not said to apply.
_WHAT_IS = re.compile(_WORDS["what_is"], re.I)
_NEGATES = re.compile(_WORDS["negates"], re.I)
_DECLINES = re.compile(_WORDS["declines"], re.I)


def _every_clause_negates(text: str) -> bool:
    """ "I'm not afraid of needles", "je ne crois pas": a no in other words. "Not pregnant, but I
    take Asaflow" has a clause of its own that says something else: not a no."""
    clauses = [
        c
        for c in re.split(r"[,.;!?]|\b(?:but|mais|maar|though|although)\b", text)
        if c and c.strip()
    ]
    return bool(clauses) and all(_NEGATES.search(clause) for clause in clauses)


# "Metal allergy, no.", "allergie au nickel : non": a precaution named, then ruled out.
_RULED_OUT_AFTER = re.compile(_WORDS["ruled_out_after"], re.I)
# "surgery in 2009", "il y a des années", "jaren geleden": not recent surgery, said in the clause of
# the surgery it qualifies ("surgery a year ago, 3 weeks ago another one" is recent). "So nothing
# recent" sums up the whole sentence.
_NOT_RECENT = re.compile(_WORDS["not_recent"], re.I)
_NOTHING_RECENT = re.compile(_WORDS["nothing_recent"], re.I)
# "knee surgery last year", "vorig jaar geopereerd": in December that may be weeks ago; the
# therapist checks.
_LAST_YEAR = re.compile(_WORDS["last_year"], re.I)
_CLAUSE = re.compile(r"[^,;.!?\n]*")
# "surgery a year ago, 3 weeks ago I had another one": a second, recent operation.
_ANOTHER_RECENT = re.compile(_WORDS["another_recent"], re.I)
_ANOTHER = re.compile(_WORDS["another"], re.I)
# "if I'm pregnant, is it a problem?", "als ik bloedverdunners neem": a precaution supposed, not
# said to apply. "I'm trying to get pregnant", "I might be pregnant": the therapist checks.
_SUPPOSED = re.compile(_WORDS["supposed"], re.I)
_POSSIBLY = re.compile(_WORDS["possibly"], re.I)
# "my wife is pregnant", "mon mari est diabétique", "mijn zus heeft epilepsie": someone else's.
_SOMEONE_ELSE = re.compile(_WORDS["someone_else"], re.I)
# A needle named without fear ("pas d'aiguilles", "à chaque prise de sang"): needle fear only
# beside a word that says it ("je tombe dans les pommes", "s'il vous plaît").
_FEAR_IN_WORDS = re.compile(_WORDS["fear_in_words"], re.I)
_NEEDLE_FEAR_CUE = re.compile(_WORDS["needle_fear_cue"], re.I)
# "I had a wart removed years ago", "a wart on my other foot": no skin lesion now in the area.
_NOT_THERE_NOW = re.compile(_WORDS["not_there_now"], re.I)
# Outside the question that asks it, only "worse when/with/after..." says what changes the pain;
# "it has been getting worse" says how it evolves.
_MODIFIER_TRIGGER = re.compile(_WORDS["modifier_trigger"], re.I)
# "can you help (me)?", "vous pouvez m'aider ?", "kunnen jullie helpen?": asking for help.
_ASKS_FOR_HELP = re.compile(_WORDS["asks_for_help"], re.I)
_WORST_MOMENT = re.compile(_WORDS["worst_moment"], re.I)
# "it got worse and worse", "de pire en pire", "steeds erger": how it went, not when it is worst.
_GETTING_WORSE = re.compile(_WORDS["getting_worse"], re.I)
# In the answer to how it started, a duration counts only as "since", "for" or "ago".
_SINCE_OR_AGO = re.compile(_WORDS["since_or_ago"], re.I)
_NIGHT = re.compile(_WORDS["night"], re.I)
_MIDDLE = re.compile(_WORDS["middle"], re.I)
_BOTH = re.compile(_WORDS["both"], re.I)
_NOT_BOTH = re.compile(_WORDS["not_both"], re.I)
# "entre les deux omoplates", "between both shoulder blades": a place, not two sides.
_BETWEEN_BOTH = re.compile(_WORDS["between_both"], re.I)
MAX_FREE_TEXT = 200
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
# What an answer may change besides the question it answers. The answers to the later questions
# name body parts, numbers and times that answer something else: "no numbness in my arm", "worse
# when I bend my back", "an X-ray in October", "it eases within a few minutes". A message outside
# the interview's questions (None) may say anything.
OPEN_CONTEXTS = frozenset({None, "pain_regions", "pain_side"})
FACT_CONTEXTS = OPEN_CONTEXTS | {"pain_onset", "pain_duration"}
# "no wait, the right one", "actually it's my left knee", "en fait", "eigenlijk": a correction may
# name a place or a side in answer to any question.
_CORRECTION = re.compile(_WORDS["correction"], re.I)


def _entity_values(entities: Sequence[Mapping[str, Any]], name: str) -> list[Any]:
    values: list[Any] = []
    for entity in entities:
        if entity.get("entity") == name and entity.get("value") not in values:
            values.append(entity.get("value"))
    return values


# "right in the crease", "right at the top": "right" as "exactly", not a side.
_ADVERB_RIGHT = re.compile(_WORDS["adverb_right"], re.I)
# "the right", "my right", "on the right": a side whatever follows.
_SIDE_BEFORE = re.compile(_WORDS["side_before"])
# "that's right", "all right": agreeing, not a side.
_AGREEING_RIGHT = re.compile(_WORDS["agreeing_right"])
# A side inside the words of a place: "the back of the left knee", "l'arrière du genou gauche".
_SIDE_WORDS = (
    (re.compile(r"\b(left|gauche|links|linker\w*)\b", re.I), "left"),
    (re.compile(r"\b(right|droite?|rechts|rechter\w*)\b", re.I), "right"),
)


# "headache" alone is read as the temples; beside the forehead or the back of the head it only
# says the head hurts ("a headache over my right eye", "hoofdpijn aan het voorhoofd").
_HEAD_PLACES = ("forehead", "back_of_head")
_TEMPLE_WORDS = re.compile(_WORDS["temple_words"], re.I)


# A place said only as where the pain ends is no place it hurts: "stops above the elbow", "presque
# jusqu'au coude", "pas plus bas que le genou", "ni verder dan de knie" (the entity reader drops "it
# stops above..." and "not to the foot" itself). "Until the shoulder", "tot aan de knie" alone say
# where the pain spreads to: a place it hurts, unless a "no further" follows (_LIMIT_AFTER), or
# they end a stretch the pain runs along: "it goes on the arm until the elbow", "langs mijn dij tot
# aan de knie".
_LIMIT_BEFORE = re.compile(_WORDS["limit_before"], re.I)
# "jusqu'au genou mais pas plus bas", "to the knee but no further", "tot de knie, niet verder".
# Only a place reached to: in "the thigh. Not lower than that" the thigh hurts.
_LIMIT_AFTER = re.compile(_WORDS["limit_after"], re.I)
_REACHED_TO = re.compile(_WORDS["reached_to"], re.I)
# The position said before a place the ruler read without it: "achter mijn rechterknie" is the
# back of the knee, "vooraan aan mijn schouder" its front, "naar achter in mijn hoofd" the back of
# the head.
_BEHIND = re.compile(_WORDS["behind"], re.I)
_IN_FRONT = re.compile(_WORDS["in_front"], re.I)
_POSITION_BEFORE = (
    (_BEHIND, "knee_front", "knee_back"),
    (_IN_FRONT, "shoulder_top", "shoulder_front"),
    (_BEHIND, "temple", "back_of_head"),  # only a head said as such, not "the temple"
)
_HEAD_WORDS = re.compile(_WORDS["head_words"], re.I)
# "I can barely turn my head", "ik kan mijn hoofd amper draaien": the head moves, it is no place.
_HEAD_MOVED_BEFORE = re.compile(_WORDS["head_moved_before"], re.I)
_HEAD_MOVED_AFTER = re.compile(_WORDS["head_moved_after"], re.I)


def _clause_before(text: str, start: int) -> str:
    return re.split(r"[,.;!?\n]", text[:start])[-1]


def _read_region(text: str, entity: Mapping[str, Any]) -> Any:
    """The place an entity names, once the words around it are read; None for a place said only as
    where the pain ends or a head only turned."""
    value, start, end = entity.get("value"), entity.get("start"), entity.get("end")
    if not (isinstance(start, int) and isinstance(end, int)):
        return value
    before, words = _clause_before(text, start), text[start:end]
    if _LIMIT_BEFORE.search(before) or (
        _REACHED_TO.search(before) and _LIMIT_AFTER.match(text[end:])
    ):
        return None
    if _HEAD_WORDS.match(words) and (
        _HEAD_MOVED_BEFORE.search(before) or _HEAD_MOVED_AFTER.match(text[end:])
    ):
        return None
    for position, read_as, value_there in _POSITION_BEFORE:
        head_ok = read_as != "temple" or _HEAD_WORDS.match(words)
        if value == read_as and head_ok and position.search(before):
            return value_there
    return value


def _regions_named(text: str, entities: Sequence[Mapping[str, Any]]) -> list[Any]:
    named = [e for e in entities if e.get("entity") in ("body_region", "pain_regions")]
    read = [_read_region(text, e) for e in named]
    if not any(read):  # a limit said alone ("until the knee") still names the place
        read = [e.get("value") for e in named]
    regions: list[Any] = []
    for value in read:
        if value is not None and value not in regions:
            regions.append(value)
    if "temple" not in regions or not any(place in regions for place in _HEAD_PLACES):
        return regions
    temples = [
        text[e["start"] : e["end"]]
        for e in entities
        if e.get("value") == "temple" and isinstance(e.get("start"), int)
    ]
    if temples and not any(_TEMPLE_WORDS.search(words) for words in temples):
        regions.remove("temple")
    return regions


# "the right one. The left is grand", "le gauche ça va encore", "links is in orde".
_SIDE_IS_FINE = re.compile(_WORDS["side_is_fine"], re.I)


# "ni echt links of rechts", "not left or right", "ni à gauche ni à droite": the entity reader
# drops the first side, negated; the one joined to it by "or" is ruled out as well.
_NEGATED_WITH_OR = re.compile(_WORDS["negated_with_or"], re.I)
# "Left shin. No sorry, the right one!", "gauche, enfin non, droite", "links, ik bedoel rechts": the
# side named after the correction is the one meant.
_SIDE_CORRECTION = re.compile(_WORDS["side_correction"], re.I)
# "À droite. Parfois un peu à gauche aussi, mais c'est surtout la droite": a side said only as
# "a bit" or "sometimes" beside another is not a second painful side when the patient says which
# is mainly; "left, and sometimes the right too" is both.
_MINOR_SIDE = re.compile(_WORDS["minor_side"], re.I)
_MAINLY = re.compile(_WORDS["mainly"], re.I)


def _side_mentions(text: str, entities: Sequence[Mapping[str, Any]]) -> list[tuple[int, Any]]:
    """(position, side) of each side a message names: side entities, less an adverbial "right"
    and a side ruled out, plus a side said within the words of a place."""
    mentions: list[tuple[int, Any]] = []
    for entity in entities:
        start, end = entity.get("start"), entity.get("end")
        spans = isinstance(start, int) and isinstance(end, int)
        if entity.get("entity") in ("side", "pain_side"):
            words = text[start:end].strip().lower() if spans else ""
            before = text[:start].lower() if spans else ""
            if (
                words == "right"
                and not _SIDE_BEFORE.search(before)
                and (_ADVERB_RIGHT.match(text[end:]) or _AGREEING_RIGHT.search(before))
            ):
                continue
            if spans and _SIDE_IS_FINE.match(text[end:]):
                continue  # "the left is grand, thank God": the side that does not hurt
            if isinstance(start, int) and _NEGATED_WITH_OR.search(_clause_before(text, start)):
                continue
            value = entity.get("value")
        elif entity.get("entity") == "body_region" and spans:
            value = next((side for word, side in _SIDE_WORDS if word.search(text[start:end])), None)
        else:
            continue
        if value is not None:
            mentions.append((start if isinstance(start, int) else -1, value))
    return sorted(mentions, key=lambda mention: mention[0])


def _sides_named(text: str, entities: Sequence[Mapping[str, Any]]) -> list[Any]:
    sides: list[Any] = []
    for _, value in _side_mentions(text, entities):
        if value not in sides:
            sides.append(value)
    return sides


def _adds_a_side(text: str) -> bool:
    """ "left knee. oops forgot, the right ankle too", "links, maar eigenlijk ook rechts": "also"
    after a correction word adds a side, it does not correct one."""
    markers = list(_SIDE_CORRECTION.finditer(text)) + list(_CORRECTION.finditer(text))
    return any(
        _ADDITION.search(re.split(r"[.!?\n]", text[marker.end() :])[0]) for marker in markers
    )


def _corrected_side(text: str, mentions: Sequence[tuple[int, Any]]) -> Any:
    """The first side named after the last correction that follows a side and precedes one."""
    if _adds_a_side(text):
        return None
    for marker in reversed(list(_SIDE_CORRECTION.finditer(text))):
        after = [value for at, value in mentions if at >= marker.end()]
        if after and any(0 <= at < marker.start() for at, _ in mentions):
            return after[0]
    return None


def _main_side(text: str, mentions: Sequence[tuple[int, Any]]) -> Any:
    """The side said without "a bit" or "sometimes" when the other is only said with them, and
    the patient says which is mainly."""
    if not _MAINLY.search(text):
        return None
    main = {
        value for at, value in mentions
        if at < 0 or not _MINOR_SIDE.search(_clause_before(text, at))
    }  # fmt: skip
    return next(iter(main)) if len(main) == 1 else None


def _spreads_to_a_place(text: str, entities: Sequence[Mapping[str, Any]]) -> bool:
    """ "It goes down into my calf": a spreading word with every place named after it. "The
    calf, and it pulls up to the Achilles" names where it is too, so it replaces the guess."""
    starts = [
        e["start"] for e in entities
        if e.get("entity") in ("body_region", "pain_regions") and isinstance(e.get("start"), int)
    ]  # fmt: skip
    found = _SPREADS.search(text)
    return bool(starts) and found is not None and min(starts) >= found.end() - 1


# "does that count as a blood thinner?", "est-ce que l'aspirine compte ?": a precaution inside a
# question is only asked about. Said by the patient and then asked about ("je suis enceinte de 10
# semaines, c'est un problème ?", "j'ai trop peur des aiguilles, c obligé ??", "a wart on that heel,
# does that count?") it is kept: the question comes after it and points back at it.
_QUESTION_OPENS = re.compile(_WORDS["question_opens"], re.I)
_FIRST_PERSON = re.compile(_WORDS["first_person"], re.I)
_POINTS_BACK = re.compile(_WORDS["points_back"], re.I)


def _only_asked_about(text: str, start: int, end: int, sentence_end: int) -> bool:
    if _QUESTION_OPENS.search(_clause_before(text, start)):
        return True
    sentence_start = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    after = text[end:sentence_end]
    asked_after = bool(_POINTS_BACK.search(after) or re.search(r"[,;:]", after))
    stated = _FIRST_PERSON.search(text[sentence_start:start]) or _POINTS_BACK.search(after)
    return not (stated and asked_after)  # "Maybe I am pregnant?" asks about the precaution


# "opéré de la cataracte, mais cela n'a rien à voir avec le genou", "nothing to do with my back":
# surgery elsewhere is no recent surgery in the area. The words qualify the nearest precaution
# said before them: in "surgery three weeks ago, and I take aspirin for something unrelated" the
# aspirin is unrelated, the surgery stays.
_NOT_THE_AREA = re.compile(_WORDS["not_the_area"], re.I)


def _named_precautions(text: str, entities: Sequence[Mapping[str, Any]]) -> list[Any]:
    """Precautions the message names as applying: not those ruled out right after ("metal
    allergy, no"), not surgery said to be old, not one only asked about ("does ibuprofen count
    as a blood thinner?")."""
    named: list[Any] = []
    for entity in entities:
        if entity.get("entity") not in ("precaution", "precautions"):
            continue
        value, start, end = entity.get("value"), entity.get("start"), entity.get("end")
        if isinstance(start, int) and isinstance(end, int):
            sentence_end = min(
                (i for i in (text.find(c, end) for c in ".!?\n") if i >= 0), default=len(text)
            )
            sentence_start = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
            sentence = text[sentence_start : sentence_end + 1]
            if (
                _RULED_OUT_AFTER.match(text[end:])
                or (
                    sentence.rstrip().endswith("?")
                    and _only_asked_about(text, start, end, sentence_end)
                )
                or _WHAT_IS.search(text[sentence_start:start])
            ):
                continue  # ruled out, asked about, or a word the patient does not know
            clause_before = _clause_before(text, start)
            if _SUPPOSED.search(clause_before):
                continue  # "if I'm pregnant, is it a problem?": supposed, not said
            if _someone_elses(clause_before):
                value = "none"  # "my wife is pregnant": none of the patient's own
            if _POSSIBLY.search(clause_before):
                value = "unsure"  # "I might be pregnant": the therapist checks
            if value == "needle_fear" and not _FEAR_IN_WORDS.search(text[start:end]):
                cues = [c for c in _NEEDLE_FEAR_CUE.finditer(text) if not start <= c.start() < end]
                if not any(
                    not _CUE_RULED_OUT.search(_clause_before(text, c.start())) for c in cues
                ):
                    continue  # "à chaque prise de sang je regarde, pas de souci"
            if value == "skin_lesion" and _NOT_THERE_NOW.search(sentence):
                continue  # "a wart removed years ago", "a wart on my other foot"
            if value == "recent_surgery":
                rest_of_clause = _CLAUSE.match(text, end)
                clause = text[start - len(clause_before) : end] + (
                    rest_of_clause.group(0) if rest_of_clause else ""
                )
                if _NOT_THE_AREA.search(_up_to_next_precaution(text, end, entities)):
                    continue
                rest = sentence.replace(clause, " ", 1)
                another = _ANOTHER.search(rest) and _ANOTHER_RECENT.search(rest)
                if not another and (_NOT_RECENT.search(clause) or _NOTHING_RECENT.search(sentence)):
                    continue
                if _LAST_YEAR.search(clause):
                    value = "unsure"  # "knee surgery last year": maybe weeks ago in December
        if value not in named:
            named.append(value)
    return [value for value in named if value != "none"] or named


def _someone_elses(clause_before: str) -> bool:
    """ "my wife is ...", "mijn zus heeft ...": another person is the subject, no "I" after."""
    others = list(_SOMEONE_ELSE.finditer(clause_before))
    return bool(others) and not _FIRST_PERSON.search(clause_before[others[-1].end() :])


def _up_to_next_precaution(text: str, end: int, entities: Sequence[Mapping[str, Any]]) -> str:
    later = [
        e["start"] for e in entities
        if e.get("entity") in ("precaution", "precautions")
        and isinstance(e.get("start"), int) and e["start"] >= end
    ]  # fmt: skip
    return text[end : min(later, default=len(text))]


def _rules_out_every_part(text: str) -> bool:
    if _BARE_OK.match(text):
        return False  # "ok" to "does any of these apply?" may be a yes: asked which one
    parts = [part.strip() for part in _SCREEN_PART.findall(text) if part.strip(" ,.;!?")]
    return bool(parts) and all(part.endswith("?") or _RULES_OUT.search(part) for part in parts)


# "22 weeks pregnant", "my son (3 years old)", "a 5 km run": a number of weeks that is not how long
# the pain has lasted.
_NOT_DURATION_AFTER = re.compile(_WORDS["not_duration_after"], re.I)


def _durations_in(entities: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return [
        e for e in entities if e.get("entity") == "duration" and isinstance(e.get("start"), int)
    ]


def _not_a_duration(text: str, entity: Mapping[str, Any]) -> bool:
    end = entity.get("end")
    return isinstance(end, int) and bool(_NOT_DURATION_AFTER.match(text[end:]))


def _last_named(entities: Sequence[Mapping[str, Any]], names: tuple[str, ...]) -> Any:
    named = [e for e in entities if e.get("entity") in names]
    return max(named, key=lambda e: e.get("start") or 0).get("value")


def _same_body_part(regions: Sequence[str], earlier: Sequence[str]) -> bool:
    """knee_front and knee_back are one knee: correcting one into the other keeps its side."""
    return bool({r.split("_")[0] for r in regions} & {r.split("_")[0] for r in earlier})


def _names_the_other_side(text: str, entities: Sequence[Mapping[str, Any]]) -> bool:
    for found in _OTHER.finditer(text):
        if found.group(2):
            return True
        regions_after = [
            e for e in entities
            if e.get("entity") == "body_region" and isinstance(e.get("start"), int)
            and 0 <= e["start"] - found.end() <= 1
        ]  # fmt: skip
        if regions_after:
            return True
    return False


def needs_side(regions: Sequence[str] | None) -> bool:
    return bool(regions) and any(region not in MIDLINE_REGIONS for region in regions or ())


def is_unsure(text: str) -> bool:
    return bool(_UNSURE.search(text or ""))


def is_unknown_duration(text: str) -> bool:
    """ "A while", "een tijdje al": no count, no unit; a second ask would not get one."""
    return bool(_A_WHILE.search(text or ""))


def interpret(
    text: str,
    entities: Sequence[Mapping[str, Any]],
    intent: str | None,
    requested_slot: str | None,
    current: Mapping[str, Any],
) -> dict[str, Any]:
    """Slot updates found in one message (only slots whose value changes)."""
    text = (text or "").strip()
    updates: dict[str, Any] = {}
    correcting = bool(_CORRECTION.search(text))
    open_context = requested_slot in OPEN_CONTEXTS or correcting
    fact_context = requested_slot in FACT_CONTEXTS or correcting

    regions = _regions_named(text, entities)
    adding = bool(_ADDITION.search(text)) and not str(requested_slot).startswith("screen_")
    if regions and (open_context or (adding and requested_slot != "precautions")):
        earlier = list(current.get("pain_regions") or [])
        if earlier and _ADDITION.search(text):
            regions = earlier + [region for region in regions if region not in earlier]
        elif earlier and open_context and not correcting and _spreads_to_a_place(text, entities):
            # Where it spreads joins where it is; a place named more exactly replaces the first
            # guess of the same part ("my shoulder" -> "the front of my shoulder").
            parts = {region.split("_")[0] for region in regions}
            kept = [region for region in earlier if region.split("_")[0] not in parts]
            regions = kept + [region for region in regions if region not in kept]
        elif current.get("pain_side") and not _same_body_part(regions, earlier):
            updates["pain_side"] = None  # another place: its side is asked, not assumed
        updates["pain_regions"] = regions

    mentions = _side_mentions(text, entities)
    sides = _sides_named(text, entities)
    several = len(set(sides)) > 1 and not _BOTH.search(text)
    if sides and not open_context:
        pass
    elif several and _corrected_side(text, mentions):
        updates["pain_side"] = _corrected_side(text, mentions)  # "left, no sorry, the right one"
    elif (
        requested_slot == "pain_side"
        and sides == ["both"]
        and (middle := _MIDDLE.search(text))
        and middle.start() < mentions[0][0]
    ):
        updates["pain_side"] = "middle"  # "middle, kinda both sides equally": centred
    elif several and correcting and not _adds_a_side(text):
        updates["pain_side"] = _last_named(
            entities, ("side", "pain_side")
        )  # "left, no wait: right"
    elif (
        sides
        and requested_slot == "pain_side"
        and _BOTH.search(text)
        and not _NOT_BOTH.search(text)
    ):
        updates["pain_side"] = "both"  # "les deux, la droite un peu plus"
    elif sides:
        main = _main_side(text, mentions) if several else None
        updates["pain_side"] = main or ("both" if len(set(sides)) > 1 else sides[0])
    elif (
        open_context
        and current.get("pain_side") in OTHER_SIDE
        and _names_the_other_side(text, entities)
    ):
        # "actually my other knee"; in the answer to another question, "the other side" is
        # where one turns in bed, not a new side.
        updates["pain_side"] = OTHER_SIDE[current["pain_side"]]

    if (
        requested_slot == "pain_regions"
        and "pain_side" not in updates
        and _BOTH.search(text)
        and not _BETWEEN_BOTH.search(text)
        and needs_side(updates.get("pain_regions") or current.get("pain_regions"))
    ):
        updates["pain_side"] = "both"  # "les deux genoux", "allebei"
    if (
        requested_slot in ("pain_regions", "pain_side")
        and "pain_side" not in updates
        and _MIDDLE.search(text)
        and not _NIGHT.search(text)
        and needs_side(updates.get("pain_regions") or current.get("pain_regions"))
    ):
        updates["pain_side"] = "middle"  # "onderrug, in het midden": the side is said too

    onsets = _entity_values(entities, "onset") + _entity_values(entities, "pain_onset")
    if onsets and fact_context:
        updates["pain_onset"] = onsets[-1]

    durations = (
        [
            e["value"]
            for e in entities
            if e.get("entity") == "duration" and not _not_a_duration(text, e)
        ]
        if fact_context
        else []
    )
    if requested_slot == "pain_onset" and not _SINCE_OR_AGO.search(text):
        durations = []  # "gradually, over a few weeks" says how it came on, not how long ago
    answering = requested_slot == "pain_duration" and not _durations_in(entities)
    named = named_time(text, answering=answering) if fact_context else None
    since = named[0] if named else None
    if named and correcting and all(e["start"] < named[1] for e in _durations_in(entities)):
        durations = []  # "three months? no, longer: since July" is since July
    if since is not None and (not durations or max(durations) < since / 2):
        # A number said beside a month, and close to it, is the patient's own count: "since the
        # end of September, so about ten weeks" is ten weeks, not since the first of September;
        # "since last summer, after two weeks in Spain" is since the summer.
        durations.append(since)
    if not durations and requested_slot in (None, "pain_duration"):
        # Before the question, only "for years" is clear enough; "for months", "most days of
        # the week" are asked.
        vague = [days for pattern, days in VAGUE_DURATIONS if pattern.search(text)][:1]
        durations += [d for d in vague if requested_slot == "pain_duration" or d >= 365]
    explicit = _entity_values(entities, "pain_duration")
    if durations:
        days = int(max(durations))
        updates["pain_duration"] = duration_category(days)
        updates["pain_duration_days"] = days
    elif explicit and explicit[0] in values_of("pain_duration"):
        updates["pain_duration"] = explicit[0]

    # Before its question, only a moment said to be the worst counts ("worse at night"): "knee
    # pain from running" names the cause, and the question asks when it is worst. "Worse when I
    # sit" in answer to what makes it worse answers it too, unless it was already answered.
    if requested_slot == "time_pattern" or (
        _WORST_MOMENT.search(_GETTING_WORSE.sub(" ", text))
        and (
            fact_context
            or (requested_slot == "pain_modifiers" and current.get("time_pattern") is None)
        )
    ):
        # Beside another question, only a moment named ("surtout ... dès que j'ai mal" names none).
        named_only = requested_slot != "time_pattern"
        patterns = [
            p for p in read_worst_time(text, entities, named_only=named_only)
            if p in values_of("time_pattern")
        ]  # fmt: skip
        if patterns:
            updates["time_pattern"] = patterns

    asked_modifiers = requested_slot == "pain_modifiers"
    modifier = _MODIFIER_CLAUSE.search(text) if fact_context or asked_modifiers else None
    if modifier and not asked_modifiers and _ASKS_FOR_HELP.search(modifier.group(0)):
        modifier = None  # "can you help?", "pouvez-vous m'aider ?": a request, not what eases it
    if modifier and (asked_modifiers or _MODIFIER_TRIGGER.search(modifier.group(0))):
        updates["pain_modifiers"] = modifier.group(0).strip()[:MAX_FREE_TEXT]

    scores = _entity_values(entities, "severity") + _entity_values(entities, "pain_severity")
    if requested_slot == "pain_severity":
        scores += scores_in(text)
    elif not scores:
        scores = _corrected_score(text, current.get("pain_severity"))
    if scores and correcting and requested_slot == "pain_severity" and len(set(scores)) > 1:
        updates["pain_severity"] = float(scores[-1])  # "7, no wait, more like a 6"
        updates[SEVERITY_NOTE] = None
    elif scores:
        updates["pain_severity"] = float(max(scores))
        updates[SEVERITY_NOTE] = text[:MAX_NOTE] if has_several_scores(text) else None

    precautions = _named_precautions(text, entities)
    if precautions:
        earlier = [value for value in current.get("precautions") or [] if value != "none"]
        updates["precautions"] = earlier + [value for value in precautions if value not in earlier]

    updates.update(_answer_to_requested(requested_slot, text, intent, updates, current))
    return {slot: value for slot, value in updates.items() if current.get(slot) != value}


# "it's 6 not 4", "pas 4 mais 6", "niet 4, wel 6": a score named beside the one given earlier.
_SCORE_CORRECTION = re.compile(_WORDS["score_correction"], re.I)


def _corrected_score(text: str, earlier: Any) -> list[float]:
    """A new score outside the severity question, only when the message rules out the earlier
    one: a bare number elsewhere is a duration, an age or a distance, not a score."""
    if earlier is None:
        return []
    ruled_out = False
    for match in _SCORE_CORRECTION.finditer(text):
        named = match.group(1) or match.group(3)
        if scores_in(named) == [float(earlier)] or first_number(named, articles=False) == float(
            earlier
        ):
            ruled_out = True
    if not ruled_out:
        return []
    scores = [score for score in scores_in(text) if score != float(earlier)]
    return scores[:1]


# How it started, in the patient's own story when no onset word was found. A strain felt during
# an effort ("felt a twinge", "j'ai senti un tiraillement", "voelde iets scheuren", "en krak"), or
# an effort forced ("j'ai forcé", "te ver gereikt") is an injury or strain; waking up with it or
# "d'un coup" is sudden; only lifting or carrying, said beside neither, is a strain too. The story
# is how it started, in the past: "I feel a stab when I bend" is how it is now, and "it got worse
# and worse" is gradual. An answer that opens unsure ("no idea, I do a lot of lifting") says no
# onset.
_FELT_STRAIN = re.compile(_WORDS["felt_strain"], re.I)
_WOKE_WITH_IT = re.compile(_WORDS["woke_with_it"], re.I)
_EFFORT = re.compile(_WORDS["effort"], re.I)
# "nothing special", "sans rien faire", "niet geforceerd", "no crack": a cue ruled out.
_CUE_RULED_OUT = re.compile(_WORDS["cue_ruled_out"], re.I)


def _said(pattern: re.Pattern[str], text: str) -> bool:
    return any(
        not _CUE_RULED_OUT.search(_clause_before(text, found.start()))
        for found in pattern.finditer(text)
    )


_CAME_GRADUALLY = re.compile(_WORDS["came_gradually"], re.I)
# "c'est venu assez vite", "vrij snel, op een dag", "within a few hours": sudden, unless the
# answer also says it crept up.
_CAME_QUICKLY = re.compile(_WORDS["came_quickly"], re.I)


def _onset_in_story(text: str) -> str | None:
    if _UNSURE.search(re.split(r"[,.;!?\n]", text)[0]):
        return None  # "I can't remember, maybe from carrying groceries"
    if _said(_FELT_STRAIN, text):
        return "injury"
    if _said(_WOKE_WITH_IT, text):
        return "sudden"
    if _said(_EFFORT, text):
        return "injury"
    if _said(_CAME_GRADUALLY, text):
        return "gradual"
    if _said(_CAME_QUICKLY, text):
        return "sudden"
    return None


def _answer_to_requested(
    requested_slot: str | None,
    text: str,
    intent: str | None,
    found: Mapping[str, Any],
    current: Mapping[str, Any],
) -> dict[str, Any]:
    """Free-text answers that only make sense as a reply to the question just asked."""
    if not requested_slot or requested_slot in found:
        return {}
    unsure = is_unsure(text)
    says_nothing = not unsure and (intent == "deny" or bool(_NOTHING.match(text)))
    if requested_slot == "pain_side" and _BOTH.search(text):
        return {"pain_side": "both"}  # "les deux jambes", "allebei"
    if requested_slot == "pain_side" and _MIDDLE.search(text):
        return {"pain_side": "middle"}  # "au milieu, pas plus d'un côté que de l'autre"
    if requested_slot == "pain_onset" and (onset := _onset_in_story(text)):
        return {"pain_onset": onset}
    if requested_slot == "time_pattern" and (says_nothing or unsure):
        return {"time_pattern": ["no_pattern"]}
    if requested_slot == "precautions" and unsure:
        return {"precautions": ["unsure"]}  # the therapist asks again before treating
    if requested_slot == "precautions" and _DECLINES.search(text):
        return {"precautions": ["unsure"]}  # "I'd rather not say": the therapist asks
    if requested_slot == "precautions" and (
        says_nothing or _DENIES_ALL.search(text) or _every_clause_negates(text)
    ):
        # "nope, none of those", "rien de tout ça", "geen"; nothing named and a negation: "I'm
        # not afraid of needles", "je ne crois pas", "niet dat ik weet"
        return {"precautions": ["none"]}
    if (
        requested_slot == "pain_modifiers"
        and text
        and not text.startswith("/")
        # "ok" or an emoji between two questions answers nothing: the question is asked again.
        and not _BARE_OK.match(text)
        and any(char.isalnum() for char in text)
    ):
        # A question asked alongside ("stairs. is that normal?") is answered, not noted.
        statement = " ".join(s for s in _SENTENCE.findall(text) if not s.strip().endswith("?"))
        if not statement.strip():
            return {}
        return {"pain_modifiers": "-" if says_nothing else statement.strip()[:MAX_FREE_TEXT]}
    no_to_screen = says_nothing or bool(_STARTS_WITH_NO.match(text)) or _rules_out_every_part(text)
    if requested_slot.startswith("screen_") and not unsure and no_to_screen:
        return {requested_slot: False}
    return {}
