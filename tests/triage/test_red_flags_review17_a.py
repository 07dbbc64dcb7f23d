"""Review of round 17 (fix 2, part a): the normal-effort guard no longer silences a cardiac or a
breathing alarm, a joint red (
    "out to the shin"
) is still hot and swollen, and the self-harm and night-sweat
patterns of round 17 no longer alarm on yoga plans, eczema, brambles, Christmas abroad, rehab or the
menopause. English, French and Dutch."""

from __future__ import annotations

import pytest

from tests.triage.red_flag_cases import assert_exact_flags, case

CASES = [
    # dangerous 2: breathless or sick with an arm, jaw, neck or back pain, whatever was "normal"
    case("nl", (
        "Pijn in mijn kaak en linkerarm, ik ben kortademig, is dat normaal"
    ), "atypical_heart_attack", "breathing_emergency"),
    case("fr", (
        "J'ai mal a la machoire et au bras gauche, je suis essoufflee, c'est "
        "normal"
    ), "atypical_heart_attack", "breathing_emergency"),
    case("en", (
        "I'm breathless and my neck and left arm hurt, the paramedic said my "
        "oxygen was normal"
    ), "atypical_heart_attack", "breathing_emergency"),
    case("en", (
        "Pain in my left arm, I'm breathless, it goes back to normal after a "
        "few minutes then comes back"
    ), "atypical_heart_attack", "breathing_emergency"),
    case("fr", (
        "Mon bras gauche fait mal et je suis essoufflee, ca passe apres "
        "quelques minutes puis ca revient"
    ), "atypical_heart_attack", "breathing_emergency"),
    case("nl", (
        "Ik heb pijn in mijn linkerschouder en ik ben misselijk, de pijn gaat "
        "na een paar minuten weg en komt terug"
    ), "atypical_heart_attack"),
    case("en", (
        "Pain between my shoulder blades and I'm breathless and sweating, I "
        "came back from walking, recovered quickly last time but not now"
    ), "atypical_heart_attack", "breathing_emergency"),
    case("en", (
        "My chest is tight and I'm short of breath, my sats were normal"
    ), "breathing_emergency", "heart_attack_signs"),
    case("nl", (
        "Ik ben kortademig en mijn borst doet pijn, het ECG was normaal vorige "
        "maand"
    ), "breathing_emergency", "heart_attack_signs"),
    case("en", (
        "My left arm feels heavy and I'm short of breath, my blood pressure "
        "was normal this morning though"
    ), "atypical_heart_attack", "breathing_emergency"),
    case("fr", (
        "Mon bras gauche est lourd et je suis essouffle, comme tout le monde a "
        "60 ans je suppose"
    ), "atypical_heart_attack", "breathing_emergency"),
    case("en", (
        "pain in my jaw and left arm and I'm sweating and breathless, the "
        "nurse said my ECG was normal last month"
    ), "atypical_heart_attack", "breathing_emergency"),
    case("nl", (
        "Zwaar gevoel in mijn linkerarm en ik ben kortademig, mijn bloeddruk "
        "was normaal bij de huisarts"
    ), "atypical_heart_attack", "breathing_emergency"),
    case("fr", (
        "Mal au bras gauche et a la machoire, je suis essoufflee et je "
        "transpire, ma tension etait normale hier"
    ), "atypical_heart_attack", "breathing_emergency"),
    case("en", (
        "my neck and jaw have a pressing ache and I'm short of breath like "
        "everyone my age i guess"
    ), "atypical_heart_attack", "breathing_emergency"),
    case("nl", (
        "Druk op mijn bovenrug en kaak, ik zweet en ben buiten adem, zoals "
        "iedereen denk ik"
    ), "atypical_heart_attack", "breathing_emergency"),
    case("en", (
        "I'm short of breath and my chest hurts, my GP said last week my heart "
        "was normal"
    ), "breathing_emergency", "heart_attack_signs"),
    # dangerous 7: a red, swollen knee ("out to the shin" is not the weather)
    case("en", "My knee has swelled up and it is red out to the shin", "hot_swollen_joint"),
    # false alarm 1: not self-harm
    case("en", "If the needling doesn't work I know exactly what I'll do: go back to yoga"),
    case("en", "If this doesn't work I know what I'm going to do, try pilates"),
    case("en", "I counted my painkillers, do I have enough for the weekend?"),
    case("en", "I realise how easy it would be to fall on the ice with this hip"),
    case("en", "I often scratch my arms till they bleed, it's my eczema"),
    case("en", "I keep scratching my legs at night because of the itch"),
    case("fr", "J'ai des coupures sur les bras a cause des ronces, la creme soulage bien"),
    case("en", "I don't expect to be around for Christmas, I'll be at my in-laws in Ireland"),
    case("nl", "Ik ben er met kerst niet meer, dan zit ik in Spanje bij mijn dochter"),
    case("fr", "Je ne pense pas etre la pour Noel, je serai chez ma belle-mere a Liege"),
    case("en", "One more step further in rehab and it's all over, last physio session friday!"),
    # false alarm 5: night sweats with the menopause
    case("en", "I have heavy sweats at night with the menopause and a sore neck"),
    case("fr", "Je suis trempee de sueur la nuit avec la menopause, et j'ai mal au dos"),
    # the guard still holds for an effort in the same clause called normal, and the alarms stay
    case("en", (
        "My neck is sore from the desk and I get out of breath running up the "
        "hill, which is normal for me."
    )),
    case("en", (
        "My neck is sore and I get out of breath running up the hill, is that "
        "normal?"
    ), "atypical_heart_attack"),
    case("en", "If this doesn't work I know what I'll do.", "self_harm"),
    case("en", "I counted my painkillers to see if there are enough to not wake up.", "self_harm"),
    case("en", "I can't go on like this, I don't expect to be around for Christmas.", "self_harm"),
    case("en", "One step off the platform and it's all over.", "self_harm"),
    case("en", "I often cut my arms to cope.", "self_harm"),
    case("fr", (
        "Je me fais des coupures sur les bras, ca m'aide a penser a autre "
        "chose."
    ), "self_harm"),
    case("nl", "Ik zie het niet meer zitten, ik ben er met kerst niet meer.", "self_harm"),
    case("en", "I get drenching sweats at night since the back pain started.", "fever_infection"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_review17_fix2_a(language: str, text: str, expected: frozenset[str]):
    assert_exact_flags(text, expected)
