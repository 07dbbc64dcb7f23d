"""The interview's reading of answers: numbers, durations, severities, several answers at once."""

from __future__ import annotations

from datetime import date

import pytest

from bot.triage.interview.answers import interpret, needs_side
from bot.triage.interview.dates import days_since_named_time
from bot.triage.interview.durations import duration_category, duration_in_days
from bot.triage.interview.numbers import first_number
from bot.triage.interview.severity import paired_scores_in, parse_severity
from bot.triage.nlp.canonical_entities import extract_entities
from tests.conftest import nlp


def read(
    text: str, requested: str | None = None, current: dict | None = None, intent="describe_pain"
):
    return interpret(text, extract_entities(nlp(), text), intent, requested, current or {})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("three weeks", 3),
        ("a few weeks", 3),
        ("a couple of months", 2),
        ("a week", 1),
        ("2 weeks", 2),
        ("a pain of 7", 7),
        ("une semaine", 1),
        ("een paar weken", 2),
        ("anderhalve maand", 1.5),
        ("7,5", 7.5),
        ("nothing here", None),
    ],
)
def test_first_number(text, expected):
    assert first_number(text) == expected


@pytest.mark.parametrize(
    ("text", "unit", "days", "category"),
    [
        ("four days", "days", 4, "acute"),
        ("three weeks", "weeks", 21, "acute"),
        ("6 weeks", "weeks", 42, "subacute"),
        ("two months", "months", 60, "subacute"),
        ("3 months", "months", 90, "subacute"),
        ("four months", "months", 120, "chronic"),
        ("since last year", "years", 365, "chronic"),
        ("since yesterday", "days", 1, "acute"),
        ("trois semaines", "weeks", 21, "acute"),
        ("zes maanden", "months", 180, "chronic"),
    ],
)
def test_duration_days_and_category(text, unit, days, category):
    assert duration_in_days(text, unit) == days
    assert duration_category(days) == category


@pytest.mark.parametrize(
    ("text", "score"),
    [("7", 7), ("7/10", 7), ("seven", 7), ("about 6.5", 6.5), ("0", 0), ("10", 10), ("dix", 10)],
)
def test_severity_scores(text, score):
    assert parse_severity(text) == score


@pytest.mark.parametrize("text", ["11", "-3", "a lot", "", "42 out of 10"])
def test_severity_rejects_what_is_not_a_score(text):
    assert parse_severity(text) is None


def test_several_answers_in_one_message_fill_every_slot():
    updates = read("my knee has hurt for three weeks, worse on stairs", "pain_regions")
    assert updates["pain_regions"] == ["knee_front"]
    assert updates["pain_duration"] == "acute"
    assert updates["pain_duration_days"] == 21
    assert updates["pain_modifiers"] == "worse on stairs"


def test_regions_side_onset_and_pattern_together():
    updates = read("my left shoulder started suddenly and it's worse at night", "pain_regions")
    assert updates["pain_regions"] == ["shoulder_top"]
    assert updates["pain_side"] == "left"
    assert updates["pain_onset"] == "sudden"
    assert updates["time_pattern"] == ["night"]


def test_what_eases_the_pain_is_not_when_it_is_worst():
    updates = read("it's worse when I sit and better when I walk", "pain_modifiers")
    assert updates["time_pattern"] == ["sitting"]


@pytest.mark.parametrize(
    "text", ["it hurts all the time", "tout le temps", "de hele dag door", "dag en nacht"]
)
def test_pain_all_day_is_a_constant_pattern(text: str) -> None:
    assert read(text, "time_pattern")["time_pattern"] == ["constant"]


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("I sit at my desk all day", "desk_work"),
        ("ik zit de hele dag aan mijn bureau", "desk_work"),
    ],
)
def test_all_day_beside_a_pattern_is_only_how_long(text: str, pattern: str) -> None:
    assert read(text, "time_pattern")["time_pattern"] == [pattern]


def test_a_correction_replaces_the_earlier_region_and_drops_the_negated_one():
    current = {"pain_regions": ["knee_front"]}
    updates = read("sorry, not my knee, it's my hip", "pain_severity", current)
    assert updates["pain_regions"] == ["hip_groin"]


def test_also_adds_a_region_instead_of_replacing():
    updates = read("also my neck", "pain_onset", {"pain_regions": ["low_back"]})
    assert updates["pain_regions"] == ["low_back", "neck"]


def test_left_and_right_mean_both_sides():
    assert read("left and right", "pain_side")["pain_side"] == "both"


def test_free_text_answer_only_counts_for_the_question_asked():
    answered = {"time_pattern": ["night"]}
    assert read("when I garden", "pain_modifiers", answered) == {"pain_modifiers": "when I garden"}
    assert "pain_modifiers" not in read("when I garden", "pain_onset")


def test_none_answers_the_screen_and_the_precautions():
    assert read("none", "screen_general", intent="deny") == {"screen_general": False}
    assert read("no", "precautions", intent="deny") == {"precautions": ["none"]}


@pytest.mark.parametrize(
    "text",
    ["not sure", "I don't know", "no idea", "maybe", "je ne sais pas", "pas sûr", "non peut-être",
     "niet zeker", "ik weet het niet", "geen idee", "misschien"],
)  # fmt: skip
@pytest.mark.parametrize("intent", ["deny", "describe_pain", None])
def test_not_sure_is_never_a_no_to_a_safety_question(text: str, intent: str | None):
    assert read(text, "screen_back", intent=intent) == {}
    assert read(text, "precautions", intent=intent) == {"precautions": ["unsure"]}


def test_a_screen_answered_with_a_negated_symptom_counts_as_no():
    assert read("no numbness and no fever", "screen_back") == {"screen_back": False}
    assert read("geen koorts", "screen_general") == {"screen_general": False}
    assert read("numbness", "screen_back") == {}


@pytest.mark.parametrize("text", ["ok", "OK!", "oké", "d'accord", "akkoord"])
def test_a_bare_ok_to_a_screen_rules_nothing_out(text):
    assert read(text, "screen_general", intent="affirm") == {}


def test_ok_beside_the_signs_named_rules_them_out():
    assert read("legs ok, peeing fine", "screen_back") == {"screen_back": False}


def test_precautions_are_collected_for_the_therapist():
    updates = read("I'm pregnant and I take blood thinners", "precautions")
    assert updates["precautions"] == ["pregnancy", "anticoagulants"]


def test_unchanged_values_are_not_reported_again():
    assert read("my knee", "pain_side", {"pain_regions": ["knee_front"]}) == {}


def test_midline_regions_need_no_side():
    assert not needs_side(["chest"])
    assert not needs_side(["abdomen", "mid_back"])
    assert needs_side(["chest", "knee_front"])


@pytest.mark.parametrize(
    ("text", "requested", "expected"),
    [
        (
            "ik heb pijn in mijn linkerknie",
            None,
            {"pain_regions": ["knee_front"], "pain_side": "left"},
        ),
        (
            "mijn rechterschouder zit vast",
            None,
            {"pain_regions": ["shoulder_top"], "pain_side": "right"},
        ),
        (
            "al een dag of tien",
            "pain_duration",
            {"pain_duration": "acute", "pain_duration_days": 10},
        ),
        ("een week of drie", "pain_duration", {"pain_duration": "acute", "pain_duration_days": 21}),
        (
            "depuis une quinzaine de jours",
            "pain_duration",
            {"pain_duration": "acute", "pain_duration_days": 15},
        ),
        (
            "une huitaine de jours",
            "pain_duration",
            {"pain_duration": "acute", "pain_duration_days": 8},
        ),
        (
            "ça fait une dizaine de semaines",
            "pain_duration",
            {"pain_duration": "subacute", "pain_duration_days": 70},
        ),
        ("sept sur dix", "pain_severity", {"pain_severity": 7}),
        ("zeven op tien", "pain_severity", {"pain_severity": 7}),
        ("zes van de tien", "pain_severity", {"pain_severity": 6}),
        ("seven out of ten", "pain_severity", {"pain_severity": 7}),
    ],
)
def test_belgian_and_spelled_out_answers(text, requested, expected):
    assert read(text, requested) == expected


def test_a_side_written_apart_is_not_doubled_by_the_compound_rule():
    found = extract_entities(nlp(), "mijn linker knie en mijn linkerheup")
    assert [e["value"] for e in found if e["entity"] == "side"] == ["left"]


def test_the_side_of_a_toe_is_kept():
    """English "toe" is matched with the word before it ("left toe"), which must still give
    the side."""
    found = extract_entities(nlp(), "my left toe hurts")
    assert [(e["entity"], e["value"]) for e in found] == [("side", "left"), ("body_region", "sole")]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("j'ai mal au dos depuis hier", 1),
        ("c'est arrivé hier soir", 1),
        ("hier", 1),  # a bare answer to "since when?": no clear language, read as French
        ("ik heb hier pijn, in mijn schouder", None),  # Dutch "hier" is "here"
        ("wat kan ik hier doen?", None),
    ],
)
def test_french_yesterday_is_not_dutch_here(text: str, days: int | None) -> None:
    found = [e["value"] for e in extract_entities(nlp(), text) if e["entity"] == "duration"]
    assert found == ([days] if days else [])


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("j'ai mal au dos depuis plus d'un an", 366),  # "more than" moves past the year
        ("ça fait plus d’un mois", 31),
        ("il y a moins d'une semaine", 6),
        ("un peu plus qu'une semaine", 8),
    ],
)
def test_french_durations_after_an_elision_are_read(text: str, days: int) -> None:
    """The tokenizer keeps "d'un" whole: "plus d'un an" was not read as a duration at all."""
    found = [e["value"] for e in extract_entities(nlp(), text) if e["entity"] == "duration"]
    assert found == [days]


def test_a_false_friend_must_be_a_word_in_known_languages(tmp_path) -> None:
    from bot.triage.nlp.pipeline import build_pipeline

    (tmp_path / "bad.jsonl").write_text(
        '{"label": "duration", "id": "days", "lang": "fr", "pattern": "hier", "not_in": ["de"]}\n'
    )
    with pytest.raises(ValueError, match="not_in"):
        build_pipeline(tmp_path)


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("ik heb heel veel pijn in mijn rug", ["low_back"]),  # Dutch "heel" is "very"
        ("heel erg bedankt", []),
        ("my heel hurts when I get up", ["achilles_heel"]),
    ],
)
def test_dutch_very_is_not_the_english_heel(text: str, regions: list[str]) -> None:
    found = [e["value"] for e in extract_entities(nlp(), text) if e["entity"] == "body_region"]
    assert found == regions


# --- what the summary keeps: negations, several scores, dates, corrections -------------------


@pytest.mark.parametrize(
    "text",
    ["nothing sudden, it built up", "it wasn't sudden", "rien de soudain", "pas d'un coup",
     "niet plots", "niks plots, het kwam langzaam"],
)  # fmt: skip
def test_a_denied_sudden_onset_is_gradual(text: str) -> None:
    assert read(text, "pain_onset")["pain_onset"] == "gradual"


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("2 at rest, 6 when serving", 6),
        ("deux au repos, six quand je cours", 6),
        ("in rust een 2, bij het lopen een 7", 7),
    ],
)
def test_several_scores_keep_the_highest_and_the_patients_words(text: str, score: float) -> None:
    updates = read(text, "pain_severity")
    assert updates["pain_severity"] == score
    assert updates["pain_severity_note"] == text


@pytest.mark.parametrize(
    ("text", "current", "expected"),
    [
        ("it's 6 not 4", {"pain_severity": 4.0}, {"pain_severity": 6.0}),
        ("c'est 6, pas 4", {"pain_severity": 4.0}, {"pain_severity": 6.0}),
        ("het is 6, niet 4", {"pain_severity": 4.0}, {"pain_severity": 6.0}),
        ("not the left, the right", {"pain_side": "left"}, {"pain_side": "right"}),
        ("pas à gauche, à droite", {"pain_side": "left"}, {"pain_side": "right"}),
        ("niet links maar rechts", {"pain_side": "left"}, {"pain_side": "right"}),
    ],
)
def test_a_correction_changes_only_the_named_field(text, current, expected) -> None:
    current = {**current, "pain_regions": ["neck"], "pain_duration": "acute"}
    assert read(text, "time_pattern", current) == expected


def test_behind_not_in_front_moves_the_knee_pain_behind():
    updates = read(
        "it's behind the knee, not in front", "pain_onset", {"pain_regions": ["knee_front"]}
    )
    assert updates["pain_regions"] == ["knee_back"]


@pytest.mark.parametrize(
    ("text", "days_on_6_december"),
    [("since September", 96), ("depuis septembre", 96), ("sinds september", 96),
     ("since the summer", 188), ("depuis l'été", 188), ("sinds de zomer", 188),
     ("since about April", 249), ("depuis le mois de mars", 280), ("sinds half oktober", 52),
     ("depuis la Toussaint", 35), ("sinds Sinterklaas vorig jaar", 365),
     ("since Christmas last year", 346), ("depuis la toussaint de l'an dernier", 400),
     ("sinds eind oktober", 42), ("since late October", 42), ("depuis mi-novembre", 21),
     # said in December, "last winter" is the one before the winter under way
     ("since last winter", 370), ("al van vorige winter", 370), ("depuis l'hiver dernier", 370),
     ("since the winter", 5)],
)  # fmt: skip
def test_since_a_month_or_season_counts_back_from_today(text, days_on_6_december) -> None:
    assert days_since_named_time(text, date(2026, 12, 6)) == days_on_6_december
    # Said on 1 October, "since September" is a month, not a year.
    if "sept" in text:
        assert days_since_named_time(text, date(2026, 10, 1)) == 30


@pytest.mark.parametrize(
    ("text", "days_on_6_december"),
    [("in July", 158), ("Ça a recommencé cet été, en juillet.", 158), ("deze zomer", 188),
     # a correction: the last start named
     ("Een maand of drie? Nee, langer eigenlijk: sinds juli.", 158)],
)  # fmt: skip
def test_the_answer_to_since_when_may_name_the_start_without_since(text, days_on_6_december):
    assert days_since_named_time(text, date(2026, 12, 6), answering=True) == days_on_6_december
    assert days_since_named_time("my knee hurt in July when I fell", date(2026, 12, 6)) is None


def test_a_corrected_duration_keeps_the_correction():
    updates = read("Een maand of drie? Nee, langer eigenlijk: sinds de Gentse Feesten in juli.",
                   "pain_duration")  # fmt: skip
    assert updates["pain_duration"] == "chronic"
    assert read("Ne maand of vier.", "pain_duration")["pain_duration_days"] == 120


def test_since_a_month_fills_the_duration_field():
    updates = read("depuis septembre", "pain_duration")
    assert updates["pain_duration"] in ("subacute", "chronic")
    assert updates["pain_duration_days"] == days_since_named_time("depuis septembre")


def test_not_at_night_is_not_a_night_pattern_but_not_only_at_night_is():
    assert "time_pattern" not in read("not at night", "time_pattern")
    assert read("not only at night", "time_pattern")["time_pattern"] == ["night"]


@pytest.mark.parametrize(
    "text",
    [
        "actually it's my other knee",
        "en fait c'est l'autre genou",
        "het is eigenlijk mijn andere knie",
    ],
)
def test_the_other_one_switches_the_side(text: str) -> None:
    current = {"pain_regions": ["knee_front"], "pain_side": "left"}
    assert read(text, "pain_severity", current)["pain_side"] == "right"


def test_the_other_day_is_not_the_other_side():
    current = {"pain_regions": ["knee_front"], "pain_side": "left"}
    assert "pain_side" not in read("I twisted it the other day", "pain_onset", current)


def test_behind_the_same_knee_keeps_its_side_but_another_place_asks_again():
    current = {"pain_regions": ["knee_front"], "pain_side": "left"}
    assert "pain_side" not in read("it's behind the knee, not in front", "pain_onset", current)
    assert read("not the knee, my hip", "pain_onset", current)["pain_side"] is None


def test_a_question_beside_the_answer_is_not_noted_as_what_makes_it_worse():
    updates = read("Worse on stairs. Is dry needling painful?", "pain_modifiers")
    assert updates["pain_modifiers"] == "Worse on stairs"
    assert "pain_modifiers" not in read("is dry needling painful?", "pain_modifiers")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No blood thinners, nothing like that.", ["none"]),
        ("pas d'anticoagulants, rien de tout ça", ["none"]),
        ("geen bloedverdunners, niks", ["none"]),
        ("not sure whether my pills are blood thinners", ["anticoagulants"]),
        ("no, but I'm scared of needles", ["needle_fear"]),
    ],
)
def test_precautions_ruled_out_are_none_and_the_others_are_kept(text, expected):
    assert read(text, "precautions")["precautions"] == expected


@pytest.mark.parametrize(
    ("text", "category"),
    [("for months now", "subacute"), ("depuis des mois", "subacute"), ("al maanden", "subacute"),
     ("for weeks", "acute"), ("depuis des semaines", "acute"), ("al weken", "acute"),
     ("a long time", "chronic"), ("ça fait longtemps", "chronic"), ("al heel lang", "chronic")],
)  # fmt: skip
def test_a_duration_without_a_number_maps_to_the_nearest_category(text, category):
    assert read(text, "pain_duration")["pain_duration"] == category


@pytest.mark.parametrize("text", ["a while", "een tijdje", "un certain temps"])
def test_a_vague_while_is_not_turned_into_a_duration(text):
    assert "pain_duration" not in read(text, "pain_duration")


# When it is worst, read clause by clause: what the patient is doing, and whether the pain comes
# during it or after it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("going downhill and when I squat down", ["during_activity"]),
        ("when I play squash, and when I carry the shopping", ["during_activity", "sport"]),
        (
            "after football, and the next morning it's stiff",
            ["after_activity", "sport", "morning_stiffness"],
        ),
        (
            "in the evening after a long walk, and at night when I turn over",
            ["after_activity", "night"],
        ),
        ("on the bike after about an hour", ["during_activity", "sport"]),
        (
            "during rehearsals and for the rest of the evening after them",
            ["during_activity", "after_activity"],
        ),
        ("afternoons at the desk, but it's always there really", ["desk_work", "constant"]),
        # the evening is "at night or in the evening" on the therapist's card, but in the evening
        # after work is after work
        ("le soir après le boulot", ["after_activity"]),
        ("le soir après une journée d'ordi", ["desk_work"]),
        ("evenings on the sofa", ["night", "sitting"]),
        ("by Friday evening it's unbearable", ["night"]),
        ("als ik lang studeer op mn laptop en savonds", ["desk_work", "night"]),
        (
            "les premiers pas le matin, et après avoir marché longtemps",
            ["morning_stiffness", "after_activity"],
        ),
        ("quand je mâche, et quand je conduis longtemps", ["during_activity", "sitting"]),
        ("pas d'heure, n'importe quand", ["no_pattern"]),
        ("na de shift", ["after_activity"]),
        ("tijdens het fietsen, vooral bergop", ["during_activity", "sport"]),
        ("als ik de baby optil", ["during_activity"]),
        ("'s avonds na 't werk", ["after_activity"]),
        ("Tijdens het lopen op training, en erna", ["during_activity", "sport", "after_activity"]),
        (
            "s Nachts als ik op mijn linkerzij lig en bij het aantrekken van mijn jas",
            ["night", "during_activity"],
        ),
        (
            "when i sprint or stretch to kick, fine walking around and sitting",
            ["during_activity", "sport"],
        ),
        (
            "At night if I lie on it (fine when I roll onto my back) and reaching up to shelves",
            ["night", "during_activity"],
        ),
        ("Geen vast patroon eigenlijk. Soms s morgens, soms op het werk.", ["no_pattern"]),
        (
            "After running. In the morning the first steps hurt, after 5 min walking it's ok",
            ["after_activity", "sport", "morning_stiffness"],
        ),
        ("qd je tourne la tete pour regarder dans le retro", ["during_activity"]),
        ("Na de les en de dag erna", ["after_activity"]),
        ("En na het padellen.", ["after_activity", "sport"]),
        ("da's heel wisselend, geen vast moment", ["no_pattern"]),
        ("at night, but it's fine once I roll over", ["night"]),
        ("stiff getting out of bed for five minutes, then fine", ["morning_stiffness"]),
        ("Pas vraiment de moment, ça va ça vient, sans logique.", ["no_pattern"]),
        ("it comes and goes, no real pattern", ["no_pattern"]),
        # Once the activity is over, or at the end of the day's work: after it.
        ("when I've been on my feet all day", ["after_activity"]),
        ("by the end of my shift", ["after_activity"]),
        ("once I stop running it starts to throb", ["after_activity", "sport"]),
        ("quand je m'arrête de courir", ["after_activity", "sport"]),
        ("au retour du jogging", ["after_activity", "sport"]),
        ("une fois rentrée du travail", ["after_activity"]),
        ("als ik gestopt ben met lopen", ["after_activity", "sport"]),
        ("als ik thuiskom van het werk", ["after_activity"]),
        ("'s avonds na een werkdag", ["after_activity"]),
        # "At work" says where; the lifting says when.
        ("after a day of lifting boxes at work", ["after_activity"]),
        ("na een dag tillen op het werk", ["after_activity"]),
        ("after a long day at work", ["after_activity"]),
        ("at work when I type a lot", ["desk_work"]),
        ("aan mijn bureau met de muis, heel de werkdag", ["desk_work"]),
        ("I've been having pain when I run", ["during_activity", "sport"]),
    ],
)
def test_when_it_is_worst_is_read_from_what_the_patient_does(text, expected):
    assert read(text, "time_pattern")["time_pattern"] == expected


# The answers to the later questions name body parts, times and numbers that answer something
# else: they never change the place, the side or the duration already given.
@pytest.mark.parametrize(
    ("text", "requested"),
    [
        ("No, none of that. No numbness or weakness in my arm, no headaches.", "screen_head"),
        ("nope. I'm perfectly steady on my feet, X-ray in October was fine", "screen_general"),
        ("Worse reaching up or behind my back, better with rest", "pain_modifiers"),
        ("I had keyhole surgery on this knee years ago, nothing recent", "precautions"),
        ("if I turn onto my back it eases within a few minutes", "pain_modifiers"),
        ("Both calves look the same, no swelling", "screen_calf"),
    ],
)
def test_later_answers_do_not_change_where_or_how_long(text, requested):
    current = {"pain_regions": ["hip_groin"], "pain_side": "right", "pain_duration": "chronic"}
    updates = read(text, requested, current)
    assert not {"pain_regions", "pain_side", "pain_duration"} & set(updates)


def test_an_answer_about_how_it_started_does_not_guess_a_duration_from_loose_words():
    updates = read("gradually, it built up over weeks of long days", "pain_onset")
    assert updates["pain_onset"] == "gradual"
    assert "pain_duration" not in updates


@pytest.mark.parametrize(
    ("text", "requested", "slot", "expected"),
    [
        ("left. no wait its the right one", "pain_side", "pain_side", "right"),
        ("links, nee wacht, rechts", "pain_side", "pain_side", "right"),
        ("les deux jambes", "pain_side", "pain_side", "both"),
        ("allebei", "pain_side", "pain_side", "both"),
        ("7, nee wacht, eerder een 6", "pain_severity", "pain_severity", 6.0),
        ("5-6 on a bad day", "pain_severity", "pain_severity", 6.0),
        ("felt it pull during a heavy deadlift", "pain_onset", "pain_onset", "injury"),
        ("progressif", "pain_onset", "pain_onset", "gradual"),
        ("bij een sprint voelde ik een knal", "pain_onset", "pain_onset", "injury"),
        ("j'ai senti tirer en jouant", "pain_onset", "pain_onset", "injury"),
        ("sinds halloween", "pain_duration", "pain_duration", "acute"),
        ("depuis les vacances d'été", "pain_duration", "pain_duration", "chronic"),
        ("ne maand geleden", "pain_duration", "pain_duration", "acute"),
        ("al dertig jaar", "pain_duration", "pain_duration", "chronic"),
        ("ça fait des lustres", "pain_duration", "pain_duration", "chronic"),
        ("since like early october", "pain_duration", "pain_duration", "subacute"),
    ],
)
def test_loose_and_corrected_answers(text, requested, slot, expected, monkeypatch):
    monkeypatch.setattr("bot.triage.interview.dates.date", _FixedDate)
    assert read(text, requested)[slot] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Metal allergy, no. Surgery on this knee in 2009, so nothing recent. Rien d'autre.",
            ["none"],
        ),
        ("I take ibuprofen sometimes, does that count as a blood thinner? Not sure.", ["unsure"]),
        ("plus enceinte depuis longtemps, rien d'autre", ["none"]),
        ("allergisch aan nikkel", ["metal_allergy"]),
        ("j'ai du psoriasis sur le coude", ["skin_lesion"]),
        ("needles scare me a bit but nothing else", ["needle_fear"]),
        ("je prends la pilule, c'est tout", ["none"]),
    ],
)
def test_precautions_named_ruled_out_or_only_asked_about(text, expected):
    assert read(text, "precautions")["precautions"] == expected


class _FixedDate(date):
    @classmethod
    def today(cls):
        return cls(2026, 12, 6)


@pytest.mark.parametrize(
    "text",
    [
        "I get headaches that feel like a band, most days of the week",
        "j'ai des maux de tête presque tous les jours",
        "I'm 22 weeks pregnant and my lower back is sore",
        "my heel has been giving me grief for months",
    ],
)
def test_a_first_message_does_not_guess_how_long_from_loose_words(text):
    # The duration question asks instead; only a clear duration is noted before it.
    assert "pain_duration" not in read(text)


def test_a_first_message_with_a_clear_duration_is_noted():
    assert read("my neck has been stiff for years")["pain_duration"] == "chronic"
    assert read("mijn knie doet al 3 weken pijn")["pain_duration"] == "acute"


@pytest.mark.parametrize("text", ["au milieu", "in the middle, along the spine", "in het midden"])
def test_pain_in_the_middle_is_an_answer_to_which_side(text):
    assert read(text, "pain_side")["pain_side"] == "middle"


@pytest.mark.parametrize(
    ("text", "modifier"),
    [
        ("my knee has hurt for three weeks, worse on stairs", "worse on stairs"),
        (
            "j'ai mal au genou depuis trois semaines, pire dans les escaliers",
            "pire dans les escaliers",
        ),
        ("mijn linkerknie doet al drie weken pijn, erger op de trap", "erger op de trap"),
    ],
)
def test_what_makes_it_worse_said_in_a_first_message_is_kept(text, modifier):
    assert read(text)["pain_modifiers"] == modifier


def test_getting_worse_says_how_it_evolves_not_what_makes_it_worse():
    assert "pain_modifiers" not in read("my neck pain has been getting worse for weeks")


@pytest.mark.parametrize(
    ("text", "duration"),
    [
        ("it came on gradually over a few weeks", None),
        ("petit à petit, en quelques semaines", None),
        ("gradually, it started three weeks ago", "acute"),
        ("geleidelijk, al een maand of vier", "chronic"),
    ],
)
def test_how_it_started_gives_a_duration_only_when_it_says_since_or_ago(text, duration):
    assert read(text, "pain_onset").get("pain_duration") == duration


def test_where_with_in_the_middle_answers_the_side_too():
    assert read("onderrug, in het midden", "pain_regions")["pain_side"] == "middle"
    assert "pain_side" not in read(
        "my lower back, it wakes me in the middle of the night", "pain_regions"
    )


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Since the end of September, so about ten weeks.", 70),
        ("since last summer, when I was on holiday in Spain for two weeks", 188),
        ("Sinds de bevalling, half juli.", 144),
        ("n maand of twee, sinds ze mn beugel eruit gehaald hebben begin oktober", 66),
    ],
)
def test_a_count_close_to_the_month_named_is_the_patients_own(text, days, monkeypatch) -> None:
    class SixthOfDecember(date):
        @classmethod
        def today(cls) -> date:
            return date(2026, 12, 6)

    monkeypatch.setattr("bot.triage.interview.dates.date", SixthOfDecember)
    assert read(text, "pain_duration")["pain_duration_days"] == days


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("To be honest I faint when I see needles. Nothing else.", ["needle_fear"]),
        ("I take metformin and a statin. That's all.", ["diabetes"]),
        ("Aucun. Par contre j'ai horreur des piqures.", ["needle_fear"]),
        ("ik spuit insuline, verder niks", ["diabetes"]),
        # Flemish "gene" and "nie" rule out what follows, as "geen" and "niet" do.
        ("Niks. 'k Eet wel veel suiker, maar 'k heb gene suikerziekte.", ["none"]),
        ("ik ben nie zwanger en gene bloedverdunners", ["none"]),
    ],
)
def test_precautions_named_by_a_drug_a_feeling_or_in_dialect(text, expected):
    assert read(text, "precautions")["precautions"] == expected


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("the back of the left knee, right in the crease", "left"),
        ("on the left, right at the top of the thigh", "left"),
        ("à l'arrière du genou droit", "right"),
        ("achteraan mijn linkerknie", "left"),
    ],
)
def test_a_side_inside_the_place_counts_and_right_as_exactly_does_not(text, side):
    assert read(text, "pain_regions")["pain_side"] == side


def test_right_as_exactly_alone_names_no_side():
    assert "pain_side" not in read("it hurts right here", "pain_side")


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("it goes down into my calf", ["knee_front", "calf"]),
        ("ça descend jusque dans le mollet", ["knee_front", "calf"]),
        ("het trekt door naar mijn kuit", ["knee_front", "calf"]),
        # A place of the same part named more exactly replaces the first guess.
        ("the back of the knee, and it goes down into the calf", ["knee_back", "calf"]),
    ],
)
def test_where_the_pain_spreads_joins_where_it_is(text, regions):
    got = read(text, "pain_regions", {"pain_regions": ["knee_front"]})["pain_regions"]
    assert sorted(got) == sorted(regions)


def test_spreading_named_outside_the_where_question_adds_no_place():
    # "the pain goes down after rest" at the time question is no new place.
    got = read(
        "in the morning, then it goes down to a 2", "time_pattern", {"pain_regions": ["knee_front"]}
    )
    assert "pain_regions" not in got


def test_a_correction_that_mentions_spreading_drops_the_place_ruled_out():
    current = {"pain_regions": ["knee_front"], "pain_side": "left"}
    got = read(
        "actually it's my hip, not my knee, and it goes down into my thigh", "pain_regions", current
    )
    assert sorted(got["pain_regions"]) == ["hip_groin", "thigh"]


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("les deux genoux", "both"),
        ("that's right, the left knee", "left"),
        ("the left knee, right on the kneecap", "left"),
    ],
)
def test_both_and_agreeing_right_in_the_where_answer(text, side):
    assert read(text, "pain_regions")["pain_side"] == side


def test_between_both_shoulder_blades_is_a_place_not_two_sides():
    assert "pain_side" not in read("entre les deux omoplates", "pain_regions")


@pytest.mark.parametrize(
    "text",
    [
        "hi, my left shoulder has been aching, can you help?",
        "j'ai mal à l'épaule gauche, vous pouvez m'aider ?",
        "mijn linkerschouder doet pijn, kunnen jullie helpen?",
    ],
)
def test_asking_for_help_is_not_what_makes_the_pain_better(text):
    assert "pain_modifiers" not in read(text)


def test_what_helps_said_before_the_question_is_still_kept():
    assert read("my shoulder aches, heat helps a bit")["pain_modifiers"] == "heat helps a bit"


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("Back of my neck, up into both temples. It doesn't go down my arms.", ["neck", "temple"]),
        ("Left chest, on the pec. Does not go to the arm or neck or jaw.", ["chest"]),
        ("it does not go to my arm, neck or jaw", []),
        ("not the knee, my hip", ["hip_groin"]),
        ("pas le genou, ma hanche", ["hip_groin"]),
        ("The front of my shoulder, down the upper arm. It stops above the elbow.",
         ["shoulder_front", "upper_arm"]),
        ("ma nuque, et ça ne descend pas dans le bras", ["neck"]),
        ("Rechterlies en de dij. Nie tot in mijn voet.", ["hip_groin", "thigh"]),
        ("mijn nek, het straalt niet uit naar mijn arm", ["neck"]),
        # what the patient cannot do with a place still names it
        ("I can't lift my arm above my shoulder", ["upper_arm", "shoulder_top"]),
        ("it doesn't just stay in my neck, it goes down my arm", ["neck", "upper_arm"]),
        ("not only my neck, it goes down my arm", ["neck", "upper_arm"]),
        # "the bottom of" and someone else's head are no place of the patient's pain
        ("at the back of my head, at the bottom of the skull", ["back_of_head"]),
        ("my left wrist, from holding his head while feeding", ["forearm_hand"]),
        ("my bottom hurts when I sit", ["buttock"]),
        # Dutch compounds and French without the apostrophe
        ("voorkant rechterschouder", ["shoulder_front"]),
        ("binnenkant van de rechterelleboog", ["elbow_inner"]),
        ("achteraan onderaan de schedel", ["back_of_head"]),
        ("ca monte a larriere de la tete", ["back_of_head"]),
        ("le dessus de lepaule droite", ["shoulder_top"]),
    ],
)  # fmt: skip
def test_a_place_the_pain_does_not_reach_is_not_noted(text: str, regions: list[str]) -> None:
    found = [e["value"] for e in extract_entities(nlp(), text) if e["entity"] == "body_region"]
    assert found == regions


def test_a_side_inside_a_dutch_place_is_read():
    assert read("binnenkant van de rechterelleboog", "pain_regions")["pain_side"] == "right"


@pytest.mark.parametrize(
    ("text", "precautions"),
    [
        ("Ik neem Marcoumar voor mijn hartklep.", ["anticoagulants"]),
        ("je prends du Pradaxa", ["anticoagulants"]),
        ("needles I am scared a little, honestly. other things no", ["needle_fear"]),
        ("a small cut on that sole, not fully closed yet", ["skin_lesion"]),
        ("une petite plaque d'eczéma sur la cheville, un peu à vif", ["skin_lesion"]),
        ("een klein wondje op mijn kuit", ["skin_lesion"]),
        ("i have a tongue piercing, does that count? otherwise no", ["none"]),
        ("nan", ["none"]),
        ("Pas que je sache.", ["none"]),
        ("not that I know of", ["none"]),
    ],
)
def test_precautions_named_by_drug_or_in_loose_words(text: str, precautions: list[str]) -> None:
    assert read(text, "precautions")["precautions"] == precautions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("the neck, plus a headache over my right eye", ["neck", "forehead"]),
        ("hoofdpijn boven mijn ogen aan het voorhoofd", ["forehead"]),
        ("a headache in my temples and my forehead", ["temple", "forehead"]),
        ("headaches and a stiff neck", ["temple", "neck"]),
        ("the top of my foot up to my big toe", ["shin_ankle"]),
        ("le coude droit, ça descend dans l'avant bras", ["elbow_outer", "forearm_hand"]),
    ],
)
def test_a_headache_beside_a_named_place_of_the_head_is_that_place(text, regions) -> None:
    assert read(text, "pain_regions")["pain_regions"] == regions


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("The right one. The left is grand, thank God.", "right"),
        ("Le côté droit. Le gauche ça va encore, heureusement.", "right"),
        ("right is fine, it's the left", "left"),
        ("Les deux, la droite un peu plus.", "both"),
        ("both, the right a bit more", "both"),
        ("right ok", "right"),  # an "ok" after the side is no "the right one is fine"
    ],
)
def test_the_side_that_is_fine_is_not_the_side_that_hurts(text: str, side: str) -> None:
    assert read(text, "pain_side")["pain_side"] == side


@pytest.mark.parametrize(
    "text",
    ["after a long day", "après une longue journée", "na een lange dag", "after standing all day",
     "après être resté debout toute la journée", "na lang rechtstaan", "after a day on my feet"],
)  # fmt: skip
def test_a_long_day_or_standing_is_what_the_pain_follows(text: str) -> None:
    assert read(text, "time_pattern")["time_pattern"] == ["after_activity"]


@pytest.mark.parametrize(
    ("text", "precautions"),
    [
        ("je ne crois pas", ["none"]),
        ("pas à ma connaissance", ["none"]),
        ("I don't think so", ["none"]),
        ("I'm not afraid of needles", ["none"]),
        ("ik denk het niet", ["none"]),
        ("needles make me a bit nervous", ["needle_fear"]),
        ("Rien de tout ça, à part peut-être que je n'aime pas trop les piqûres.", ["needle_fear"]),
        ("ik hou niet van naalden", ["needle_fear"]),
        ("I'm not pregnant but I take Xarelto", ["anticoagulants"]),
        ("je ne sais pas", ["unsure"]),
        ("I'm not sure what a bleeding disorder is", ["unsure"]),
    ],
)
def test_a_no_in_other_words_and_a_word_not_understood(text: str, precautions: list[str]) -> None:
    assert read(text, "precautions")["precautions"] == precautions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at the end of the day", ["after_activity"]),
        ("en fin de journée", ["after_activity"]),
        ("op het einde van de dag", ["after_activity"]),
        ("En fin de journée devant l'ordinateur.", ["desk_work"]),
        ("in the evening", ["night"]),
    ],
)
def test_the_end_of_the_day_is_what_the_day_leads_to(text: str, expected: list[str]) -> None:
    assert read(text, "time_pattern")["time_pattern"] == expected


@pytest.mark.parametrize(
    ("text", "slot", "expected"),
    [
        # what the patient cannot do with a place still names it
        ("I can't move my neck", "pain_regions", ["neck"]),
        ("I can't go down to my knees anymore", "pain_regions", ["knee_front"]),
        ("I stopped before my shoulder got worse", "pain_regions", ["shoulder_top"]),
        # a moment said after "it's fine" is its own
        ("during the day it's ok and at night it's terrible", "time_pattern", ["night"]),
        ("la journée ça va et la nuit ça me réveille", "time_pattern", ["night"]),
        ("c'est ok le matin et le soir ça empire", "time_pattern", ["night"]),
        ("la nuit, je dors mal sur les côtés", "time_pattern", ["night"]),
        ("the whole day it's there, no specific moment", "time_pattern", ["constant"]),
        # "not both"; a side fine only at some moment still hurts
        ("not both, just the right", "pain_side", "right"),
        ("pas les deux, seulement la droite", "pain_side", "right"),
        ("the right is okay during the day but really bad at night", "pain_side", "right"),
        # a named drug is kept; a clause that says something else is no "no"
        ("I'm not sure what anticoagulants are, I take Eliquis", "precautions", ["anticoagulants"]),
        ("I take Asaflow every day", "precautions", ["anticoagulants"]),
        ("I'd rather not say", "precautions", ["unsure"]),
    ],
)
def test_what_the_patient_says_is_not_lost(text, slot, expected) -> None:
    assert read(text, slot)[slot] == expected


@pytest.mark.parametrize(
    "text",
    ["not really, I had a hip replacement 3 weeks ago", "I'm not pregnant but I take Ximelda"],
)
def test_a_no_with_something_else_said_is_not_recorded_as_none(text) -> None:
    assert read(text, "precautions").get("precautions") != ["none"]


def test_a_month_said_in_passing_does_not_replace_the_duration_given():
    assert (
        read("two weeks, but I also had it in March for a bit", "pain_duration")["pain_duration"]
        == "acute"
    )


@pytest.mark.parametrize(
    ("text", "scores"),
    [
        ("in the morning, about a 5", [5.0]),
        # an hour the severity question's own reader would take for a score: that question decides
        ("'s avonds rond 8, een 5", []),
        ("le soir vers 6, je dirais 4", []),
        ("at night 8 during the day 3", []),
        ("at night, not 8, more like 6", []),
        ("around 6 pm", []),
        ("6 in the morning", []),
        ("la nuit, sept ou huit", [7.0, 8.0]),
        ("a 4 most of the day, up to seven after running", [4.0, 7.0]),
        ("mornings. 4ish", [4.0]),
        ("zes denk ik", [6.0]),
        ("the evening, 6 out of 10", [6.0]),
        ("a 7.5", [7.5]),
        (
            "stiff for maybe 5 minutes. the first steps are a solid 7. most of the day it's a 3",
            [7.0, 3.0],
        ),
        ("when I chew hard bread. 3, sometimes 5 on Monday morning", [3.0, 5.0]),
        ("le matin c'est bloqué une dizaine de minutes. 8", []),
        ("in the car. 4. 5 tops.", [4.0, 5.0]),
        ("7/10", [7.0]),
        # hours, counts and distances are no score
        ("it wakes me 2 or 3 times a night", []),
        ("ik word 's nachts twee of drie keer wakker", []),
        ("at 7:10 when I wake up", []),
        ("in the evening around six", []),
        ("vers 6h10 le matin", []),
        ("after my 5k run", []),
        ("when I pick up my 3-year-old", []),
        ("after 1 or 2 hours", []),
        ("le matin et le soir, les deux", []),
        ("when I sit on one buttock", []),
    ],
)
def test_a_score_beside_when_it_is_worst_needs_a_scores_cue(text, scores):
    assert paired_scores_in(text) == scores


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("it's a 3 in the morning and a 7 in the evening", 7.0),
        ("een 7 's nachts", 7.0),
        ("un 8 du soir", 8.0),
        ("ça me réveille à 8 facilement", 8.0),
    ],
)
def test_the_severity_question_alone_still_reads_scores_with_moments(text, score):
    assert parse_severity(text) == score


@pytest.mark.parametrize(
    ("text", "onset"),
    [
        ("c'est venu assez vite avant-hier", "sudden"),
        ("Vrij snel, op een dag", "sudden"),
        ("Gisteren s avonds, in een paar uur is die zo dik geworden.", "sudden"),
        ("it came on really quickly on Monday", "sudden"),
        ("Hier en fin d'après-midi, en ramassant les feuilles au jardin.", "injury"),
        ("bij de crossfit vrijdag, bij een zware deadlift", "injury"),
        ("Weer opgestoken na het verhuizen van een kast, vijf dagen geleden", "injury"),
        ("j'ai raté mon coup au golf et j'ai senti une vive douleur au coude", "injury"),
        ("it came on slowly, then quickly got worse", "gradual"),
        ("pas vite du tout, petit à petit", "gradual"),
        ("niet snel, stilaan", "gradual"),
    ],
)
def test_how_it_started_told_as_a_story(text, onset):
    assert read(text, "pain_onset").get("pain_onset") == onset


@pytest.mark.parametrize("text", ["I get tired quickly", "I walk fast and it hurts"])
def test_quick_about_something_else_says_nothing_of_the_onset(text):
    assert "pain_onset" not in read(text, "pain_onset")


@pytest.mark.parametrize(
    "text", ["Een halfuurke.", "Depuis une petite heure.", "for half an hour", "een uurtje"]
)
def test_a_pain_of_an_hour_is_recent(text):
    assert read(text, "pain_duration") == {"pain_duration": "acute", "pain_duration_days": 1}


def test_ages_ago_in_french_slang_is_a_long_time():
    assert read("ça fait un bail", "pain_duration")["pain_duration"] == "chronic"


@pytest.mark.parametrize(
    ("text", "precautions"),
    [
        ("j'ai la maladie de von Willebrand, je saigne facilement", ["anticoagulants"]),
        ("ik heb suiker, type 2, pillekes", ["diabetes"]),
        ("nee, behalve dat ik doodsbang ben van naalden eerlijk gezegd", ["needle_fear"]),
        ("ik heb een eczeemplek die ontstoken is juist daar op mijn heup", ["skin_lesion"]),
        ("k heb 5 weken geleden ne vetbult laten wegsnijden op die schouder", ["recent_surgery"]),
        ("Je me suis fait opérer du ménisque il y a trois semaines", ["recent_surgery"]),
    ],
)
def test_precautions_in_the_patients_words(text, precautions):
    assert read(text, "precautions") == {"precautions": precautions}


def test_sugar_in_the_diet_is_no_diabetes():
    assert read("ik eet minder suiker sinds de zomer", "precautions") == {}
