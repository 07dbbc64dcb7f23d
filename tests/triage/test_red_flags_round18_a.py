"""Red flags said in other words (round 18, part a): goodbyes and not caring to wake up, a heart
attack felt as a heavy arm with fainting or breathlessness told loosely, a lopsided smile, a hand
with no strength or a leg folding under, night pain that no position changes; with harmless
look-alikes (waking up sore, hiding under the duvet, stars at an observatory, a pumped forearm,
pain gone at night).

Each case names the exact set of flag ids expected, as in test_red_flags.py.
"""

from __future__ import annotations

import pytest

from tests.triage.red_flag_cases import assert_exact_flags, case

CASES = [
    # self_harm: not caring whether one lives, how to end it all, pills kept for that, papers
    # sorted with things given away, "nobody will have to deal with it", wanting to disappear for
    # good; not waking up sore, ending a contract, pills for a trip, papers for the accountant,
    # hiding under the duvet
    case("en", "Honestly I don't even care if I live or not these days.", "self_harm"),
    case("en", "Sometimes I wonder how I could end it all.", "self_harm"),
    case("en", "I have my tramadol hidden away for that.", "self_harm"),
    case("en", "I've been sorting my affairs and I gave my guitar to my nephew.", "self_harm"),
    case(
        "en",
        "I've given my books away so my family won't have to deal with any of it afterwards.",
        "self_harm",
    ),
    case("en", "I don't care if I wake up sore, just fix my back."),
    case("en", "I wonder how to end this contract early."),
    case("en", "I keep my painkillers set aside for the trip."),
    case("en", "I'm sorting out my papers for the accountant and gave my old bike to my nephew."),
    case("fr", "Parfois j'ai envie de disparaître, tout simplement.", "self_harm"),
    case("fr", "Je voudrais disparaître pour toujours.", "self_harm"),
    case("fr", "J'ai mis mes papiers en ordre et donné les chats à une amie.", "self_harm"),
    case(
        "fr",
        "Mes papiers sont en ordre, je ne vais plus déranger personne bien longtemps.",
        "self_harm",
    ),
    case("fr", "J'ai envie de disparaître sous la couette tout le week-end."),
    case("fr", "Après ce match raté, j'avais envie de disparaître dans un trou de souris."),
    # atypical_heart_attack: a heavy arm or jaw with breathlessness misspelt, feeling oneself slip
    # away, seeing stars, no stairs without puffing; not breathless after swimming, stars at an
    # observatory, going red with anger, stairs climbed without puffing
    case(
        "fr",
        "J'ai une lourdeur dans le bras gauche depuis une heure et je suis essouflé.",
        "atypical_heart_attack",
    ),
    case(
        "fr",
        "Ça serre dans la mâchoire et je me suis sentie partir au supermarché.",
        "atypical_heart_attack",
    ),
    case("fr", "Je suis un peu essouflée après mes longueurs, l'épaule me tire."),
    case(
        "en",
        "There's a heavy weight across my upper back and at the till I felt myself slipping away.",
        "atypical_heart_attack",
    ),
    case("en", "We went to see stars at the observatory; my neck got sore from looking up."),
    case("en", "I felt myself going red when my boss yelled, and my neck is tight."),
    case(
        "nl",
        "Er zit een zware druk op mijn bovenrug en daarnet zag ik sterretjes.",
        "atypical_heart_attack",
    ),
    case(
        "nl",
        "Zwaar gevoel in mijn linkerarm, en ik kom de trap niet meer op zonder te puffen.",
        "atypical_heart_attack",
        "progressive_weakness",
    ),
    case("nl", "Mijn nek is stijf, maar ik loop de trap op zonder te hijgen hoor."),
    # neuro_deficit: a smile or mouth gone crooked, speech as if drunk; not a smile crooked in
    # photos, a face red from the sun
    case("en", "Since lunch one side of her smile has gone crooked.", "neuro_deficit"),
    case("en", "My dad's mouth has gone droopy on the left this afternoon.", "neuro_deficit"),
    case(
        "en", "He sounds like he's had one too many, but he hasn't touched a drop.", "neuro_deficit"
    ),
    case("en", "My smile has always looked a bit crooked in photos."),
    case("en", "My face has gone red from the sun and my shoulders ache."),
    # focal_weakness: a hand without strength, scissors it cannot squeeze, a hand that holds
    # nothing, cutlery slipping away, a leg folding under; not for pain, arthritis, a climbing
    # session, a ligament operation, details that escape one
    case("en", "My right hand has lost all its strength since yesterday.", "focal_weakness"),
    case("en", "I can't squeeze the secateurs any more.", "focal_weakness"),
    case("en", "I can't close the scissors because my thumb is so sore."),
    case("en", "My grip has no strength after the climbing session, my forearms are pumped."),
    case("fr", "Ma main gauche ne serre plus rien depuis ce matin.", "focal_weakness"),
    case("fr", "Les couverts m'échappent sans arrêt.", "focal_weakness"),
    case("fr", "J'arrive même plus à dévisser une bouteille d'eau.", "focal_weakness"),
    case("fr", "Les détails m'échappent, mais le dos fait mal depuis lundi."),
    case("fr", "Je n'arrive plus à ouvrir les pots à cause de mon arthrose du pouce."),
    case("nl", "Mijn been begaf ineens onder mij bij het opstaan.", "focal_weakness"),
    case("nl", "Mijn knie plooit onder me sinds de kruisbandoperatie."),
    # night_pain: positions tried at night that change nothing, told in other orders and words; not
    # a pain eased by turning over, gone at night, or only after a run
    case(
        "en",
        "In bed I've tried lying differently and propping the leg up, it just keeps aching away.",
        "night_pain",
    ),
    case(
        "en", "Every night the pain doesn't budge whether I'm on my side or my back.", "night_pain"
    ),
    case("en", "Nights are the worst: side, back, front, it keeps gnawing on.", "night_pain"),
    case(
        "nl",
        "Elke nacht maakt het niet uit of ik op mijn rug of op mijn buik lig, de heup doet pijn.",
        "night_pain",
    ),
    case(
        "nl",
        "Mijn schouder houdt me wakker; ik draai op mijn andere zij maar het blijft maar bonken.",
        "night_pain",
    ),
    case(
        "en", "At night I sleep fine whether I'm on my side or my back; it only hurts when I lift."
    ),
    case("en", "My shoulder aches when I lie on it at night, but turning onto my back eases it."),
    case("nl", "'s Nachts lig ik op mijn rug en dan is het weg; overdag blijft het maar zeuren."),
    case("en", "My calf keeps aching on after a long run, but I sleep fine at night."),
    case("en", "At night I just put up with it, nothing helps much."),
    case(
        "en",
        "At night, putting the leg up on a cushion makes no difference at all.",
        "night_pain",
    ),
    case("fr", "jarrive meme plus a ouvrir le pot de cornichons", "focal_weakness"),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_round18_a_dangers_and_their_look_alikes(language, text, expected):
    assert_exact_flags(text, expected)
