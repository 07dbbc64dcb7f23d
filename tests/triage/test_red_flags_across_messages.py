"""Red flags told over several messages: each message alone is ordinary, together they are one of
a flag's combinations (bot/triage/red_flags/across_messages.py)."""

from __future__ import annotations

import pytest

from bot.triage.red_flags import detect
from bot.triage.red_flags.across_messages import EARLIER_MESSAGES, flags_across_messages


@pytest.mark.parametrize(
    ("earlier", "current", "flag"),
    [
        (
            ["there's a pressure between my shoulder blades", "it goes into my left arm now"],
            "and I'm clammy all of a sudden",
            "atypical_heart_attack",
        ),
        (
            ["j'ai une lourdeur dans le bras gauche depuis ce matin"],
            "et là je transpire beaucoup",
            "atypical_heart_attack",
        ),
        (
            ["drukkend gevoel tussen mijn schouderbladen", "het trekt naar mijn kaak"],
            "ik ben nu ook misselijk",
            "atypical_heart_attack",
        ),
        (["j'ai très mal à la tête depuis hier"], "j'ai 39 de fièvre", "meningitis_signs"),
        (["I have a terrible headache"], "and I have a fever now", "meningitis_signs"),
        (
            ["ik heb me gisteren gestoten aan de tafel"],
            "ik neem al jaren cortisone",
            "fragility_fracture",
        ),
        (["my knee is really swollen"], "it's hot and red too", "hot_swollen_joint"),
    ],
)
def test_a_combination_completed_by_this_message_is_found(earlier, current, flag):
    for text in [*earlier, current]:
        assert flag not in [match.flag_id for match in detect(text)]  # no message alone
    assert flag in flags_across_messages(current, earlier)


def test_a_negated_part_completes_nothing():
    earlier = ["my neck has been sore since Monday"]
    assert flags_across_messages("no sweating, no nausea", earlier) == []
    assert flags_across_messages("pas de fièvre", ["j'ai mal à la tête"]) == []
    assert flags_across_messages("geen koorts", ["ik heb hoofdpijn"]) == []


def test_a_combination_in_this_message_alone_is_the_detectors():
    current = "my jaw aches and I'm sweating and feel sick"
    assert "atypical_heart_attack" in [m.flag_id for m in detect(current)]
    assert "atypical_heart_attack" not in flags_across_messages(current, ["hello"])


def test_a_message_with_no_part_of_the_combination_adds_nothing():
    earlier = ["my neck hurts", "I was sweating a lot at the gym"]
    assert flags_across_messages("it started three weeks ago", earlier) == []


def test_flags_raised_or_asked_about_before_are_not_asked_again():
    earlier = ["my left arm feels heavy"]
    assert flags_across_messages("I'm sweating", earlier) == ["atypical_heart_attack"]
    assert flags_across_messages("I'm sweating", earlier, ignored=["atypical_heart_attack"]) == []


def test_only_recent_messages_count():
    earlier = ["my left arm feels heavy", *["it started three weeks ago"] * EARLIER_MESSAGES]
    assert flags_across_messages("I'm sweating", earlier) == []
    assert flags_across_messages("I'm sweating", earlier[:-1]) == ["atypical_heart_attack"]


def test_the_most_urgent_flag_comes_first():
    earlier = ["my left arm feels heavy and I fell yesterday", "I take prednisone"]
    found = flags_across_messages("I'm sweating and my arm tingles", earlier)
    assert found[0] == "atypical_heart_attack"


@pytest.mark.parametrize(
    ("earlier", "current"),
    [
        (["I've never had this pain in my hip before"], "I'm 63, otherwise healthy"),
        (["c'est une douleur nouvelle pour moi"], "j'ai 58 ans"),
        (["ik heb daar nooit last van gehad"], "ik ben 63 en verder kerngezond"),
    ],
)
def test_new_pain_after_fifty_told_in_two_messages_is_for_the_gp(earlier, current):
    assert flags_across_messages(current, earlier) == ["new_pain_over_50"]
    assert flags_across_messages("I'm 34", earlier) == []
    assert flags_across_messages("my father is 75", earlier) == []
    assert flags_across_messages("I carry boxes of over 50 kg", earlier) == []
