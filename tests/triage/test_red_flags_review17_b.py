"""Review of round 17 (part b): the reviewer's messages on meningitis with a carer's own
denial of fever, known chronic illness, a relative's injury today, long-past events, meant weight
loss, and the cauda equina, focal weakness and trauma_neuro false alarms. English, French, Dutch."""

from __future__ import annotations

import pytest

from tests.triage.red_flag_cases import assert_exact_flags, case

CASES = [
    # dangerous 1: a headache with a fever is meningitis whoever disowns a fever
    case("en", (
        "My daughter has a fever of 39.5 and a really bad headache, she's "
        "vomiting. No fever myself, I just have a sore back from carrying her."
    ), "fever_infection", "meningitis_signs"),
    case("en", (
        "my son (4) has a temperature of 39 and a headache, he cries when "
        "light hits his eyes. I have no fever myself but my neck is stiff from "
        "sleeping in his bed"
    ), "fever_infection", "meningitis_signs"),
    case("fr", (
        "Ma fille a 39,8 de fievre et un mal de tete terrible, elle vomit. "
        "Moi, je n'ai pas de fievre, juste mal au dos a force de la porter."
    ), "fever_infection", "meningitis_signs"),
    case("nl", (
        "Mijn zoontje heeft 39,6 koorts en hoofdpijn en hij wil niet dat ik "
        "het licht aandoe. Zelf heb ik geen koorts, mijn rug doet pijn van het "
        "dragen."
    ), "fever_infection", "meningitis_signs"),
    case("en", (
        "My husband has a high temperature and a stiff neck and says his head "
        "is splitting. I don't have a temperature myself."
    ), "fever_infection", "meningitis_signs"),
    case("fr", (
        "Mon mari a de la fievre, une nuque raide et un mal de tete atroce. "
        "Moi-meme pas de fievre."
    ), "fever_infection", "meningitis_signs"),
    case("en", (
        "Headache and fever since this morning, my neck is stiff. My wife had "
        "a fever last week but no fever for me before today... actually now 39."
    ), "fever_infection", "meningitis_signs"),
    case("en", (
        "I have a fever and a bad headache and my neck is stiff. My kids had "
        "the flu, no fever myself last week but now yes."
    ), "fever_infection", "meningitis_signs"),
    case("nl", (
        "Ik heb hoofdpijn en 39 graden koorts, mijn nek is stijf. Mijn man had "
        "vorige week koorts, ik zelf heb geen koorts gehad toen."
    ), "fever_infection", "meningitis_signs"),
    case("en", (
        "My 2 year old has a fever and is floppy with a headache, no "
        "temperature for me"
    ), "fever_infection", "meningitis_signs"),
    case("nl", (
        "Mijn dochter heeft koorts en hoofdpijn en een stijve nek, ik heb zelf "
        "geen koorts"
    ), "fever_infection", "meningitis_signs"),
    case("fr", (
        "Ma fille a de la fievre et mal a la tete, pas de fievre pour moi"
    ), "fever_infection", "meningitis_signs"),
    # dangerous 3: sudden confusion or dropping things is not muted by a neurologist or a back
    # followed for years
    case("nl", (
        "Mijn moeder laat alles vallen, ze is gekend met parkinson, maar sinds "
        "vanochtend hangt haar mondhoek"
    ), "focal_weakness"),
    case("nl", (
        "Mijn vader is plots verward, zijn neuroloog volgt hem al jaren op"
    ), "neuro_deficit"),
    case("nl", (
        "Mijn vader is sinds vanmorgen verward, gekend met parkinson, hij laat "
        "alles vallen uit zijn rechterhand"
    ), "focal_weakness", "neuro_deficit"),
    case("nl", (
        "Mijn man laat alles vallen en praat raar, hij wordt al jaren "
        "opgevolgd voor zijn rug"
    ), "focal_weakness", "neuro_deficit"),
    # dangerous 4: a relative's head injury or fall today, told by a carer with a strained back
    case("en", (
        "My son had a concussion at rugby this afternoon and now he's vomiting "
        "and drowsy. I pulled my back lifting him."
    ), "head_injury"),
    case("fr", (
        "Mon pere a fait une chute apres un malaise et il ne sent plus ses "
        "jambes, je me suis fait mal au dos en le soulevant"
    ), "neuro_deficit", "trauma"),
    case("en", (
        "My wife had a head injury from a fall an hour ago and keeps vomiting, "
        "I have an ache in my lower back"
    ), "head_injury", "trauma"),
    case("nl", (
        "Mijn moeder kreeg vanochtend een zware val, ze kan haar been niet "
        "bewegen. Ik heb een verrekte rug van het tillen."
    ), "trauma"),
    # dangerous 5: a long-past event only mutes the clause it heads
    case("en", (
        "Two years ago I had a knee op, I fell off a ladder this afternoon and "
        "can't feel my feet"
    ), "cauda_equina", "major_trauma", "neuro_deficit", "trauma", "trauma_neuro"),
    case("en", (
        "When I was 20 I broke my wrist, I fell off my bike and now my hand is "
        "numb and tingling"
    ), "trauma", "trauma_neuro"),
    case("en", (
        "In 2019 I had whiplash, I was rear-ended and my arms are tingling"
    ), "major_trauma", "trauma", "trauma_neuro"),
    case("fr", (
        "Il y a 3 ans j'ai eu une hernie, je suis tombe de l'echelle et j'ai "
        "des fourmillements dans les deux jambes"
    ), "cauda_equina", "major_trauma", "trauma", "trauma_neuro"),
    case("nl", (
        "Toen ik 18 was had ik een knieoperatie, ik ben gevallen van de trap "
        "en mijn been is gevoelloos"
    ), "major_trauma", "trauma", "trauma_neuro"),
    case("en", (
        "Three years ago I had back surgery and my foot is dragging, I can't "
        "lift my toes"
    ), "focal_weakness", "progressive_weakness"),
    case("en", (
        "When I was 30 I had sciatica and I'm dropping things from my right "
        "hand and my arm is weak"
    ), "focal_weakness", "neuro_deficit"),
    case("nl", (
        "Jaren geleden had ik een whiplash en ik kan mijn arm niet omhoog "
        "krijgen, het tintelt tot in mijn vingers"
    ), "trauma_neuro"),
    # dangerous 6: weight loss beside a fasting test, a dietitian or "jeune" is unexplained
    case("en", "I have lost a lot of weight, my GP did a fasting blood test", "weight_loss"),
    case("fr", "J'ai perdu 8 kilos sans faire de regime, je suis encore jeune", "weight_loss"),
    case("fr", (
        "Mon fils est jeune mais il a beaucoup maigri et il a mal au dos la "
        "nuit"
    ), "weight_loss"),
    case("fr", (
        "J'ai maigri de 10 kilos alors que je mange normalement, la "
        "dieteticienne ne comprend pas"
    ), "weight_loss"),
    case("nl", "Ik ben 7 kilo afgevallen zonder reden, mijn dietist snapt het niet", "weight_loss"),
    case("nl", (
        "Ik ben veel vermagerd, ik doe geen dieet, de ramadan is al lang "
        "voorbij"
    ), "weight_loss"),
    case("en", "Despite a good diet I've lost 10kg and I'm sweating at night", "weight_loss"),
    case("en", (
        "I have lost weight, about 7 kilos, ramadan was in march and I have "
        "been eating fine since"
    ), "weight_loss"),
    case("fr", "J'ai maigri de 8 kilos, je fais le ramadan? non, rien", "weight_loss"),
    case("en", "I've lost 7 kg without meaning to, my nutritionist says eat more", "weight_loss"),
    # false alarm 2: not cauda equina
    case("en", (
        "My 4 year old had an accident in bed last night, and my back is "
        "killing me from changing sheets"
    ), "trauma"),
    case("nl", "Ik moet lang staan voor er iets komt, mijn prostaat, en nu ook lage rugpijn"),
    case("nl", "'s Nachts in bed wil het niet meer lukken, ik lig wakker van de rugpijn"),
    case("nl", "Mijn been is beneden de knie doof sinds mijn hernia"),
    case("en", "I can't perform in bed anymore since I started the new blood pressure pills"),
    case("fr", "Au lit ca ne marche plus avec ma femme depuis mes medicaments pour la tension"),
    # false alarm 3: not focal weakness
    case("nl", "Na het voetballen krijg ik mijn voet niet goed omhoog, mijn enkel is dik en blauw"),
    case("en", "My fingers don't respond as fast on the piano, I'm 70"),
    case("fr", "Les doigts ne me repondent plus bien le matin, j'ai de l'arthrite"),
    # false alarm 4: fingers asleep when leaning or on waking
    case("en", (
        "Rugby tackle on Saturday, sore shoulder, and my fingers are asleep "
        "when I lean on my elbow at my desk"
    )),
    case("fr", (
        "Je suis tombee sur les fesses au ski, et mes doigts sont endormis le "
        "matin au reveil"
    ), "trauma"),
    # a carer's own stiff neck beside a child's fever the carer does not share stays no meningitis
    case("en", (
        "Our son had a fever all weekend; my neck is stiff from sleeping in "
        "his room, no fever myself."
    ), "fever_infection"),
    case("nl", (
        "Mijn dochter had koorts, ik heb een stijve nek van het dragen, zelf "
        "heb ik geen koorts."
    ), "fever_infection"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_review17_b_messages(language: str, text: str, expected: frozenset[str]):
    assert_exact_flags(text, expected)
