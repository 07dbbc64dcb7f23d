"""Red flags said in other words (round 17, part a): a goodbye or a method without the word
suicide, a heart attack felt as a heavy arm or a pressing upper back, night pain that no position
eases, a joint that swelled up hot, drugs injected; with harmless look-alikes (a normal effort,
hot weather, a letter for a birthday, a cut while cooking, a pet minded during a holiday).

Each case names the exact set of flag ids expected, as in test_red_flags.py.
"""

from __future__ import annotations

import pytest

from tests.triage.red_flag_cases import assert_exact_flags, case

CASES = [
    # self_harm: letters "just in case", pills put by, a step off, cutting for relief, joining the
    # dead
    case("en", "I've been writing letters for my family, just in case.", "self_harm"),
    case("en", "There's a box of codeine stashed away in the garage.", "self_harm"),
    case(
        "en",
        "If the needling doesn't help either, I know exactly what I'll do.",
        "self_harm",
    ),
    case("en", "At the station I think how easy it would be to just jump.", "self_harm"),
    case("en", "I still cut my wrists when things get bad.", "self_harm"),
    case("en", "Since my wife died I just want to be with her again.", "self_harm"),
    case("en", "I counted my sleeping pills to see if there are enough.", "self_harm"),
    case("en", "I don't expect to be around for Christmas.", "self_harm"),
    case("fr", "Si le traitement ne marche pas, je sais bien ce que je vais faire.", "self_harm"),
    case("fr", "J'ai gardé de côté plusieurs boîtes de somnifères.", "self_harm"),
    case(
        "fr",
        "Ma famille serait plus heureuse, elle irait mieux sans une mère comme moi.",
        "self_harm",
    ),
    case("fr", "Je ne pense pas être encore là pour mon anniversaire.", "self_harm"),
    case("fr", "Depuis la mort de mon mari, j'ai envie de le rejoindre.", "self_harm"),
    case("fr", "J'ai des coupures sur les poignets, ça me calme.", "self_harm"),
    case("nl", "Ik heb de tabletten geteld of het genoeg zou zijn.", "self_harm"),
    case("nl", "Ik stond gisteren aan het perron en dacht aan een stap naar voren.", "self_harm"),
    case("nl", "Sinds mijn vrouw gestorven is wil ik haar achterna.", "self_harm"),
    case("nl", "Ik ben er met kerst toch niet meer.", "self_harm"),
    case("nl", "Mijn zaken zijn geregeld en de hond gaat naar mijn broer.", "self_harm"),
    # ... and what only looks like it
    case("en", "I wrote letters to my kids for their birthdays."),
    case("en", "I cut my arm on the fence while gardening."),
    case("en", "I have some painkillers set aside for my migraines."),
    case("en", "If this doesn't work I know what I'll do: see the surgeon."),
    case("en", "The dog goes to my sister while we are on holiday."),
    case("fr", "Si ça ne marche pas, je sais ce que je ferai: voir un chirurgien."),
    case("fr", "Le chat ira chez ma voisine pendant les vacances."),
    case("nl", "De kat gaat naar mijn zus als we op vakantie zijn."),
    # atypical heart attack: a heavy or pressing upper site with a companion, told apart
    case(
        "en",
        "It's my left shoulder. For an hour now it feels heavy, like a weight, and I'm clammy.",
        "atypical_heart_attack",
    ),
    case(
        "en",
        "My upper back hurts. A squeezing ache, and I feel sick and sweaty, I was just reading.",
        "atypical_heart_attack",
    ),
    case(
        "fr",
        "C'est pour mon épaule gauche. Elle est lourde depuis ce matin et j'ai la nausée.",
        "atypical_heart_attack",
    ),
    case(
        "nl",
        "Mijn linkerarm voelt loodzwaar aan. Ik ben misselijk en zweet.",
        "atypical_heart_attack",
    ),
    case(
        "nl",
        "Hij heeft pijn tussen de schouderbladen en heeft al twee keer overgegeven.",
        "atypical_heart_attack",
    ),
    # ... not the breath and sweat of a normal effort, but still when it does not settle
    case(
        "en",
        "During hill sprints I'm out of breath, which is normal, my calf is what bothers me.",
    ),
    # review 17: the guard is gone from breathing_emergency and needs the effort in the same clause
    # after the breath word (fix2_a): these two alarm again, as before round 17
    case(
        "fr",
        "En montant au 3e avec les valises j'étais essoufflé, normal, et j'ai mal au cou.",
        "atypical_heart_attack",
        "breathing_emergency",
    ),
    case(
        "nl",
        "Na het lopen ben ik kortademig maar na een paar minuten is dat over. Mijn knie doet pijn.",
        "breathing_emergency",
    ),
    case("en", "I'm breathless on the stairs, is that normal?", "breathing_emergency"),
    case(
        "fr",
        "Pendant le match j'étais essoufflé, normalement ça passe mais là c'est toujours là.",
        "breathing_emergency",
    ),
    case("nl", "Ik ben kortademig na de trap, is dat normaal?", "breathing_emergency"),
    # night pain: a night, the positions tried and that nothing changed
    case(
        "en",
        "At night I try my left side, my right side, a pillow between the knees - no difference.",
        "night_pain",
    ),
    case(
        "en",
        "By 4 am I'm up, I've tried every position and walking about but nothing helps.",
        "night_pain",
    ),
    case(
        "fr",
        "La nuit, je me retourne dans tous les sens, c'est toujours pareil.",
        "night_pain",
    ),
    case("nl", "'s Nachts op mijn rug of op mijn zij, het blijft even erg.", "night_pain"),
    case("en", "At night turning onto my left side eases it straight away."),
    case("fr", "La nuit, si je me tourne sur le côté gauche, ça passe."),
    case("nl", "'s Nachts helpt het om op mijn andere zij te draaien."),
    # hot swollen joint: swelled up and hot, not in the heat of summer
    case(
        "en",
        "My ankle went in the night, it's swollen right up and hot to the touch.",
        "hot_swollen_joint",
    ),
    case(
        "fr",
        "Ma cheville a enflé d'un coup cette nuit et elle est toute chaude.",
        "hot_swollen_joint",
    ),
    case("nl", "Mijn knie is opgezwollen sinds vannacht en voelt heet aan.", "hot_swollen_joint"),
    case("en", "My ankles look a bit swollen when it's hot, I'm pregnant."),
    case("fr", "Enceinte, mes chevilles sont un peu gonflées quand il fait chaud."),
    case("nl", "Mijn enkels zijn wat dik als het warm is, ik ben zwanger."),
    case("en", "My knee is not swollen and not hot, it just clicks."),
    # fever_infection: drugs injected, drenching night sweats
    case("en", "I've been using, injecting mostly, until last month.", "fever_infection"),
    case("en", "I've used insulin, injecting it twice a day for years."),
    case("en", "I get drenching sweats at night since the back pain started.", "fever_infection"),
    case("fr", "J'ai de grosses sueurs la nuit depuis dix jours.", "fever_infection"),
    case("nl", "Ik lig zwaar te zweten 's nachts sinds een week.", "fever_infection"),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_round17_a_dangers_and_their_look_alikes(language, text, expected):
    assert_exact_flags(text, expected)
