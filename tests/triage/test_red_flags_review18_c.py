"""Red flags, round 18, second review: what the first fixes broke, now mended. A recent
accident with a normal scan or "nothing broken" is still a recent trauma; an old healed event
is history only when said so; the dark thoughts after someone's suicide are the writer's own;
not caring whether one wakes up alarms, waking up twice a night does not.

Each case names the exact set of flag ids expected, as in test_red_flags.py.
"""

from __future__ import annotations

import pytest

from tests.triage.red_flag_cases import assert_exact_flags, case

CASES = [
    case(
        "en",
        "The doctor ruled out a disc problem despite the numbness in my saddle area.",
        "cauda_equina",
    ),
    case(
        "en",
        "They ruled out a stroke while my face was still drooping on one side.",
        "neuro_deficit",
    ),
    case(
        "en",
        "I fell down the stairs on Sunday, nothing broken, now my legs are numb.",
        "cauda_equina",
        "major_trauma",
        "trauma",
        "trauma_neuro",
    ),
    case(
        "en",
        "I came off my motorbike on Saturday, the scan was clear, however my neck really hurts.",
        "major_trauma",
    ),
    case(
        "en",
        "I was hit by a car this weekend, nothing broken, my back is killing me.",
        "major_trauma",
        "trauma",
    ),
    case(
        "en",
        "I fell off a ladder two nights ago, the x-rays were fine, my back really hurts.",
        "major_trauma",
        "trauma",
    ),
    case(
        "en", "Slipped on the ice on Monday, x-rays were fine, though my back is agony.", "trauma"
    ),
    case(
        "en",
        "I fell off my horse last weekend, nothing was broken, yet I keep vomiting.",
        "major_trauma",
        "trauma",
    ),
    case(
        "en",
        "I was rear-ended on the motorway on Friday, the scan came back normal, my arms tingle.",
        "major_trauma",
        "trauma",
        "trauma_neuro",
    ),
    case(
        "en",
        "I fell off my bike, nothing broken, it happened yesterday and my neck is very painful.",
        "trauma",
    ),
    case(
        "en",
        "I fell down the stairs, x-rays were fine, however my neck hurts and my hands are numb.",
        "major_trauma",
        "trauma",
        "trauma_neuro",
    ),
    case(
        "en",
        "An hour ago I was hit by a car, the scan was clear, my legs are numb.",
        "cauda_equina",
        "major_trauma",
        "trauma",
        "trauma_neuro",
    ),
    case(
        "en",
        (
            "This morning I was knocked off my bike by a van, the scan was clear, my neck is very "
            "painful."
        ),
        "major_trauma",
        "trauma",
    ),
    case(
        "en",
        (
            "Rear-ended yesterday, no problems since then except my neck hurts and my hands are "
            "tingling."
        ),
        "major_trauma",
        "trauma",
        "trauma_neuro",
    ),
    case(
        "en",
        "I had a car crash on Friday, no lasting effects since, except numbness in both arms.",
        "bilateral_numbness",
        "major_trauma",
        "trauma",
        "trauma_neuro",
    ),
    case(
        "en",
        (
            "I was hit by a car at 60 km/h, my head scan was clear, my legs are numb and I can't "
            "feel my feet."
        ),
        "cauda_equina",
        "major_trauma",
        "neuro_deficit",
        "trauma",
        "trauma_neuro",
    ),
    case(
        "fr",
        "Samedi je suis tombée dans l'escalier, rien de cassé, j'ai très mal au dos.",
        "major_trauma",
        "trauma",
    ),
    case(
        "fr",
        (
            "Dimanche accident de voiture, la radio était normale, j'ai des fourmis dans les deux "
            "bras."
        ),
        "bilateral_numbness",
        "major_trauma",
        "trauma",
        "trauma_neuro",
    ),
    case(
        "fr",
        "Je suis tombé de l'échelle lundi, le scanner était normal, et la nuque me fait très mal.",
        "major_trauma",
        "trauma",
    ),
    case(
        "fr",
        (
            "Accident de voiture hier, sans séquelles d'après l'hôpital, mais j'ai la nuque très "
            "raide et les bras engourdis."
        ),
        "major_trauma",
        "trauma",
        "trauma_neuro",
    ),
    case(
        "fr",
        "Je suis tombée de vélo, rien de cassé, maintenant j'ai les deux mains engourdies.",
        "bilateral_numbness",
        "trauma",
        "trauma_neuro",
    ),
    case(
        "fr",
        (
            "Je me suis fait renverser par une voiture le week-end passé, la radio était bonne, "
            "j'ai très mal à la nuque."
        ),
        "major_trauma",
        "trauma",
    ),
    case(
        "nl",
        "Zaterdag ben ik van mijn fiets gevallen, niks gebroken, mijn nek doet veel pijn.",
        "trauma",
    ),
    case(
        "nl",
        "Zondag een ongeval met de auto, de scan was goed, nu tintelen mijn beide armen.",
        "bilateral_numbness",
        "major_trauma",
        "trauma",
        "trauma_neuro",
    ),
    case(
        "nl",
        (
            "Ik ben vorige week van de ladder gevallen, de foto's waren goed, toch heb ik veel "
            "pijn in mijn rug."
        ),
        "major_trauma",
        "trauma",
    ),
    case(
        "nl",
        "Ik ben gevallen, niks gebroken, nu ben ik verward en moet ik overgeven.",
        "neuro_deficit",
        "trauma",
    ),
    case(
        "nl",
        "Ik ben eergisteren aangereden door een auto, de scan was goed, mijn nek doet erg pijn.",
        "major_trauma",
        "trauma",
    ),
    case("en", "They found a DVT in my calf, the lung scan was clear.", "dvt"),
    case("en", "I've got a DVT in my left leg, the chest scan was normal.", "dvt"),
    case(
        "en",
        "My sister died by suicide last year and the dark thoughts are back again.",
        "self_harm",
    ),
    case(
        "en",
        "My sister's friend took her own life and I'm joining her family at the funeral tomorrow.",
    ),
    case("en", "I don't care if I wake up twice a night, as long as my back stops hurting."),
    case("en", "I wouldn't care if I didn't wake up till noon on Sunday, I'm exhausted."),
    case("en", "I don't care whether I live near the clinic or not, I'll drive."),
    case("en", "I don't care whether I wake up for the 6am train, I'm taking a day off."),
    case("fr", "Ça m'est égal si je vis en ville ou à la campagne, j'ai juste mal au dos."),
    case(
        "en",
        "My daughter comes with her car to chemo each week and my back aches at night.",
        "cancer_history",
    ),
]


@pytest.mark.parametrize("language, text, expected", CASES)
def test_review18_c(language: str, text: str, expected: frozenset[str]) -> None:
    assert_exact_flags(text, expected)
