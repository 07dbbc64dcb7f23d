"""Readings of interview answers a patient would notice in the summary: the side meant after a
correction or beside a minor one, how the pain started told as a story, a precaution said and
then asked about, and a place named only as where the pain stops."""

from __future__ import annotations

import pytest

from tests.triage.test_interview_answers import read


@pytest.mark.parametrize(
    ("text", "side"),
    [
        # a side ruled out with "or" beside a negated one: the middle
        ("in 't midden, ni echt links of rechts", "middle"),
        ("in the middle, not left or right", "middle"),
        ("ni à gauche ni à droite, au milieu", "middle"),
        # the side named after the correction is the one meant
        (
            "Left shin. No sorry, the right one! The left is my lymphoedema leg, "
            "this is the other one.",
            "right",
        ),
        ("Left. Sorry, I mean the right one.", "right"),
        ("à gauche, non pardon, à droite", "right"),
        ("gauche, enfin droite", "right"),
        ("links, nee sorry, rechts", "right"),
        ("links, ik bedoel rechts", "right"),
        # a side said only as "a bit" or "sometimes" is not a second painful side
        (
            "À droite, clairement. Parfois un peu à gauche aussi, mais c'est surtout la droite.",
            "right",
        ),
        ("Right, and sometimes a bit on the left too, but mostly the right.", "right"),
        ("Links vooral, soms een beetje rechts.", "left"),
        # a centred pain that reaches both sides equally
        ("middle, kinda both sides equally", "middle"),
        # ordinary answers read as before
        ("left and right", "both"),
        ("à gauche et à droite", "both"),
        ("links en rechts", "both"),
        ("Both sides, although the right is usually a bit worse.", "both"),
        ("Les deux, la droite un peu plus.", "both"),
        ("left. no wait its the right one 🤦 right knee", "right"),
        ("La droite... non attendez, c'est la gauche", "left"),
        ("the right one", "right"),
    ],
)
def test_the_side_meant(text: str, side: str) -> None:
    assert read(text, "pain_side")["pain_side"] == side


@pytest.mark.parametrize(
    ("text", "onset"),
    [
        # a strain felt during an effort, or an effort forced
        (
            "Sprinted for a ball at five-a-side and felt a twinge in the calf, like someone "
            "kicked me. Nobody had.",
            "injury",
        ),
        ("Went for a big overhead smash in a tournament and felt a sharp pull.", "injury"),
        ("I was lifting a box and felt something pull", "injury"),
        (
            "en soulevant une plaque de multiplex, j ai senti un crac et j etais plie en deux",
            "injury",
        ),
        (
            "J'ai taillé toute la haie au sécateur fin août, j'ai forcé, et le lendemain "
            "j'avais mal.",
            "injury",
        ),
        ("En relevant un patient lourd, j'ai senti un tiraillement dans l'épaule.", "injury"),
        (
            "en réception de saut pendant le cours, j'ai senti un pincement derrière le genou",
            "injury",
        ),
        ("ik stond de ramen te kuisen en ik heb te ver gereikt, en krak, direct pijn", "injury"),
        ("bij het heffen van een bak bier voelde ik iets scheuren", "injury"),
        # woken up with it, all at once
        ("Just woke up like that, bam. Nothing special the day before.", "sudden"),
        ("Just woke up with it one morning", "sudden"),
        ("dun coup, un matin je me suis leve et j avais mal, sans rien faire de special", "sudden"),
        ("je me suis réveillé avec", "sudden"),
        ("ik ben er gewoon mee wakker geworden", "sudden"),
        ("ik werd wakker met pijn in mijn nek", "sudden"),
        # ordinary answers read as before
        ("Progressivement. Mon médecin traitant dit que c'est le stress et la voiture.", "gradual"),
        ("no injury, it just crept up", "gradual"),
        ("geleidelijk", "gradual"),
    ],
)
def test_how_it_started_told_as_a_story(text: str, onset: str) -> None:
    assert read(text, "pain_onset")["pain_onset"] == onset


@pytest.mark.parametrize(
    "text",
    [
        "nothing special, I didn't lift anything",
        "rien de spécial, je n'ai pas forcé",
        "geen idee, ik heb niets geforceerd",
    ],
)
def test_an_effort_ruled_out_is_no_injury(text: str) -> None:
    assert read(text, "pain_onset").get("pain_onset") != "injury"


@pytest.mark.parametrize(
    ("text", "precautions"),
    [
        # a precaution said, then a question about it: kept
        ("j'ai trop peur des aiguilles 😭😭 c obligé??", ["needle_fear"]),
        ("I'm scared of needles, is that a problem?", ["needle_fear"]),
        ("ik ben bang van naalden, is dat erg?", ["needle_fear"]),
        ("Je suis enceinte de 10 semaines, c'est un problème ?", ["pregnancy"]),
        ("I'm 12 weeks pregnant, is that ok?", ["pregnancy"]),
        ("ik ben zwanger, mag dat?", ["pregnancy"]),
        ("j'ai de l'eczéma sur la cheville, ça compte ?", ["skin_lesion"]),
        ("a small cut on that heel, does that count?", ["skin_lesion"]),
        ("een wondje op mijn kuit, telt dat?", ["skin_lesion"]),
        # only asked about: not kept
        ("Maybe I am pregnant?", ["unsure"]),
        ("I take ibuprofen sometimes, does that count as a blood thinner? Not sure.", ["unsure"]),
        ("i have a tongue piercing, does that count? otherwise no", ["none"]),
        # surgery long ago or elsewhere is no recent surgery in the area
        (
            "Je prends du Xarelto pour une fibrillation auriculaire. J'ai aussi été opéré de la "
            "cataracte l'an dernier, mais cela n'a rien à voir avec le genou, je suppose.",
            ["anticoagulants"],
        ),
        ("I had surgery on my eye last year, nothing to do with my back", ["none"]),
        ("ik ben vorig jaar geopereerd aan mijn oog, heeft er niets mee te maken", ["none"]),
        ("I had knee surgery three weeks ago", ["recent_surgery"]),
        ("opérée du genou il y a un mois", ["recent_surgery"]),
        # a patient who no longer remembers is unsure
        (
            "Je prends un medicament depuis mon operation du genou l'an passe... je sais plus si "
            "c'est pour fluidifier le sang.",
            ["unsure"],
        ),
    ],
)
def test_a_precaution_said_then_asked_about(text: str, precautions: list[str]) -> None:
    assert read(text, "precautions")["precautions"] == precautions


def test_a_precaution_only_asked_about_is_not_recorded() -> None:
    assert read("does aspirin count as a blood thinner?", "precautions").get("precautions") != [
        "anticoagulants"
    ]


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        # a place said only as where the pain stops is no place it hurts
        (
            "Front of my right shoulder, and it runs down the outside of the upper arm. "
            "Stops above the elbow.",
            ["shoulder_front", "upper_arm"],
        ),
        ("my shoulder and down the arm, almost to the elbow", ["shoulder_top", "upper_arm"]),
        ("my low back and down the thigh, not further than the knee", ["low_back", "thigh"]),
        (
            "bas du dos a droite et ca descend dans la fesse et un peu derriere la cuisse, mais "
            "pas plus bas que le genou",
            ["low_back", "buttock", "thigh"],
        ),
        (
            "Sur le dessus de l'épaule, et ça descend sur l'extérieur du bras, presque jusqu'au "
            "coude.",
            ["shoulder_top", "upper_arm"],
        ),
        ("la fesse et derrière la cuisse, jusqu'au genou mais pas plus bas", ["buttock", "thigh"]),
        (
            "onderaan in mn rug rechts en in mn bil, soms trekt da tot achter in mn dij. ni "
            "verder dan de knie",
            ["low_back", "buttock", "thigh"],
        ),
        ("mijn heup en langs mijn dij, bijna tot aan de knie", ["hip_groin", "thigh"]),
        # a place the pain reaches still counts, and a limit said alone still names the place
        (
            "Ma hanche, et ça descend devant dans la cuisse jusqu'au genou",
            ["hip_groin", "thigh", "knee_front"],
        ),
        (
            "Low in the back, then down the back of the thigh. Not lower than that.",
            ["low_back", "thigh"],
        ),
        ("until the knee", ["knee_front"]),
        # the position said before the place
        ("achter mijn rechterknie in de holte en in mijn kuit", ["knee_back", "calf"]),
        ("just behind my knee", ["knee_back"]),
        ("derrière le genou", ["knee_back"]),
        (
            "vooraan aan mijn schouder links, en dan loopt da zo langs mijn bovenarm naar beneden",
            ["shoulder_front", "upper_arm"],
        ),
        ("in mijn nek en dan naar achter in mijn hoofd", ["neck", "back_of_head"]),
        # a head turned is no place that hurts
        (
            "tussen mijn schouderbladen en in mijn nek, ik kan mijn hoofd amper draaien",
            ["shoulder_blade", "neck"],
        ),
        ("my neck, I can't turn my head", ["neck"]),
        ("la nuque, je n'arrive plus à tourner la tête", ["neck"]),
        ("headaches and a stiff neck", ["temple", "neck"]),
    ],
)
def test_where_it_hurts(text: str, regions: list[str]) -> None:
    assert read(text, "pain_regions")["pain_regions"] == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        # a place after "until", "till", "tot aan" is where the pain spreads to: it hurts there
        ("it starts in my neck and goes until my shoulder", ["neck", "shoulder_top"]),
        ("het begint in mijn onderrug en trekt tot aan de knie", ["low_back", "knee_front"]),
        ("mijn knie doet pijn tot aan de enkel", ["knee_front", "shin_ankle"]),
        ("het straalt uit van mijn nek tot aan mijn schouder", ["neck", "shoulder_top"]),
        ("mijn hele been, van de heup tot aan de enkel", ["hip_groin", "shin_ankle"]),
        ("from the lower back till the calf", ["low_back", "calf"]),
        ("it radiates from the neck up until the temple", ["neck", "temple"]),
        (
            "shoulder and elbow, it goes until the wrist",
            ["shoulder_top", "elbow_outer", "forearm_hand"],
        ),
        (
            "my whole arm, from shoulder until the fingers",
            ["upper_arm", "shoulder_top", "forearm_hand"],
        ),
        # a place that only ends a stretch the pain runs along is a limit
        (
            "Right shoulder on top and right side of neck. It goes on the arm until the elbow, "
            "outside.",
            ["shoulder_top", "neck", "upper_arm"],
        ),
        (
            "De buitenkant van mijn heup, en dat straalt uit langs de buitenkant van mijn dij tot "
            "aan de knie.",
            ["hip_groin", "thigh"],
        ),
    ],
)
def test_a_place_the_pain_spreads_to(text: str, regions: list[str]) -> None:
    assert read(text, "pain_regions")["pain_regions"] == regions


@pytest.mark.parametrize(
    "text",
    [
        # "also" after a correction word adds a side
        "left knee. oops forgot, the right ankle too",
        "right side, actually also a bit on the left",
        "à droite, en fait aussi à gauche",
        "links, maar eigenlijk ook rechts",
        "à gauche, pardon, et aussi à droite",
        # "a bit" or "sometimes" the other side, with no side said to be the main one
        "my left shoulder and a bit my right one",
        "left, and sometimes the right too",
        "left neck, and sometimes right neck too",
        "the right, but sometimes also the left, it varies",
        "right hip, and a bit on the left knee",
    ],
)
def test_a_second_side_added_is_both(text: str) -> None:
    assert read(text, "pain_side")["pain_side"] == "both"


@pytest.mark.parametrize(
    ("text", "onset"),
    [
        # how it is now is no onset; how it came on is
        ("it got worse and worse, I feel a stab when I bend", "gradual"),
        ("it's been creeping up, I feel it pull", "gradual"),
        ("it's been creeping up, I feel it click sometimes", "gradual"),
    ],
)
def test_a_present_symptom_is_no_onset(text: str, onset: str) -> None:
    assert read(text, "pain_onset")["pain_onset"] == onset


@pytest.mark.parametrize(
    ("text", "allowed"),
    [
        ("I don't really know, I feel a click in my shoulder when I lift my arm", (None,)),
        ("it just came, and now I feel it pulling when I sit", (None, "sudden")),
        # unsure words first; habitual lifting is not one strain
        ("no idea, I do a lot of lifting at work", (None,)),
        ("I can't remember, maybe from carrying groceries", (None,)),
    ],
)
def test_no_injury_read_into_an_unsure_or_present_answer(text: str, allowed: tuple) -> None:
    assert read(text, "pain_onset").get("pain_onset") in allowed


@pytest.mark.parametrize(
    ("text", "precautions"),
    [
        # "not recent" qualifies the surgery in its own clause
        ("I had surgery a year ago, 3 weeks ago I had another one", ["recent_surgery"]),
        # "unrelated" qualifies the nearest precaution before it
        (
            "knee surgery three weeks ago, and I take aspirin for something unrelated",
            ["recent_surgery", "anticoagulants"],
        ),
        (
            "opéré du genou il y a 3 semaines, et je suis diabétique mais ça n'a rien à voir",
            ["recent_surgery", "diabetes"],
        ),
        (
            "ik ben 3 weken geleden geopereerd aan mijn knie, en ik heb diabetes maar dat heeft "
            "er niks mee te maken",
            ["recent_surgery", "diabetes"],
        ),
        # last year may be weeks ago: the therapist checks
        ("knee surgery last year", ["unsure"]),
        ("had a knee operation end of last year", ["unsure"]),
        ("ik ben vorig jaar geopereerd aan mijn knie", ["unsure"]),
        # possibly: unsure
        ("I'm trying to get pregnant, is that ok?", ["unsure"]),
        ("I might be pregnant, does that matter?", ["unsure"]),
        # someone else's condition
        ("my wife is pregnant, does it matter for me?", ["none"]),
        ("My mother has epilepsy, does that matter?", ["none"]),
        ("mon mari est diabétique, ça compte ?", ["none"]),
        ("mijn zus heeft epilepsie, telt dat?", ["none"]),
        # needles named without fear
        ("a chaque prise de sang je regarde, pas de souci", ["none"]),
        ("rien, pas d'allergie, pas d'aiguilles qui me gênent", ["none"]),
        ("aucune, pas d'aiguilles ni rien", ["none"]),
        ("non, pas d'aiguilles de problème pour moi", ["none"]),
        (
            "Pas d'aiguilles pour moi s'il vous plaît, je tombe dans les pommes à chaque prise "
            "de sang",
            ["needle_fear"],
        ),
        # a skin lesion only now and in the area
        ("none. I had a wart removed years ago", ["none"]),
        ("no, but there's a wart on my other foot", ["none"]),
        ("theres a plantar wart on that heel does that count?? otherwise no", ["skin_lesion"]),
    ],
)
def test_a_precaution_in_its_clause(text: str, precautions: list[str]) -> None:
    assert sorted(read(text, "precautions")["precautions"]) == sorted(precautions)


@pytest.mark.parametrize(
    ("text", "precaution"),
    [
        # supposed, not said to apply: nothing recorded
        ("If I'm pregnant is it a problem?", "pregnancy"),
        ("si je suis enceinte, c'est un problème ?", "pregnancy"),
        ("als ik zwanger ben, is dat erg?", "pregnancy"),
        ("in case I get pregnant, does it matter?", "pregnancy"),
        ("als ik bloedverdunners neem, mag het dan?", "anticoagulants"),
    ],
)
def test_a_supposed_precaution_is_not_recorded(text: str, precaution: str) -> None:
    assert read(text, "precautions").get("precautions") in (None, ["none"])
