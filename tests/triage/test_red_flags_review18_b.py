"""Review of round 18 (part b, fix18d): a recent accident with a normal x-ray or "nothing broken"
is still a recent trauma; a writer brought to hospital by a relative; a pile-up in the work car
park; a weak grip with no pain; night pain that no position eases, told after a comma; a clot
found in the writer's leg. With the look-alikes the round-18 guards were meant to silence (a fall
weeks ago that is better, a busy day at work, pain that a position eases or that is gone, a
racket sport's bigger calf, a crooked smile after botox, a party where he really drank).

Each case names the exact set of flag ids expected, as in test_red_flags.py.
"""

from __future__ import annotations

import pytest

from tests.triage.red_flag_cases import assert_exact_flags, case

CASES = [
    # (A)5 relative_past (nl): the writer's own fall told after a relative who brought them
    case(
        "nl",
        "Mijn man heeft mij vorige week na een val op mijn hoofd naar spoed gebracht, nu ben ik "
        "verward en mijn nek doet pijn.",
        "head_injury",
        "neuro_deficit",
        "trauma",
    ),
    case(
        "nl",
        "Mijn vrouw heeft me gisteren na een val naar spoed gebracht, ik moet overgeven en heb "
        "hoofdpijn.",
        "trauma",
    ),
    case("nl", "Mijn vrouw heeft vorige week een hartaanval gehad, ik heb last van mijn schouder."),
    # (A)6/(A)7 a recent fall or accident with a normal x-ray / nothing broken is still a recent
    # trauma
    case(
        "en",
        "Fell from a ladder yesterday, scan came back clear, but my back really hurts and my legs "
        "are numb.",
        "cauda_equina",
        "major_trauma",
        "trauma",
        "trauma_neuro",
    ),
    case(
        "en",
        "I fell from my bike yesterday, nothing broken, but my neck is very painful.",
        "trauma",
    ),
    case(
        "en",
        "I fell and hit my head yesterday, the x-rays were fine but since then I keep vomiting.",
        "head_injury",
        "trauma",
    ),
    case(
        "en",
        "I fell off my bike this morning, nothing broken but my neck hurts and my hands tingle.",
        "trauma",
        "trauma_neuro",
    ),
    case(
        "en",
        "I crashed my bike yesterday, the scan was normal but I now have numbness in both legs.",
        "cauda_equina",
        "trauma",
        "trauma_neuro",
    ),
    case(
        "en",
        "I fell down the stairs this morning, nothing broken they said, but I'm dizzy and "
        "confused.",
        "major_trauma",
        "trauma",
    ),
    case(
        "en",
        "I was hit by a car yesterday, nothing broken, but my neck really hurts.",
        "major_trauma",
        "trauma",
    ),
    case(
        "fr",
        "Il y a deux semaines accident de voiture, rien de cassé, et depuis hier des fourmis dans "
        "les deux mains.",
        "bilateral_numbness",
        "major_trauma",
        "trauma",
        "trauma_neuro",
    ),
    case(
        "nl",
        "Ik ben gevallen, de scan was goed, maar sindsdien ben ik verward en moet ik overgeven.",
        "neuro_deficit",
        "trauma",
    ),
    case("en", "Yesterday I fell off my bike, nothing broken.", "trauma"),
    case(
        "en",
        "This morning I slipped on the stairs, the x-ray was fine but my back hurts a lot.",
        "trauma",
    ),
    case(
        "en",
        "I fell off a ladder two days ago, the scan was normal, my back is very sore.",
        "major_trauma",
        "trauma",
    ),
    case(
        "fr", "Je suis tombé de vélo ce matin, rien de cassé, mais j'ai très mal au cou.", "trauma"
    ),
    case("fr", "Ce matin je suis tombé dans la rue, rien de cassé.", "trauma"),
    case(
        "nl",
        "Ik ben gisteren van de fiets gevallen, niks gebroken, maar mijn nek doet veel pijn.",
        "trauma",
    ),
    case("nl", "Vanmorgen ben ik van de trap gevallen, niks gebroken.", "major_trauma", "trauma"),
    case("en", "Three weeks ago I slipped on the ice, nothing broken, it's much better now."),
    case("nl", "Vorige maand van de trap gevallen, niks gebroken, de foto's waren goed."),
    case("nl", "Vanmorgen bijna gevallen, niks gebroken."),
    case("en", "In 2016 I had a DVT, the follow-up scan was clear, now I have tennis elbow."),
    # (A)8 carambolage: a real pile-up in the work car park, not a busy day at work
    case(
        "fr",
        "J'ai été pris dans un carambolage au boulot... sur le parking du boulot, ma nuque et mes "
        "bras sont engourdis.",
        "major_trauma",
    ),
    case("fr", "Carambolage sur le ring ce matin, j'ai mal à la nuque.", "major_trauma"),
    case("fr", "C'est un vrai carambolage au boulot cette semaine, j'ai mal aux épaules."),
    case("fr", "Un carambolage de réunions au bureau, ma nuque est raide."),
    case("fr", "Carambolage au travail ce matin, j'ai les bras engourdis.", "major_trauma"),
    # (B) focal_weakness: "no pain" is not a pain that explains the weak grip
    case(
        "en",
        "I can't squeeze the nail clippers anymore with my left hand, no pain.",
        "focal_weakness",
    ),
    case(
        "en",
        "I can't close the scissors with my right hand any more, it doesn't hurt.",
        "focal_weakness",
    ),
    case("fr", "Je n'arrive plus à ouvrir un pot, sans douleur.", "focal_weakness"),
    case("fr", "Les ciseaux m'échappent des mains, sans douleur.", "focal_weakness"),
    case("en", "I can't squeeze the nail clippers, my thumb hurts from arthritis."),
    case("fr", "Les ciseaux m'échappent, j'ai une tendinite au poignet."),
    # (B)/(C) night_pain: no position helps, told after a comma; not when a position eases it or it
    # is gone
    case(
        "en",
        "Every night the pain keeps grinding on, whether I lie on my side, back or on the floor.",
        "night_pain",
    ),
    case(
        "en", "At night the pain doesn't budge, whether I lie on my side or my back.", "night_pain"
    ),
    case(
        "en",
        "At night the pain doesn't budge, no matter whether I lie on my back or my side.",
        "night_pain",
    ),
    case(
        "nl",
        "'S nachts maakt het niet uit of ik op mijn zij of op mijn rug lig, de pijn blijft.",
        "night_pain",
    ),
    case("nl", "'s Nachts maakt het niet uit, of ik nu op mijn zij of mijn rug lig.", "night_pain"),
    case("en", "At night the pain doesn't budge if I stay still, but lying on my side eases it."),
    case(
        "en", "At night the pain doesn't change if I lie still, but turning onto my side eases it."
    ),
    case("nl", "'s Nachts maakt het niet uit of ik op mijn rug lig, het is weg."),
    # (B) dvt: doctors found a clot in the writer's leg; (C) a calf bigger from a sport
    case("en", "My wife was there when the doctors found a clot in my leg, my calf hurts.", "dvt"),
    case("en", "They found a clot in my leg, my calf hurts.", "dvt"),
    case("en", "The doctors found a clot in my calf last week and now my leg is swollen.", "dvt"),
    case("nl", "Ze vonden een klonter in mijn been, mijn kuit doet pijn.", "dvt"),
    case("nl", "Een klonter in mijn kuit, zei de dokter, en mijn been is dik.", "dvt"),
    case(
        "fr",
        "Mon mari était là quand les médecins ont trouvé un caillot dans ma jambe, j'ai mal au "
        "mollet.",
        "dvt",
    ),
    case("en", "Looking at both legs, the left one is clearly fatter.", "dvt"),
    case(
        "en",
        "My gran is on blood thinners since the doctors found a clot in her leg, my neck hurts.",
    ),
    case(
        "en",
        "Comparing my calves, the left is bigger because I play tennis right-handed... no wait "
        "left-footed football.",
    ),
    case("en", "Looking at my calves, the right is bigger, I play tennis."),
    # (C) neuro_deficit: a crooked smile after botox, a man who really drank at a party
    case("en", "After the botox my smile has gone crooked."),
    case("en", "Since the botox my face has gone crooked."),
    case("en", "He talks like he's had a few beers after the team party, he had six."),
    case("en", "She talks like she's had a few drinks, at the wedding she had four."),
    case("en", "My smile has gone crooked since this morning.", "neuro_deficit"),
    case(
        "en",
        "He talks like he's had a few beers, but he hasn't touched a drop and his face is "
        "drooping.",
        "neuro_deficit",
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_review18_b_dangers_and_their_look_alikes(language, text, expected):
    assert_exact_flags(text, expected)
