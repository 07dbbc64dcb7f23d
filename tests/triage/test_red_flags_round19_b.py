"""Red flags typed in loose words as answers to the safety screens (round 19, part b): a very bad
pain on the spine told as "it's unbearable" after the spot, a pain that comes with breathing in
told breath first, a chin that cannot come down to the chest with a fever, a range of kilos lost,
a seat area "endormi", Dutch "dat ik niet goed kan plassen", a pressure spreading into the left
arm or the jaw without a chest word, sweating with queasiness, a fall down several stairs; with
the harmless neighbours that must stay silent (not unbearable, next to the spine, no pain on
breathing, a stiff neck without a fever, weight lost on purpose, a numbness that went away,
peeing fine, a tightness from the neck, sweat after the gym, a missed step).

The review of round 19 added the look-alikes those patterns first caught (a pain elsewhere on
breathing in, a pressure from the teeth or a forearm, a weight lifted, stairs walked down, Dutch
"gevallen" and "druk", a shy bladder, kilos dropped at the gym, an arm asleep) and signs still
missed (no urine since yesterday, a rash that does not blanch, "ik krijg sinds vanmorgen geen
lucht", a chin that cannot reach the chest). Its second review added "lever le pied" as an
idiom, a pressure from a named muscle, a device or the desk, a rib bumped, a reason for no urine,
a fear of being rear-ended, nettles; and falls, "plassen" and queasiness those must not silence.

Each case names the exact set of flag ids expected, as in test_red_flags.py.
"""

from __future__ import annotations

import pytest

from tests.triage.red_flag_cases import assert_exact_flags, case

CASES = [
    # severe_central_back_pain: the spot on the spine first, then "it's unbearable", "c'est
    # insupportable", "het is zo hevig"; not "it's not unbearable", not the muscles beside it
    case(
        "en",
        "the pain is right on the bone in the middle of my spine, its unbearable, "
        "i cant even let my wife touch it",
        "severe_central_back_pain",
    ),
    case(
        "en",
        "It's right down my spine itself and honestly it's excruciating.",
        "severe_central_back_pain",
    ),
    case("en", "it's in the middle of my spine, it's not unbearable, just annoying"),
    case(
        "en",
        "The ache is in the muscles next to my spine, it's unbearable after a day at the desk.",
    ),
    case(
        "fr",
        "pas le reste mais quand on touche les vertèbres au milieu du dos c'est insupportable, "
        "je hurle, c'est pile sur l'os",
        "severe_central_back_pain",
    ),
    case("fr", "Quand j'appuie sur ma colonne, c'est vraiment atroce.", "severe_central_back_pain"),
    case("fr", "quand j'appuie sur ma colonne c'est pas insupportable, juste sensible"),
    case(
        "nl",
        "Het zit echt op de wervels zelf, midden in mijn rug, en het is zo hevig dat ik niet kan "
        "zitten of liggen. Op de spieren ernaast voel ik bijna niks.",
        "severe_central_back_pain",
    ),
    case(
        "nl",
        "Het zit pal op mijn ruggengraat en het doet zo verschrikkelijk dat ik niet kan slapen.",
        "severe_central_back_pain",
    ),
    case("nl", "Precies op mijn wervels, het is zo hevig!", "severe_central_back_pain"),
    case("nl", "Het zit op de wervels maar het is niet zo hevig, eerder zeurend."),
    # breathing_emergency: the breath named first, the pain after; not a denial, an ease
    case(
        "fr",
        "non pour le bras etc. par contre chaque fois que j'inspire à fond ça me coupe, "
        "une douleur en coup de poignard sur le côté, depuis ce matin",
        "breathing_emergency",
    ),
    case("en", "Every time I breathe in deeply it stabs me in the side.", "breathing_emergency"),
    case("en", "when i take a deep breath it catches sharply on the left", "breathing_emergency"),
    case("nl", "als ik diep inadem doet het zo zeer in mijn borst", "breathing_emergency"),
    case("fr", "quand je respire à fond, pas de douleur, c'est seulement quand je tourne le buste"),
    case("en", "When I take a deep breath the pain eases a bit."),
    case("en", "When I breathe in deeply it doesn't hurt at all, only when I lift my arm."),
    case("nl", "als ik diep inadem doet het geen pijn"),
    # meningitis_signs: a fever with a chin that cannot come down to the chest; not the same
    # neck without a fever
    case(
        "fr",
        "j'ai 39 de fièvre depuis hier et je n'arrive plus à baisser le menton vers la poitrine, "
        "ça tire trop dans la nuque",
        "meningitis_signs",
        "fever_infection",
    ),
    case(
        "nl",
        "ik heb 39 koorts en ik kan mijn kin niet op mijn borst leggen",
        "meningitis_signs",
        "fever_infection",
    ),
    case(
        "nl",
        "ik heb koorts en kan mijn hoofd niet voorover buigen",
        "meningitis_signs",
        "fever_infection",
    ),
    case(
        "fr",
        "je n'arrive plus à pencher la tête en avant depuis que j'ai dormi de travers, "
        "pas de fièvre",
    ),
    case("en", "I can't bend my head forward since I slept funny, no temperature at all."),
    case("nl", "ik kan mijn hoofd niet goed voorover buigen sinds de fitness, geen koorts"),
    # weight_loss: a range of kilos ("6-7 kilos"); not a range lost on purpose
    case(
        "fr",
        "je n'ai rien changé à ce que je mange et pourtant j'ai perdu 6-7 kilos en deux mois, "
        "mes pantalons tombent. Le reste non.",
        "weight_loss",
    ),
    case("en", "I've lost 6-7 kg in two months and I'm eating the same as always.", "weight_loss"),
    case("fr", "j'ai perdu 4-5 kilos depuis que je suis au régime, c'était voulu"),
    case("en", "I lost 5-6 kg on purpose with my diet this spring."),
    # cauda_equina: "endormi entre les jambes", Dutch "dat ik niet goed kan plassen"; not a
    # numbness that went away, not peeing fine
    case(
        "fr",
        "non pour la plupart mais depuis hier soir j'ai l'impression d'être endormi entre les "
        "jambes, comme après une anesthésie chez le dentiste, c'est bizarre",
        "cauda_equina",
    ),
    case("fr", "je me sens tout endormi entre les cuisses depuis ce matin", "cauda_equina"),
    case("fr", "j'ai eu les fesses un peu endormies après le vélo mais c'est passé"),
    case(
        "nl",
        "ik moet wel zeggen dat ik sinds vanmorgen nie goed kan plassen, het komt er moeilijk uit "
        "en da had ik nooit. en mijn rug is veel erger dan anders",
        "cauda_equina",
    ),
    case("nl", "ik kan sinds gisteren niet goed plassen", "cauda_equina"),
    case("nl", "sinds vanmorgen merk ik dat ik niet meer kan plassen", "cauda_equina"),
    case("nl", "ik kan goed plassen, geen probleem"),
    case("nl", "plassen gaat prima, ik kan gewoon plassen zoals altijd"),
    case("en", "numb bum after a long bike ride, it wore off within the hour"),
    case("en", "I can pee fine, no numbness anywhere."),
    # atypical_heart_attack: a pressure spreading into the left arm or the jaw without a chest
    # word; not a tightness from the neck, not a denial
    case(
        "en",
        "not really short of breath but theres a heavy pressure going into my left arm and jaw, "
        "been going about 20 minutes now",
        "atypical_heart_attack",
    ),
    case(
        "en",
        "There's a tightness spreading into my jaw, for half an hour now.",
        "atypical_heart_attack",
    ),
    case(
        "fr",
        "une pression qui descend dans le bras gauche et la mâchoire depuis vingt minutes",
        "atypical_heart_attack",
    ),
    case(
        "nl",
        "een druk die uitstraalt naar mijn linkerarm en kaak, al een half uur",
        "atypical_heart_attack",
    ),
    case("en", "tightness from my neck going down into my left arm when I type"),
    case("en", "no pressure going into my arm or jaw, just a sore spot on the rib"),
    case(
        "fr",
        "la tension part de la nuque et descend dans le bras gauche quand je travaille à l'ordi",
    ),
    case("nl", "de spanning trekt vanuit mijn nek naar mijn linkerarm als ik lang typ"),
    # atypical_heart_attack: sweating with queasiness or nausea in loose words; not after the gym
    case(
        "en",
        "Nothing spreading, but I'm all sweaty and queasy with it. Started at my desk about half "
        "an hour ago.",
        "atypical_heart_attack",
    ),
    case(
        "en",
        "I'm sweating buckets and feel queasy since the pain started.",
        "atypical_heart_attack",
    ),
    case(
        "nl",
        "nee geen uitstraling, maar ik zit hier te zweten en ben misselijk sinds die pijn begon, "
        "en 't is nochtans koud hier",
        "atypical_heart_attack",
    ),
    case(
        "nl",
        "ik lig te zweten en ben kotsmisselijk sinds de pijn begon",
        "atypical_heart_attack",
    ),
    case("en", "I'm all sweaty and queasy after the gym, normal for me."),
    case("nl", "ik zit te zweten na het sporten en ben een beetje misselijk"),
    # major_trauma: a fall down several stairs; not a missed step
    case(
        "en",
        "I slipped down about six stairs at home on Monday and landed on my back, that's when all "
        "this started",
        "major_trauma",
        "trauma",
    ),
    case(
        "en",
        "I fell down about ten steps yesterday and landed on my bum.",
        "major_trauma",
        "trauma",
    ),
    case("fr", "j'ai glissé et dévalé six marches sur le dos hier soir", "major_trauma"),
    case(
        "nl",
        "ik ben gisteren een zestal treden van de trap gegleden, recht op mijn rug",
        "major_trauma",
    ),
    case("en", "I missed the bottom two steps and twisted my ankle, no fall."),
    case("fr", "j'ai failli rater une marche mais je me suis rattrapé à la rampe"),
    case("nl", "ik ben twee treden naar beneden gestapt en heb mijn enkel verzwikt"),
    # Review of round 19 (false alarms): the breath first, then a pain elsewhere or one that eases
    case("en", "when I take a deep breath to relax, the pain in my neck seems to melt away"),
    case("en", "as soon as I breathe in the pain in my ribs is better"),
    case("en", "when I breathe in slowly during yoga the pain in my lower back gets less"),
    case("en", "as soon as I breathe in the cold air my teeth hurt"),
    case("en", "each time I take a big breath my sore throat stings"),
    case("fr", "quand je respire mal par le nez, j'ai mal a la tete le matin"),
    case("fr", "quand je respire profondement, ca detend, la douleur du cou diminue"),
    case("fr", "des que je respire a fond, la douleur du dos se calme un peu"),
    case("nl", "zodra ik diep inadem, zakt de pijn in mijn nek"),
    case("nl", "als ik diep inadem voel ik de rek in mijn pijnlijke kuit"),
    case("nl", "wanneer ik inadem door de mond heb ik pijn in de keel"),
    case(
        "en",
        "when I breathe in, not even deeply, it stabs in my chest",
        "breathing_emergency",
    ),
    case(
        "fr",
        "quand je respire, meme pas fort, j'ai une douleur qui pique",
        "breathing_emergency",
    ),
    case("nl", "als ik inadem, niet eens diep, steekt het", "breathing_emergency"),
    case("en", "when I breathe in it hurts in my chest and my back", "breathing_emergency"),
    # a pressure into the jaw or left arm from the teeth, an ear, a forearm, a weight lifted
    case("en", "I clench my teeth at night and the pressure goes into my jaw in the morning"),
    case("en", "pressure behind my ear spreading to my jaw since my ear infection"),
    case("en", "sinus pressure going down to my jaw and upper teeth since my cold"),
    case("en", "tightness in my left forearm moving to my left arm after climbing"),
    case("en", "when I curl a weight the pain goes down to my left arm"),
    case("en", "my blood pressure is fine, the ache goes to my jaw when I chew"),
    case("fr", "je serre les dents la nuit, la pression remonte a la machoire"),
    case("fr", "quand je porte un poids lourd, ca part dans le bras gauche"),
    case("fr", "une lourdeur dans l'avant-bras qui monte au bras gauche quand je tape"),
    case("nl", "ik klem mijn tanden op elkaar, de druk trekt naar mijn kaak"),
    case("nl", "ik heb het druk op het werk en de pijn trekt naar mijn kaak"),
    case("nl", "als ik een gewicht hef schiet het in mijn linkerarm"),
    case(
        "en",
        "my teeth hurt and a heavy pressure is going into my left arm",
        "atypical_heart_attack",
    ),
    case(
        "nl",
        "zwaar gevoel in mijn linkerarm en kaak, en ik ben kotsmisselijk",
        "atypical_heart_attack",
    ),
    # the spine named, then a denial, the muscles or something else "unbearable"
    case("nl", "op de wervels drukken doet geen pijn, maar het is zo heftig in de spieren"),
    case("nl", "het zit op mijn ruggengraat niet, wel ernaast, het is zo hevig"),
    case("fr", "quand j'appuie sur ma colonne rien, sur le muscle c'est insupportable"),
    case("en", "nothing wrong in my spine, just the muscles, but it's unbearable"),
    case("en", "sitting all day puts pressure on my spine, the boredom at work is unbearable"),
    case("nl", "op de wervels zelf is het ondraaglijk", "severe_central_back_pain"),
    # queasy and sweaty from needles, a run, painkillers, a stomach bug
    case("en", "the dry needling made me a bit queasy and clammy for a few minutes, then fine"),
    case("en", "I get queasy from the painkillers and I'm sweating a lot in this heatwave"),
    case("fr", "apres les aiguilles j'etais un peu moite et barbouillee, puis ca allait"),
    case("nl", "ik zweet enorm en ben kotsmisselijk van de buikgriep"),
    case(
        "fr",
        "je transpire a grosses gouttes et je suis barbouille depuis que la douleur a commence",
        "atypical_heart_attack",
    ),
    # stairs walked down, a slip stopped at the railing, Dutch "gevallen" (cases)
    case("en", "I went down three steps this morning and my knee hurt"),
    case("en", "I slipped down three steps but caught the railing, no pain at all", "trauma"),
    case("fr", "j'ai devale les 5 marches en courant pour attraper le bus"),
    case("nl", "ik ben bijna drie treden van de trap gegleden maar kon me vasthouden"),
    case("nl", "in de meeste gevallen doet het pijn na enkele trappen", "trauma"),
    case(
        "en",
        "slipped on the stairs and slid down on my back to the bottom",
        "major_trauma",
        "trauma",
    ),
    case("fr", "je me suis fait emboutir par derriere hier", "major_trauma"),
    # Dutch "plassen" in a belief denied, a future, a shy bladder, a question answered
    case("nl", "ik denk niet dat ik slecht kan plassen, dat gaat prima"),
    case("nl", "ik ga niet kunnen plassen tijdens de afspraak, mag ik eerst naar het toilet?"),
    case("nl", "ik kan niet deftig plassen als er iemand naast mij staat"),
    case("nl", "kan ik niet goed plassen? jawel, gaat prima"),
    case("nl", "ik heb sinds gisteren niet meer geplast", "cauda_equina"),
    case("nl", "onmogelijk om te plassen", "cauda_equina"),
    case("nl", "plassen lukt nie meer goe", "cauda_equina"),
    case("nl", "ik voel mijn zadel nie meer", "cauda_equina"),
    case("en", "I haven't peed since yesterday", "cauda_equina"),
    case("fr", "je n'ai pas urine depuis hier soir", "cauda_equina"),
    case("fr", "incapable d'uriner", "cauda_equina"),
    # a head that cannot go down for other reasons, with a flu
    case(
        "en",
        "I've got flu with a temperature of 38.5 and I can't get my head down to work",
        "fever_infection",
    ),
    case(
        "nl",
        "ik heb griep met koorts en ik hou mijn hoofd niet meer naar voren bij het lezen",
        "fever_infection",
    ),
    case(
        "en",
        "my chin can't reach my chest and I have a fever",
        "meningitis_signs",
        "fever_infection",
    ),
    # kilos dropped at the gym, a pound or two, water weight
    case("en", "at the gym I dropped 15-20 kg from my deadlift because of my back pain"),
    case("en", "I lost 1 or 2 pounds over christmas, no big deal"),
    case("en", "I lost 2-3 kg of water weight after the sauna"),
    case("fr", "j'ai perdu entre 5 et 7 kilos sans faire de regime", "weight_loss"),
    # an arm asleep, the lower back asleep
    case("fr", "mon bras s'est endormi cette nuit, rien entre les jambes"),
    case("fr", "le bas du dos endormi et les fesses un peu, depuis que je dors sur ce matelas"),
    # other signs in loose words
    case("nl", "ik krijg sinds vanmorgen geen lucht", "breathing_emergency"),
    case("nl", "rode vlekjes die niet wegdrukken", "meningitis_signs"),
    case("nl", "mijn been dat het begeeft sinds vanmorgen", "focal_weakness"),
    case("fr", "impossible de lever le pied", "progressive_weakness"),
    # Second review of round 19 (FA): "lever le pied" as an idiom, a pressure from a named muscle,
    # a device or the desk, a pain on breathing in from a rib bumped, the baby, a stretch, the
    # shoulder blade, queasy after football in the heat, no urine for a reason or someone else's,
    # a fear of being rear-ended or a neighbour's accident, nettles, legs tired after a long walk
    case("fr", "c'est impossible de lever le pied de l'accélérateur quand on roule en Allemagne"),
    case("fr", "impossible de lever le pied au travail en ce moment, trop de stress, mal au dos"),
    case("fr", "impossible de lever le pied avec ce boulot, j'ai des tensions dans la nuque"),
    case("fr", "impossible de lever le pied gauche depuis ce matin", "progressive_weakness"),
    case("en", "after deadlifts a tightness in my lats spreading down to my left arm"),
    case("en", "I did rows and there's a tightness in my lat going down into my left arm"),
    case(
        "en", "my shoulder is tight and the tightness runs down to my left arm after overhead press"
    ),
    case("en", "the pressure of the bar on my back goes down to my left arm when I squat"),
    case("en", "my night guard feels tight and the pressure goes to my jaw"),
    case("en", "after my braces were tightened the pressure moves into my jaw"),
    case("en", "after a long day at my laptop the heaviness spreads to my left arm"),
    case("en", "the pressure in my mid back goes down into my left arm at the computer"),
    case("fr", "la pression de l'appareil dentaire va jusqu'à la mâchoire"),
    case("nl", "de druk van mijn bit trekt naar mijn kaak"),
    case("en", "a pressure spreading to my left arm since this morning", "atypical_heart_attack"),
    case(
        "fr",
        "une pression qui descend dans le bras gauche depuis une heure",
        "atypical_heart_attack",
    ),
    case("nl", "een druk die uitstraalt naar mijn linkerarm", "atypical_heart_attack"),
    case(
        "en",
        "a pressure spreading into my left arm, my hand is tingling too",
        "atypical_heart_attack",
    ),
    case(
        "en",
        "heaviness going down into my left arm and my fingers feel numb",
        "atypical_heart_attack",
    ),
    case(
        "fr",
        "une lourdeur qui descend dans le bras gauche, ma main fourmille",
        "atypical_heart_attack",
    ),
    case(
        "nl",
        "een druk die uitstraalt naar mijn linkerarm, mijn hand tintelt",
        "atypical_heart_attack",
    ),
    case("en", "a pressure in my wrist going up to my left arm when I type"),
    case("en", "when I take a deep breath my pregnant belly stretches and it hurts"),
    case("en", "when I take a deep breath I feel the stretch in my back and it hurts a bit"),
    case("en", "when I breathe in my rib hurts where I bumped it on the table"),
    case("en", "if I breathe in deeply my rib muscle hurts since I coughed a lot"),
    case("en", "as soon as I breathe in I feel a stab in my shoulder blade, must be the desk"),
    case("nl", "als ik diep inadem doet mijn rib pijn sinds ik tegen de tafel liep"),
    case("en", "when I breathe in I get a sharp pain in my ribs", "breathing_emergency"),
    case("en", "I'm pregnant, when I take a deep breath I get a sharp pain", "breathing_emergency"),
    case("nl", "als ik diep inadem doet het pijn aan mijn ribben", "breathing_emergency"),
    case("fr", "je transpire et je suis barbouillé après le foot, il faisait chaud"),
    case(
        "fr", "je transpire beaucoup et je suis barbouillé depuis ce matin", "atypical_heart_attack"
    ),
    case(
        "en",
        "I haven't peed since this morning because I was stuck in meetings all day, "
        "my back hurts from sitting",
    ),
    case("en", "haven't peed since lunch, been drinking only coffee, lower back stiff"),
    case("en", "my son hasn't peed since noon, he's fine though, I'm asking about my neck"),
    case("fr", "je n'ai pas uriné depuis ce matin, j'ai oublié de boire avec le boulot"),
    case("nl", "ik heb sinds vanmorgen niet meer geplast want ik zat de hele dag in de auto"),
    case("en", "I haven't peed since last night and my back hurts", "cauda_equina"),
    case("fr", "je n'ai pas uriné depuis hier soir", "cauda_equina"),
    case("en", "haven't passed urine in 12 hours", "cauda_equina"),
    case("en", "I haven't peed in the last 10 hours, only had one coffee all day"),
    case(
        "fr",
        "j'ai peur de me faire emboutir par derrière sur l'autoroute, "
        "c'est pour ça que je suis tendue",
    ),
    case("fr", "mon voisin s'est fait emboutir par derrière hier, moi j'ai juste mal au dos"),
    case("fr", "je me suis fait emboutir par derrière hier sur l'autoroute", "major_trauma"),
    case("nl", "ik heb rode vlekjes die niet wegdrukken op mijn been van de brandnetels"),
    case("nl", "mijn been dat het begeeft na een lange wandeling, dat is spierpijn denk ik"),
    # Second review of round 19 (UT): signs the exclusions above must not silence
    case(
        "en",
        "tumbled down five steps, no pain at all at first but now my back is killing me",
        "major_trauma",
    ),
    case("en", "tumbled down five steps, no pain at all"),
    case(
        "fr",
        "j'ai dégringolé 6 marches, je me suis rattrapée trop tard, j'ai mal au dos",
        "major_trauma",
    ),
    case("fr", "j'ai dégringolé 6 marches mais je me suis rattrapée à la rampe"),
    case(
        "nl",
        "ik kan niet goed plassen sinds vanmorgen, vorig jaar had ik dat ook eens maar nu erger",
        "cauda_equina",
    ),
    case("nl", "ik kan niet goed meer plassen, mag ik vandaag nog langskomen?", "cauda_equina"),
    case("nl", "ik kan niet goed plassen, vorig jaar ook al, de uroloog volgt het op"),
    case("en", "I'm sweating a lot and queasy, no idea why", "atypical_heart_attack"),
    case(
        "en",
        "I'm sweating a lot and queasy, I haven't been on a run or anything",
        "atypical_heart_attack",
    ),
    case("nl", "ik zweet veel en ben kotsmisselijk, geen idee waarom", "atypical_heart_attack"),
    case("en", "I felt queasy and sweaty after spin class, normal for me"),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_round19_b_dangers_and_their_look_alikes(language, text, expected):
    assert_exact_flags(text, expected)
