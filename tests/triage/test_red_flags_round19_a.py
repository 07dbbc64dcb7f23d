"""Warning signs quoted only to be denied (round 19, part a): a safety-screen button typed back
with an emphatic "no" ("coughing up blood - god no", "numbness between the legs?? definitely not
lol", "'worst headache ever'? No"), a question about what a sign means answered with a denial
("what does tender scalp mean? my scalp isn't sore"), and look-alikes: a relative's cancer "not
me", ankles puffy in hot weather, a leg that gave way ten years ago, a fever gone for weeks, the
same headache for years whenever stressed, night pain that turning over eases. Each with the
dangers that must still alarm: a sign after "but", a sign said as present in the answer, a
question about what a sign implies, a French "non ?" question tag; and (the reviewers' findings)
an insisting "no, it's way beyond that", a denial taken back ("no way... ok yes"), "unable to pee
- not at all", a relative written for, a night pain that comes back ("then it's back").
Chatty denials ("fever?? nooo") are silent. Removed in the last pass, for safety: a denial after a
comma ("I'm coughing up blood, never had this") or after a list ("fever or chills? no", the
patient's own lists too: "numbness between the legs, fever? no"), "fine" as the answer to a
meaning question, breathless on the stairs "as always"; these are read as before round 19.

Each case names the exact set of flag ids expected, as in test_red_flags.py.
"""

from __future__ import annotations

import pytest

from tests.triage.red_flag_cases import assert_exact_flags, case

CASES = [
    # A quoted sign denied right after it, with emphasis, a filler, a closing quote, a comma or an
    # "and" after the denial; never a later clause after "but", nor a question tag "non ?"
    case("en", "numbness between the legs?? definitely not lol. and no problems holding anything"),
    case("en", "coughing up blood - god no. none of these apply to me"),
    case(
        "en",
        "'worst headache ever'? No, it's a 4 out of 10 ache I've had a hundred times before.",
    ),
    case("en", "Chest pain?! Absolutely not, it's my lower back."),
    case("en", "Numbness in the saddle area - hell no haha"),
    case("fr", "plus gros que l'autre ? Alors non, 38 cm de chaque côté."),
    case("fr", "Cracher du sang ? Absolument pas, juste mal au dos."),
    case("fr", "« pire mal de tête de ma vie » ? Non, c'est un petit mal de tête habituel."),
    case("nl", "zeer hevige pijn op de ruggengraat zelf? nee, 't zit ernaast, in de spieren"),
    case("nl", "maar bloed ophoesten, nee, dat nooit", "breathing_emergency"),
    case("nl", "koorts heb ik nie en mijn nek kan ik draaien, alleen pijnlijk rechts"),
    case("nl", "Bloed ophoesten? Zeker niet hoor."),
    case("en", "Coughing up blood? Certainly not, but my left calf is swollen and hot.", "dvt"),
    case("en", "coughing up blood - god no, but my calf is swollen and hot since Sunday", "dvt"),
    case(
        "en",
        "numbness between the legs?? definitely not lol, but I can't pee since this morning",
        "cauda_equina",
    ),
    case("nl", "bloed ophoesten, nee, maar ik krijg geen lucht", "breathing_emergency"),
    case("fr", "j'ai une douleur à la poitrine, non ?", "heart_attack_signs"),
    case("fr", "c'est une douleur thoracique, non ?", "heart_attack_signs"),
    case("en", "chest pain? no way I'd ignore that, I have it right now", "heart_attack_signs"),
    # an emphatic denial or a "no" after a comma repeats a sign said in the negative
    case("en", "I can't pee, no.", "cauda_equina"),
    case("en", "I can't breathe - definitely not, it's scary", "breathing_emergency"),
    case("nl", "ik voel niks meer tussen mijn benen, echt niet", "cauda_equina"),
    # A question about what a sign means, answered with a denial, cancels that sign only; not
    # with a "yes", nor a question about what a sign implies, nor a sign told in the answer
    case("en", "what does tender scalp mean? my scalp isnt sore. im 29 anyway. so none"),
    case(
        "en",
        "does tripping on the pavement count as a fall if I didn't actually go down? I caught "
        "myself, no injury. Otherwise none.",
    ),
    case("en", "What do you mean by pain when breathing in? No, breathing is fine."),
    case(
        "fr",
        "un pied qui accroche, vous voulez dire trébucher ? non, je marche bien, c'est juste raide",
    ),
    case(
        "fr",
        "« souffle court » ça veut dire essoufflé ? Non, je ne suis pas essoufflé du tout.",
    ),
    case("fr", "C'est quoi une douleur constante la nuit ? Moi je dors bien, rien du tout."),
    case(
        "nl",
        "pijn bij het inademen, bedoelt ge als ik diep zucht? nee, dan voel ik niks. enkel als "
        "ik mijn bovenlijf draai",
    ),
    case(
        "nl",
        "wat verstaat ge onder een klap tegen het hoofd? ik heb mijn kop als kind eens gestoten "
        "tegen de schommel, maar recent niks",
    ),
    case(
        "nl",
        "wat bedoelt ge met een val van een hoogte? ik sta als schilder wel veel op een ladder, "
        "maar ik ben nog nooit gevallen",
    ),
    case(
        "en",
        "what does tender scalp mean? yes my scalp is sore, no fever though",
        "giant_cell_arteritis",
    ),
    case(
        "en",
        "what do you mean by tightness? I have a crushing tightness in my chest right now",
        "heart_attack_signs",
    ),
    case(
        "en",
        "what do you mean by a fall? I fell off a ladder yesterday, no head injury",
        "major_trauma",
        "trauma",
    ),
    case(
        "en",
        "does numbness in my groin mean it's serious? I don't want to worry",
        "cauda_equina",
    ),
    case(
        "fr",
        "des fourmillements entre les jambes, ça veut dire que c'est grave ? je n'ose pas bouger",
        "cauda_equina",
    ),
    case(
        "nl",
        "wat bedoelt ge met een val van een hoogte? ik ben gisteren van het dak gevallen, niks "
        "gebroken denk ik",
        "major_trauma",
        "trauma",
    ),
    # A relative's cancer with the writer saying it is not theirs; the writer's own still counts
    case("en", "my mother has cancer, not me, dont know if that counts? otherwise none"),
    case(
        "fr",
        "Mon père a eu un cancer de la prostate, mais moi non, je n'ai jamais rien eu.",
    ),
    case("nl", "mijn vader heeft kanker, ik niet"),
    case("en", "I had cancer, not my mother", "cancer_history"),
    case("nl", "mijn vader heeft kanker en ik heb rugpijn", "cancer_history"),
    # Ankles puffy when the weather is hot; a joint hot and swollen still alarms
    case(
        "en",
        "both ankles get a little puffy in the evenings when its this hot, both the same, not "
        "warm or red and gone by morning",
    ),
    case("fr", "mes chevilles sont gonflées quand il fait si chaud"),
    case("nl", "mijn enkels zijn dik als het zo warm is"),
    case("en", "my knee is swollen and hot since this morning", "hot_swollen_joint"),
    case("fr", "mon genou est gonflé et très chaud", "hot_swollen_joint"),
    case("nl", "mijn knie is dik en heel warm sinds vanmorgen", "hot_swollen_joint"),
    # A leg that gave way years ago; giving way today still alarms
    case(
        "fr",
        "ma jambe a lâché une fois mais c'était il y a 10 ans au foot, les ligaments croisés, "
        "opéré et plus jamais eu de souci depuis. aujourd'hui c'est juste le dos",
    ),
    case("en", "my leg gave way once but that was 10 years ago playing football"),
    case("en", "my leg gave way this morning", "focal_weakness", "progressive_weakness"),
    case(
        "fr",
        "ma jambe a lâché ce matin dans l'escalier",
        "focal_weakness",
        "progressive_weakness",
    ),
    # A fever gone for weeks; a fever for weeks, or chills still there, alarms
    case(
        "fr",
        "j'ai eu un gros rhume le mois passé avec un peu de fièvre mais c'est fini depuis trois "
        "semaines, plus rien maintenant, c'est juste le dos",
    ),
    case("en", "I had a bit of fever with a cold but it's been gone for three weeks now"),
    case("nl", "ik had een verkoudheid met wat koorts maar dat is al drie weken over"),
    case("fr", "j'ai de la fièvre depuis trois semaines", "fever_infection"),
    case(
        "fr",
        "j'ai eu de la fièvre mais c'est fini depuis trois semaines, mais j'ai encore des frissons",
        "fever_infection",
    ),
    # The same pain for years whenever stressed; unchanged for months still counts
    case(
        "nl",
        "ik ben 58 maar deze nekpijn met hoofdpijn ken ik al 15 jaar, altijd hetzelfde als ik "
        "gestresseerd ben. hoofdhuid is nie gevoelig en kauwen gaat goed",
    ),
    case("fr", "j'ai mal depuis 3 mois, toujours pareil quand je suis stressé"),
    case("nl", "ik heb die pijn al 3 maanden, altijd hetzelfde", "no_improvement"),
    case("fr", "j'ai mal depuis 3 mois, toujours pareil", "no_improvement"),
    # Night pain that turning over eases; not when it comes back, nor constant night pain
    case(
        "fr",
        "douleur constante la nuit : ça me réveille quand je me couche sur l'épaule droite, mais "
        "dès que je me retourne ça passe. donc je dirais non ?",
    ),
    case(
        "en",
        "constant pain at night: it wakes me when I lie on that shoulder but as soon as I turn "
        "over it goes",
    ),
    case("nl", "constante pijn 's nachts, maar als ik me omdraai is het weg"),
    case(
        "fr",
        "douleur constante la nuit, dès que je me retourne ça passe mais ça revient aussitôt",
        "night_pain",
    ),
    case("en", "constant pain at night whatever I do", "night_pain"),
    # Out of breath on the stairs as always; worse, or new, still alarms
    case(
        "fr",
        "essoufflée oui mais seulement en montant les 4 étages de mon kot avec les courses, comme "
        "toujours, je suis pas sportive 😂 là maintenant assise je respire normal",
        "breathing_emergency",
    ),
    case("en", "I'm breathless on the stairs as always", "breathing_emergency"),
    case("nl", "ik ben kortademig op de trap, zoals altijd", "breathing_emergency"),
    case(
        "fr",
        "essoufflée dans les escaliers comme toujours mais depuis hier c'est pire",
        "breathing_emergency",
    ),
    case("en", "I'm short of breath on the stairs", "breathing_emergency"),
    case("fr", "essoufflée depuis ce matin", "breathing_emergency"),
    # Reviewers' findings on the above (fix round). An exclamation then "No, I'm serious", or a
    # "no" after a comma that insists, repeats the sign instead of denying it
    case("en", "I'm coughing up blood! No, I'm not joking, what do I do", "breathing_emergency"),
    case("fr", "je crache du sang ! non, serieux, je fais quoi", "breathing_emergency"),
    case("nl", "ik hoest bloed! nee, ik overdrijf niet", "breathing_emergency"),
    case("en", "numbness between my legs!!! no!!! what do i do", "cauda_equina"),
    case("en", "I can't pee! No, really, nothing comes out", "cauda_equina"),
    case("fr", "je ne sens plus mes fesses ! non, serieux", "cauda_equina"),
    case("en", "coughing up blood?! no, not joking, bright red", "breathing_emergency"),
    case("nl", "ik hoest bloed, nee, echt waar", "breathing_emergency"),
    case("fr", "je crache du sang, non, vraiment", "breathing_emergency"),
    case("en", "I'm coughing up blood, no way, what do I do", "breathing_emergency"),
    case("en", "coughing up blood, no way!", "breathing_emergency"),
    case("en", "I've lost control of my bladder, no, really", "cauda_equina"),
    case("en", "numb between my legs, nope, not imagining it", "cauda_equina"),
    case("nl", "bloed ophoesten? nee, echt niet"),
    case("en", "coughing up blood? no, not really"),
    # a denial taken back, or corrected upwards, leaves the sign standing
    case("en", "coughing up blood? no way... ok yes, a little this morning", "breathing_emergency"),
    case(
        "en",
        "coughing up blood? god no. well, a bit of red in my spit this morning",
        "breathing_emergency",
    ),
    case(
        "en",
        "numb between the legs? not at all... ok that's a lie, it's been numb since yesterday",
        "cauda_equina",
    ),
    case(
        "en",
        "severe pain on the spine itself? no... well yes actually, when I press on it it's "
        "unbearable",
        "severe_central_back_pain",
    ),
    case("nl", "bloed ophoesten? nee... ja toch, een beetje vanmorgen", "breathing_emergency"),
    case(
        "en",
        "numb between the legs? nope. ha, I wish. it's numb since yesterday",
        "cauda_equina",
    ),
    case(
        "en",
        "'worst headache ever'? no, worse than ever, it came on in a second",
        "thunderclap_headache",
    ),
    case(
        "en",
        "worst headache ever? never, this is the first time it's this bad",
        "thunderclap_headache",
    ),
    case(
        "nl", "ergste hoofdpijn ooit? nooit, dit is de eerste keer zo erg", "thunderclap_headache"
    ),
    case(
        "nl",
        "ergste hoofdpijn ooit? nee, veel erger dan ooit, het kwam in een seconde",
        "thunderclap_headache",
    ),
    case("en", "'worst headache ever'? nah"),
    case("en", "trouble holding urine? absolutely not, I just can't go at all", "cauda_equina"),
    # "unable", "impossible", "onmogelijk" make a sign negative: "not at all" repeats it
    case("en", "unable to pee - not at all", "cauda_equina"),
    case("en", "unable to lift my foot - not at all", "focal_weakness", "progressive_weakness"),
    # a "what do you mean" answer that tells the sign as present (since when, how much, never had
    # before, worse) does not deny it
    case(
        "en",
        "you mean pressure going into the arm? no, it's going into both arms and my jaw and I'm "
        "sweating",
        "atypical_heart_attack",
    ),
    case(
        "nl",
        "wat bedoelt ge met druk op de borst? het voelt alsof er een olifant op zit, nooit gehad, "
        "en ik zweet",
        "heart_attack_signs",
    ),
    case(
        "en",
        "what do you mean by weakness getting worse? I couldn't get up the stairs this morning, "
        "never had that",
        "progressive_weakness",
    ),
    case(
        "en",
        "what do you mean by coughing up blood? there's red in my phlegm, not a lot",
        "breathing_emergency",
    ),
    case("en", "what do you mean by trouble passing urine? i pee fine", "cauda_equina"),
    # a denial after a comma is read as before round 19 (the comma post-cue was removed)
    case("en", "I can't say I have numbness between the legs, no", "cauda_equina"),
    case("en", "can't complain, numbness between the legs, no", "cauda_equina"),
    case("en", "I wouldn't say I'm short of breath, no", "breathing_emergency"),
    case("en", "I can't say I've had a fever, no", "fever_infection"),
    case("en", "I can't sleep well, fever, no", "fever_infection"),
    case("nl", "ik slaap niet goed, koorts, nee", "fever_infection"),
    case("nl", "ik weet het niet goed, koorts, nee", "fever_infection"),
    case("en", "doesn't matter, fever, no, chills, no", "fever_infection"),
    case("en", "I can't think of any accident, no", "trauma"),
    case("en", "I can't feel anything between my legs, no", "cauda_equina"),
    # chatty denials of a quoted button (a list of items is read as before round 19)
    case("en", "fever or chills? no", "fever_infection"),
    case("nl", "koorts of rillingen? nee", "fever_infection"),
    case("fr", "fièvre ou frissons ? non", "fever_infection"),
    case("en", "cancer now or in the past: no", "cancer_history"),
    case("en", "pain when breathing in? no"),
    case("en", "sweating, nausea or short of breath - none of those"),
    case("en", "numbness between the legs? no :)"),
    case("en", "a leg that gives way? no never"),
    case("fr", "une jambe qui lâche ? non jamais"),
    case("en", "fever?? nooo"),
    case("en", "fever? nee nee"),
    case("fr", "fièvre? nan"),
    case("en", "fever? no thanks"),
    case("fr", "difficulté à uriner ? non ça va"),
    case(
        "en", "fever or chills? no. but my left calf is swollen and hot", "dvt", "fever_infection"
    ),
    case("en", "fever or chills? yes, 39 since yesterday", "fever_infection"),
    case("en", "chest pain or tightness? no, more like a crushing weight", "heart_attack_signs"),
    # a leg giving way "for a long time and more and more often" is still going on
    case(
        "fr",
        "ma jambe se dérobe depuis longtemps et de plus en plus souvent",
        "progressive_weakness",
    ),
    # a relative's cancer, "not me", but the relative is the patient written about
    case(
        "en",
        "My dad has bone cancer and now terrible back pain at night. It's not me who's ill, "
        "it's him.",
        "cancer_history",
    ),
    case("en", "my wife had cancer, not me - she's the one with the back pain", "cancer_history"),
    case(
        "fr",
        "Mon père a un cancer des os et mal au dos la nuit. Ce n'est pas moi le malade, c'est lui.",
        "cancer_history",
    ),
    case("nl", "mijn mama heeft kanker, ik niet, maar zij heeft nu veel rugpijn", "cancer_history"),
    case(
        "nl",
        "Mijn vader heeft prostaatkanker. Ik niet hoor, ik schrijf voor hem: hij heeft veel "
        "rugpijn",
        "cancer_history",
    ),
    # night pain eased by turning, but that comes back, or a head turned, still counts
    case(
        "fr",
        "douleur constante toute la nuit, quand je me retourne ça passe 2 minutes puis ça "
        "recommence",
        "night_pain",
    ),
    case(
        "nl",
        "constante pijn 's nachts, als ik me omdraai gaat het weg maar even later opnieuw",
        "night_pain",
    ),
    case(
        "fr",
        "douleur constante la nuit, quand je tourne la tête la douleur part dans le bras",
        "night_pain",
    ),
    # breathless on the stairs "as always", but now at rest, or "as always" about someone else
    case(
        "en",
        "breathless on the stairs as always but this morning even sitting on the couch",
        "breathing_emergency",
    ),
    case(
        "nl",
        "kortademig op de trap zoals altijd maar nu ook in bed",
        "breathing_emergency",
    ),
    case(
        "fr",
        "essoufflée dans les escaliers comme toujours mais aujourd'hui même assise",
        "breathing_emergency",
    ),
    case(
        "en",
        "I'm breathless on the stairs, my husband as always says it's nothing",
        "breathing_emergency",
    ),
    case(
        "nl",
        "ik ben kortademig op de trap, mijn vrouw zegt zoals altijd dat ik overdrijf",
        "breathing_emergency",
    ),
    # --- last pass (r19d): the second reviewers' texts ---
    # r19d, removed (UT review): a patient's own list before "fever? no" is not a denied button
    case("en", "numbness between the legs since yesterday, fever? no", "cauda_equina"),
    case("en", "numbness between the legs, started yesterday, fever? no", "cauda_equina"),
    case("en", "can't pee since yesterday, fever? no", "cauda_equina"),
    case("en", "coughing up blood, bright red, fever? no", "breathing_emergency"),
    case("en", "calf swollen, hot and red, fever? no", "dvt"),
    case("en", "a sudden very severe headache, fever? no", "thunderclap_headache"),
    case("fr", "engourdi entre les jambes depuis hier, fievre ? non", "cauda_equina"),
    case("nl", "bloed ophoesten sinds vanmorgen, koorts? nee", "breathing_emergency"),
    # r19d, removed: a denial after a comma ("blood, never, never had this") stays read as before
    case("en", "I'm coughing up blood, never, never had this before", "breathing_emergency"),
    case("fr", "je crache du sang, jamais, jamais eu ca", "breathing_emergency"),
    case("nl", "ik hoest bloed, nooit, nog nooit gehad", "breathing_emergency"),
    case("en", "coughing up blood, not really, just streaks in my phlegm", "breathing_emergency"),
    case("nl", "gevoelloos tussen de benen, nee, helemaal gevoelloos", "cauda_equina"),
    # r19d, removed: "fine" as the answer of a meaning question; breathless on the stairs as always
    case(
        "en",
        "what do you mean by shortness of breath? I'm fine sitting but I gasp after 10 steps",
        "breathing_emergency",
    ),
    case(
        "en",
        "what do you mean by coughing up blood? I feel fine but my tissue is red after coughing",
        "breathing_emergency",
    ),
    case(
        "nl",
        "kortademig op de trap zoals altijd, maar ik heb een dikke warme kuit",
        "breathing_emergency",
        "dvt",
    ),
    case(
        "fr",
        "essoufflee dans les escaliers comme toujours, et mon mollet est gonfle et chaud",
        "breathing_emergency",
        "dvt",
    ),
    case(
        "en",
        "breathless on the stairs as always, though it takes me longer to recover than before",
        "breathing_emergency",
    ),
    # r19d: night pain eased by turning that is back; upward corrections; take-backs
    case(
        "en",
        "constant pain at night, when I turn over it goes away for a minute, then it's back",
        "night_pain",
    ),
    case(
        "en",
        "constant back pain at night, when I turn over it goes away, it keeps coming back all "
        "night",
        "night_pain",
    ),
    case("en", "worst headache ever? no, it's way beyond that", "thunderclap_headache"),
    case("en", "'worst headache ever'? no, it's the worst by far", "thunderclap_headache"),
    case("en", "numbness between the legs? not at all, it's total", "cauda_equina"),
    case("fr", "pire mal de tête de ma vie ? non, bien pire", "thunderclap_headache"),
    case("nl", "ergste hoofdpijn ooit? nee, veel erger", "thunderclap_headache"),
    case(
        "en",
        "worst headache ever? never, this is the first time it's this bad",
        "thunderclap_headache",
    ),
    case("en", "coughing up blood? nah, more like vomiting blood", "breathing_emergency"),
    case("en", "coughing up blood? no, I mean yes, a lot", "breathing_emergency"),
    case("en", "numbness between the legs? no, oops I meant yes", "cauda_equina"),
    case("nl", "bloed ophoesten? nee, ja sorry, verkeerd gelezen", "breathing_emergency"),
    case(
        "en",
        "coughing up blood? god no. well, a bit of red in my spit this morning",
        "breathing_emergency",
    ),
    # r19d (FA review): an insisting or take-back word about another, harmless complaint, after
    # "but", past the next item, or "rather"/"more like"/"serious" alone: the sign stays denied
    case("en", "numbness between the legs? no, really, I feel fine"),
    case("en", "coughing up blood? no, really"),
    case("en", "numbness between the legs? no, but my back is worse than yesterday"),
    case("en", "numbness between the legs? no, what do I do about the stiffness though"),
    case("en", "numbness between the legs? no. I wish this back pain would go away"),
    case("fr", "engourdissement entre les jambes ? non, vraiment, ça va"),
    case("fr", "engourdissement entre les jambes ? non, mais c'est pire que la semaine dernière"),
    case("nl", "gevoelloos tussen de benen? nee, echt alles ok"),
    case("nl", "gevoelloos tussen de benen? nee, ik kan gewoon niet lang zitten door de pijn"),
    case("nl", "gevoelloos tussen de benen? nee, was het maar zo simpel, mijn rug is gewoon stijf"),
    case("nl", "bloed ophoesten? nee. ja wel een beetje keelpijn"),
    case("en", "numbness between the legs? no. but my back, yes actually a bit worse"),
    case("en", "numbness between the legs? no. hmm, maybe I'm just stiff from the gym"),
    case("en", "coughing up blood: no, pain when breathing in: no, sweating: yes after my run"),
    case("en", "worst headache ever? no, more like a dull ache behind the eyes"),
    case("en", "worst headache ever? no, rather a tension headache like always"),
    case("fr", "engourdissement entre les jambes ? nan, sérieusement ça va"),
    case("nl", "ergste hoofdpijn ooit? nee, eerder een zeurende hoofdpijn"),
    case("en", "pain when breathing in? no, more like when I lift my arm"),
    case("en", "very severe pain on the spine itself? no, rather beside it"),
    case("en", "coughing up blood? no, really, just a bit of back pain"),
    case("fr", "crachats de sang ? non, vraiment, juste un rhume"),
    case("nl", "bloed ophoesten? nee, echt, gewoon wat verkouden"),
    case("en", "coughing up blood? no. numbness between the legs: yes a bit", "cauda_equina"),
    case("en", "coughing up blood? no, a little tired though"),
    case("fr", "cracher du sang ? non... enfin un peu de fatigue"),
    case("en", "numbness between the legs? no, I swear"),
    case("en", "coughing up blood? no, seriously"),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_round19_a_denied_quotes_and_their_dangers(language, text, expected):
    assert_exact_flags(text, expected)
