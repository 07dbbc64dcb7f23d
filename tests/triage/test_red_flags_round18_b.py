"""False alarms of round 18 (part b): alarming words used as figures of speech, someone else's
illness (a relative's treatment, a pet's tumour, an acquaintance's suicide), an event long past and
healed, a form answered "no", a danger a doctor has excluded; each beside the danger it resembles,
which must still alarm.

Each case names the exact set of flag ids expected, as in test_red_flags.py.
"""

from __future__ import annotations

import pytest

from tests.triage.red_flag_cases import assert_exact_flags, case

CASES = [
    # self_harm: a figure of speech, an acquaintance's death; the writer's own thoughts and a
    # relative's attempt or thoughts still alarm
    case("en", "Getting across town by car at 8 am would be suicide, so evenings please."),
    case("en", "Wearing that outfit to work would be social suicide, anyway my neck is stiff."),
    case("en", "A neighbour of ours committed suicide in spring; since then my jaw is tense."),
    case("fr", "Prendre le ring a l'heure de pointe, c'est carrement du suicide."),
    case("fr", "Une voisine s'est suicidee l'hiver passe, depuis j'ai la nuque bloquee."),
    case("nl", "Met de wagen naar Kraainem om acht uur, dat is pure zelfmoord."),
    case("nl", "Een kennis heeft vorig jaar zelfmoord gepleegd, mijn rug zit vast."),
    case("en", "Some nights I think suicide is the only way out.", "self_harm"),
    case("en", "My partner is afraid I will commit suicide.", "self_harm"),
    case("en", "Driving home I thought the only answer would be suicide.", "self_harm"),
    case("en", "My son attempted suicide yesterday and my back hurts.", "self_harm"),
    case("fr", "Je pense au suicide depuis que mon ami s'est suicide.", "self_harm"),
    case("fr", "Ma fille a tente de se suicider hier, j'ai mal au dos.", "self_harm"),
    case("nl", "Ik zou zelfmoord plegen als het zo blijft.", "self_harm"),
    case("nl", "Mijn vrouw heeft zelfmoordgedachten en ik heb rugpijn.", "self_harm"),
    case("nl", "Mijn vriendin zegt dat ik aan zelfmoord denk.", "self_harm"),
    # cancer_history: a relative's treatment told as theirs, a pet's tumour; the writer's own
    # cancer still counts
    case("en", "I take my mother to the hospital for her chemo twice a week; my lower back aches."),
    case("en", "Our cat has a tumour on her leg and I carry her a lot, my low back is sore."),
    case("fr", "Mon pere est sous chimio a l'hopital pour un cancer du colon; j'ai mal au dos."),
    case("fr", "Notre chienne a une tumeur, je la porte dans l'escalier et j'ai mal au dos."),
    case("nl", "Mijn zus zit in de chemo voor een borstkanker; mijn nek zit vast."),
    case("nl", "Ons paard heeft kanker en ik heb pijn in mijn schouder van het verzorgen."),
    case("en", "My husband drives me to my chemo and my back hurts.", "cancer_history"),
    case(
        "fr",
        "Je suis sous chimio pour un cancer et j'ai mal au dos.",
        "cancer_history",
        "fever_infection",
    ),
    case("nl", "Ik krijg bestraling voor een tumor en mijn rug doet pijn.", "cancer_history"),
    # family history: a relative's stroke, clot or heart attack told as past; a relative's event
    # now, or the writer's own, still alarms
    case("en", "My dad had a stroke in May and my low back grabs when I lift him."),
    case("en", "My gran is on blood thinners since the doctors found a clot; my calves are sore."),
    case(
        "fr",
        "Mon oncle est sous anticoagulants depuis qu'on lui a trouve une thrombose, moi "
        "j'ai mal aux mollets apres le foot.",
    ),
    case("nl", "Mijn vader heeft vorige maand een hartaanval gehad; mijn kaak doet pijn."),
    case("nl", "Mijn vader heeft nu een hartaanval, help!", "heart_attack_signs"),
    case("en", "My calf is swollen and hot, I think I have a blood clot.", "dvt"),
    # trauma: idioms of falling, crashing and accidents; a real fall or crash still alarms
    case("en", "I crashed on a futon at my brother's for a week and my back is stiff."),
    case("en", "I crashed into a wall on my bike this morning and my wrist hurts.", "trauma"),
    case("fr", "Je suis tombee dans le piege d'une fausse promo, et j'ai mal au genou."),
    case("fr", "Un petit accident de parcours au boulot, rien de physique; j'ai mal au cou."),
    case("fr", "Je suis tombee sur le verglas hier et j'ai mal au genou.", "trauma"),
    case("nl", "Ik heb me een ongeluk gelachen op dat feest, maar mijn nek is stijf."),
    case("nl", "Ik ben gevallen voor een aanbieding van loopschoenen en nu doet mijn hiel pijn."),
    case("nl", "Ik ben gisteren gevallen op het ijs en mijn pols doet pijn.", "trauma"),
    case("nl", "Ik heb gisteren een ongeluk gehad met de fiets.", "trauma"),
    case("nl", "Gisteren in slaap gevallen met mijn arm onder mijn hoofd, mijn vingers tintelden."),
    case("en", "That old whiplash never bothers me, now my shoulder is tight from typing."),
    case(
        "nl",
        "Ik had in 2012 een auto-ongeval, maar dat is helemaal genezen; die oude whiplash "
        "voel ik niet meer, mijn nek is stijf van het slapen.",
    ),
    # major_trauma: a pile-up at the office; a real pile-up still alarms
    case("fr", "Un vrai carambolage de reunions au bureau, et mes epaules sont raides."),
    case(
        "fr",
        "Il y a eu un carambolage sur l'autoroute ce matin, j'ai mal a la nuque.",
        "major_trauma",
    ),
    case(
        "en",
        "I was rear-ended at a junction in 2010; it cleared up completely, now my back "
        "aches from gardening.",
    ),
    case(
        "en",
        "I was rear-ended on the motorway this morning and my neck hurts.",
        "major_trauma",
        "trauma",
    ),
    # head_injury: an old concussion with no after-effects, the subject asked about in general;
    # a recent one, or "my head injury", still alarms
    case(
        "en",
        "I had a concussion at school twenty years ago, no problems since then. My "
        "hamstring is tight.",
    ),
    case("en", "I'm telling you in case you ask about head injuries: my knee is the problem."),
    case("en", "I'm asking about my head injury from yesterday, it still hurts.", "head_injury"),
    case("fr", "J'ai eu une commotion hier au rugby et j'ai mal au cou.", "head_injury"),
    # fever: a figure of speech
    case("en", "Euro fever got me back on the pitch and my calves are tight."),
    case("nl", "Door de EK-koorts speel ik terug voetbal, mijn kuiten zijn stijf."),
    case("en", "I've had a fever and chills since yesterday and my back hurts.", "fever_infection"),
    # negation: a form answered "no" with a regret, a danger excluded by a doctor
    case("en", "Weight loss? Sadly not, ha. My shoulder hurts since I painted the ceiling."),
    case("fr", "Fievre? Non. Perte de poids? Non plus, dommage. J'ai mal a l'epaule."),
    case("nl", "Gewichtsverlies? Helaas niet. Mijn schouder doet pijn sinds het schilderen."),
    case("nl", "Gewichtsverlies? Ja, vijf kilo zonder reden.", "weight_loss"),
    case("fr", "Le medecin veut exclure une phlebite, mon mollet est gonfle et chaud.", "dvt"),
    case("nl", "Op de spoed is een trombose uitgesloten, mijn kuit is gewoon overbelast."),
    case("nl", "Is een trombose uitgesloten als mijn kuit dik en warm is?", "dvt"),
    # giant_cell_arteritis: a scalp said not to be tender; a tender one over 50 still alarms
    case("nl", "Mijn hoofdhuid is niet gevoelig en ik zie niet wazig, ik heb last van mijn kaak."),
    case("fr", "Mon cuir chevelu n'est pas sensible, j'ai juste mal a la machoire."),
    case(
        "nl", "Ik ben 70 en mijn hoofdhuid is heel gevoelig bij het kammen.", "giant_cell_arteritis"
    ),
    # dvt / cauda_equina: two legs compared side by side is one swollen leg, not both legs numb
    case("nl", "Als ik mijn twee benen naast elkaar leg, is de rechtse duidelijk dikker.", "dvt"),
    case("en", "With my legs side by side the left one is clearly fatter than before.", "dvt"),
    case("fr", "Les jambes cote a cote, la droite est nettement plus gonflee.", "dvt"),
    case("nl", "Ik heb tintelingen in mijn twee benen en ik kan niet plassen.", "cauda_equina"),
    # other dev sets: an old meningitis, an old accident in SMS French, a fall checked and healed
    case(
        "en", "I had meningitis as a toddler, it's ancient history; my neck is stiff from a pillow."
    ),
    case("en", "I think I have meningitis, my neck is stiff.", "meningitis_signs"),
    case("fr", "Accident de scooter y a 5 ans, tout ok depuis, la c'est les trapezes."),
    case("fr", "Glisse dans la douche il y a deux semaines, ca va beaucoup mieux. Un rdv?"),
    case(
        "en",
        "I fell off my bike yesterday, the x-rays were fine but now I can't feel my fingers.",
        "trauma",
        "trauma_neuro",
    ),
    # a fever only feared, an infection said to be over; a fever now still alarms
    case(
        "en",
        "I thought I had a fever last night but the thermometer said 36.8. My shoulder is stiff.",
    ),
    case("nl", "Ik dacht dat ik koorts had, maar het was 36,7. Mijn schouder zit vast."),
    case("en", "I think I have a fever and my back hurts.", "fever_infection"),
    case("en", "Had the flu in January with a fever, completely over now. My shoulder aches."),
    case("en", "I had the flu last week and now my back hurts.", "fever_infection"),
    # a star sign, a question answered "not at all", a documentary; the real thing still alarms
    case("en", "I'm a Cancer, we're sensitive, so please be gentle with my back."),
    case("en", "I'm a cancer survivor and my back hurts.", "cancer_history"),
    case("fr", "Des idees noires? Non pas du tout, c'est juste l'epaule."),
    case("en", "I have suicidal thoughts and my shoulder hurts.", "self_harm"),
    case("fr", "J'ai vu un documentaire sur les AVC et j'ai eu peur; j'ai juste la nuque raide."),
    case("fr", "Je crois que je fais un AVC, je ne sens plus mon bras.", "neuro_deficit"),
    # a relative's stroke today is not family history, one last month is
    case(
        "en", "My dad had a stroke this morning, my back hurts from lifting him.", "neuro_deficit"
    ),
    case("fr", "Mon pere a fait un AVC ce matin, j'ai mal au dos.", "neuro_deficit"),
    case(
        "nl", "Mijn vader heeft vorige maand een beroerte gehad, mijn rug doet pijn van het tillen."
    ),
    case("nl", "Mijn kuit is stijf, niet dik, mijn twee benen zien er hetzelfde uit."),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_round18_b_false_alarms_and_their_dangers(language, text, expected):
    assert_exact_flags(text, expected)
