"""A safety-screen list answered item by item (round 19, part c): a sign followed by its own
"yes" ("fever: no, chills: no, numbness between the legs: yes", "koorts - nee, kuit dik en warm -
jawel", "fever no, chills no, calf swollen and warm yes") or preceded by "yes to" ("no to the
fever, yes to the numbness between my legs", "oui pour", "ja voor", "ja op") is affirmed: the "no"
before its comma answers an earlier item, not this one. So is a sign after an earlier item's
"X: no," ("fever: no, worst headache of my life ..."). The denials stay silent: a sign answered
"no", a sign denied inside its own item and then confirmed ("no numbness between the legs, yes
I'm sure", "I don't have numbness between the legs yes"), a denied list ("no fever or numbness
between the legs, yes I'm sure"); a "yes" taken back may alarm (conservative).

Each case names the exact set of flag ids expected, as in test_red_flags.py.
"""

from __future__ import annotations

import pytest

from tests.triage.red_flag_cases import assert_exact_flags, case

CASES = [
    # The sign's own "yes" after ":", "-", "=" or a space, over an earlier item's "no"
    case("en", "fever: no, chills: no, numbness between the legs: yes", "cauda_equina"),
    case("en", "fever - no, numbness between the legs - yes", "cauda_equina"),
    case("en", "fever = no, numbness between the legs = yes", "cauda_equina"),
    case("en", "Fever: No. Chills: No. Numbness between the legs: Yep", "cauda_equina"),
    case(
        "en",
        "fever: nope, weight loss: no, numbness in the saddle area: yeah since yesterday",
        "cauda_equina",
    ),
    case("en", "no fever. numbness between the legs: yes since yesterday", "cauda_equina"),
    case("en", "fever no, chills no, calf swollen and warm yes", "dvt"),
    case("en", "fever: no, can't breathe: yes", "breathing_emergency"),
    case("en", "fever = no, can't breathe = yes", "breathing_emergency"),
    case("en", "fever: no, short of breath at rest: yes", "breathing_emergency"),
    case("en", "fever - no, sudden worst headache of my life - yes", "thunderclap_headache"),
    case("en", "fever: no, sudden worst headache of my life: yes", "thunderclap_headache"),
    case("fr", "fièvre : non, engourdissement entre les jambes : oui", "cauda_equina"),
    case("fr", "fièvre - non, engourdissement entre les jambes - si", "cauda_equina"),
    case("fr", "fièvre : non, frissons : non, mollet gonflé et chaud : ouais", "dvt"),
    case("fr", "fièvre : non, mollet gonflé et chaud : oui", "dvt"),
    case("fr", "fièvre : non, je n'arrive pas à respirer : oui", "breathing_emergency"),
    case("fr", "fièvre : non, pire mal de tête de ma vie d'un coup : oui", "thunderclap_headache"),
    case("nl", "koorts: nee, gevoelloos tussen de benen: ja", "cauda_equina"),
    case("nl", "koorts - nee, rillingen - nee, gevoelloos tussen de benen - jawel", "cauda_equina"),
    case("nl", "koorts nee, rillingen nee, gevoelloos tussen de benen ja", "cauda_equina"),
    case("nl", "koorts nee, rillingen nee, kuit dik en warm ja", "dvt"),
    case("nl", "koorts - nee, kuit dik en warm - jawel", "dvt"),
    case("nl", "koorts: nee, kortademig in rust: ja", "breathing_emergency"),
    case("nl", "koorts: nee, plotse ergste hoofdpijn ooit: ja", "thunderclap_headache"),
    # "yes to X" before the sign
    case("en", "no to the fever, yes to the numbness between my legs", "cauda_equina"),
    case("fr", "non pour la fièvre, oui pour l'engourdissement entre les jambes", "cauda_equina"),
    case("nl", "nee voor de koorts, ja voor het gevoelloos tussen de benen", "cauda_equina"),
    case("nl", "ja op het gevoelloos tussen de benen, nee op koorts", "cauda_equina"),
    # An earlier item's "X: no," does not deny the next item
    case(
        "en",
        "fever: no, worst headache of my life, came on in a second: yes",
        "fever_infection",
        "meningitis_signs",
        "thunderclap_headache",
    ),
    # The denials stay silent: a sign answered "no", a sign denied in its own item then
    # confirmed, a denied list confirmed
    case("en", "numbness between the legs: no"),
    case("en", "fever? no, numbness? no"),
    case("en", "fever: no, chills: no, numbness between the legs: no"),
    case("en", "no numbness between the legs, yes I'm sure"),
    case("en", "no numbness between the legs yes I'm sure"),
    case("en", "I don't have numbness between the legs yes"),
    case("en", "no fever or numbness between the legs, yes I'm sure"),
    case("fr", "fièvre : non, engourdissement entre les jambes : non"),
    case("fr", "pas d'engourdissement entre les jambes, oui j'en suis sûr"),
    case("fr", "pas de fièvre ni d'engourdissement entre les jambes, si"),
    case("nl", "koorts: nee, gevoelloos tussen de benen: nee"),
    case("nl", "geen gevoelloos gevoel tussen de benen, ja zeker"),
    # A "yes" taken back, a "yeah no": ambiguous, so the sign may alarm (conservative)
    case("en", "numbness between the legs? yes... no, sorry, I misread", "cauda_equina"),
    case("en", "fever: no, numbness between the legs: yeah no", "cauda_equina"),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_round19_c_screen_lists_answered_item_by_item(language, text, expected):
    assert_exact_flags(text, expected)
