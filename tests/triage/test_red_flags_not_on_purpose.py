"""A weight loss said NOT to be on purpose is unexplained; a relative's stiff neck with a fever is
meningitis even when the writer says they have no fever themselves. English, French and Dutch."""

from __future__ import annotations

import pytest

from tests.triage.red_flag_cases import assert_exact_flags, case

CASES = [
    case("en", "I lost 6 kg, not on purpose.", "weight_loss"),
    case("fr", "J'ai perdu 5 kilos, pas volontairement.", "weight_loss"),
    case("fr", "J'ai perdu 5 kilos involontairement.", "weight_loss"),
    case("nl", "Ik ben 8 kilo kwijt zonder dieet, niet met opzet.", "weight_loss"),
    case("nl", "Ik ben 8 kilo kwijt, onbewust.", "weight_loss"),
    # on purpose stays explained
    case("en", "I lost 6 kg on purpose with a diet."),
    case("fr", "J'ai perdu 5 kilos volontairement avec un régime."),
    case("nl", "Ik ben 8 kilo kwijt, met opzet, ik volg een dieet."),
    # a relative's stiff neck with a fever, whatever the writer's own temperature
    case(
        "en",
        "My daughter has a high fever and her neck is stiff. No fever myself, but my back hurts.",
        "meningitis_signs", "fever_infection",
    ),
    case(
        "fr",
        (
            "Ma fille a de la fièvre et elle a la nuque raide. Moi pas de fièvre, "
            "mais j'ai mal au dos."
        ),
        "meningitis_signs", "fever_infection",
    ),
    case(
        "nl",
        (
            "Mijn zoon heeft koorts en zijn nek is stijf. Zelf geen koorts, wel "
            "rugpijn van het dragen."
        ),
        "meningitis_signs", "fever_infection",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_purpose_and_a_relatives_signs(language: str, text: str, expected: frozenset[str]):
    assert_exact_flags(text, expected)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # needles at a dry-needling clinic are the treatment, not drug use
        case("en", "wait do u have to use needles or can it just be massage"),
        case("en", "Do you use needles for the neck?"),
        case("en", "I use drugs for the pain, ibuprofen mostly."),
        case("en", "I inject drugs and my arm is swollen and hot with a fever.", "fever_infection"),
    ],
)  # fmt: skip
def test_needles_for_treatment_are_not_drug_use(language, text, expected):
    assert_exact_flags(text, expected)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # breathless after a jog one calls normal, or because one is unfit: no alarm
        case("fr", "jsuis essoufflé apres mon jogging mais c normal jviens de reprendre"),
        case("nl", "Bergop is het ergst. Ik ben dan ook buiten adem, maar dat is gewoon omdat ik "
                   "niet de fitste ben. Rust helpt."),
        case("en", "I'm out of breath after jogging, but that's because I'm unfit."),
        # ...unless it does not settle, comes at rest, or comes with an arm or jaw pain
        case("fr", "je suis essoufflé apres mon jogging et ça ne passe pas", "breathing_emergency"),
        case("nl", "Ik ben buiten adem, maar dat is omdat ik niet de fitste ben, en het is erger "
                   "in rust", "breathing_emergency"),
        case("fr", "J'ai mal a la machoire et au bras gauche, je suis essoufflee, c'est normal",
             "atypical_heart_attack", "breathing_emergency"),
    ],
)  # fmt: skip
def test_breathless_from_an_effort_one_explains(language, text, expected):
    assert_exact_flags(text, expected)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a numb seat after a long ride that went away for good is saddle pressure
        case("en", "After a 6-hour ride I had a numb bum for an hour, but it went away completely "
                   "and hasn't come back."),
        case("fr", "Après ma sortie de 150 bornes j'avais les fesses engourdies, mais c'est passé "
                   "au bout d'une heure, c'est la selle je pense."),
        case("nl", "na die cyclo van 180 km had ik een doof gevoel aan mijn poep, maar da was na "
                   "een uurke weg en sindsdien nooit meer."),
        # ...still there, or back again: cauda equina
        case("en", "I had a numb bum, it went away but came back this morning", "cauda_equina"),
        case("nl", "mijn zitvlak is gevoelloos sinds vanmorgen", "cauda_equina"),
        # a road accident, on a bike or a car hit from behind, is a dangerous mechanism
        case("fr", "slt jai mal au cou depuis un accident de velo, vous pouvez me masser ca?",
             "major_trauma", "trauma"),
        case("nl", "gisterenavond is er iemand achter op mijn auto gereden aan de lichten en nu "
                   "heb ik whiplash denk ik", "major_trauma", "trauma"),
        case("fr", "il y a 5 ans j'ai eu un accident de vélo, depuis j'ai mal au dos de temps en "
                   "temps"),
    ],
)  # fmt: skip
def test_a_numb_seat_that_went_away_and_road_accidents(language, text, expected):
    assert_exact_flags(text, expected)
