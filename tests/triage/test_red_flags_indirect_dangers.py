"""Red flags said indirectly (round 16): suicide without the word, a minor knock on fragile bones,
a hand or foot that stops obeying, a leg clot with breathlessness; with harmless look-alikes.

Each case names the exact set of flag ids expected, as in test_red_flags.py.
"""

from __future__ import annotations

import pytest

from tests.triage.red_flag_cases import assert_exact_flags, case

CASES = [
    case("en", "he's been saving up his pills and doesn't see the point anymore", "self_harm"),
    case("en", "I've started looking up how many of my tramadol it would take", "self_harm"),
    case(
        "en",
        "some nights I think to take all the sleeping tablets and finish everything",
        "self_harm",
    ),
    case("en", "when I drive I think about just steering into a tree", "self_harm"),
    case("en", "I've been standing on the balcony at night thinking about it", "self_harm"),
    case("en", "we found cuts on her arms and a note that just says sorry", "self_harm"),
    case(
        "en",
        "I won't need more than one session, I've sorted out my papers"
        " and given the cat to my sister",
        "self_harm",
    ),
    case("en", "I wish I wouldn't wake up tomorrow", "self_harm"),
    case("fr", "tout le monde serait plus tranquille sans moi", "self_harm"),
    case("fr", "je ne vois plus trop l'intérêt de tout ça", "self_harm"),
    case("fr", "j'ai mis de côté les cachets de ma mère au cas où", "self_harm"),
    case("fr", "je pense de plus en plus à les libérer de moi", "self_harm"),
    case("fr", "je n'ai plus envie de me réveiller le matin", "self_harm"),
    case("fr", "j'ai déjà pensé au pont du canal", "self_harm"),
    case("fr", "ce serait plus simple de pas me réveiller", "self_harm"),
    case("fr", "il répète qu'il ne sera plus là à Noël", "self_harm"),
    case("fr", "c'est mon dernier essai avant d'arrêter les frais", "self_harm"),
    case("nl", "ik heb de slaappillen van mijn moeder opgespaard", "self_harm"),
    case("nl", "hij zei dat hij er liefst niet meer zou zijn", "self_harm"),
    case("nl", "ik sta soms op de brug en denk: één stap en het is gedaan", "self_harm"),
    case(
        "nl",
        "ik weet hoeveel insuline ik zou moeten nemen om niet meer wakker te worden",
        "self_harm",
    ),
    case("nl", "ik ben iedereen maar tot last, mijn papieren liggen in orde", "self_harm"),
    case("nl", "ik ben het leven moe en mijn rug doet pijn", "self_harm"),
    case(
        "en", "I probably won't need more than one session, it's just a small knot in my shoulder"
    ),
    case("en", "I gave my dog to my sister for the weekend while I'm away"),
    case("en", "I hope I won't wake up with this pain again tomorrow"),
    case("en", "my son has cuts on his arms from the cat"),
    case("en", "how many tablets of ibuprofen can I take a day?"),
    case("en", "I want to finish everything in one session if possible"),
    case("en", "we were standing on the bridge watching the boats"),
    case("fr", "je voudrais une séance pour en finir avec cette douleur au dos"),
    case("fr", "je pense au pont de l'Ascension pour partir"),
    case("fr", "ma kiné ne sera plus là à Noël car elle part en Erasmus"),
    case("fr", "je préfère ne pas me réveiller la nuit avec la douleur"),
    case(
        "fr",
        "j'ai donné mes vêtements à la Croix-Rouge"
        " et j'ai mis mes papiers en ordre pour les impôts",
    ),
    case("fr", "ce télétravail va me tuer, j'ai le dos en compote"),
    case("fr", "l'équipe serait perdue sans moi"),
    case("nl", "ik heb een kussen gekocht om niet meer wakker te worden van de pijn"),
    case(
        "nl",
        "ik heb mijn oude fiets weggegeven aan de kringloop"
        " en mijn papieren in orde gebracht voor de belastingen",
    ),
    case("nl", "ik spaar punten bij de apotheek voor mijn pillen"),
    case("nl", "hoeveel insuline moet ik nemen voor het sporten?"),
    case(
        "en",
        "she's 84, she bumped her hip on the kitchen counter"
        " and winces when she puts weight on that leg",
        "fragility_fracture",
    ),
    case(
        "en",
        "I lifted a bag of potting soil and my bone density scan wasn't great",
        "fragility_fracture",
    ),
    case("en", "her bones are thin and she slid from the bed to the floor", "fragility_fracture"),
    case("en", "I bent down to tie my shoe and I have osteoporosis", "fragility_fracture"),
    case(
        "fr",
        "elle a 91 ans, elle a glissé de sa chaise et le pli de l'aine lui fait très mal",
        "fragility_fracture",
    ),
    case(
        "fr",
        "en soulevant un bac j'ai eu un craquement, j'ai les os fragiles",
        "fragility_fracture",
    ),
    case(
        "fr",
        "pendant une quinte j'ai eu un claquement dans les côtes, j'ai les os comme du verre",
        "fragility_fracture",
    ),
    case(
        "fr",
        "en me penchant pour lacer mes chaussures,"
        " et je prends de la prednisolone depuis des années",
        "fragility_fracture",
    ),
    case(
        "nl",
        "ik ben 88 en heb mijn schouder gestoten, nu kan ik mijn arm niet meer opheffen",
        "fragility_fracture",
    ),
    case("nl", "ik neem cortisone en ik heb de laatste trede gemist", "fragility_fracture"),
    case("nl", "ik neem medrol en heb mij gebukt om mijn veters te strikken", "fragility_fracture"),
    case(
        "nl",
        "ik ben 84 en heb mij gestoten tegen de tafel, nu kan ik bijna niet meer stappen",
        "fragility_fracture",
    ),
    case("en", "I'm 35 and I bumped my hip on the desk, a small bruise"),
    case("fr", "j'ai 40 ans, je me suis penché et j'ai un peu mal au dos"),
    case("nl", "ik ben 45 en heb mij gestoten tegen de tafel, een blauwe plek"),
    case(
        "en",
        "I keep losing hold of the scissors, my left hand just won't close properly",
        "focal_weakness",
    ),
    case("en", "my foot does not lift well and the toes hit the floor", "focal_weakness"),
    case("en", "I must lift the knee high like a horse to walk", "focal_weakness"),
    case("en", "his coffee runs out of one side of his mouth", "neuro_deficit"),
    case("en", "my wife says my smile looks lopsided", "neuro_deficit"),
    case("en", "his words come out a bit funny", "neuro_deficit"),
    case("fr", "sa jambe gauche a lâché trois fois aujourd'hui dans l'escalier", "focal_weakness"),
    case(
        "fr", "je sais plus marcher sur les talons, les orteils tapent sur le sol", "focal_weakness"
    ),
    case("nl", "mijn schaar glijdt uit mijn hand", "focal_weakness"),
    case("nl", "ik merk dat mijn schaar uit mijn hand glijdt", "focal_weakness"),
    case("nl", "nu lukt ook een knoop dichtdoen slecht", "focal_weakness"),
    case("nl", "gisteren zakte mijn linkerbeen zomaar door", "focal_weakness"),
    case("nl", "hij loopt met een voet die op de grond klettert", "focal_weakness"),
    case(
        "nl",
        "haar linkerhand wil niet mee en ze praat een beetje dikker",
        "focal_weakness",
        "neuro_deficit",
    ),
    case("nl", "sinds een paar weken sleept mijn linkerbeen", "progressive_weakness"),
    case("en", "my hand won't close properly because my finger is swollen from the sprain"),
    case("fr", "mon genou lâche parfois au foot depuis mon entorse"),
    case("nl", "mijn been zakte door op de voetbal, kruisband"),
    case("en", "my ankle's gone sort of podgy on that side only", "dvt"),
    case("en", "a calf cramp that never really let go", "dvt"),
    case("en", "the leg is thick and warm", "dvt"),
    case(
        "en",
        "the leg is thick and warm and tonight he's out of breath just sitting on the sofa",
        "breathing_emergency",
        "dvt",
    ),
    case(
        "en",
        "my calf has been red since they took the plaster off and today I've felt oddly puffed",
        "breathing_emergency",
        "dvt",
    ),
    case(
        "fr",
        "une jambe toute gonflée et rouge, ce soir il a du mal à reprendre son air",
        "breathing_emergency",
        "dvt",
    ),
    case(
        "fr",
        "une jambe gonflée et il a un point sur le côté quand il inspire",
        "breathing_emergency",
        "dvt",
    ),
    case("nl", "de kuit is harder en dikker geworden dan de andere", "dvt"),
    case("en", "both calves are tight after the marathon, same on each side"),
    case("en", "I felt winded after running the 10k and my calves are tight"),
    case("nl", "mijn kuiten zijn stijf na de marathon, allebei even erg"),
    # Round 16 review: dangerous wordings that must alarm again, look-alikes that must stay quiet.
    case("fr", "J'ai des idées noires, je pense que je ne guérirai jamais de ce dos.", "self_harm"),
    case("fr", "J'ai envie de mourir, ce mal de dos ne guérira jamais.", "self_harm"),
    case(
        "fr",
        "J'ai des pensées de mourir, ça fait des mois que mon genou n'est pas guéri.",
        "self_harm",
    ),
    case("fr", "Des idées de mourir tous les jours, mon dos n'est jamais guéri.", "self_harm"),
    case("fr", "Je crois que je va me tuer, j'en peux plus de ce dos.", "self_harm"),
    case("en", "After the dentist injection water runs out of one side of my mouth."),
    case("en", "I drool out of the side of my mouth when I sleep, and my jaw clicks."),
    case("en", "My eyelid looks droopy since the botox, my forehead aches."),
    case("en", "My face looks lopsided in photos, I think my jaw is misaligned from braces."),
    case("en", "My words come out a bit funny when I'm tired, and my neck hurts."),
    case("en", "I'm sick of life admin, my neck hurts from the desk."),
    case("en", "I'm tired of life's little aches, my knee hurts."),
    case(
        "en",
        "I've been thinking about the bridge in my mouth,"
        " the dentist said my jaw pain comes from it.",
    ),
    case("fr", "Je ne vois plus trop l'intérêt de continuer le tennis avec mon épaule."),
    case("fr", "Marre de la vie de bureau, mal au cou."),
    case("fr", "J'ai songé au canal pour une balade, j'ai mal au genou."),
    case("fr", "Je stocke des médicaments pour la pharmacie familiale."),
    case("fr", "Un pas et c'est fini, la rééducation de ma cheville!"),
    case("nl", "Ik sta op het perron en denk aan mijn rug."),
    case("nl", "Ik zit op de rand van het bed en denk na over mijn rugpijn."),
    case("en", "I lose my grip on the bar when I do deadlifts, my forearms are tired."),
    case("en", "I lost my hold on the rope while climbing and strained my shoulder."),
    case("en", "My hand won't close properly in the morning because my fingers are stiff."),
    case("en", "My toes hit the floor when I'm tired after a long run."),
    case("en", "My foot doesn't lift properly in ski boots, my shin hurts."),
    case("fr", "Mon genou a cédé en descendant les escaliers, j'ai de l'arthrose."),
    case("nl", "Mijn hand wil niet meer mee door de artrose."),
    case("nl", "Het kopje glipt uit mijn hand omdat mijn vingers stijf zijn van de artrose."),
    case(
        "en",
        "My calf is thicker than the other one because I'm a footballer and kick with that leg.",
    ),
    case("en", "My ankle is swollen on one side only after I rolled it playing tennis."),
    case("en", "My shin is bigger than the other one since I broke it as a kid."),
    case("en", "My calf is thick and warm where the physio massaged it."),
    case("nl", "Mijn enkel is alleen aan die kant dik, ik heb hem verzwikt."),
    case("nl", "Mijn linkerkuit is harder dan de rechter door het lopen."),
    case("fr", "j'va me tuer avec ce dos qui ne guérit pas, j'en peux plus", "self_harm"),
    case(
        "fr",
        "J'ai des idées noires, mon dos n'est toujours pas guéri depuis des mois.",
        "self_harm",
    ),
    case(
        "fr", "J'ai eu des idées noires il y a 3 ans, j'en suis complètement guérie. Mal au coude."
    ),
    case("fr", "Ce télétravail va me tuer, j'ai mal au dos."),
    case(
        "fr",
        "J'ai eu des idées noires après mon divorce, c'est guéri depuis longtemps, mal à l'épaule.",
    ),
    case("en", "I'm tired of life, I don't want to go on with this back pain.", "self_harm"),
    case("en", "I'm sick of living like this, my neck hurts.", "self_harm"),
    case(
        "en", "I keep thinking about the bridge near my house, my back hurts so much.", "self_harm"
    ),
    case("fr", "Je ne vois plus l'intérêt de continuer, mon dos me détruit.", "self_harm"),
    case("fr", "Marre de la vie, j'ai mal au dos tout le temps.", "self_harm"),
    case("fr", "J'ai songé au canal hier soir, je n'en peux plus de ce dos.", "self_harm"),
    case("fr", "Je stocke des médicaments depuis des semaines, j'ai mal au dos.", "self_harm"),
    case("fr", "Un pas et c'est fini, je pense au balcon.", "self_harm"),
    case("nl", "Ik stond op het perron en dacht eraan om te springen.", "self_harm"),
    case("nl", "Ik stond op de brug en dacht aan mijn kinderen.", "self_harm"),
    case("en", "Water runs out of one side of my mouth since this morning.", "neuro_deficit"),
    case("en", "My face looks droopy on one side since lunch.", "neuro_deficit"),
    case("en", "My words come out all jumbled since an hour.", "neuro_deficit"),
    case(
        "en",
        "I keep losing my grip on my cup since yesterday and my arm is weak.",
        "focal_weakness",
        "neuro_deficit",
    ),
    case("en", "My toes hit the floor since yesterday, my foot is floppy.", "focal_weakness"),
    case("en", "My foot doesn't lift properly since this morning.", "focal_weakness"),
    case(
        "fr",
        "Ma jambe a lâché d'un coup ce matin, je ne la sens plus.",
        "focal_weakness",
        "progressive_weakness",
    ),
    case("nl", "Mijn arm wil niet meer mee sinds vanmorgen.", "focal_weakness"),
    case("nl", "Het kopje glipt uit mijn hand sinds gisteren.", "focal_weakness"),
    case("en", "My calf is bigger than the other one and it hurts since the flight.", "dvt"),
    case("en", "My calf is thick and warm since yesterday.", "dvt"),
    case("nl", "Mijn kuit is dikker dan de andere sinds de vlucht.", "dvt"),
    case("nl", "Mijn kuit is alleen aan die kant dik en warm.", "dvt"),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_indirect_dangers_and_their_look_alikes(language, text, expected):
    assert_exact_flags(text, expected)
