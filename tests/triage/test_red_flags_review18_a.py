"""Review of round 18 (part a): guards added in round 18 that silenced real dangers, and dangers
said through a regret or an "either".

- a doctor's "ruled out" / "exclu" / "ecarte" denies only the thing named right after it, not a
  new danger told after a comma;
- "non plus" ("either") denies a plain mention ("perte de poids? non plus") but repeats a danger
  said in the negative ("je ne sens plus mes fesses non plus");
- someone else's suicide is not the writer's, but the writer's own thoughts told after it are;
- a relative "for his radiotherapy" is the relative's treatment, the writer's own chemo is not;
- not caring whether one wakes up, a control question answered "sadly not".

Each case names the exact set of flag ids expected, as in test_red_flags.py.
"""

from __future__ import annotations

import pytest

from tests.triage.red_flag_cases import assert_exact_flags, case

CASES = [
    # negation "ruled out": one thing only, never across a comma to a new danger
    case(
        "en",
        "The GP ruled out sciatica, numbness in the saddle area since yesterday.",
        "cauda_equina",
    ),
    case(
        "en",
        "They ruled out a fracture, new numbness in both legs since this morning.",
        "cauda_equina",
        "trauma",
    ),
    case(
        "fr",
        "Le médecin a écarté une fracture, engourdissement dans les deux jambes depuis.",
        "cauda_equina",
        "trauma",
    ),
    case(
        "fr",
        "Ils ont exclu une hernie, mais aussi des fourmis entre les cuisses depuis hier.",
        "cauda_equina",
    ),
    case("en", "My physio ruled out a slipped disc, my lower back is just stiff."),
    case("en", "A DVT was ruled out, my calf is just tight."),
    case("en", "A DVT was not ruled out, my left calf is swollen and red.", "dvt"),
    case("fr", "Une phlébite a été exclue, mon mollet est juste surmené."),
    case("nl", "Een trombose werd uitgesloten, mijn kuit is overbelast."),
    # negation "non plus": a danger said in the negative is repeated, a plain mention denied
    case("fr", "Je ne retiens plus mes selles non plus.", "cauda_equina"),
    case("fr", "Je ne sens plus mes fesses non plus.", "cauda_equina"),
    case("fr", "Et je ne sens plus l'entrejambe non plus depuis ce matin.", "cauda_equina"),
    case("fr", "Fievre? Non. Perte de poids? Non plus, dommage. J'ai mal a l'epaule."),
    case("fr", "Pas de fièvre. Perte de poids: non plus. Mon genou me fait mal."),
    case("fr", "Je n'ai pas de fièvre, pas de perte de poids non plus, juste mal au cou."),
    # cauda_equina in French: bladder or bowels no longer controlled
    case(
        "fr",
        "Depuis hier je ne contrôle plus ma vessie, mes intestins non plus.",
        "cauda_equina",
    ),
    case("fr", "Je ne maîtrise plus du tout mes selles depuis lundi.", "cauda_equina"),
    case("fr", "Je ne contrôle pas bien mon poids, j'ai mal au dos."),
    # a control question answered with a regret
    case("en", "Can I hold my urine? Sadly not.", "cauda_equina"),
    case("en", "Can I still feel my buttocks? Unfortunately not.", "cauda_equina"),
    case("fr", "Je peux retenir mes urines? Malheureusement non.", "cauda_equina"),
    case("nl", "Kan ik mijn plas nog ophouden? Helaas niet.", "cauda_equina"),
    case("en", "Can I come on Saturday? Sadly not possible, my shoulder hurts."),
    case("en", "Weight loss? Sadly not, ha. My knee hurts when I kneel."),
    case("nl", "Gewichtsverlies? Helaas niet. Mijn knie doet pijn bij het knielen."),
    # self_harm: the writer's own thoughts after someone else's suicide
    case(
        "en",
        "My colleague committed suicide and I've been thinking of doing the same.",
        "self_harm",
    ),
    case(
        "en",
        "My brother died by suicide last month and I can't stop thinking about joining him.",
        "self_harm",
    ),
    case(
        "en",
        "I nearly lost my life to suicide last year and the thoughts are back.",
        "self_harm",
    ),
    case("en", "My neighbour killed himself and now I want to do the same.", "self_harm"),
    case("nl", "Een collega heeft zelfmoord gepleegd en ik denk er zelf ook aan.", "self_harm"),
    case("nl", "Mijn vriend heeft zelfmoord gepleegd en ik wil hem achterna.", "self_harm"),
    case("fr", "Un collègue s'est suicidé et j'y pense aussi.", "self_harm"),
    case("fr", "Mon ami s'est suicidé, je voudrais faire pareil.", "self_harm"),
    case("en", "My colleague committed suicide and I've done the same shifts, my back hurts."),
    case("en", "My colleague committed suicide last year, I think of his kids. My back hurts."),
    case("en", "I lost my dad to suicide ten years ago, my shoulder hurts."),
    case("en", "My uncle died by suicide and I'll join them at the memorial, my neck hurts."),
    case("nl", "Een collega heeft zelfmoord gepleegd en ik denk vaak aan zijn kinderen."),
    case(
        "fr", "Un collègue s'est suicidé et je vais au travail comme d'habitude, j'ai mal au dos."
    ),
    # self_harm: not caring whether one wakes up
    case("en", "Honestly I wouldn't care if I didn't wake up.", "self_harm"),
    case("nl", "Het maakt me niet uit of ik morgen nog wakker word.", "self_harm"),
    case("fr", "Ça m'est égal de ne pas me réveiller demain.", "self_harm"),
    case("en", "I wouldn't care if I didn't wake up early for the session."),
    case("nl", "Het maakt me niet uit of ik vroeg wakker word, als mijn rug maar beter wordt."),
    case("fr", "Ça m'est égal de me réveiller tôt, j'ai mal au dos."),
    # cancer_history: the writer's own chemo is not the relative's
    case(
        "en",
        "My wife helps with her car since chemo wiped me out, my back hurts.",
        "cancer_history",
    ),
    case(
        "fr",
        "Mon mari travaille pour sa boîte, et la chimio me fatigue, j'ai mal au dos.",
        "cancer_history",
    ),
    case(
        "nl",
        "Mijn man werkt voor zijn zaak, de chemo valt me zwaar, mijn rug doet pijn.",
        "cancer_history",
    ),
    case(
        "en",
        "My son drives me around with his van since chemo started, my neck is stiff.",
        "cancer_history",
    ),
    case("en", "I drive my dad to Bordet for his weekly chemo and my neck is stiff."),
    case("fr", "J'accompagne mon père à Bordet pour sa séance de radiothérapie, j'ai mal au dos."),
    case("nl", "Ik breng mijn vader elke dag naar Bordet voor zijn bestraling, mijn nek is stijf."),
]


@pytest.mark.parametrize("language, text, expected", CASES)
def test_review18_a(language: str, text: str, expected: frozenset[str]) -> None:
    assert_exact_flags(text, expected)
