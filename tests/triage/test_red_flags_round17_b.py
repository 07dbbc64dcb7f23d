"""Red flags said in other words (round 17, b): the seat area gone numb, sex or the bladder that
stopped working, sciatica down both legs; a foot or hand that stops obeying; nerve signs after a
tackle or a fall; a small knock on bones "like lace"; a red, shiny lower leg. With harmless
look-alikes: a resolved old injury, a relative's illness told by a carer, weight lost on purpose,
a kick's bruise, coffee dribbled after the dentist.

Each case names the exact set of flag ids expected, as in test_red_flags.py.
"""

from __future__ import annotations

import pytest

from bot.triage.red_flags import detect
from tests.triage.red_flag_cases import assert_exact_flags, case

CASES = [
    # cauda equina, told indirectly
    case(
        "en",
        "My lower back aches and the part of me that sits on the chair feels numb since yesterday.",
        "cauda_equina",
    ),
    case(
        "en", "Since my back went, nothing down there works in the bedroom anymore.", "cauda_equina"
    ),
    case("en", "I have sciatica down both legs since Monday.", "cauda_equina"),
    case("fr", "Mal au dos et depuis hier mes jambes sont comme du coton.", "cauda_equina"),
    case("fr", "Mes deux cuisses sont engourdies depuis ce matin.", "cauda_equina"),
    case("fr", "J'ai une sciatique des deux côtés depuis samedi.", "cauda_equina"),
    case("nl", "Ik voel beneden precies niks meer sinds gisteren.", "cauda_equina"),
    case("nl", "Sinds die rugpijn lukt het in bed niet meer.", "cauda_equina"),
    case("nl", "Hij moet lang staan voor er iets komt bij het plassen.", "cauda_equina"),
    case("nl", "Ik heb ischias aan beide kanten sinds het weekend.", "cauda_equina"),
    # a hand or foot that stops obeying
    case("en", "My right hand lets go of cups since Sunday.", "focal_weakness"),
    case("en", "My fingers don't respond anymore since yesterday.", "focal_weakness"),
    case("fr", "Je sais plus relever le pied droit depuis lundi.", "focal_weakness"),
    case("fr", "Mes doigts ne répondent plus depuis hier.", "focal_weakness"),
    case("fr", "Je n'arrive plus à tenir ma souris depuis trois jours.", "focal_weakness"),
    case("nl", "Mijn tenen blijven haken aan elke drempel sinds dinsdag.", "focal_weakness"),
    case("nl", "Mijn voet klakt op de grond als ik stap.", "focal_weakness"),
    case("nl", "Ik krijg mijn linkervoet niet meer omhoog sinds gisteren.", "focal_weakness"),
    case(
        "nl",
        "Het lukt me niet meer om mijn knopen dicht te doen met mijn rechterhand.",
        "focal_weakness",
    ),
    # nerve signs after an injury
    case(
        "en",
        "I got tackled hard at rugby and now I have an electric shock down both arms.",
        "trauma_neuro",
        "trauma",
    ),
    case(
        "fr",
        "J'ai pris un plaquage dimanche et je serre moins bien de la main droite.",
        "trauma_neuro",
    ),
    case(
        "nl",
        "Ik ben gisteren van mijn fiets gevallen en het tintelt tot in mijn vingers.",
        "trauma_neuro",
        "trauma",
    ),
    case(
        "nl",
        "Na de val gisteren krijg ik mijn arm niet meer omhoog en die tintelt tot in mijn hand.",
        "trauma_neuro",
        "trauma",
    ),
    # a small knock on fragile bones
    case(
        "fr",
        "J'ai 80 ans, mes os sont comme du verre, et je suis tombée sur les fesses hier,"
        " j'ai mal au dos.",
        "fragility_fracture",
        "trauma",
        "bone_risk_back_pain",
    ),
    case(
        "nl",
        "Mijn oma van 85 heeft osteoporose en is op haar heup gezakt toen de stoel wegschoof.",
        "fragility_fracture",
    ),
    # a red, shiny, thicker lower leg
    case("nl", "Mijn rechteronderbeen is rood en dikker dan t andere sinds de operatie.", "dvt"),
    case("fr", "Sa jambe est rouge et luisante depuis l'opération.", "dvt"),
    # weight lost without meaning to still counts
    case("en", "I lost 6 kg without dieting and my back hurts.", "weight_loss"),
    case("fr", "J'ai maigri de 5 kilos sans régime, pas voulu.", "weight_loss"),
    case("nl", "Ik ben 7 kilo kwijt zonder dieet en heb rugpijn.", "weight_loss"),
    case("en", "Belt needs a new hole, not on a diet. Hip pain too.", "weight_loss"),
    # sudden confusion is not "known" confusion
    case("nl", "Mijn moeder is plots verward en praat raar.", "neuro_deficit"),
    # harmless look-alikes
    case("en", "I spilled coffee at the dentist, dribbling down my chin, my neck is stiff."),
    case(
        "en",
        "After a crash in 2009 I had tingling in my arms for a month, all cleared up."
        " Now my neck is stiff.",
    ),
    case(
        "en",
        "I care for an old lady who has cancer and my shoulder blade aches from lifting her.",
    ),
    case("fr", "Je soigne une dame qui a un cancer et j'ai mal au dos en la soulevant."),
    case(
        "nl",
        "Mijn zoon had vorige maand een hersenschudding na een val, ik heb hem gedragen"
        " en nu heb ik een stijve rug.",
    ),
    case("fr", "Mon père a fait un AVC en mars, je me suis bloqué le dos en le soulevant."),
    case(
        "nl",
        "Mijn moeder met alzheimer is soms verward, dat is gekend en opgevolgd."
        " Ik heb een pijnlijke schouder.",
        # review 17: confusion is never muted by "known / followed" (neuro_deficit is unguarded)
        "neuro_deficit",
    ),
    case(
        "en",
        "I've been fasting during Ramadan and lost 3 kg as usual, my back aches after work.",
    ),
    case(
        "fr",
        "Je suis suivie par une diététicienne, j'ai maigri de 6 kilos, c'était voulu."
        " Mal au talon.",
    ),
    case("nl", "Ik doe weight watchers en ben 5 kilo kwijt, volgens plan. Mijn heup doet pijn."),
    case("fr", "Je me suis pris un coup de pied au tibia, c'est gonflé à l'endroit du coup."),
    case(
        "en",
        "In 2009 my foot dropped for a few months after knee surgery, fully recovered,"
        " now my calf aches after running.",
    ),
    case("en", "I tackled the garden this weekend and my back is sore."),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_round17_b_dangers_and_their_look_alikes(language, text, expected):
    assert_exact_flags(text, expected)


# A child's fever told by a parent with a stiff neck of their own, who says they have no fever:
# not meningitis. The same child with a fever and a stiff neck is.
@pytest.mark.parametrize(
    "text",
    [
        "Our son had a fever all weekend; my neck is stiff from sleeping in his room,"
        " no fever myself.",
        "Mon fils a eu de la fièvre, j'ai la nuque raide d'avoir dormi dans son lit,"
        " moi je n'ai pas de fièvre.",
        "Mijn dochter had koorts, ik heb een stijve nek van het dragen, zelf heb ik geen koorts.",
    ],
)
def test_a_carers_own_neck_beside_a_childs_fever_is_not_meningitis(text):
    assert "meningitis_signs" not in {match.flag_id for match in detect(text)}


@pytest.mark.parametrize(
    "text",
    [
        "My daughter has a fever and a stiff neck since this morning.",
        "Ma fille a de la fièvre et la nuque raide depuis ce matin.",
        "Mijn zoon heeft koorts en een stijve nek.",
    ],
)
def test_a_childs_fever_with_a_stiff_neck_is_meningitis(text):
    assert "meningitis_signs" in {match.flag_id for match in detect(text)}
