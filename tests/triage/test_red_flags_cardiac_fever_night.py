"""Red flags heard in lay words: a heart attack without chest pain, a recent infection or drug
injection, pain deep in the bone at night, a thinner look; and their harmless look-alikes (a
relative's illness, an old healed event, an idiom) that must stay quiet.

Each case names the exact set of flag ids expected: a missed red flag and a false alarm both fail.
"""

from __future__ import annotations

import pytest

from tests.triage.red_flag_cases import assert_exact_flags, case

# A heavy or pressing feeling in the arm, jaw, neck, upper back or upper belly, with
# breathlessness, sweating, nausea, pallor or faintness.
ATYPICAL_HEART_ATTACK = [
    case(
        "en",
        "my arm feels like a weight is dragging it down and I feel sick",
        "atypical_heart_attack",
    ),
    case(
        "en",
        "a pressing feeling in my upper back and I feel faint",
        "atypical_heart_attack",
        "neuro_deficit",
    ),
    case(
        "en",
        "an ache under his chin and he has to stop every few steps to catch his breath",
        "atypical_heart_attack",
    ),
    case(
        "en",
        "my jaw is heavy and sore and I'm soaked in sweat",
        "atypical_heart_attack",
    ),
    case(
        "fr",
        "une pesanteur au creux de l'estomac et j'ai envie de rendre",
        "atypical_heart_attack",
    ),
    case(
        "fr",
        "mon bras gauche est comme un poids mort et je dois m'arreter pour reprendre mon souffle",
        "atypical_heart_attack",
    ),
    case(
        "fr",
        "une douleur sous le menton et je me sens tres faible",
        "atypical_heart_attack",
    ),
    case(
        "nl",
        "een drukkend gevoel boven in zijn buik en hij is misselijk",
        "atypical_heart_attack",
    ),
    case(
        "nl",
        "pijn in haar kaak en ze zit te hijgen in de zetel",
        "atypical_heart_attack",
        "breathing_emergency",
    ),
    case(
        "nl",
        "een zwaar gevoel in mijn schouder en ik moet stoppen om op adem te komen",
        "atypical_heart_attack",
    ),
    case(
        "nl",
        "knellend gevoel in mijn linkerarm en ik krijg geen adem",
        "atypical_heart_attack",
        "breathing_emergency",
    ),
    case(
        "nl",
        "mijn nek doet pijn en ik voel mij zo slap",
        "atypical_heart_attack",
    ),
    case(
        "nl",
        "pijn tussen mijn schouderbladen, ik ben kletsnat en zie lijkwit",
        "atypical_heart_attack",
    ),
    # Harmless look-alikes: a heavy arm after the gym, a neck ache with sweating at night only.
    case("en", "my shoulder aches and I sweat through my sheets at night", "fever_infection"),
    case("nl", "mijn schouder doet zeer en ik zweet 's nachts mijn pyjama nat", "fever_infection"),
    case("fr", "j'ai mal a l'epaule et je transpire la nuit dans mes draps"),
    case("nl", "mijn nek doet pijn, ik was kletsnat van de regen"),
    case("en", "my neck is sore from the resistance band workout"),
    case("en", "my shoulder aches and I'm panting after my run"),
    case("en", "my neck hurts and I feel awful about missing work"),
    case("fr", "je dois reprendre mon souffle apres la course et j'ai mal a l'epaule"),
    case("fr", "je me sens mal dans ma peau et j'ai mal au cou"),
    case("nl", "ik gebruik mijn puffer en mijn schouder doet pijn"),
    case("nl", "ik hijg na het lopen en mijn nek doet pijn"),
]

# Fever, a temperature said as a bare number with chills, an infected piercing or tooth,
# injecting drugs now or until recently.
FEVER_INFECTION = [
    case("en", "I've got 38 and shivers since Sunday", "fever_infection"),
    case("en", "my new piercing got infected last week and now my neck hurts", "fever_infection"),
    case("en", "I used to shoot up, I stopped a month ago", "fever_infection"),
    case("en", "I'm a former heroin user and my back hurts", "fever_infection"),
    case("fr", "j'ai 38 et des frissons depuis hier", "fever_infection"),
    case("fr", "j'ai des poussees de froid et mal au dos", "fever_infection"),
    case("fr", "je me suis drogue pendant des annees, j'ai arrete cet ete", "fever_infection"),
    case("fr", "mon tatouage s'est infecte et j'ai mal a l'epaule", "fever_infection"),
    case("nl", "mijn tatoeage is ontstoken en nu doet mijn schouder pijn", "fever_infection"),
    case("nl", "ik voel mij heel warm en grieperig", "fever_infection"),
    case("nl", "ik heb 38 en rillingen", "fever_infection"),
    case("nl", "ik heb jaren heroine gespoten", "fever_infection"),
    # Harmless look-alikes: an idiom, an age, an inflamed tendon.
    case("en", "the club final was at fever pitch and my elbow is sore"),
    case("en", "I'm 38 and my back hurts"),
    case("fr", "j'ai 38 ans et mal au dos"),
    case("nl", "ik heb een ontsteking in mijn schouderpees"),
    # A relative with a fever NOW, told by a carer with an ache of their own, still alarms (the
    # child or parent may be the one who needs a doctor today).
    case(
        "en",
        "my daughter has a fever, my lower back hurts from carrying her",
        "fever_infection",
    ),
    case("fr", "ma fille a de la fievre, j'ai mal au dos a force de la porter", "fever_infection"),
    case(
        "nl",
        "mijn zoon heeft koorts en ik heb pijn in mijn rug van het dragen",
        "fever_infection",
    ),
]

# A deep ache in the bone at night; nothing helps at night, not turning over or a pillow.
NIGHT_PAIN = [
    case("en", "at night it's a deep ache in the bone", "night_pain"),
    case("en", "at night I turn over, put a pillow, nothing changes", "night_pain"),
    case("en", "it is a bone ache that wakes me up at night", "night_pain"),
    case("fr", "la nuit c'est une douleur profonde dans l'os", "night_pain"),
    case("fr", "la nuit rien ne soulage, ni sur le cote ni avec un coussin", "night_pain"),
    case("nl", "snachts niks helpt, ook niet op mijn andere zij", "night_pain"),
    case("nl", "'s nachts een diepe pijn in het bot", "night_pain"),
    # Harmless look-alikes: a good night, a shin bruise by day.
    case("en", "I slept well last night, the pain is in my calf muscle"),
    case("nl", "mijn scheen doet pijn na het lopen, 's nachts slaap ik goed"),
]

# Looking thinner without a reason; not after a diet or a baby.
WEIGHT_LOSS = [
    case("en", "he looks thinner and isn't eating much", "weight_loss"),
    case("fr", "elle a l'air plus maigre ces derniers temps", "weight_loss"),
    case("nl", "hij ziet er magerder uit de laatste tijd", "weight_loss"),
    case("en", "I look thinner since I started running"),
    case("nl", "ik ben magerder geworden sinds ik ben beginnen sporten"),
    # A thinner calf is a muscle, not weight loss.
    case("en", "my left calf looks thinner than the right one"),
    case("fr", "mon mollet gauche est plus mince que l'autre"),
    case("nl", "mijn linkerkuit ziet er magerder uit dan de rechter"),
]

# A relative's illness or accident, or the writer's own old healed event, is not today's red flag.
NOT_THE_WRITERS_FLAG = [
    case(
        "en",
        "my best friend was rushed to hospital with a blood clot in her lung, "
        "my own hamstring is tight",
    ),
    case("en", "my wife is going through chemo and I've been lifting her, my lower back is stiff"),
    case("en", "my brother had a stroke, now my right buttock is tight from the long drive"),
    case("fr", "mon pere vient de faire un infarctus, j'ai les trapezes noues"),
    case("fr", "ma soeur a fait une phlebite, moi ce sont juste mes deux mollets apres la course"),
    case("fr", "mon mari est en chimio et c'est moi qui le souleve, j'ai un mal de dos"),
    case("fr", "on frole la crise cardiaque au boulot lol, j'ai mal au pied"),
    case("fr", "j'ai fait une thrombose il y a douze ans, aujourd'hui c'est l'epaule"),
    case("nl", "mijn man ligt in het ziekenhuis na een hartaanval, mijn eigen nek zit vast"),
    case("nl", "mijn vriendin heeft te horen gekregen dat ze kanker heeft, mijn onderrug trekt"),
    # Still a red flag: the relative's illness now, or the writer's own.
    case(
        "en",
        "my wife is having a stroke right now, my back hurts from lifting her",
        "neuro_deficit",
    ),
    case("fr", "j'ai eu un infarctus hier et mal au dos", "heart_attack_signs"),
    case("nl", "ik heb koorts en mijn dochter ook", "fever_infection"),
    case(
        "nl", "mijn dochter heeft koorts, mijn lage rug doet zeer van het heffen", "fever_infection"
    ),
    case("en", "my wife has a fever and is shivering, her back hurts", "fever_infection"),
    case(
        "fr",
        "ma mere est tombee ce matin et ne peut plus marcher, j'ai mal au dos",
        "trauma",
        "progressive_weakness",
    ),
]


# Review of round 16: a carer's relative ill or hurt NOW still alarms (a fall from a height, a
# fever with drowsiness); a cardiac companion the patient explains (hunger, a vaccine, sport, the
# flu, a burn-out, pregnancy), drugs injected decades ago, an infection or fever of last year, a
# haircut, growing pains or shin splints stay quiet.
REVIEW16 = [
    case(
        "en",
        "My husband had a fall from the ladder, three metres, an hour ago and he's lying on the "
        "floor. I've been lifting him, my back hurts.",
        "major_trauma",
        "trauma",
    ),
    case(
        "fr",
        "Mon mari a fait une chute de l'échelle il y a une heure, trois mètres, il est par terre. "
        "Je l'ai soulevé, j'ai mal au dos.",
        "major_trauma",
    ),
    case(
        "nl",
        "Mijn man is van de ladder gevallen, drie meter, hij ligt op de grond. Ik heb hem "
        "opgetild, mijn rug doet pijn.",
        "major_trauma",
        "neuro_deficit",
        "trauma",
    ),
    case(
        "en",
        "My grandma fell and broke her hip last month, so I've been lifting her a lot. Now I have "
        "a sore upper back.",
        "trauma",
    ),
    case(
        "en",
        "My son has a fever, he's floppy and won't wake up properly. My back aches.",
        "fever_infection",
    ),
    case(
        "en",
        "My daughter has the flu, a fever, and she's not waking up properly. My shoulders ache.",
        "fever_infection",
    ),
    case(
        "fr",
        "Ma fille a de la fièvre et elle ne se réveille presque plus. J'ai mal au dos de la "
        "porter.",
        "fever_infection",
    ),
    case(
        "nl",
        "Mijn dochter heeft hoge koorts en is suf. Mijn rug doet pijn van haar te dragen.",
        "fever_infection",
    ),
    case(
        "nl",
        "Mijn moeder is 90, ze heeft koorts en is heel suf. Ik heb zelf pijn in mijn nek.",
        "fever_infection",
    ),
    case(
        "en",
        "My dad has a fever and his knee is hot, red and swollen since this morning. My own "
        "shoulder hurts.",
        "fever_infection",
        "hot_swollen_joint",
    ),
    case(
        "fr",
        "Mon père a de la fièvre et le genou chaud et gonflé depuis ce matin. J'ai mal au dos.",
        "fever_infection",
        "hot_swollen_joint",
    ),
    case(
        "nl",
        "Mijn schoonmoeder heeft koorts en een rode, warme, gezwollen kuit. Mijn schouder doet "
        "zeer.",
        "dvt",
        "fever_infection",
    ),
    case("en", "My neck hurts after the car ride and I feel a bit shaky because I haven't eaten."),
    case("en", "My arm aches after the vaccine and I feel a bit weak."),
    case("en", "My upper back hurts and I was panting after carrying the sofa."),
    case("fr", "J'ai mal au cou et je me sens mal depuis hier."),
    case("fr", "J'ai mal à l'épaule et je me sens vide depuis mon burn-out."),
    case(
        "fr", "J'ai une pesanteur dans les épaules et des nausées, je suis enceinte de 10 semaines."
    ),
    case("nl", "Mijn nek doet pijn en ik voel me slap door de griep."),
    case("nl", "Mijn schouders doen pijn en ik ben kletsnat na het fietsen."),
    case("nl", "Mijn armen zijn loodzwaar na de training en ik zweet veel."),
    case("nl", "Ik hijg na de trap en mijn bovenrug doet pijn."),
    case("en", "My neck hurts and I feel a bit shaky and weak.", "atypical_heart_attack"),
    case("fr", "J'ai mal à l'épaule et je me sens très mal, toute vide.", "atypical_heart_attack"),
    case("nl", "Mijn nek doet pijn en ik voel me slap en zweet.", "atypical_heart_attack"),
    case("en", "I used to be a drug addict, clean for 15 years, my back hurts."),
    case("en", "My piercing got infected last year, now my neck is stiff."),
    case(
        "en",
        "I had 38 and shivering last winter with the flu, now my back is fine but my neck hurts.",
    ),
    case("fr", "Je me suis injecté de la cortisone dans le genou."),
    case("fr", "Je me suis drogué au sport toute ma vie, mes genoux sont usés."),
    case("fr", "J'ai froid puis chaud quand je fais du sport, mal au dos."),
    case("fr", "J'ai eu un piercing infecté il y a 5 ans, maintenant j'ai mal au cou."),
    case("nl", "Ik heb vroeger drugs gespoten, al 20 jaar clean, mijn rug doet pijn."),
    case(
        "en",
        "I used to inject heroin, stopped two months ago, now my back hurts.",
        "fever_infection",
    ),
    case("nl", "Ik heb drugs gespoten tot vorige maand, mijn rug doet pijn.", "fever_infection"),
    case("en", "My tattoo got infected, now my back hurts.", "fever_infection"),
    case("en", "I have 38 and shivering, my back hurts.", "fever_infection"),
    case("fr", "J'ai froid puis chaud depuis hier, mal au dos.", "fever_infection"),
    case("en", "I look thinner in the face because I cut my hair, anyway my back hurts."),
    case("fr", "Il a l'air plus maigre depuis qu'il fait du vélo, il a mal au genou."),
    case("en", "He looks thinner and his back hurts.", "weight_loss"),
    case("en", "Shin splints: a deep bone ache in my shins at night after running."),
    case("en", "Growing pains: my son has aching in his bones at night."),
    case(
        "en",
        "I can't get comfortable at night with my pregnancy bump, nothing works, not the pillow, "
        "not turning over.",
    ),
    case("fr", "Mon fils a des douleurs de croissance, mal dans les os la nuit."),
    case("nl", "Groeipijn: mijn zoon heeft s nachts pijn in zijn botten."),
    case("en", "I have a deep bone ache in my shin at night.", "night_pain"),
    case(
        "fr",
        "J'ai fait une phlébite il y a une dizaine d'années, maintenant mon mollet est normal.",
    ),
]

ALL_CASES = [
    *ATYPICAL_HEART_ATTACK,
    *FEVER_INFECTION,
    *NIGHT_PAIN,
    *WEIGHT_LOSS,
    *NOT_THE_WRITERS_FLAG,
    *REVIEW16,
]


@pytest.mark.parametrize(("language", "text", "expected"), ALL_CASES)
def test_detect_finds_exactly_the_expected_flags(language, text, expected):
    assert_exact_flags(text, expected)
