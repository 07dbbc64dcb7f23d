"""Red-flag detection: every flag in English, French and Dutch, negation, screens, validation.

Each case names the exact set of flag ids expected: a missed red flag and a false alarm both fail.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.triage.language.text import normalise
from bot.triage.red_flags import (
    DEFAULT_RULES_PATH,
    TIERS,
    RedFlagMatch,
    detect,
    flag_ids,
    load_rules,
    most_urgent,
    screen_flags,
    screens_for_regions,
    tier_of,
    tier_rank,
)
from tests.triage.red_flag_cases import assert_exact_flags, case

FLAG_TIERS = {
    "self_harm": "call_112",
    "heart_attack_signs": "call_112",
    "breathing_emergency": "call_112",
    "thunderclap_headache": "call_112",
    "meningitis_signs": "call_112",
    "neuro_deficit": "call_112",
    "atypical_heart_attack": "call_112",
    "aortic_emergency": "call_112",
    "cauda_equina": "emergency_department",
    "trauma_neuro": "emergency_department",
    "major_trauma": "emergency_department",
    "fragility_fracture": "emergency_department",
    "no_improvement": "gp_soon",
    "severe_central_back_pain": "emergency_department",
    "bone_risk_back_pain": "gp_soon",
    "new_pain_over_50": "gp_soon",
    "focal_weakness": "emergency_department",
    "bilateral_numbness": "emergency_department",
    "hot_swollen_joint": "doctor_today",
    "progressive_weakness": "emergency_department",
    "head_injury": "emergency_department",
    "dvt": "doctor_today",
    "giant_cell_arteritis": "doctor_today",
    "trauma": "doctor_today",
    "fever_infection": "doctor_today",
    "weight_loss": "gp_soon",
    "cancer_history": "gp_soon",
    "night_pain": "gp_soon",
    "inflammatory_stiffness": "gp_soon",
}


# --- one table per flag: positives (affirmed and hedged), then clear negations --------------------

CAUDA_EQUINA = [
    case(
        "en", "I have terrible back pain and I can't feel anything between my legs", "cauda_equina"
    ),
    case("en", "numbness in my saddle area since yesterday", "cauda_equina"),
    case("en", "my groin feels numb", "cauda_equina"),
    case("en", "tingling in my genitals and my back hurts", "cauda_equina"),
    case("en", "my inner thighs are numb", "cauda_equina"),
    case("en", "since this morning I have trouble peeing", "cauda_equina"),
    case("en", "I can't hold my urine anymore", "cauda_equina"),
    case("en", "I haven't been able to pee since yesterday", "cauda_equina"),
    case("en", "I wet myself last night without noticing", "cauda_equina"),
    case("en", "I've lost control of my bowels", "cauda_equina"),
    case("en", "I have no control over my bladder", "cauda_equina"),
    case("en", "new erectile dysfunction with my back pain", "cauda_equina"),
    case("en", "both legs are numb", "cauda_equina"),
    case("en", "weakness in both legs", "cauda_equina"),
    case("en", "tingling in both feet and my back is killing me", "cauda_equina"),
    case("en", "I no longer feel my legs", "cauda_equina"),
    case("en", "maybe some numbness between my legs", "cauda_equina"),
    case("en", "not sure if it's numbness in my groin", "cauda_equina"),
    case("fr", "j'ai mal au dos et je ne sens plus rien entre les jambes", "cauda_equina"),
    case("fr", "engourdissement au niveau du perinee", "cauda_equina"),
    case("fr", "j'ai du mal a uriner depuis hier", "cauda_equina"),
    case("fr", "incontinence urinaire depuis deux jours", "cauda_equina"),
    case("fr", "je ne sens plus mes jambes", "cauda_equina"),
    case("fr", "Je n'arrive plus à retenir mes urines", "cauda_equina"),
    case("nl", "ik heb rugpijn en voel niets meer tussen mijn benen", "cauda_equina"),
    case("nl", "ik kan mijn plas niet meer ophouden", "cauda_equina"),
    case("nl", "mijn beide benen zijn gevoelloos", "cauda_equina"),
    case("nl", "ik voel mijn benen niet meer", "cauda_equina"),
    case("nl", "ik kan niet plassen sinds gisteren", "cauda_equina"),
    case("nl", "ik heb geen controle meer over mijn blaas", "cauda_equina"),
    case("en", "I have no feeling in my groin", "cauda_equina"),
    case("en", "I can't feel it when I wipe", "cauda_equina"),
    case("en", "no numbness, no bladder problems"),
    case("en", "I don't have any numbness between my legs"),
    case("en", "no pain or numbness between my legs"),
    case("fr", "pas d'engourdissement entre les jambes"),
    case("fr", "je ne sens pas d'engourdissement entre les jambes"),
    case("en", "I have no feeling of pressure in my chest"),
    case("nl", "geen gevoelloosheid en geen problemen met plassen"),
]

HEART_ATTACK_SIGNS = [
    case("en", "I have chest pain", "heart_attack_signs"),
    case("en", "my chest hurts", "heart_attack_signs"),
    case("en", "pain in my chest going down my left arm", "heart_attack_signs"),
    case("en", "tightness in my chest and I'm sweating", "heart_attack_signs"),
    case("en", "it feels like an elephant sitting on my chest", "heart_attack_signs"),
    case("en", "crushing pain spreading to my jaw", "heart_attack_signs"),
    case("en", "chest pressure with nausea", "heart_attack_signs"),
    case("en", "my chest feels heavy", "heart_attack_signs"),
    case("en", "I think it's just a pulled chest muscle, my chest is sore", "heart_attack_signs"),
    case("fr", "j'ai une douleur dans la poitrine qui irradie dans le bras", "heart_attack_signs"),
    case("fr", "douleur thoracique depuis une heure", "heart_attack_signs"),
    case("fr", "ma poitrine est serree", "heart_attack_signs"),
    case("nl", "ik heb pijn op de borst", "heart_attack_signs"),
    case("nl", "drukkend gevoel op mijn borst", "heart_attack_signs"),
    case("nl", "borstpijn sinds vanochtend", "heart_attack_signs"),
    case("en", "no chest pain"),
    case("en", "I do not have chest pain"),
    case("fr", "pas de douleur a la poitrine"),
    case("fr", "aucune douleur thoracique"),
    case("nl", "geen pijn op de borst"),
]

BREATHING_EMERGENCY = [
    case("en", "I suddenly can't breathe", "breathing_emergency"),
    case("en", "I can't catch my breath", "breathing_emergency"),
    case("en", "I'm very short of breath since this morning", "breathing_emergency"),
    case("en", "it hurts when I breathe in", "breathing_emergency"),
    case("en", "I coughed up blood this morning", "breathing_emergency"),
    case("fr", "je n'arrive plus a respirer", "breathing_emergency"),
    case("fr", "je crache du sang", "breathing_emergency"),
    case("fr", "j'ai mal quand je respire, douleur en inspirant", "breathing_emergency"),
    case("nl", "ik kan niet meer ademen", "breathing_emergency"),
    case("nl", "ik hoest bloed op", "breathing_emergency"),
    case("nl", "ik ben plots heel kortademig", "breathing_emergency"),
    case("en", "no shortness of breath"),
    case("en", "I have never coughed up blood"),
    case("en", "I've never experienced chest pain"),
    case("fr", "pas d'essoufflement"),
    case("nl", "ik ben niet kortademig"),
]

DVT = [
    case("en", "It looks a bit puffier than the right, my sock left a mark", "dvt"),
    case("en", "The skin on that calf is a bit warm and pinkish", "dvt"),
    case("fr", "mon mollet gauche est plus gonflé que l'autre", "dvt"),
    case("nl", "mijn linkerkuit is dikker dan de rechter", "dvt"),
    case("en", "my left calf is swollen and red", "dvt"),
    case("en", "one leg is swollen", "dvt"),
    case("en", "one of my legs is swollen and warm", "dvt"),
    case("en", "not sure but my leg is swollen", "dvt"),
    case("en", "throbbing calf with swelling", "dvt"),
    case("en", "the skin on my leg is warm and red", "dvt"),
    case("fr", "mon mollet gauche est gonfle et chaud", "dvt"),
    case("fr", "ma jambe est enflée", "dvt"),
    case("nl", "mijn kuit is gezwollen en warm", "dvt"),
    case("nl", "mijn linkerbeen is dik en rood", "dvt"),
    case("en", "my calf cramps after football"),
    case("en", "my calf isn't swollen"),
    case("en", "no swelling in my calf"),
    case("fr", "pas de gonflement du mollet"),
    case("nl", "geen zwelling in mijn kuit"),
]

THUNDERCLAP_HEADACHE = [
    case("en", "this is the worst headache of my life", "thunderclap_headache"),
    case("en", "sudden severe headache a few minutes ago", "thunderclap_headache"),
    case("en", "the headache peaked within a minute", "thunderclap_headache"),
    case("en", "it came like a thunderclap", "thunderclap_headache"),
    case("en", "it felt like being hit on the head", "thunderclap_headache"),
    case("en", "I've never had a headache like this", "thunderclap_headache"),
    case("fr", "le pire mal de tête de ma vie", "thunderclap_headache"),
    case("fr", "mal de tete brutal, en coup de tonnerre", "thunderclap_headache"),
    case("nl", "de ergste hoofdpijn ooit", "thunderclap_headache"),
    case("nl", "plotselinge hevige hoofdpijn", "thunderclap_headache"),
    case("en", "I often get a headache in the afternoon"),
    case("en", "no sudden headache"),
    case("fr", "pas de mal de tete soudain"),
    case("nl", "geen plotse hoofdpijn"),
]

MENINGITIS_SIGNS = [
    case("en", "I have a headache and a fever", "meningitis_signs", "fever_infection"),
    case("en", "stiff neck and a high temperature", "meningitis_signs", "fever_infection"),
    case("en", "headache with a rash on my legs", "meningitis_signs"),
    case("en", "a rash that does not fade under a glass", "meningitis_signs"),
    case("en", "headache, stiff neck and the light hurts my eyes", "meningitis_signs"),
    case("fr", "j'ai mal a la tete et de la fievre", "meningitis_signs", "fever_infection"),
    case("fr", "la nuque raide et de la fièvre", "meningitis_signs", "fever_infection"),
    case("nl", "ik heb hoofdpijn en koorts", "meningitis_signs", "fever_infection"),
    case("nl", "vlekjes die niet verdwijnen onder een glas", "meningitis_signs"),
    case("en", "stiff neck and a headache from sitting at my desk"),
    case("en", "headache but no fever"),
    case("en", "I have a headache, no fever and no rash"),
    case("fr", "mal de tete mais pas de fievre"),
    case("nl", "hoofdpijn zonder koorts"),
]

NEURO_DEFICIT = [
    case("en", "my face is drooping on one side", "neuro_deficit"),
    case("en", "my speech is slurred", "neuro_deficit"),
    case("en", "I have trouble speaking since this morning", "neuro_deficit"),
    case("en", "sudden weakness in my right arm", "neuro_deficit"),
    case("en", "numbness on the left side of my body", "neuro_deficit"),
    case("en", "I feel confused", "neuro_deficit"),
    case("en", "I have double vision", "neuro_deficit"),
    case("en", "blurred vision and a headache", "neuro_deficit"),
    case("en", "I passed out this morning", "neuro_deficit"),
    case("fr", "j'ai la bouche de travers", "neuro_deficit"),
    case("fr", "je me suis évanouie", "neuro_deficit"),
    case("fr", "je vois double", "neuro_deficit"),
    case("nl", "ik kan niet goed praten", "neuro_deficit"),
    case("nl", "ik ben flauwgevallen", "neuro_deficit"),
    case("nl", "mijn mond hangt scheef", "neuro_deficit"),
    case("en", "I'm confused about the prices"),
    case("en", "I'm not confused and I can speak normally"),
    case("fr", "je suis confuse, j'ai oublie mon rendez-vous"),
    case("nl", "ik heb geen dubbelzien"),
]

HEAD_INJURY = [
    case("en", "I hit my head on the cupboard", "head_injury"),
    case("en", "I had a concussion last week", "head_injury"),
    case("en", "a blow to the head playing rugby", "head_injury"),
    case("fr", "je me suis cogne la tete", "head_injury"),
    case("fr", "j'ai eu une commotion cerebrale", "head_injury"),
    case("nl", "ik heb mijn hoofd gestoten", "head_injury"),
    case("nl", "hersenschudding na een val", "head_injury", "trauma"),
    case("en", "no head injury"),
    case("fr", "pas de coup a la tete"),
    case("nl", "geen hersenschudding"),
]

GIANT_CELL_ARTERITIS = [
    case("en", "my scalp is tender when I comb my hair", "giant_cell_arteritis"),
    case("en", "I'm 67 and my jaw hurts when I chew", "giant_cell_arteritis"),
    case("en", "jaw pain when chewing and a headache on the side", "giant_cell_arteritis"),
    case(
        "en",
        "I am 72 years old with a new headache and blurred vision",
        "giant_cell_arteritis",
        "neuro_deficit",
    ),
    case("fr", "j'ai 70 ans et mal a la machoire quand je mange", "giant_cell_arteritis"),
    case("fr", "mon cuir chevelu est douloureux quand je me coiffe", "giant_cell_arteritis"),
    case("nl", "mijn hoofdhuid is gevoelig", "giant_cell_arteritis"),
    case("nl", "ik ben 68 jaar en heb pijn in mijn kaak bij het kauwen", "giant_cell_arteritis"),
    case("en", "my jaw hurts when chewing"),
    case("en", "I'm 60 and my shoulder hurts"),
    case("fr", "j'ai mal a la machoire quand je mange"),
    case("nl", "mijn kaak doet pijn bij het kauwen"),
]

NEW_PAIN_OVER_50 = [
    case("en", "I'm 63 and I've never had this pain before", "new_pain_over_50"),
    case("fr", "j'ai 58 ans et c'est une douleur nouvelle", "new_pain_over_50"),
    case("nl", "ik ben 63 en heb nooit last van mijn heup gehad", "new_pain_over_50"),
    case("nl", "Ik ben 66 en heb nog nooit rugpijn gehad", "new_pain_over_50"),
    case("fr", "J'ai septante ans et je n'avais jamais eu mal à la hanche", "new_pain_over_50"),
    case("en", "I'm 34 and never had this before"),
    case("en", "I'm 63 and I've had this for years"),
    case("nl", "ik ben 70 en heb al jaren last van mijn rug"),
    # A known pain again or worse, a first time long ago, someone else's age, a weight.
    case("fr", "J'ai 60 ans et j'ai une nouvelle fois mal au dos"),
    case("fr", "J'ai 60 ans, j'ai acheté une nouvelle chaise"),
    case("en", "I'm 60 and this is not the first time I have this pain"),
    case("en", "I'm 60 and the first time I had back pain was 20 years ago"),
    case("en", "I'm 60. For the first time in weeks no pain today"),
    case("en", "I'm 58 and I've never had it this bad before"),
    case("nl", "Ik ben 63, voor het eerst in weken minder pijn"),
    case("nl", "Ik ben 60, de eerste keer dat ik last had was 10 jaar geleden"),
    case("en", "I lift boxes of over 50 kg, it's a new pain"),
    case("fr", "Mon père a 75 ans, c'est une douleur nouvelle"),
    case("nl", "Mijn moeder is 80 jaar, nieuwe pijn"),
    case("fr", "j'ai 60 ans et jamais eu aussi mal"),
    case("nl", "ik ben 63 en nog nooit zo'n pijn gehad"),
]

TRAUMA = [
    case("en", "I fell down the stairs yesterday", "major_trauma", "trauma"),
    case("en", "I had a car accident last month", "major_trauma", "trauma"),
    case("en", "after a bike crash my back hurts", "trauma"),
    case("en", "I got hit by a car", "major_trauma", "trauma"),
    case("en", "I slipped and fell on the ice", "trauma"),
    case("en", "I had a ski accident in February", "trauma"),
    case("en", "I have osteoporosis and bumped my hip", "fragility_fracture"),
    case("en", "small knock on my back, I'm on steroids", "fragility_fracture"),
    case("fr", "j'ai glissé dans la douche, et j'ai de l'ostéoporose", "fragility_fracture"),
    case("nl", "ik heb me gestoten en ik neem cortisone", "fragility_fracture"),
    case("en", "I have osteoporosis but I haven't fallen"),
    # A local injection, a cream or an inhaler is not the steroid that makes bones fragile.
    case("en", "I had a cortisone injection in my knee and it hurts when I twist"),
    case("fr", "J'ai eu une infiltration de cortisone et je me suis cogné"),
    case("nl", "ik kreeg een spuitje cortisone en ben gevallen", "trauma"),
    case("en", "I use a steroid inhaler and slipped"),
    case(
        "en", "after a long trip in the car my back hurts, I take prednisone", "bone_risk_back_pain"
    ),
    case("en", "on prednisone for years, I walked into the door frame", "fragility_fracture"),
    case("fr", "je suis tombée dans les escaliers", "major_trauma", "trauma"),
    case("fr", "accident de voiture il y a deux semaines", "major_trauma", "trauma"),
    case("nl", "ik ben gevallen van de trap", "major_trauma", "trauma"),
    case("nl", "ik had een auto-ongeluk", "major_trauma", "trauma"),
    case("en", "I strained it at the gym"),
    case("en", "it's an old sports injury"),
    case("en", "it started after an injury"),
    case("en", "I can't fall asleep because of the pain"),
    case("en", "I accidentally slept in a bad position"),
    case("en", "I have never had an accident"),
    case("fr", "je n'ai pas fait de chute"),
    case("nl", "ik ben niet gevallen"),
    case("nl", "ik heb per ongeluk verkeerd getild"),
]

FEVER_INFECTION = [
    case("en", "I think I have a fever", "fever_infection"),
    case("en", "temperature of 38.5 since yesterday", "fever_infection"),
    case("en", "chills with the back pain", "fever_infection"),
    case("en", "I'm on chemotherapy", "fever_infection", "cancer_history"),
    case("en", "I have a weakened immune system", "fever_infection"),
    case("en", "I'm immunosuppressed after a transplant", "fever_infection"),
    case("en", "I inject drugs", "fever_infection"),
    case("en", "I had a urinary infection last week", "fever_infection"),
    case("fr", "j'ai de la fievre", "fever_infection"),
    case("fr", "J'ai de la FIÈVRE et des frissons", "fever_infection"),
    case("nl", "ik heb koorts", "fever_infection"),
    case("nl", "ik heb rillingen", "fever_infection"),
    case("en", "no fever"),
    case("en", "without fever"),
    case("en", "fever? no"),
    case("en", "I haven't had any fever"),
    case("en", "is anything injected?"),
    case("fr", "je n'ai pas de fievre"),
    case("fr", "sans fièvre"),
    case("nl", "geen koorts"),
    case("nl", "koorts? nee"),
]

WEIGHT_LOSS = [
    case("en", "I've lost weight without trying", "weight_loss"),
    case("en", "unexplained weight loss over two months", "weight_loss"),
    case("en", "I lost 6 kg and I don't know why", "weight_loss"),
    case("fr", "j'ai perdu du poids sans raison", "weight_loss"),
    case("fr", "perte de poids inexpliquée", "weight_loss"),
    case("nl", "ik ben 5 kilo afgevallen zonder reden", "weight_loss"),
    case("en", "no weight loss"),
    case("en", "I'm trying to lose weight"),
    case("fr", "pas de perte de poids"),
    case("nl", "geen gewichtsverlies"),
]

CANCER_HISTORY = [
    case("en", "I had breast cancer five years ago", "cancer_history"),
    case("en", "history of prostate cancer", "cancer_history"),
    case("en", "I'm a cancer survivor", "cancer_history"),
    case("en", "they found a tumour last year", "cancer_history"),
    case("en", "I had chemo ten years ago", "cancer_history"),
    case("en", "metastases in my spine", "cancer_history"),
    case("fr", "j'ai eu un cancer du sein", "cancer_history"),
    case("nl", "ik heb borstkanker gehad", "cancer_history"),
    case("en", "never had cancer"),
    case("en", "no history of cancer"),
    case("fr", "jamais eu de cancer"),
    case("nl", "nooit kanker gehad"),
]

NIGHT_PAIN = [
    case("nl", "ik kan in geen enkele houding liggen, de pijn is er heel de nacht", "night_pain"),
    case("nl", "de pijn is er heel de nacht, in elke houding", "night_pain"),
    case(
        "en",
        "constant pain at night that doesn't ease when I change position",
        "night_pain",
    ),
    case("en", "it wakes me every night whatever position I sleep in", "night_pain"),
    case("en", "no position helps at night, the pain is constant", "night_pain"),
    case("fr", "la douleur est constante la nuit, quelle que soit la position", "night_pain"),
    case("nl", "'s nachts constant pijn, welke houding ik ook aanneem", "night_pain"),
    case("en", "it hurts at night when I lie on it"),
    case("en", "it's worse at night"),
    case("fr", "j'ai plus mal la nuit quand je me couche sur le cote"),
    case("nl", "'s nachts meer pijn als ik op mijn schouder lig"),
]

PROGRESSIVE_WEAKNESS = [
    case("en", "the weakness in my leg is getting worse", "progressive_weakness", "neuro_deficit"),
    case("en", "the numbness is getting worse every day", "progressive_weakness"),
    case("en", "I have trouble walking", "progressive_weakness"),
    case("en", "my legs keep giving way", "progressive_weakness", "focal_weakness"),
    case("en", "I have a foot drop", "progressive_weakness"),
    case("en", "I can't lift my foot", "progressive_weakness", "focal_weakness"),
    case("fr", "j'ai de plus en plus de mal a marcher", "progressive_weakness"),
    case("fr", "ma jambe lache", "progressive_weakness"),
    case("nl", "ik kan bijna niet meer lopen", "progressive_weakness"),
    case("nl", "mijn been zakt steeds door", "progressive_weakness", "focal_weakness"),
    case("en", "no trouble walking"),
    case("en", "my knee gives way on the stairs sometimes"),
    case("fr", "pas de difficulte a marcher"),
    case("nl", "geen moeite met lopen"),
]

SELF_HARM = [
    case("en", "sometimes I think about killing myself", "self_harm"),
    case("en", "I don't want to live anymore", "self_harm"),
    case("en", "I have thoughts of ending my life", "self_harm"),
    case("en", "I've been self-harming", "self_harm"),
    case("fr", "j'ai des idées suicidaires", "self_harm"),
    case("fr", "je veux mourir", "self_harm"),
    case("nl", "ik wil niet meer leven", "self_harm"),
    case("nl", "ik denk aan zelfmoord", "self_harm"),
    case("en", "I hurt myself lifting a box"),
    case("en", "this pain is killing me"),
    case("fr", "je veux en finir avec cette douleur"),
    case("nl", "ik ben niet suicidaal"),
]

# --- negation scope, lists, hedges, several flags in one message ----------------------------------

NEGATION_AND_HEDGES = [
    case("en", "I'm not sure if I have a fever", "fever_infection"),
    case("en", "I'm not certain whether my leg is swollen", "dvt"),
    case("en", "no idea if I have a temperature", "fever_infection"),
    case("fr", "je ne sais pas si j'ai de la fievre", "fever_infection"),
    case("fr", "je ne suis pas sûre d'avoir de la fièvre", "fever_infection"),
    case("fr", "je n'ai que de la fievre", "fever_infection"),
    case("nl", "ik weet niet of ik koorts heb", "fever_infection"),
    case("nl", "ik weet het niet zeker, misschien koorts", "fever_infection"),
    case("en", "no fever, chills or weight loss"),
    case("en", "I don't have fever or chills"),
    case("en", "no fever, no chills, no night sweats"),
    case("en", "numbness? none"),
    case("en", "Any numbness? No"),
    case("fr", "je n'ai pas de fievre ni de frissons"),
    case("fr", "fièvre : non"),
    case("nl", "ik heb geen koorts en geen rillingen"),
    case("en", "no fever but I can't feel my saddle area", "cauda_equina"),
    case("en", "no fever; my legs are numb", "cauda_equina"),
    case("en", "no fever, legs are numb", "cauda_equina"),
    case("en", "no fever and I have chest pain", "heart_attack_signs"),
    case("en", "no fever and can't feel my legs", "cauda_equina"),
    case("en", "no numbness however I have chest pain", "heart_attack_signs"),
    case("en", "no chest pain, although I coughed up blood", "breathing_emergency"),
    case("en", "never had cancer, but I have a fever", "fever_infection"),
    case("en", "I never had chest pain like this before", "heart_attack_signs"),
    case("en", "No. But my legs are numb", "cauda_equina"),
    case("fr", "pas de fievre mais je ne sens plus mes jambes", "cauda_equina"),
    case("nl", "geen koorts maar wel pijn op de borst", "heart_attack_signs"),
    case("nl", "geen koorts, wel rillingen", "fever_infection"),
    case("nl", "ik heb geen koorts, maar mijn kuit is dik en rood", "dvt"),
    case("en", "no fever, no chest pain, but I've lost weight without trying", "weight_loss"),
    case(
        "en",
        "no weight loss, but constant pain at night that doesn't ease when I change position",
        "night_pain",
    ),
    case(
        "en",
        "I fell off my bike, hit my head and now I have chest pain and a fever",
        "heart_attack_signs",
        "head_injury",
        "trauma",
        "fever_infection",
    ),
    case(
        "en",
        "no chest pain, but my calf is swollen and I'm short of breath",
        "dvt",
        "breathing_emergency",
    ),
]

# --- everyday complaints that must not raise anything ---------------------------------------------

EVERYDAY = [
    # Flemish and Brussels negations ("nie", "gene"), "ni ... ni", an idiom, a place name, an
    # accident long ago: nothing to alarm about.
    case("nl", "nee, knie is nie dik, nie warm, gene koorts"),
    case("nl", "'k ben nie gevallen of iets, gewoon te zwaar geheven"),
    case("fr", "les genoux ne sont ni gonflés ni chauds"),
    case("fr", "le genou n'a jamais été gonflé ni chaud"),
    case("fr", "mon médecin m'a dit de lever le pied avec le sport"),
    case("nl", "Sint-Lambrechts-Woluwe, Tomberg"),
    case("nl", "ik slaap heel de nacht goed"),
    case("en", "a titanium plate in my wrist from a bike accident years ago"),
    case("en", "my right arm is bigger than the left one since I started the gym"),
    case("en", "my knee hurts on stairs"),
    case("en", "it hurts when I chew"),
    case("en", "stiff neck when I wake up"),
    case("en", "worse at night when I lie on my left shoulder"),
    case("en", "I pulled a muscle at the gym"),
    case("en", "my calf is tight after running"),
    case("fr", "j'ai mal au dos depuis trois semaines"),
    case("nl", "mijn nek zit vast"),
    case("en", "headache after a day at the computer"),
    case("en", "I'm afraid of needles"),
    case("en", "I'm pregnant"),
    case("en", "I have diabetes"),
    case("en", "my lower back hurts, no numbness and no fever"),
    case("en", "none of these"),
    case("en", "no"),
    case("en", "Hello, I'd like to book an appointment at Kraainem"),
    case("en", "I get headaches from my neck"),
    case("en", "the pain goes down my arm to my thumb"),
    case("en", "my buttock hurts when I sit"),
    case("en", "my leg goes numb when I sit too long"),
    case("en", "my hip hurts when I lie on my side"),
    case("en", "I'm sore after the treatment and have a small bruise"),
    case("fr", "j'ai une douleur a l'epaule quand je leve le bras"),
    case("fr", "le tennis-elbow me fait mal depuis un mois"),
    case("nl", "ik heb pijn in mijn onderrug"),
    case("nl", "mijn schouder doet pijn als ik mijn arm hef"),
    case("en", "I have a collapsed disc"),
    case("en", "I did chest presses and now my shoulder hurts"),
    case("en", "should I use hot and cold therapy?"),
    case("en", "I have fallen arches"),
    case("en", "numbness at the bottom of my foot"),
    case("en", "the worst back pain of my life"),
    case("en", "I'm confused, which centre should I choose?"),
    case("en", "is dry needling safe? what about infection risk?"),
    case("en", "I can't find a comfortable position"),
    case("en", "I like breast stroke swimming"),
]

# Deliberate, conservative readings: each is a possible false alarm accepted to avoid a miss.
DELIBERATE = [
    case("en", "my chest muscles are tight from the gym", "heart_attack_signs"),
    # A relative's cancer still counts: relatives often write for the patient ("my husband had
    # prostate cancer, now his back hurts"), and the GP tier does not block booking.
    case("en", "my grandmother had cancer", "cancer_history"),
    case("fr", "ma mere a eu un cancer du sein", "cancer_history"),
    case("nl", "mijn vader had prostaatkanker", "cancer_history"),
    case("en", "I lost some weight but that's just after the baby"),
    case("fr", "j'ai maigri depuis l'accouchement"),
    case("nl", "ik ben afgevallen sinds de bevalling"),
    case("en", "I lost 6 kilos without dieting", "weight_loss"),
    case("nl", "veel vermagerd zonder dieet", "weight_loss"),
    case("en", "I could kill myself for forgetting my appointment", "self_harm"),
    case("en", "I can't walk far because of my back pain", "progressive_weakness"),
    case("en", "my arm is weak since my shoulder injury", "neuro_deficit"),
    case("en", "tingling in my buttocks", "cauda_equina"),
    case("en", "I don't think I have a fever", "fever_infection"),
    case("en", "no fever, no chills, " + "no fever, " * 12, "fever_infection"),
]

# Misses and false alarms found in the NLU training data and by the clinic (issue 6).
PATIENT_PHRASINGS = [
    case("fr", "je n'ai plus envie de vivre", "self_harm"),
    case("fr", "je n'ai pas envie de vivre comme ça", "self_harm"),
    case("fr", "je pense à en finir", "self_harm"),
    case("nl", "ik denk eraan om er een einde aan te maken", "self_harm"),
    case("nl", "een van mijn benen is dik en warm", "dvt"),
    case("fr", "une de mes jambes est gonflée et chaude", "dvt"),
    case("nl", "mijn zitvlak is gevoelloos", "cauda_equina"),
    case("fr", "j'ai la zone entre les cuisses engourdie", "cauda_equina"),
    case("fr", "j'ai fait pipi sur moi et j'ai horriblement mal au dos", "cauda_equina"),
    case("nl", "ik kan sinds gisteren niet meer plassen en mijn rug doet pijn", "cauda_equina"),
    case("fr", "mon visage s'affaisse et je parle mal", "neuro_deficit"),
    case("fr", "je suis confus et mon bras est faible", "neuro_deficit"),
    case("nl", "ik zie plots niet goed meer en mijn hoofd doet pijn", "neuro_deficit"),
    case("nl", "de pijn is er de hele nacht, hoe ik ook lig", "night_pain"),
    case("nl", "ik kan steeds slechter stappen", "progressive_weakness"),
    case("fr", "laisse tomber"),
    case("fr", "laissez tomber, ce n'est pas grave"),
    case("fr", "ça tombe bien, je suis libre mardi"),
    case("fr", "laisse tomber, je suis tombé hier dans le bus", "trauma"),
    case("en", "I haven't fallen or had an accident"),
    case("en", "my shoulder hurts, I haven't fallen or had an accident"),
    case("en", "I haven't fallen but I had an accident", "trauma"),
    case("en", "I have no fever and had chills", "fever_infection"),
    case("fr", "je ne suis pas tombé et je n'ai jamais eu d'accident"),
    case("nl", "mijn hoofd doet pijn"),
]

# Round 4 of the blind development sets: hidden and everyday phrasings (own wording here).
HIDDEN_AND_FIGURATIVE = [
    case("en", "her mouth is sagging down on one side since lunch", "neuro_deficit"),
    case("en", "his words come out all wrong tonight", "neuro_deficit"),
    case("en", "I can't really feel the toilet paper when I wipe", "cauda_equina"),
    case("en", "my bladder is odd, I don't really feel when it's full", "cauda_equina"),
    case("en", "my back is killing me and I cannot control the toilet", "cauda_equina"),
    case("fr", "depuis ce matin je ne retiens plus mes urines", "cauda_equina"),
    case("fr", "je me suis mouillée sans m'en rendre compte", "cauda_equina"),
    case("nl", "sinds gisteren kan ik mijn plas niet meer ophouden", "cauda_equina"),
    case("nl", "ik voel niks meer als ik mij afveeg", "cauda_equina"),
    case("nl", "geen gevoelloosheid tussen mijn benen, gewoon stijf"),
    case("fr", "j'ai décidé d'en finir demain", "self_harm"),
    case(
        "nl",
        "mijn linkerarm voelt al een uur of twee zwaar aan en ik zweet",
        "atypical_heart_attack",
    ),
    case("nl", "mijn vader is van een stelling gevallen", "major_trauma", "trauma"),
    case("en", "after an infected cut I feel hot and shivery", "fever_infection"),
    case("en", "treated with antibiotics for my foot last week", "fever_infection"),
    case("en", "I'm paralysed with fear of the needles"),
    case("fr", "je suis paralysée par la peur des aiguilles"),
    case("nl", "ik ben verlamd van angst voor naalden"),
    case("en", "my leg is paralysed since this morning", "neuro_deficit"),
    case("en", "I nearly fainted when I saw the bill"),
    case("fr", "j'ai failli faire une crise cardiaque en voyant le prix"),
    case("nl", "ik kreeg bijna een hartaanval toen ik de rekening zag"),
    case("fr", "j'ai eu de la fièvre il y a trois mois, c'est passé"),
    case("nl", "ik had koorts, drie maanden geleden"),
    case("en", "I had a fever last week and now my back hurts", "fever_infection"),
    # Round 5 (own wording): hidden, told by others, in dialect; and sport words.
    case("en", "one side of my mum's mouth is drooping since breakfast", "neuro_deficit"),
    case("en", "he can't find his words this morning", "neuro_deficit"),
    case("en", "she talks like she was drunk and has had nothing", "neuro_deficit"),
    case("en", "my left side feels like it belongs to someone else", "neuro_deficit"),
    case("en", "a dark curtain came down over my right eye", "neuro_deficit"),
    case("fr", "tout le côté droit est engourdi depuis ce matin", "neuro_deficit"),
    case("fr", "je ne vois plus rien de l'œil droit", "neuro_deficit"),
    case("nl", "mijn linkerkant voelt niet meer van mij", "neuro_deficit"),
    case("nl", "ik zie niks meer met mijn rechteroog", "neuro_deficit"),
    case("fr", "j'ai une barre sur la poitrine", "heart_attack_signs"),
    case("nl", "het trekt van mijn kaak naar mijn arm en ik ben klam", "atypical_heart_attack"),
    case("nl", "zwaar gevoel boven in mijn maag en koud zweet", "atypical_heart_attack"),
    case("nl", "plots de ergste koppijn van mijn leven", "thunderclap_headache"),
    case("nl", "ik kan niet meer op adem komen", "breathing_emergency"),
    case("en", "I've saved up the pills for the weekend", "self_harm"),
    case("fr", "j'ai écrit des lettres à mes enfants", "self_harm"),
    case("nl", "ik zie het niet meer zitten", "self_harm"),
    case("fr", "je n'ai plus uriné du tout depuis hier", "cauda_equina"),
    case("fr", "j'ai des fuites, pipi et selles", "cauda_equina"),
    case("en", "my grandad fell down the whole staircase", "major_trauma", "trauma"),
    case("en", "the car we were in rolled over", "major_trauma"),
    case("fr", "il est tombé de l'échelle", "major_trauma", "trauma"),
    case("nl", "onze auto ging over de kop", "major_trauma"),
    case("fr", "ma main lâche tout depuis lundi", "focal_weakness"),
    case("en", "tingling in my toes since friday, now it's up to my knees", "progressive_weakness"),
    case("fr", "il a 39 depuis deux jours", "fever_infection"),
    case("fr", "j'en ai 40 et mal à la fesse"),
    case("nl", "ik draai en keer maar niks helpt", "night_pain"),
    case("en", "my butterfly stroke hurts my shoulder"),
    case("en", "I fell asleep on my arm and it tingled"),
    case("en", "I've fallen head over heels for padel"),
    case("en", "my wife nearly had a heart attack when I told her"),
    case("en", "world cup fever, five matches in a row"),
    case("fr", "mes pantalons tombent"),
    case("nl", "ik ben in elkaar gezakt van vermoeidheid"),
    case("nl", "ik krijg er een beroerte van"),
]

# Issue 18: presentations from the clinical red-flag lists (domain-notes.md section 3).
ATYPICAL_HEART_ATTACK = [
    # The chest and its spread to the arm in two places of one message.
    case(
        "en",
        "I think I pulled a muscle in my chest. It's heavy and it's going down my left arm",
        "heart_attack_signs",
    ),
    case(
        "fr", "ma poitrine me serre un peu et ca descend dans le bras gauche", "heart_attack_signs"
    ),
    case(
        "nl", "het zit in mijn borst en het straalt uit naar mijn linkerarm", "heart_attack_signs"
    ),
    case("en", "my jaw and left arm feel heavy and I'm sweating", "atypical_heart_attack"),
    case("en", "pain in my upper back and I feel sick and clammy", "atypical_heart_attack"),
    case("en", "pressure in my neck, I feel light-headed and queasy", "atypical_heart_attack"),
    case("fr", "j'ai mal au bras gauche et je transpire beaucoup", "atypical_heart_attack"),
    case("fr", "une lourdeur dans la machoire avec des nausees", "atypical_heart_attack"),
    case("nl", "mijn kaak doet pijn en ik ben misselijk", "atypical_heart_attack"),
    case("nl", "zwaar gevoel in mijn linkerarm en ik zweet heel erg", "atypical_heart_attack"),
    case("en", "my neck is sore from the desk, no nausea, no sweating"),
    case("en", "shoulder pain after the gym"),
    case("fr", "j'ai mal au cou a cause de l'ordinateur"),
    case("fr", "mal a l'epaule, pas de nausee"),
    case("nl", "nekpijn van het computerwerk"),
    case("nl", "pijn in mijn arm, niet misselijk"),
]

AORTIC_EMERGENCY = [
    case("en", "a tearing pain in my back and I feel faint", "aortic_emergency", "neuro_deficit"),
    case("en", "excruciating belly pain and I'm light-headed", "aortic_emergency"),
    case(
        "fr",
        "une douleur atroce dans le dos et j'ai fait un malaise",
        "aortic_emergency",
        "neuro_deficit",
    ),
    case(
        "fr",
        "douleur dechirante dans le ventre, je me sens sur le point de m'evanouir",
        "aortic_emergency",
        "neuro_deficit",
    ),
    case("nl", "scheurende pijn in mijn rug en ik voel me flauw", "aortic_emergency"),
    case("nl", "ondraaglijke buikpijn en licht in mijn hoofd", "aortic_emergency"),
    case("en", "severe back pain after lifting boxes"),
    case("en", "my back is killing me but no dizziness or fainting"),
    case("fr", "j'ai tres mal au dos depuis hier"),
    case("fr", "douleur violente dans le dos, pas de malaise"),
    case("nl", "hevige rugpijn na het tuinieren"),
    case("nl", "verschrikkelijke rugpijn, geen flauwte"),
]

TRAUMA_NEURO = [
    case(
        "en", "since the car crash my arms are tingling", "trauma_neuro", "major_trauma", "trauma"
    ),
    case("en", "I fell off my bike and now my hands are numb", "trauma_neuro", "trauma"),
    case(
        "en",
        "whiplash last week and weakness in my right arm",
        "trauma_neuro",
        "neuro_deficit",
        "trauma",
    ),
    case(
        "fr",
        "depuis ma chute j'ai des fourmillements dans les jambes",
        "trauma_neuro",
        "cauda_equina",
        "trauma",
    ),
    case("fr", "coup du lapin et engourdissement dans les bras", "trauma_neuro", "trauma"),
    case("nl", "na mijn val tintelingen in mijn armen", "trauma_neuro", "trauma"),
    case("nl", "sinds het ongeval zijn mijn benen slap", "trauma_neuro", "cauda_equina", "trauma"),
    case("en", "I fell last year, no tingling or weakness anywhere"),  # history, not today
    case("fr", "je suis tombee, pas de fourmillements", "trauma"),
    case("nl", "gevallen maar geen tintelingen", "trauma"),
    case("en", "my arms tingle when I sleep on them"),
    case("fr", "des fourmillements dans la main quand je dors"),
    case("nl", "tintelende vingers na het fietsen"),
]

MAJOR_TRAUMA = [
    case("en", "I fell off a ladder yesterday", "major_trauma", "trauma"),
    case("en", "I was rear-ended on the motorway", "major_trauma", "trauma"),
    case("fr", "je suis tombe d'une echelle", "major_trauma", "trauma"),
    case("fr", "j'ai ete renverse par une voiture", "major_trauma", "trauma"),
    case("nl", "ik ben van de ladder gevallen", "major_trauma", "trauma"),
    case("nl", "ik heb een verkeersongeval gehad", "major_trauma"),
    case("en", "I fell in love with running"),
    case("fr", "je suis tombe amoureux du velo"),
    case("nl", "ik had bijna een ongeluk gehad maar kon nog remmen", "trauma"),
    case("nl", "de trap oplopen doet pijn aan mijn knie"),
    case("en", "climbing stairs hurts my knee"),
]

FOCAL_WEAKNESS = [
    case("fr", "je n'arrive plus à lever le pied droit", "focal_weakness", "progressive_weakness"),
    case("fr", "j'ai du mal à relever la pointe du pied", "focal_weakness"),
    case("en", "I keep dropping things and my grip is weak", "focal_weakness"),
    case("en", "my toes keep catching on the floor", "focal_weakness"),
    case("fr", "je laisse tomber les objets depuis deux jours", "focal_weakness"),
    case("fr", "plus de force dans la main droite", "focal_weakness"),
    case("nl", "ik laat de laatste tijd alles vallen", "focal_weakness"),
    case("nl", "geen kracht meer in mijn hand", "focal_weakness"),
    case("en", "my grip is fine, it just hurts to type"),
    case("fr", "j'ai mal au poignet quand j'ecris"),
    case("nl", "mijn pols doet pijn als ik typ"),
]

BILATERAL_NUMBNESS = [
    case("en", "both my hands are numb since this morning", "bilateral_numbness"),
    case("en", "tingling in both arms", "bilateral_numbness"),
    case("fr", "engourdissement dans les deux bras", "bilateral_numbness"),
    case("fr", "mes deux mains sont engourdies", "bilateral_numbness"),
    case("nl", "tintelingen in beide handen", "bilateral_numbness"),
    case("nl", "mijn beide armen zijn gevoelloos", "bilateral_numbness"),
    case("en", "my right hand tingles after cycling"),
    case("fr", "pas d'engourdissement dans les bras"),
    case("nl", "geen tintelingen in mijn armen"),
]

HOT_SWOLLEN_JOINT = [
    case("fr", "mon genou est énorme, tout gonflé et très chaud", "hot_swollen_joint"),
    case("nl", "knie is dik en warm sinds gisteren", "hot_swollen_joint"),
    case("en", "my knee is hot and swollen", "hot_swollen_joint"),
    case("en", "my ankle swelled up overnight and it's red", "hot_swollen_joint"),
    case("fr", "mon genou est chaud et gonfle", "hot_swollen_joint"),
    case("fr", "cheville gonflee et rouge depuis ce matin", "hot_swollen_joint"),
    case("nl", "mijn knie is warm en gezwollen", "hot_swollen_joint"),
    case("nl", "mijn enkel is dik en rood", "hot_swollen_joint"),
    case("en", "my knee aches after running, not swollen"),
    case("fr", "mal au genou en courant"),
    case("nl", "mijn knie doet pijn na het lopen"),
]

# Round 6 (dev6): the same signs in other words, Belgian French and Flemish spellings, with their
# negated or ordinary counterparts; a relative's illness or a fever that is over is not a red flag.
ROUND_6 = [
    case(
        "en",
        "a dull ache since lunch that is moving up towards my jaw, bit sick to my stomach",
        "atypical_heart_attack",
    ),
    case(
        "fr",
        "ça me prend dans la nuque et le bras, et j'ai la tête qui tourne",
        "atypical_heart_attack",
    ),
    case("nl", "een drukkend gevoel in mijne schouder en ik ben duizelig", "atypical_heart_attack"),
    case("en", "the ache spreads into my neck after a day at the desk"),
    case("fr", "ça me prend dans la nuque quand je travaille à l'ordinateur"),
    case("nl", "een zwaar gevoel in mijn schouders na het zwemmen"),
    case(
        "en",
        "awful pain in my lower back and belly and the room is spinning",
        "aortic_emergency",
    ),
    case("fr", "douleur affreuse dans le ventre et j'ai des vertiges", "aortic_emergency"),
    case(
        "nl",
        "vreselijke pijn in mijn buik en hij is lijkbleek",
        "aortic_emergency",
        "neuro_deficit",
    ),
    case("en", "awful back pain after moving house"),
    case("fr", "douleur affreuse dans le dos depuis le déménagement"),
    case("nl", "vreselijke rugpijn na het verhuizen"),
    case("en", "honestly I don't see the point anymore", "self_harm"),
    case("en", "I've made a plan to end things", "self_harm"),
    case("fr", "je ne vois plus l'intérêt de vivre", "self_harm"),
    case("nl", "ik zie het nie meer zitten met die pijn", "self_harm"),
    case("nl", "ik heb een plan om ermee te stoppen, ik kan niet meer", "self_harm"),
    case("en", "I don't see the point of stretching if it hurts more"),
    case("fr", "je ne vois pas l'intérêt de ce massage"),
    case("nl", "ik heb een plan gemaakt om ermee te stoppen met roken"),
    case(
        "en",
        "she fell down the stairs and now she can't move her legs",
        "major_trauma",
        "neuro_deficit",
        "trauma",
    ),
    case(
        "fr",
        "après l'accident de moto il ne sent plus ses jambes",
        "major_trauma",
        "neuro_deficit",
        "trauma",
    ),
    case("nl", "na de val kan hij zijn benen ni bewegen", "neuro_deficit", "trauma"),
    case("en", "I fell last week and can move everything fine", "trauma"),
    case("fr", "tombé hier, je sens bien mes jambes", "trauma"),
    case("nl", "gevallen maar ik kan mijn armen gewoon bewegen", "trauma"),
    case("fr", "j'arrive pas à uriner depuis ce matin", "cauda_equina"),
    case("fr", "depuis mon mal de dos, plus d'érection du tout", "cauda_equina"),
    case("fr", "je ne sens plus quand il faut aller aux toilettes", "cauda_equina"),
    case("en", "I need to pee but nothing comes out", "cauda_equina"),
    case("en", "lost my erections since the back pain started", "cauda_equina"),
    case("nl", "ik voel niet meer wanneer ik naar het toilet moet", "cauda_equina"),
    case("nl", "geen erectie meer sinds die hernia", "cauda_equina"),
    case("en", "no erection problems, just back pain"),
    case("fr", "j'arrive à uriner sans problème"),
    case("nl", "plassen gaat gewoon goed"),
    case("en", "I can't hold my cup of coffee with my right hand since Tuesday", "focal_weakness"),
    case("en", "my handwriting has gone messy since yesterday", "focal_weakness"),
    case("fr", "je n'arrive plus à tenir ma fourchette", "focal_weakness"),
    case("fr", "ma cuisse est toute faible depuis hier", "focal_weakness"),
    case("nl", "ik kan mijn gsm ni meer vasthouden met mijn linkerhand", "focal_weakness"),
    case("nl", "mijn linkerhand is zwak sinds gisteren", "focal_weakness"),
    case("nl", "mijn linkervoet hangt sinds maandag", "focal_weakness"),
    case("en", "I can't hold my cup because my wrist hurts"),
    case("en", "my thighs feel weak after the squats"),
    case("fr", "je n'arrive plus à tenir mon téléphone tellement j'ai mal au poignet"),
    case("nl", "ik kan de sleutel niet omdraaien van de pijn in mijn pols"),
    case("nl", "mijn dijen voelen slap na het fietsen"),
    case("nl", "mijn twee handen slapen de hele dag", "bilateral_numbness"),
    case("nl", "mijne twee armen tintelen sinds gisteren", "bilateral_numbness"),
    case("en", "my legs get weaker by the day", "progressive_weakness"),
    case("en", "I keep tripping over nothing", "progressive_weakness"),
    case("fr", "je trébuche tout le temps depuis une semaine", "progressive_weakness"),
    case("nl", "mijn benen worden zwakker en zwakker", "progressive_weakness"),
    case("nl", "ik struikel steeds vaker", "progressive_weakness"),
    case("en", "I tripped once on the kerb last week"),
    case("fr", "j'ai trébuché une fois sur le trottoir"),
    case("nl", "mijn benen zijn moe na het wandelen"),
    case("nl", "hij viel met zijn hoofd tegen de tafel", "head_injury"),
    case("en", "the ache is there at rest and at night", "night_pain"),
    case("en", "my hip hurts even when I'm lying down", "night_pain"),
    case("fr", "j'ai mal à l'épaule même allongé", "night_pain"),
    case("fr", "la nuit, sur le dos ou sur le côté, c'est la même chose", "night_pain"),
    case("nl", "mijn schouder doet pijn, zelfs 's nachts", "night_pain"),
    case("nl", "'s nachts word ik wakker van de pijn en draaien helpt nie", "night_pain"),
    case("en", "it only hurts when I lift things, fine at rest and at night"),
    case("fr", "j'ai mal au dos quand je porte des courses, même la nuit ça va"),
    case("nl", "geen pijn in rust"),
    case("en", "62 and I've never had neck pain before", "new_pain_over_50"),
    case("en", "71F here, never had back pain before", "new_pain_over_50"),
    case("fr", "À 63 ans, c'est la première fois que j'ai mal au genou", "new_pain_over_50"),
    case("nl", "ik heb voor het eerst rugpijn, ik ben 66", "new_pain_over_50"),
    case("en", "62 and I've had this back pain on and off for years"),
    case("fr", "à 60 ans j'ai toujours eu mal au dos"),
    case("nl", "ik ben 70 en heb voor het eerst in jaren geen pijn"),
    case("en", "I've lost my appetite and some weight lately", "weight_loss"),
    case("en", "lost my job and some weight on purpose"),
    case("en", "had a fever a few days ago, all gone now, just a stiff back"),
    case("fr", "j'ai eu de la fièvre la semaine passée, guérie maintenant"),
    case("nl", "vorige week koorts gehad, nu weer helemaal genezen, maar mijn nek is stijf"),
    case("nl", "ik zweet mijn lakens doorweekt 's nachts", "fever_infection"),
    case("fr", "je trempe mes draps toutes les nuits", "fever_infection"),
    case("en", "my dad had a heart attack in March, I'm here for my knee"),
    case("fr", "la facture m'a presque donné une crise cardiaque"),
    case("fr", "mon oncle a fait un infarctus en janvier, moi c'est le genou"),
    case("nl", "mijn vader had een hartaanval in de zomer, ik kom voor mijn schouder"),
    case("nl", "die prijzen, ik kreeg er bijna nen hartaanval van"),
    case("en", "my aunt has leukaemia, so I'm nervous, but I'm here for a stiff neck"),
    case(
        "en",
        "my wife had breast cancer two years ago and now her back is aching",
        "cancer_history",
    ),
    case("fr", "mon frère a eu un cancer du côlon, moi je viens pour mon épaule"),
    case(
        "fr",
        "mon mari a eu un cancer de la prostate et maintenant il a mal au dos",
        "cancer_history",
    ),
    case("nl", "mijn zus heeft borstkanker gehad, zelf heb ik last van mijn nek"),
    case("nl", "mijn vader had darmkanker en nu heeft hij pijn in zijn rug", "cancer_history"),
]


# Round 7 (dev7): Flemish and Belgian French words for signs already known, each with a negated or
# ordinary counterpart; a healed clot long ago, or a relative's cancer the GP has already put in
# context, is not a red flag.
ROUND_7 = [
    case("fr", "depuis deux jours j'ai plus de sensation autour de l'anus", "cauda_equina"),
    case("fr", "je n'ai plus de sensation entre les cuisses", "cauda_equina"),
    case("fr", "mon père a perdu ses urines sans s'en rendre compte cette nuit", "cauda_equina"),
    case("fr", "je n'ai pas perdu mes urines, juste mal au dos"),
    case("fr", "aucune sensation bizarre entre les cuisses, c'est le bas du dos"),
    case("nl", "kheb een doof gevoel rond mijn aars sinds gisteren", "cauda_equina"),
    case("nl", "bij het afvegen voel ik het wc papier nie goed", "cauda_equina"),
    case("nl", "zijn benen zijn precies verdoofd sinds vanmorgen", "cauda_equina"),
    case("nl", "geen doof gevoel rond mijn aars, enkel rugpijn"),
    case("fr", "une douleur au centre de la poitrine depuis une demi-heure", "heart_attack_signs"),
    case("fr", "j'ai la poitrine comme prise dans un étau", "heart_attack_signs"),
    case("fr", "pas de douleur au milieu de la poitrine, seulement le dos"),
    case("nl", "precies ne olifant die op mijn borst zit", "heart_attack_signs"),
    case("nl", "een beklemmend gevoel midden in mijn borst sinds een uur", "heart_attack_signs"),
    case("nl", "geen beklemmend gevoel op mijn borst, alleen mijn nek"),
    case("nl", "mijn kat ligt 's avonds graag op mijn borst"),
    case("fr", "elle a mal dans le haut du dos et elle est toute grise", "atypical_heart_attack"),
    case(
        "fr", "il transpire et il a envie de vomir, assis sur une chaise", "atypical_heart_attack"
    ),
    case(
        "nl", "mijn borst doet geen pijn maar ik zweet en moet overgeven", "atypical_heart_attack"
    ),
    case("nl", "ik zweet na het sporten en ben dan wat misselijk"),
    case("fr", "elle porte une veste grise et a mal au cou depuis le sport"),
    case(
        "nl",
        "mijn rug voelt alsof hij openscheurt en ik voel mij zo slap",
        "aortic_emergency",
    ),
    case("nl", "ik voel me slap na de griep, de rugpijn valt mee"),
    case("fr", "ma cheville droite est enflée, l'autre pas", "dvt"),
    case("fr", "ma cheville n'est pas enflée, l'autre non plus"),
    case("fr", "j'ai fait une thrombose il y a six ans, depuis plus rien"),
    case("en", "I had a blood clot in my leg eight years ago, all fine since"),
    case("nl", "mijn kuit klopt al sinds gisteren", "dvt"),
    case("nl", "het rechtse been is dikker dan gisteren", "dvt"),
    case("nl", "mijn kuit klopt na het voetbal"),
    case("nl", "ik had een trombose vijf jaar geleden, nu alles goed"),
    case("nl", "ik krijg steken in mijn borst telkens als ik inadem", "breathing_emergency"),
    case("nl", "hij hijgt bij de minste inspanning", "breathing_emergency"),
    case("nl", "een steek in mijn zij als ik inadem na het lopen"),
    case(
        "fr",
        "elle a mal à la poitrine quand elle respire",
        "breathing_emergency",
        "heart_attack_signs",
    ),
    case("fr", "il voulait en finir, il me l'a dit hier", "self_harm"),
    case("fr", "je voudrais juste partir sans souffrir", "self_harm"),
    case("fr", "elle voulait en finir avec cette tendinite"),
    case("nl", "ik heb mijn pillen al klaargelegd voor als het niet beter wordt", "self_harm"),
    case("nl", "ik ben liever dood dan zo verder te gaan", "self_harm"),
    case("nl", "mijn pillen voor de reis liggen klaar"),
    case("en", "I'd rather be dead than live like this", "self_harm"),
    case("en", "I'd rather be at home than in a waiting room"),
    case("fr", "je n'arrive plus à lever les orteils du pied droit", "focal_weakness"),
    case("fr", "je lâche mes couverts sans le vouloir", "focal_weakness"),
    case("fr", "je lâche mes clés dans le bac de l'entrée"),
    case("nl", "sinds vanmorgen geen kracht in mijn rechterhand", "focal_weakness"),
    case("nl", "alles valt uit mijn linkerhand", "focal_weakness"),
    case("nl", "er valt niets uit mijn handen, ik heb alleen nekpijn"),
    case("fr", "ma mère marche de moins en moins bien", "progressive_weakness"),
    case("fr", "je marche de mieux en mieux depuis la kiné"),
    case("nl", "hij wandelt elke week slechter", "progressive_weakness"),
    case("nl", "ik wandel elke dag een halfuurtje"),
    case("nl", "mijn twee handen worden dover", "bilateral_numbness"),
    case(
        "nl",
        "na de valpartij met de fiets slaapt mijn linkerarm de hele tijd",
        "trauma_neuro",
        "trauma",
    ),
    case("nl", "mijn arm slaapt soms als ik op mijn zij lig"),
    case(
        "nl",
        "mijn vader (72) heeft sinds kort hoofdpijn, iets wat hij vroeger nooit had",
        "giant_cell_arteritis",
    ),
    case("nl", "vroeger had ik nooit hoofdpijn en nu wel, ik ben 70", "giant_cell_arteritis"),
    case("nl", "ik ben 70 en ik heb nooit hoofdpijn"),
    case(
        "fr",
        "j'ai 68 ans et jamais eu de maux de tête avant cet automne",
        "giant_cell_arteritis",
    ),
    case(
        "fr",
        "ostéoporose, et hier j'ai loupé une marche, depuis mal au dos",
        "fragility_fracture",
        "bone_risk_back_pain",
    ),
    case(
        "nl",
        "ik neem al jaren prednison en bij het niezen voelde ik een krak in mijn rug",
        "fragility_fracture",
    ),
    case(
        "en",
        "I'm on long-term prednisolone and felt a crack in my back when I sneezed",
        "fragility_fracture",
    ),
    case("nl", "ik heb osteoporose en moet veel niezen door de pollen"),
    case("nl", "mijn vader heeft kanker gehad, maar mijn huisarts zegt dat het spierpijn is"),
    case("fr", "ma mère a eu un cancer, mais mon médecin m'a dit que c'est musculaire"),
    case("en", "my mum had cancer, but my GP says this is just a tight muscle"),
    case(
        "nl", "ik ben 64 en heb pijn in mijn knie, voor het eerst in mijn leven", "new_pain_over_50"
    ),
    case(
        "fr", "j'ai 70 ans et mal à la hanche pour la première fois de ma vie", "new_pain_over_50"
    ),
    case("nl", "ik ben 64 en ga voor het eerst in mijn leven skiën"),
]

# domain-notes.md section 4: morning stiffness over half an hour that eases with movement (possibly
# inflammatory): see the GP. Not a few minutes of stiffness, not after sport, not when negated.
INFLAMMATORY_STIFFNESS = [
    case(
        "en",
        "my lower back is stiff every morning for well over an hour and eases once I move around",
        "inflammatory_stiffness",
    ),
    case("en", "it takes me a good hour every morning to loosen up", "inflammatory_stiffness"),
    case(
        "en",
        "morning stiffness in both hands that lasts about 45 minutes",
        "inflammatory_stiffness",
    ),
    case("en", "a bit stiff in the morning for five minutes, then fine"),
    case("en", "I'm not stiff in the mornings at all"),
    case("en", "stiff the morning after training, for an hour or so"),
    case("en", "the mornings are fine, I'm stiff after hours at the desk"),
    case(
        "fr",
        "le matin je suis raide pendant au moins une heure, puis ça se débloque en bougeant",
        "inflammatory_stiffness",
    ),
    case("fr", "il me faut deux heures chaque matin pour me dérouiller", "inflammatory_stiffness"),
    case("fr", "un peu raide au réveil pendant dix minutes"),
    case("fr", "je ne suis jamais raide le matin plus d'une demi-heure"),
    case("fr", "raide le matin après le match, pendant une heure"),
    case(
        "nl",
        "elke ochtend ben ik wel anderhalf uur stijf, met bewegen gaat het beter",
        "inflammatory_stiffness",
    ),
    case(
        "nl",
        "het duurt 's morgens zeker een uur voor ik wat losser word",
        "inflammatory_stiffness",
    ),
    case("nl", "'s morgens even stijf, vijf minuutjes, en dan is het weg"),
    case("nl", "na de training ben ik 's morgens een uur stijf"),
    case("nl", "ik ben 's morgens helemaal niet stijf"),
]


# The reviewer's probes of the round-6/7 widening: red flags the new lookaheads had lost (a fever
# "since last month", a resolved *other* complaint, "my dad has driven me, I have cancer") and
# false alarms from it (dizziness or "not responding to ibuprofen" with an ordinary pain, idioms,
# someone else's or a sports stiffness).
REVIEW_ROUND = [
    case(
        "en",
        "I have a fever and a stiff neck, the headache is gone now.",
        "fever_infection",
        "meningitis_signs",
    ),
    case(
        "fr",
        "J'ai mal à la tête et de la fièvre, sinon tout va bien.",
        "fever_infection",
        "meningitis_signs",
    ),
    case(
        "nl",
        "Ik heb hoofdpijn en koorts, mijn rugpijn is nu weg.",
        "fever_infection",
        "meningitis_signs",
    ),
    case(
        "nl",
        "Ik heb koorts en een stijve nek, nu beter dan gisteren maar nog 39.",
        "fever_infection",
        "meningitis_signs",
    ),
    case(
        "en",
        "I've had a fever for three days and paracetamol hasn't resolved it.",
        "fever_infection",
    ),
    case("en", "Fever since last month and my back pain is getting worse.", "fever_infection"),
    case("en", "I've had a fever since last month.", "fever_infection"),
    case("fr", "J'ai de la fièvre depuis le mois passé et mal au dos.", "fever_infection"),
    case("nl", "Ik heb koorts sinds vorige maand en rugpijn.", "fever_infection"),
    case(
        "en",
        "Headache and fever, the rash has resolved but I feel awful.",
        "fever_infection",
        "meningitis_signs",
    ),
    case(
        "en",
        "Fever and chills since last winter, I'm losing weight.",
        "fever_infection",
        "weight_loss",
    ),
    case(
        "en",
        "I have a fever and stiff neck, my back pain is all gone now.",
        "fever_infection",
        "meningitis_signs",
    ),
    case(
        "en",
        "Fever, headache. The back pain has cleared up.",
        "fever_infection",
        "meningitis_signs",
    ),
    case("en", "My dad has driven me, I have cancer.", "cancer_history"),
    case("fr", "Ma femme a raison, j'ai un cancer.", "cancer_history"),
    case("fr", "Mon mari avait raison, j'ai des métastases.", "cancer_history"),
    case("nl", "Mijn man had gelijk, ik heb kanker.", "cancer_history"),
    case("nl", "Mijn man heeft mij gebracht, ik heb borstkanker gehad.", "cancer_history"),
    case("en", "My wife has been very supportive since my cancer diagnosis.", "cancer_history"),
    case("en", "My husband has been worried because I had breast cancer.", "cancer_history"),
    case(
        "en",
        "My daughter had to drive me because I'm on chemo.",
        "cancer_history",
        "fever_infection",
    ),
    case(
        "fr",
        "Mon mari a pris rendez-vous pour moi car j'ai eu un cancer du sein.",
        "cancer_history",
    ),
    case("fr", "Ma fille a insisté parce que j'ai un cancer de la prostate.", "cancer_history"),
    case("nl", "Mijn vrouw heeft gezegd dat ik moet bellen omdat ik kanker heb.", "cancer_history"),
    case("nl", "Mijn dochter had gelijk, ik heb uitzaaiingen in mijn rug.", "cancer_history"),
    case("en", "My friend has told me to call because I had a melanoma removed.", "cancer_history"),
    case("en", "My son had his exam today and I've got a new cancer diagnosis.", "cancer_history"),
    case("en", "My neck hurts and I get dizzy when I look up"),
    case("nl", "Nekpijn en duizelig als ik mijn hoofd draai"),
    case("fr", "J'ai mal au cou et des vertiges quand je tourne la tête"),
    case("nl", "Mijn tanden doen pijn en ik ben duizelig"),
    case("en", "My arm is sore from the gym and I feel dizzy"),
    case("fr", "mal au bras et je respire vite quand je cours"),
    case("nl", "schouder doet pijn en ik ben benauwd van de pollen", "breathing_emergency"),
    case("en", "Terrible back pain, not responding to ibuprofen"),
    case("fr", "Douleur atroce au dos qui ne répond pas aux anti-inflammatoires"),
    case("nl", "Vreselijke rugpijn, het reageert niet op de pijnstillers"),
    case("fr", "J'ai un mal de dos atroce, je dois m'allonger"),
    case("en", "Terrible stomach ache and dizzy, food poisoning"),
    case("fr", "Je ne vois pas l'intérêt de continuer la kiné"),
    case("fr", "Je ne vois pas le sens de continuer ces exercices"),
    case("fr", "J'ai un plan pour en finir avec ce mal de dos"),
    case("fr", "Je voudrais pouvoir partir sans douleur en randonnée"),
    case("en", "I just want to go without pain for one day"),
    case("nl", "Ik ben van plan om ermee te stoppen, met roken"),
    case("nl", "Ik zou liever dood zijn dan naar de tandarts"),
    case("en", "I'd rather be dead than go back to that gym"),
    case("en", "My pills are ready at the pharmacy"),
    case("en", "I have my tablets ready in a weekly pill box"),
    case("nl", "Ik heb mijn medicatie voor de week klaargelegd"),
    case("fr", "J'ai un plan pour mourir de rire ce soir"),
    case("en", "Since my bike accident I can't move my arms above my head", "trauma"),
    case("fr", "Depuis ma chute je ne peux pas bouger les bras au-dessus de la tête", "trauma"),
    case("nl", "Na de val kan ik mijn armen niet meer bewegen zonder pijn", "trauma"),
    case("en", "since the accident I can't move my legs at all", "neuro_deficit", "trauma"),
    case("fr", "Je ne vois plus l'intérêt de continuer.", "self_harm"),
    case("nl", "Ik zou liever dood zijn dan nog langer met deze pijn te leven", "self_harm"),
    case("en", "I have all my pills ready for tonight", "self_harm"),
    case("fr", "J'ai un plan pour en finir.", "self_harm"),
    case(
        "nl",
        "Mijn man kan zijn benen niet meer bewegen sinds het ongeval",
        "neuro_deficit",
        "trauma",
    ),
    case(
        "fr",
        "Il est tombé du toit et ne sent plus ses jambes",
        "major_trauma",
        "neuro_deficit",
        "trauma",
    ),
    case("en", "Excruciating tearing pain in my back and I feel dizzy", "aortic_emergency"),
    case(
        "fr",
        "J'ai mal au bras gauche et je transpire à grosses gouttes",
        "atypical_heart_attack",
    ),
    case(
        "nl",
        "Zwaar gevoel in mijn linkerarm en ik ben kortademig",
        "atypical_heart_attack",
        "breathing_emergency",
    ),
    case(
        "en",
        "My dad has a terrible pain in his back and he's not responding",
        "aortic_emergency",
    ),
    case("nl", "Het loopt de laatste tijd steeds slechter op het werk"),
    case("fr", "Les anti-inflammatoires marchent de moins en moins bien"),
    case("fr", "Ça marche de moins en moins bien, la kiné"),
    case("nl", "Mijn laptop blijft haperen"),
    case("nl", "Ik voel niks als ik mijn knie moet buigen"),
    case("en", "It takes me an hour in the morning to get going, I'm not a morning person"),
    case("en", "I need half an hour in the morning to warm up before my run"),
    case("fr", "Il me faut une heure le matin pour démarrer"),
    case("nl", "Ik heb 's morgens een half uur nodig om op gang te komen"),
    case("en", "I sit at a desk for hours and get stiff in the evening, mornings are fine"),
    case("nl", "Na een uur achter de computer ben ik stijf, 's morgens niet"),
    case("en", "I locked up the shop in the morning and then worked for hours"),
    case("fr", "Je suis raide depuis 10 heures du matin"),
    case("nl", "Ik werd stijf wakker om drie uur 's morgens"),
    case("en", "I train in the morning and I'm stiff for hours afterwards"),
    case("nl", "Ik fiets elke ochtend een uur en mijn benen zijn stijf daarna"),
    case("en", "I'm stiff after an hour of sitting in the morning meeting"),
    case("en", "I'm not stiff in the mornings for an hour or anything like that"),
    case("en", "My husband is stiff every morning for an hour"),
    case("en", "My knee is swollen since the fall, the other one is fine", "trauma"),
    case("en", "My ankle is swollen after I twisted it, the other is normal"),
    case("nl", "Mijn linkse been is dikker, altijd al geweest"),
    case("en", "It hurts even when I lie on it"),
    case("fr", "J'ai mal à l'épaule même couché dessus"),
    case("fr", "J'ai mal même la nuit mais ça va"),
    case("en", "The pain is there even at rest but it's fine at night"),
    case("en", "I can't grip a bottle since I sprained my thumb"),
    case("en", "My handwriting is messy, always has been"),
    case("fr", "Mon écriture est illisible depuis toujours"),
    case("en", "I keep tripping over my dog"),
    case("nl", "Ik struikel vaak, ik ben een kluns"),
    case("fr", "Je lâche mes clés tout le temps, je suis tête en l'air"),
    case("nl", "Mijn twee handen slapen 's nachts, carpaal tunnel"),
    case("nl", "Op mijn borst zit een moedervlek die jeukt"),
    case("en", "Awful back pain after moving house, and I felt dizzy from not eating."),
    case("fr", "Douleur horrible au dos depuis le déménagement et je suis tout pâle."),
    case("nl", "Vreselijke rugpijn na het verhuizen en ik zag helemaal wit."),
    case("en", "My shoulder aches even in bed when I lie on that side."),
]

# Round 8: someone else's illness, past and resolved episodes, a measured normal temperature,
# figures of speech and explained breathlessness; each with a near miss that must still alarm.
ROUND_8 = [
    # A relative's illness: a relative may be writing for the patient, so it alarms.
    case("en", "my mum had cancer and I have cancer too", "cancer_history"),
    case(
        "fr", "Ma mère a eu un cancer du sein, elle peut venir pour son épaule ?", "cancer_history"
    ),
    case("en", "I'm a cancer survivor and my hip aches.", "cancer_history"),
    case("en", "my son has a fever and so do I", "fever_infection"),
    case("en", "my son has a fever, can he come in for his neck?", "fever_infection"),
    case("fr", "ma mère a fait une phlébite, elle a mal au mollet", "dvt"),
    case(
        "fr",
        "Mon fils a eu un accident de voiture hier, il a mal au cou.",
        "major_trauma",
        "trauma",
    ),
    case(
        "nl", "Mijn vader heeft een hartinfarct gehad, maar mijn probleem is een stijve schouder."
    ),
    # An illness said to be past still alarms when it is still there.
    case("en", "I had the flu last week and still have a fever", "fever_infection"),
    case("fr", "de plus en plus de fièvre depuis hier", "fever_infection"),
    case("nl", "Vorige week had ik een auto-ongeval met whiplash.", "major_trauma", "trauma"),
    # A temperature taken.
    case("en", "I thought it was nothing but I have 39 fever", "fever_infection"),
    case("en", "I thought I had a fever, it was 36.8, but an hour later 38.9", "fever_infection"),
    # Breathlessness, falls, wobbly legs, dark thoughts: alarms whatever the explanation.
    case("en", "climbing one flight of stairs left me breathless", "breathing_emergency"),
    case("en", "I'm breathless at rest since this morning", "breathing_emergency"),
    case(
        "en", "I get breathless when I run, I'm unfit, but now also at rest", "breathing_emergency"
    ),
    case("nl", "ik ben buiten adem als ik loop en het wordt erger", "breathing_emergency"),
    case("fr", "je suis tombé dans l'escalier hier", "major_trauma", "trauma"),
    case("fr", "mes jambes sont en coton, c'est normal ?", "cauda_equina"),
    case("nl", "niks gevallen hoor, gewoon te veel gefietst."),
    case("nl", "ik ben gisteren gevallen", "trauma"),
    case("fr", "Mon mari a fait un AVC ce matin ?", "neuro_deficit"),
    case("fr", "des idées noires, oui, souvent", "self_harm"),
    # Under-triage found on the development sets.
    case(
        "en",
        "I'm 61, my jaw gets tired and sore after a few minutes of chewing.",
        "giant_cell_arteritis",
    ),
    case("en", "the side of my head is tender to touch", "giant_cell_arteritis"),
    case(
        "nl",
        "ik ben 72, hoofdpijn aan de slapen, nooit eerder gehad, "
        "en kauwen doet zeer aan mijn kaak.",
        "giant_cell_arteritis",
    ),
    case(
        "fr",
        "La douleur ne me lâche pas la nuit, changer de position ne change rien.",
        "night_pain",
    ),
    case(
        "nl", "snachts is het het ergste, ik draai en keer maar het blijft even erg.", "night_pain"
    ),
    case(
        "nl",
        "Ongelooflijk harde pijn in mijn buik tot in mijn rug en ik viel bijna flauw.",
        "aortic_emergency",
    ),
    case("en", "my back is sore along the spine after gardening"),
]

# A reviewer's messages that must still alarm: a relative writing for the patient, a figure
# that is not a temperature, emphasis after a negative sign, "all over", a pain after a comma.
STILL_ALARMS = [
    case("en", "I have a fever and a stiff neck, I'm 36", "meningitis_signs", "fever_infection"),
    case(
        "fr",
        "J'ai de la fièvre et la nuque raide, j'ai 36 ans",
        "meningitis_signs",
        "fever_infection",
    ),
    case("nl", "Ik heb koorts en een stijve nek, ik ben 37", "meningitis_signs", "fever_infection"),
    case("en", "Fever for 36 hours and my back is killing me", "fever_infection"),
    case("en", "I have a fever, 37.2 this morning after paracetamol", "fever_infection"),
    case("fr", "J'ai de la fièvre, 37,2 ce matin sous Dafalgan", "fever_infection"),
    case("en", "My mother has a swollen left calf that is red and warm, can she come in?", "dvt"),
    case("fr", "Ma mère a une jambe gonflée, rouge et chaude depuis hier", "dvt"),
    case("nl", "Mijn moeder heeft een dikke rode kuit sinds gisteren", "dvt"),
    case(
        "en",
        "My husband got knocked off his bike by a car this morning, his back hurts",
        "major_trauma",
        "trauma",
    ),
    case("nl", "Mijn man heeft een gebroken rib na een val", "trauma"),
    case(
        "en",
        "My father got rear-ended on the motorway yesterday and his neck is stiff",
        "major_trauma",
        "trauma",
    ),
    case(
        "en",
        "My dad has a fever and terrible back pain, is it possible for me to bring him tomorrow?",
        "fever_infection",
    ),
    case(
        "en",
        "My mum has had a fever since Sunday and her back is killing her. I'm booking for her.",
        "fever_infection",
    ),
    case(
        "fr",
        "Ma mère a de la fièvre et très mal au dos, par contre elle ne sait pas écrire",
        "fever_infection",
    ),
    case("nl", "Mijn vader heeft koorts en hij kan zelf niet meer goed stappen", "fever_infection"),
    case(
        "en",
        "My husband had a car accident and I was in the car with him, "
        "my neck hurts since then, booking for me",
        "major_trauma",
        "trauma",
    ),
    case(
        "en",
        "I get breathless when I run, I'm out of shape, it recovers quickly, "
        "but yesterday my arm and jaw felt heavy",
        "atypical_heart_attack",
    ),
    case(
        "en",
        "Breathless when I run and it doesn't recover, unlike before when I was unfit",
        "breathing_emergency",
    ),
    case("nl", "ik kan niet meer plassen helemaal niet", "cauda_equina"),
    case("fr", "je n'arrive plus à uriner pas du tout", "cauda_equina"),
    case("en", "I can't breathe - not at all!", "breathing_emergency"),
    case("en", "I'm shivering all over and my back hurts", "fever_infection"),
    case(
        "en",
        "I fell off the ladder on Monday and the pain is not completely over",
        "major_trauma",
        "trauma",
    ),
    case(
        "nl",
        "Ik ben gisteren van de ladder gevallen en de pijn is nog niet helemaal over",
        "major_trauma",
        "trauma",
    ),
    case("fr", "J'ai plus de fièvre qu'hier soir et mal au dos", "fever_infection"),
    case("en", "A hot shower makes me breathless since last week", "breathing_emergency"),
    case(
        "en",
        "Walking up to see the view left me breathless and I had to sit for 30 minutes",
        "breathing_emergency",
    ),
    case("nl", "Mijn benen zijn als watten, niet normaal meer", "cauda_equina"),
    case("en", "I'm a cancer sufferer since 2019 and now back pain at night", "cancer_history"),
    case(
        "en",
        "no fever, chest pain since this morning, or maybe since yesterday",
        "heart_attack_signs",
    ),
]

# A pain after a comma is a claim of its own, not one more denied item; "or" carries the denial.
PAIN_AFTER_A_DENIAL = [
    case("en", "no fever, pain in my chest", "heart_attack_signs"),
    case("en", "no fever, chest pain spreading to my arm", "heart_attack_signs"),
    case("fr", "pas de fièvre, douleur dans la poitrine", "heart_attack_signs"),
    case(
        "nl", "geen koorts, pijn in mijn borst die uitstraalt naar mijn arm", "heart_attack_signs"
    ),
    case("en", "no fever or chest pain"),
    case("en", "no fever, chills or chest pain"),
    case("fr", "pas de fièvre ni de douleur dans la poitrine"),
    case("nl", "geen koorts of pijn in de borst"),
    case("en", "no numbness, tingling or weakness"),
]

# Fainting at a blood test or an injection is the reaction to needles (a precaution), not a
# stroke sign; fainting anywhere else alarms.
FAINTING_AT_A_NEEDLE = [
    case("en", "I'm a bit scared of needles, I fainted once during a blood test."),
    case("fr", "je me suis évanouie une fois lors d'une prise de sang"),
    case("nl", "ik ben al eens flauwgevallen bij een bloedafname"),
    case("en", "I fainted this morning and my arm is weak", "neuro_deficit"),
    case("en", "I fainted during my run", "neuro_deficit"),
    case("fr", "je me suis évanoui hier soir", "neuro_deficit"),
    case("nl", "ik ben flauwgevallen op het werk", "neuro_deficit"),
]

# The table's "severe central back pain": on the spine itself, not beside it where the muscles are.
SEVERE_CENTRAL_BACK_PAIN = [
    case(
        "en",
        "unbearable pain right in the middle of my spine since yesterday",
        "severe_central_back_pain",
    ),
    case("en", "excruciating pain in my backbone, I can't sleep", "severe_central_back_pain"),
    case("en", "it's on the vertebrae themselves and it's 10/10", "severe_central_back_pain"),
    case(
        "fr", "une douleur atroce sur la colonne vertébrale depuis hier", "severe_central_back_pain"
    ),
    case(
        "fr", "depuis, douleur très forte pile au centre de la colonne", "severe_central_back_pain"
    ),
    case(
        "nl",
        "een ondraaglijke pijn pal midden op mijn ruggengraat, 10 op 10",
        "severe_central_back_pain",
    ),
    case(
        "nl",
        "felle pijn midden in mijn rug, precies op de wervels zelf",
        "severe_central_back_pain",
    ),
    case("en", "severe pain next to my spine after gardening"),
    case("en", "intense ache along my spine after a day at the desk"),
    case("en", "severe pain on the left side of my spine"),
    case("en", "no severe pain in my spine, just stiff"),
    case("fr", "la douleur est très forte, juste à côté de la colonne, à droite"),
    case("fr", "douleur violente le long de la colonne après le déménagement"),
    case("nl", "hevige pijn naast mijn ruggengraat"),
    case("nl", "geen hevige pijn op de wervels, gewoon stijf"),
]

# Long steroid tablets or osteoporosis with a back pain, even without a fall: the GP first.
BONE_RISK_BACK_PAIN = [
    case(
        "en",
        "on prednisone for 2 years, and a few weeks ago my back started hurting",
        "bone_risk_back_pain",
    ),
    case(
        "fr",
        "je prends du Medrol depuis trois ans et j'ai mal dans le milieu du dos",
        "bone_risk_back_pain",
    ),
    case(
        "nl",
        "ik pak al 3 jaar cortisone en sinds een paar weken pijn midden in mijn rug",
        "bone_risk_back_pain",
    ),
    case("nl", "ik heb osteoporose en sinds vorige week rugpijn", "bone_risk_back_pain"),
    case("en", "I had a compression fracture of a vertebra", "trauma", "bone_risk_back_pain"),
    case("en", "I have osteoporosis, can you treat my neck?"),
    case("en", "a cortisone injection in my knee last month, and back pain from gardening"),
    case("en", "I'll be back next week, I take prednisone for asthma"),
    case("fr", "j'ai eu une infiltration de cortisone au genou et mal au dos"),
    case("nl", "ik heb osteoporose maar geen rugpijn, het is mijn schouder"),
]


# Said in other words: self-harm told indirectly, a headache like an explosion, a foot that
# slaps, bowels not felt, limbs not felt after a fall, a pain that does not improve in a month.
OTHER_WORDS = [
    case("en", "it would be simpler for everyone if I wasn't here any more", "self_harm"),
    case("en", "I have thought about how I would do it", "self_harm"),
    case("en", "it would be easier to end it with this gym membership"),
    case("fr", "ce serait plus facile d'en finir, je n'en peux plus", "self_harm"),
    case("fr", "je veux en finir avec cette contracture"),
    case("nl", "het zou makkelijker zijn als ik er niet meer was", "self_harm"),
    case("nl", "ik heb al nagedacht over hoe.", "self_harm"),
    case("en", "something exploded at the back of my head a minute ago", "thunderclap_headache"),
    case("fr", "une douleur derrière la tête comme un coup de massue", "thunderclap_headache"),
    case("fr", "mal à la tête, la pire de toute ma vie", "thunderclap_headache"),
    case("nl", "binnen een paar seconden een hoofdpijn als nooit tevoren", "thunderclap_headache"),
    case("nl", "alsof er iets knapte in mijn hoofd", "thunderclap_headache"),
    case("fr", "ça serre au milieu de la poitrine depuis vingt minutes", "heart_attack_signs"),
    case("fr", "mon pied fait flap flap quand je marche", "focal_weakness"),
    case("fr", "le bout du pied ne se relève plus", "focal_weakness"),
    case("en", "my foot slaps on the floor when I walk", "focal_weakness", "progressive_weakness"),
    case("en", "I can't lift the front of my foot since yesterday", "focal_weakness"),
    case("en", "I didn't even feel that I needed to go and it was too late", "cauda_equina"),
    case("fr", "je n'ai pas su me retenir pour la selle deux fois", "cauda_equina"),
    case("nl", "grote boodschap, en het was al te laat, ik voelde niks", "cauda_equina"),
    case("nl", "ik voel daar beneden bijna niks meer", "cauda_equina"),
    case(
        "fr",
        "il est tombé de l'échelle et il ne sent plus bien ses jambes",
        "neuro_deficit",
        "major_trauma",
        "trauma",
    ),
    case(
        "nl",
        "hij is van zijn dak gevallen en zegt dat hij zijn benen niet voelt",
        "neuro_deficit",
        "major_trauma",
        "trauma",
    ),
    case("en", "a van slammed into the back of my car on the motorway yesterday", "major_trauma"),
    case("nl", "mijn linkerknie is dik en heet sinds gisteren", "hot_swollen_joint"),
    case(
        "nl",
        "hij is even weggezakt in de zetel met een scheurende pijn in zijn rug",
        "aortic_emergency",
    ),
    case(
        "nl", "ik kan draaien en keren, het maakt niks uit, de pijn blijft 's nachts", "night_pain"
    ),
    case(
        "en",
        "I'm 78 with osteoporosis, slipped and sat down hard, now I can't stand up straight",
        "fragility_fracture",
        "trauma",
    ),
    case(
        "fr",
        "ostéoporose, elle a raté la dernière marche et ne sait plus se redresser",
        "fragility_fracture",
    ),
    case("en", "I'm 63 and I've never had back problems until two weeks ago", "new_pain_over_50"),
    case("fr", "j'ai 61 ans et jamais de ma vie je n'ai eu mal au dos", "new_pain_over_50"),
    case("en", "I inject sometimes and my back is bad with night sweats", "fever_infection"),
    case("en", "shoulder pain for two months, not better at all", "no_improvement"),
    case(
        "fr", "mal au genou depuis six semaines. Rien n'a changé malgré le repos", "no_improvement"
    ),
    case(
        "nl",
        "al een week of zeven pijn in de rug en het is nog altijd niet beter",
        "no_improvement",
    ),
    case("en", "sore knee for two months, it is getting better every week"),
    case("en", "a sore neck two weeks ago, and not better yet"),
    # A relative's stroke told as history beside the writer's own complaint (rules.yml
    # family_history); the relative's symptoms still alarm.
    case("fr", "mon mari a fait un AVC il y a un an, moi j'ai mal à l'épaule"),
    case("en", "my dad had a stroke a year ago, I have a stiff neck"),
    case("en", "my dad can't speak properly since this morning, my back hurts", "neuro_deficit"),
]

# Short messages: a hard cough or a misstep on steroids, a pain no position changes, a height
# fallen from, a hand without strength, legs that will not follow, clothes looser.
SHORT_MESSAGES = [
    case(
        "fr",
        "sous cortisone, j'ai toussé très fort et depuis j'ai mal au dos",
        "fragility_fracture",
        "bone_risk_back_pain",
    ),
    case(
        "nl",
        "al jaren medrol, een misstapje op de trap en nu pijn in mijn rug",
        "fragility_fracture",
        "bone_risk_back_pain",
    ),
    case("en", "elbow pain for six weeks, rest and gel didn't change anything", "no_improvement"),
    case("fr", "épaule douloureuse depuis deux mois, rien ne s'améliore", "no_improvement"),
    case(
        "en",
        "treated for prostate cancer long ago, all clear they said, now my back aches",
        "cancer_history",
    ),
    case("en", "my hip wakes me every night and turning over doesn't help", "night_pain"),
    case("fr", "la douleur dans la jambe est la même assis, couché ou debout"),
    case("nl", "die nekpijn blijft heel de nacht even erg", "night_pain"),
    case("fr", "quand je m'essuie je sens comme du carton", "cauda_equina"),
    case("fr", "je suis tombé de l échelle hier et j'ai mal au dos", "major_trauma", "trauma"),
    case(
        "en",
        "my son fell about 3 m from the climbing frame and his back hurts",
        "major_trauma",
        "trauma",
    ),
    case("nl", "ze is van 4 meter gevallen en heeft pijn in de rug", "major_trauma", "trauma"),
    case("fr", "ma main droite n'a plus de force depuis ce matin", "focal_weakness"),
    case("nl", "sinds gisteren blijven mijn tenen haken aan de stoep", "focal_weakness"),
    case(
        "nl", "mijn benen willen niet meer mee en het wordt elke dag erger", "progressive_weakness"
    ),
    case("nl", "ik kom de trap niet meer op, elke dag wat erger", "progressive_weakness"),
    case("nl", "ik ben 6 kilo afgevallen zonder te diëten", "weight_loss"),
    case("nl", "mijn broeken zitten veel losser maar ik eet gewoon", "weight_loss"),
    case("en", "my trousers are looser since I started running"),
    case("en", "my clothes are looser, I've been dieting on purpose"),
    case("nl", "de trap af gaat niet meer zonder pijn in de knie"),
    case("fr", "je tousse fort depuis une semaine, sans cortisone, et j'ai mal entre les côtes"),
]

# Oblique words: a temperature as a number, "not feeling well" before a sign, someone else's
# plan, a 10/10 belly and back pain, a leg that looks fat, a numb patch that spreads.
OBLIQUE_WORDS = [
    case(
        "fr",
        "jsuis pas bien: mal au bras gauche, souffle court et envie de vomir",
        "atypical_heart_attack",
        "breathing_emergency",
    ),
    case("en", "not feeling well, heavy left arm and sweating a lot", "atypical_heart_attack"),
    case("nl", "ik lig te bibberen onder de dekens met rugpijn", "fever_infection"),
    case("nl", "rugpijn sinds gisteren, 38,6 gemeten", "fever_infection"),
    case("en", "back pain and I'm running 38.4 tonight", "fever_infection"),
    case("fr", "mal au dos et 38,5 ce soir", "fever_infection"),
    case("en", "it is 38.5 kg of boxes I carried"),
    case("nl", "hij spuit soms en zweet de hele nacht door", "fever_infection"),
    case(
        "en",
        "out of breath out of nowhere, a sharp stab each time she breathes in",
        "breathing_emergency",
    ),
    case("nl", "sinds een uur krijg ik plots geen lucht meer", "breathing_emergency"),
    case("en", "he told me he has a plan to end it and gave his things away", "self_harm"),
    case("en", "I keep thinking about taking them all", "self_harm"),
    case("fr", "elle m'a dit qu'elle avait tout prévu pour en finir", "self_harm"),
    case("nl", "ze zei dat iedereen beter af is zonder haar", "self_harm"),
    case(
        "en",
        "sudden pain in belly and back, 10/10, he's grey and had to lie on the floor",
        "aortic_emergency",
    ),
    case(
        "fr",
        "douleur au ventre qui traverse jusqu'au dos d'un coup, 9/10, je me sens partir",
        "aortic_emergency",
    ),
    case(
        "en", "a heavy pressure in the middle of his front for half an hour", "heart_attack_signs"
    ),
    case("en", "when I wipe I can't really feel it, like it's asleep", "cauda_equina"),
    case("en", "he hasn't managed to pee since last night, nothing comes", "cauda_equina"),
    case("fr", "je sens plus rien quand je m'essuie", "cauda_equina"),
    case(
        "en",
        "my dad is shuffling more every day and his legs give out",
        "focal_weakness",
        "progressive_weakness",
    ),
    case("en", "a numb patch on my thigh that keeps spreading", "progressive_weakness"),
    case("nl", "het dove gevoel in mijn voet wordt groter", "progressive_weakness"),
    case("nl", "sinds vanmorgen blijft mijn rechtervoet haken", "focal_weakness"),
    case("nl", "ik laat sinds 3 dagen steeds mijn tas vallen", "focal_weakness"),
    case(
        "en",
        "slipped on ice and fell on my back, now my left leg is fizzy",
        "trauma_neuro",
        "trauma",
    ),
    case("nl", "met de fiets onder een auto terechtgekomen", "major_trauma"),
    case("en", "my wrist doubled in size since yesterday, hot and red", "hot_swollen_joint"),
    case("fr", "genou rouge, brûlant et gros comme un pamplemousse", "hot_swollen_joint"),
    case("en", "since the cast came off my lower leg looks fat and the calf throbs", "dvt"),
    case("nl", "haar kuit is een pak dikker dan links", "dvt"),
    case("fr", "mal à la tête d'un coup, 10/10 en une minute", "thunderclap_headache"),
    case("nl", "ineens een klap in mijn achterhoofd alsof ik geraakt werd", "thunderclap_headache"),
    case(
        "fr",
        "j'ai 59 ans, un mal de tête que je n'ai jamais eu, et le crâne sensible",
        "giant_cell_arteritis",
    ),
    case(
        "fr",
        "le dos me réveille, que je me couche sur le côté ou sur le dos ça change rien",
        "night_pain",
    ),
    case("en", "back pain worst at 3am, I get up and walk but it doesn't change", "night_pain"),
    case("en", "had my prostate radiated in 2019", "cancer_history"),
    case(
        "fr",
        "le matin dos raide pendant plus d'1h, ça se débloque en bougeant",
        "inflammatory_stiffness",
    ),
    case(
        "nl",
        "smorgens zit mijn rug potvast, duurt een uur voor het loskomt",
        "inflammatory_stiffness",
    ),
    case(
        "fr",
        "elle a les os très fragiles et s'est assise brusquement, mal au dos",
        "fragility_fracture",
        "bone_risk_back_pain",
    ),
    case("fr", "mes pieds fourmillent et ça monte aux genoux", "progressive_weakness"),
    case(
        "nl",
        "ze neemt cortisone en heeft hard gehoest, nu pijn in haar rug",
        "fragility_fracture",
        "bone_risk_back_pain",
    ),
    case("nl", "ik voel me niet goed, geen koorts"),
    case("fr", "pas de fièvre, pas bien dormi, mal au cou"),
    case("en", "I coughed a lot with my cold, I take a steroid inhaler"),
]

# Night pain no position eases, a relative's plan or self-harm, a knee that gives way, a fall
# with a person who cannot get up, a hard cough on steroids (and a sister's osteoporosis).
FOCUSED_ROWS = [
    case(
        "en",
        "hip pain all night, I change position a hundred times and nothing helps",
        "night_pain",
    ),
    case(
        "en",
        "upper back 7/10 every night, lying on either side or on my back makes no difference",
        "night_pain",
    ),
    case("fr", "la nuit je me tourne dans tous les sens, ça change rien", "night_pain"),
    case("nl", "s nachts constant, en draaien of anders gaan liggen helpt niks", "night_pain"),
    case("nl", "nachtpijn in mijn schouder, zelfde in elke positie", "night_pain"),
    case("en", "my shoulder aches at night, but turning onto the other side helps"),
    case("en", "he doesn't want to live anymore, he said", "self_harm"),
    case("en", "last night I stood on the balcony thinking of jumping", "self_harm"),
    case("en", "thinking of jumping into the pool after my run"),
    case("fr", "je me demande à quoi bon continuer", "self_harm"),
    case("fr", "il a dit que ce serait mieux pour tout le monde s'il n'était plus là", "self_harm"),
    case("fr", "ma fille se fait du mal aux bras", "self_harm"),
    case("fr", "je me suis fait mal au dos en portant un carton"),
    case("nl", "ik heb al een afscheidsbrief geschreven", "self_harm"),
    case("nl", "ze wil er binnenkort een punt achter zetten", "self_harm"),
    case("en", "my left leg has given way a few times on the stairs", "focal_weakness"),
    case("fr", "je n'arrive plus à me mettre sur la pointe du pied gauche", "focal_weakness"),
    case("fr", "il serre plus rien avec sa main droite", "focal_weakness"),
    case("nl", "mijn knie zakt plots door onder mij", "focal_weakness"),
    case("nl", "hij voelt zich heet en heeft rugpijn", "fever_infection"),
    case("nl", "de hele nacht liggen bibberen van de kou", "fever_infection"),
    case("en", "I lose weight, 6 kilos, no diet, and my neck hurts more", "weight_loss"),
    case("fr", "mes pantalons sont devenus trop grands", "weight_loss"),
    case("nl", "ik verlies gewicht en mijn heup doet pijn", "weight_loss"),
    case("nl", "ik verlies gewicht door mijn dieet"),
    case(
        "en", "he fell from the roof and cannot get up", "major_trauma", "neuro_deficit", "trauma"
    ),
    case(
        "nl",
        "van de ladder gevallen, hij ligt nog op de grond",
        "major_trauma",
        "neuro_deficit",
        "trauma",
    ),
    case("fr", "mon fils est tombé de son scooter sur le ring", "major_trauma", "trauma"),
    case(
        "nl", "aangereden door ne camionette, over de motorkap gevlogen", "major_trauma", "trauma"
    ),
    case("nl", "kop-staartaanrijding vanochtend, de airbags gingen af", "major_trauma"),
    case(
        "en",
        "on prednisolone, I coughed very hard and felt something crack in my back",
        "fragility_fracture",
    ),
    case(
        "fr",
        "sous cortisone, j'ai éternué très fort, mal au dos",
        "fragility_fracture",
        "bone_risk_back_pain",
    ),
    case(
        "nl",
        "broze botten, ze heeft een zware pot opgetild en voelde iets knakken",
        "fragility_fracture",
    ),
    case("nl", "een hevige hoestbui en ik neem cortisone pillen", "fragility_fracture"),
    case("nl", "steken in mijn borst bij diep inademen", "breathing_emergency"),
    case("nl", "hij krijgt zijn asem nie goe", "breathing_emergency"),
    case("fr", "ma sœur a de l'ostéoporose mais moi non, mal au dos en portant un carton"),
]

# Three reviewers' rounds: recent history beside today's emergency still alarms; a severe pain
# must be a pain on the spine; a doctor's "could not find" is a denial; a height is a fall's
# height; someone else's self-harm alarms; everyday idioms ("take them all at once?") do not.
REVIEW_ROUNDS = [
    case("en", "he keeps his pills saved up for when it gets too much", "self_harm"),
    case("en", "not sure I'll still be here by then, honestly", "self_harm"),
    case("en", "I've been cutting my wrist to forget the pain", "self_harm"),
    case("en", "I looked up how many pills it would take.", "self_harm"),
    case("en", "my daughter wrote that she wants to die", "self_harm"),
    case("fr", "il m'a dit qu'il avait pensé à se faire du mal", "self_harm"),
    case("fr", "je mets mes médocs de côté au cas où", "self_harm"),
    case("fr", "je me suis renseigné sur comment en finir", "self_harm"),
    case("nl", "ze ziet het niet meer zitten en heeft haar pillen verzameld", "self_harm"),
    case("nl", "ik heb geen zin meer om te leven", "self_harm"),
    case("nl", "als ik er morgen niet meer ben, wie annuleert dan?", "self_harm"),
    case("en", "I'm not sure I'll be here on time, the traffic is bad."),
    case("en", "How many tablets would it take to calm the pain, two?"),
    case("en", "She wants to die of shame after falling in the shop"),
    case("nl", "Als ik er morgen niet meer ben om 9 uur, bel ik."),
    case("nl", "Ik heb geen zin meer om te lopen."),
    case(
        "en",
        "Crushing pain in my chest right now, I had a stent put in a year ago.",
        "heart_attack_signs",
    ),
    case(
        "fr",
        "J'ai une douleur thoracique maintenant, j'ai eu un stent il y a un an.",
        "heart_attack_signs",
    ),
    case(
        "nl",
        "Ik heb sinds vanmorgen pijn op de borst, een jaar geleden kreeg ik een stent.",
        "heart_attack_signs",
    ),
    case(
        "en",
        "My face is drooping on one side since an hour ago, I had a mini-stroke a year ago.",
        "neuro_deficit",
    ),
    case(
        "fr",
        "Après dix ans de sciatique, j'ai envie d'en finir avec ma sciatique et avec tout.",
        "self_harm",
    ),
    case("fr", "J'ai envie d'en finir avec ma sciatique une bonne fois pour toutes."),
    case("en", "My clothes are looser, no diet.", "weight_loss"),
    case("en", "I've lost 6 kg and I'm not on a diet.", "weight_loss"),
    case("nl", "Mijn broek zit losser, ik kan amper nog lopen.", "weight_loss"),
    case("en", "My clothes are looser since I started running."),
    case("nl", "Ik heb al een jaar rugpijn, geen verbetering.", "no_improvement"),
    case("en", "I'm 6 months pregnant and my lower back pain is not getting better since Monday."),
    case(
        "en",
        "My neck has been sore for three months, it's slowly improving but not fully better yet.",
    ),
    case("en", "Would it not be better to wait a month before booking?"),
    case(
        "en",
        "I've been working from home for 3 months and didn't change anything "
        "in my desk setup, but since Monday my neck hurts.",
    ),
    case(
        "fr",
        "Je télétravaille depuis trois mois, rien n'a changé à mon bureau, "
        "mais depuis lundi j'ai mal au cou.",
    ),
    case(
        "en",
        "Severe pain in the middle of my back, right on the bones.",
        "severe_central_back_pain",
    ),
    case("fr", "Douleur insupportable au milieu du dos depuis hier.", "severe_central_back_pain"),
    case("en", "I have terrible posture and my spine is curved, I'd like some exercises."),
    case("en", "I had an MRI on my spine, it showed severe degeneration."),
    case("nl", "Ik heb een enorme scoliose van de wervelkolom."),
    case("nl", "Ik heb een hernia in mijn wervels, de pijn is heftig als ik lang zit."),
    case("fr", "J'ai mal au dos et je n'ai plus pu me retenir pour les selles.", "cauda_equina"),
    case("fr", "J'ai mal au dos, je n'ai pas pu uriner depuis hier soir.", "cauda_equina"),
    case("fr", "Le neurologue n'a pas pu trouver de faiblesse dans les deux jambes."),
    case("fr", "Le médecin n'a pas pu voir de fracture de fragilité."),
    case("en", "I fell 2,5 m from a ladder.", "major_trauma", "trauma"),
    case("fr", "Je suis tombée d'un escabeau hier.", "major_trauma", "trauma"),
    case("en", "I fell asleep on the couch 3 m from the heater and woke up with a stiff neck."),
    case("nl", "Ik ben 2 meter groot en ben gisteren gevallen op mijn stuit.", "trauma"),
    case("nl", "Ik heb 3 m ver gesprongen bij atletiek en nu doet mijn knie pijn."),
    case("fr", "Quand je me suis essuyée, c'était comme du carton.", "cauda_equina"),
    case("nl", "Daar beneden voel ik niks meer.", "cauda_equina"),
    case("nl", "Ik heb al nagedacht over hoe", "self_harm"),
    case(
        "en",
        "I need to move house next week, I've been thinking about how to do it "
        "without hurting my back.",
    ),
    case("fr", "J'ai mis mes médicaments sur la table pour ne pas oublier de les prendre."),
    case("en", "When I reach above my head the pain in my shoulder is the worst I've ever had."),
    case("fr", "J'ai tourné la tête et en quelques secondes mon cou s'est bloqué."),
    case("nl", "In twee seconden had ik een kop koffie over mijn arm gemorst."),
    case("fr", "Je serre mon bébé contre ma poitrine et j'ai mal au dos."),
    case("en", "I didn't realise I had to go through my GP for a referral."),
    case("nl", "In bed omdraaien lukt niet meer van de pijn."),
    case("en", "The numbness in my big toe is not spreading, it has been stable for weeks."),
    case("nl", "Ik kan de trap niet meer op van de pijn in mijn knie."),
    case(
        "nl", "Sinds de val merk ik dat ik mijn armen niet meer kan bewegen zonder pijn.", "trauma"
    ),
    case("en", "I had an X-ray, all clear the doctor said, but my knee still hurts."),
    case("en", "I am using ibuprofen since my cortisone injection in the shoulder."),
    case("en", "My shoe size is 40.5 and my heel hurts."),
    case("fr", "Mes enfants ont 38,5 de moyenne à l'école et moi j'ai mal au dos."),
    case(
        "en",
        "I'm 35, I twisted my ankle playing football. My mother has "
        "osteoporosis, is that relevant?",
        "fragility_fracture",
    ),
    case(
        "fr",
        "Ma grand-mère a de l'ostéoporose, elle est tombée de sa chaise et a très mal au dos.",
        "fragility_fracture",
        "bone_risk_back_pain",
        "trauma",
    ),
    case("en", "I'm thinking of ending things soon.", "self_harm"),
    case("fr", "Hier elle a parlé de se jeter sous un train.", "self_harm"),
    case("fr", "je mets fin à mes jours si ça ne marche pas", "self_harm"),
    case("nl", "mijn broer zegt dat hij er een einde aan wil maken", "self_harm"),
    case("nl", "ik snij mezelf soms om de pijn te vergeten", "self_harm"),
    case("fr", "je suis à bout de souffle assise dans mon fauteuil", "breathing_emergency"),
    case("nl", "ik krijg ineens slecht adem", "breathing_emergency"),
    case("fr", "estomac lourd et la tête qui tourne depuis 40 minutes", "atypical_heart_attack"),
    case(
        "en",
        "Swollen red calf since Thursday, now out of breath just walking to the kitchen",
        "dvt",
        "breathing_emergency",
    ),
    case("fr", "son mollet lance et la peau est rouge et chaude", "dvt"),
    case("nl", "dat been is opgezet tot aan de knie", "dvt"),
    case("en", "I was knocked off my bike by a van this morning", "major_trauma", "trauma"),
    case("nl", "van mijne fiets geschept door ne camionette", "major_trauma"),
    case(
        "fr",
        "il est tombé du balcon et il n'ose pas bouger les jambes",
        "major_trauma",
        "neuro_deficit",
        "trauma",
    ),
    case(
        "fr",
        "plus moyen de serrer ma brosse à dents, la main droite ne répond plus",
        "focal_weakness",
    ),
    case("nl", "sinds 2 dagen sleep ik met mijn linkervoet", "focal_weakness"),
    case("nl", "neem immuunremmers en lig te rillen onder 2 dekens", "fever_infection"),
    case("fr", "la nuit, couché, assis, debout, rien change", "night_pain"),
    case("nl", "pijn die s nachts nooit weggaat, op welke kant ik ook lig", "night_pain"),
    case("en", "I went from 80 to 71 kg, I eat normally", "weight_loss"),
    case("nl", "riem twee gaatjes strakker moeten zetten", "weight_loss"),
    case("en", "She has been cutting herself.", "self_harm"),
    case("en", "My son talks about killing himself.", "self_harm"),
    case("en", "She took all her pills at once last night.", "self_harm"),
    case("fr", "Il parle de se tuer.", "self_harm"),
    case("fr", "Ma fille se coupe les bras.", "self_harm"),
    case("nl", "Mijn zoon snijdt zichzelf.", "self_harm"),
    case("nl", "Mijn man zegt dat we beter af zijn zonder hem.", "self_harm"),
    case("nl", "ik ga er binnenkort een punt achter zetten", "self_harm"),
    case("en", "My wife said she'd rather die than live with this pain.", "self_harm"),
    case("en", "Can I take them all at once, the ibuprofen and the paracetamol?"),
    case("en", "I'm giving away my things before we move house."),
    case("fr", "Je me suis coupé le bras en cuisinant."),
    case("fr", "Cette blessure a mis fin à ma vie de sportif."),
    case("nl", "Mijn schouder is beter, ik wil er een punt achter zetten."),
    case("nl", "Ik wil niet meer wakker worden met die pijn in mijn rug."),
    case(
        "en",
        "I had a car accident 2 weeks ago. My neck doesn't want to move to the left.",
        "major_trauma",
        "trauma",
    ),
    case("fr", "Depuis ma chute, je n'ose plus bouger le cou.", "trauma"),
    case(
        "fr",
        "Ma mère est tombée dans la salle de bain et n'ose pas bouger.",
        "neuro_deficit",
        "trauma",
    ),
    case(
        "nl",
        "Mijn vader is gevallen en ligt nog op de grond, hij durft niet bewegen.",
        "neuro_deficit",
        "trauma",
    ),
    case("nl", "Mijn gsm ligt nog op de grond sinds het ongeval, haha.", "trauma"),
    case("en", "I have to stop for breath when I run uphill."),
    case("nl", "Bij het sporten krijg ik moeilijk lucht door mijn astma."),
    case(
        "en",
        "I suddenly got out of breath at rest and my chest hurts.",
        "breathing_emergency",
        "heart_attack_signs",
    ),
    case("en", "I had 38.5 last month, now I have a stiff neck from my desk."),
    case("en", "I'm at 38.5 weeks and my back hurts a lot."),
    case("nl", "Ik heb 38,7 gemeten en mijn rug doet pijn.", "fever_infection"),
    case(
        "fr", "Ma douleur au dos est à 9/10 depuis le déménagement, je suis toute pâle de fatigue."
    ),
    case(
        "en",
        "My father, 66, sudden pain in belly and back, 10/10, he had to lie on the floor.",
        "aortic_emergency",
    ),
    case("nl", "Ik heb geen grip op de situatie met mijn rugpijn."),
    case("en", "My legs gave out after the marathon.", "progressive_weakness"),
    case("nl", "Ik heb osteoporose en ben bang om te vallen."),
    case("fr", "J'ai de l'ostéoporose, du coup je voudrais faire des exercices adaptés."),
    case(
        "en", "I have osteoporosis and I'm afraid of a fall, can you help with balance exercises?"
    ),
    case("en", "At night, turning onto my side eases it."),
    case("en", "I work night shifts. When I turn my head it hurts. Ibuprofen doesn't help."),
    case("nl", "Ik werk in nachtdienst. Zij heeft ook rugpijn, dat is hetzelfde verhaal."),
    case(
        "en",
        "my husband's hip pain is there all night, he changes position a "
        "hundred times and nothing helps",
        "night_pain",
    ),
    case("nl", "nachtpijn in mijn schouder, 7/10, zelfde in elke positie", "night_pain"),
    case("en", "I was in Spain for 2 months. I sprained my ankle yesterday and it's not better."),
    case("en", "My calf throbs after my long run."),
    case("nl", "Ik heb mijn enkel verzwikt, mijn enkel is opgezet."),
    case("en", "My hair has gotten thin since the menopause."),
    case("nl", "Ik verlies geen gewicht ondanks het sporten."),
    case("en", "I had prostate surgery for an enlarged prostate last year, benign."),
    case(
        "en",
        "I'm 30 weeks pregnant and have intense pain at the base of my spine when I turn in bed.",
    ),
    case("en", "I've had this back pain for a year and it's not getting better.", "no_improvement"),
    case(
        "en",
        "He has 39.2 on the thermometer and a stiff neck.",
        "meningitis_signs",
        "fever_infection",
    ),
    case(
        "fr", "Ça va pas top avec cette douleur écrasante dans la poitrine.", "heart_attack_signs"
    ),
    case("nl", "Mijn vader krijgt moeilijk lucht en is grauw.", "breathing_emergency"),
    case("fr", "Elle est hors d'haleine et toute pâle.", "breathing_emergency"),
    case("en", "I'm going to take them all at once tonight.", "self_harm"),
    case("fr", "J'ai envie de me jeter du balcon.", "self_harm"),
    case("nl", "Ik wil er een punt achter zetten, ik kan niet meer.", "self_harm"),
    case(
        "en",
        "My dad fell in the bathroom and can't get up from the floor without help.",
        "neuro_deficit",
        "trauma",
    ),
    case(
        "nl",
        "Mijn vader is gevallen en kan niet meer opstaan zonder hulp.",
        "neuro_deficit",
        "trauma",
    ),
    case(
        "fr",
        "La nuit, que je sois sur le dos ou sur le côté, la douleur est la même.",
        "night_pain",
    ),
    case(
        "en",
        "I have crushing chest pain and I had a heart attack 3 years ago.",
        "heart_attack_signs",
    ),
    case("en", "My mum fell and she doesn't want to move her legs.", "neuro_deficit", "trauma"),
    case("nl", "Ik heb mijn afscheidsbrief al klaar.", "self_harm"),
    case("fr", "Je veux en finir avec ce dos. Et avec tout.", "self_harm"),
    case(
        "en", "I get out of breath walking to the bathroom since yesterday.", "breathing_emergency"
    ),
    case(
        "en",
        "Crushing pain in my chest right now, I had a stent put in 2 years ago.",
        "heart_attack_signs",
    ),
    case(
        "nl",
        "Ik heb nu een drukkende pijn op de borst, net als bij mijn hartinfarct twee jaar geleden.",
        "heart_attack_signs",
    ),
    case("en", "Chest pain like my heart attack in 2019, sweating", "heart_attack_signs"),
    case("en", "My dad had a stroke 3 years ago, now I have a stiff neck"),
    case("en", "I broke my wrist in 2019, now my shoulder hurts"),
]

# Rounds 13 and 14 (blind writers, read after scoring): night pain that turning over does not
# change, weight loss told by a belt or a scale, an older person's fall, a clot with breathlessness,
# self-harm told as pills saved or belongings given away, stroke and heart signs in other words;
# and what must stay quiet: an idiom with "tomber"/"gevallen", insurance, fainting at a blood test.
ROUNDS_13_14 = [
    case("en", "my hip wakes me at 4am every night and turning over changes nothing", "night_pain"),
    case("en", "mid back aches 24/7, even lying still in bed", "night_pain"),
    case(
        "en", "had to make a new hole in my belt, I'm not dieting, and my hip hurts", "weight_loss"
    ),
    case(
        "en",
        "I have osteoporosis and after a coughing fit my back hurts a lot",
        "bone_risk_back_pain",
        "fragility_fracture",
    ),
    case("en", "my left calf is puffy compared to the other one", "dvt"),
    case("en", "calf sore since the flight home from Bangkok", "dvt"),
    case("en", "he has been saving up his sleeping pills", "self_harm"),
    case("en", "she says she won't be a burden much longer", "self_harm"),
    case("en", "he has been reading about overdoses online", "self_harm"),
    case("en", "nobody would notice if I was gone", "self_harm"),
    case(
        "en",
        "Grandma, 84, had a little tumble yesterday and now can hardly walk, her hip hurts",
        "fragility_fracture",
    ),
    case(
        "en",
        "Mum is 81, she fell in the garden and her back hurts since",
        "fragility_fracture",
        "trauma",
    ),
    case("en", "in the fall I started running and now my knee hurts"),
    case("en", "I slipped on the stairs last year, bruised but better now, just my neck is stiff"),
    case("en", "I'm 76 and I twisted my back lifting a box"),
    case("en", "I'm 72, my back hurts after gardening"),
    case(
        "fr",
        "je n'arrive plus à ouvrir une bouteille avec la main droite, aucune force",
        "focal_weakness",
    ),
    case("fr", "mon pied ne se relève plus quand je marche", "focal_weakness"),
    case("fr", "mal au dos jour et nuit, peu importe comment il se couche", "night_pain"),
    case("fr", "la cheville est enflée d'un seul côté depuis hier", "dvt"),
    case("fr", "crampe dans le mollet qui ne passe pas depuis trois jours", "dvt"),
    case("fr", "mollet gonflé et maintenant je suis essoufflé", "breathing_emergency", "dvt"),
    case("fr", "un point dans le dos quand j'inspire"),
    case("fr", "mon frère s'injecte de l'héroïne et a mal au dos", "fever_infection"),
    case("fr", "6 kg en moins depuis l'été sans régime", "weight_loss"),
    case("fr", "mes jeans me tombent alors que je mange comme d'habitude", "weight_loss"),
    case("fr", "j'ai mis de côté tous mes médicaments", "self_harm"),
    case("fr", "il dit qu'il ne sera bientôt plus un poids pour personne", "self_harm"),
    case(
        "fr",
        "ma mère n'arrive plus à trouver ses mots et son bras droit est tout faible d'un coup",
        "neuro_deficit",
    ),
    case("fr", "la moitié de son visage est figée depuis ce matin", "neuro_deficit"),
    case("fr", "ça serre dans la gorge, je suis moite et j'ai la nausée", "atypical_heart_attack"),
    case(
        "fr",
        "mon grand-père de 88 ans a raté une marche et a mal à la hanche, il marche à peine",
        "fragility_fracture",
    ),
    case("fr", "je suis tombé sur votre site en cherchant un kiné pour ma nuque"),
    case("fr", "je tombe dans les pommes à chaque prise de sang, mais pas d'aiguilles pour moi"),
    case("fr", "j'ai glissé et fait un grand écart au foot, ça tire à l'aine"),
    case("fr", "j'ai glissé sur le verglas et je suis tombée sur le coccyx", "trauma"),
    case("fr", "faites-vous des attestations pour l'assurance accident ?"),
    case("fr", "il a pris un gros choc au rugby et ses jambes fourmillent", "trauma_neuro"),
    case("nl", "draaien in bed verandert niks, de heup blijft pijn doen", "night_pain"),
    case("nl", "schouderpijn dag en nacht", "night_pain"),
    case("nl", "5 kilo kwijt zonder iets te doen en rugpijn", "weight_loss"),
    case("nl", "mijn been plooit door, twee keer bijna gevallen", "focal_weakness"),
    case("nl", "ik krijg mijn sleutel ni meer omgedraaid met mijn rechterhand", "focal_weakness"),
    case("nl", "mijn moeder sleept met haar voet en blijft haken aan de stoep", "focal_weakness"),
    case("nl", "dikke kuit en nu ook amper adem", "breathing_emergency", "dvt"),
    case("nl", "pijn tussen mijn schouderbladen en ik heb amper adem", "atypical_heart_attack"),
    case("nl", "druk vanboven op mijn maag en ik ben klam en misselijk", "atypical_heart_attack"),
    case("nl", "wagen total loss na het ongeval gisteren, nu nekpijn", "major_trauma", "trauma"),
    case(
        "nl",
        "mijn dochter is van het stapelbed gevallen, zo een paar meter",
        "major_trauma",
        "trauma",
    ),
    case("nl", "ik ben van achter aangereden op de autosnelweg", "major_trauma", "trauma"),
    case("nl", "mijn vader vond zijn woorden ni meer en zijn arm viel slap", "neuro_deficit"),
    case("nl", "zijn gezicht hangt aan de linkerkant", "neuro_deficit"),
    case(
        "nl", "hij heeft zijn gereedschap weggegeven en een afscheidsbrief geschreven", "self_harm"
    ),
    case("nl", "heb opgezocht hoe ik er ne punt achter kan zetten", "self_harm"),
    case("nl", "binnenkort ben ik niemand meer tot last", "self_harm"),
    case("nl", "kan al 8 uur ni plassen en mijn rug doet zeer", "cauda_equina"),
    case("nl", "rood opgezet onderbeen sinds gisteren", "dvt"),
    case(
        "nl",
        "ik ben 58 met osteopenie en met de fiets omgevallen, rugpijn",
        "bone_risk_back_pain",
        "fragility_fracture",
    ),
    case("nl", "ik ben in slaap gevallen in de zetel en nu stijve nek"),
    case("nl", "ik ben gevallen voor uw aanpak, wanneer kan ik komen?"),
]

# The fourth reviewer's probes of rounds 13-15: a relative's symptoms, current illness or the
# writer's own illness always alarm; a relative's past illness beside the writer's complaint does
# not; breathlessness that is new, sudden or worse alarms, after a sprint the patient calls normal
# not; an older person's own fall with a hip or bad back pain goes to the emergency department.
REVIEW_ROUND_4 = [
    case(
        "en",
        "my wife is having a stroke right now, my back hurts from lifting her",
        "neuro_deficit",
    ),
    case(
        "en",
        "I think my husband is having a heart attack, my shoulder is killing me from carrying him",
        "heart_attack_signs",
    ),
    case("fr", "ma femme fait un AVC je crois, j'ai mal au dos", "neuro_deficit"),
    case(
        "nl", "mijn man heeft nu een hartaanval denk ik, mijn rug doet pijn", "heart_attack_signs"
    ),
    case("en", "my son has meningitis the doctor thinks, my back hurts", "meningitis_signs"),
    case("fr", "mon père a une méningite, j'ai mal à la nuque", "meningitis_signs"),
    case("en", "my wife has a DVT in her calf, my back is sore", "dvt"),
    case(
        "en",
        "my husband thinks I had a mini stroke this morning, my "
        "left arm felt strange for 10 minutes",
        "neuro_deficit",
    ),
    case("en", "my wife is worried my cancer is back, my back hurts at night", "cancer_history"),
    case(
        "nl",
        "Ik ben een man van 62 en had vorig jaar kanker, nu doet mijn rug veel pijn",
        "cancer_history",
    ),
    case(
        "fr",
        "Je suis une femme de 55 ans qui a eu un cancer du sein, j'ai mal au dos la nuit",
        "cancer_history",
    ),
    case("en", "my friend and I both had breast cancer, my back hurts at night", "cancer_history"),
    case("en", "My grandmother had a DVT so I worry a bit, but my calves are sore"),
    case("en", "my wife is on chemo so I've been lifting, my right shoulder is sore"),
    case("fr", "Ma femme est sous chimio, c'est pour moi, une contracture au mollet"),
    case("nl", "mijn vrouw is in chemo en van al dat rijden zit mijn onderrug vast"),
    case("nl", "mijne nonkel is aan een aneurysma gestorven, mijn eigen probleem is mijn onderrug"),
    case("en", "A friend had meningitis at uni, mine is the usual band across my forehead"),
    case("nl", "mijn vrouw is in chemo en heeft 39 koorts", "cancer_history", "fever_infection"),
    case(
        "nl", "plots buiten adem tijdens de training en het gaat niet over", "breathing_emergency"
    ),
    case("en", "i get breathless after sprints which is normal for me"),
    case("fr", "essoufflé après les sprints comme tout le monde, c'est le mollet qui me gêne"),
    case("nl", "buiten adem na sprints is normaal, mijn kuiten zijn hard"),
    case(
        "en", "my husband had surgery, I had a stroke last week and my arm hurts", "neuro_deficit"
    ),
    case(
        "en",
        "my mum had a DVT years ago; my calves are sore and I'm "
        "short of breath after my interval training",
    ),
    case("en", "I had a blood clot 10 years ago. I'm short of breath after sprints, calves sore"),
    case(
        "fr",
        "ma grand-mère a eu une phlébite, moi j'ai mal aux "
        "mollets et je suis essoufflée après le sport",
    ),
    case(
        "en",
        "since yesterday I'm suddenly breathless on small hills, never had that before",
        "breathing_emergency",
    ),
    case(
        "en",
        "I've become short of breath when walking up hills since yesterday, I'm 35 and fit",
        "breathing_emergency",
    ),
    case(
        "fr",
        "je suis essoufflée en montant les escaliers depuis hier, ça ne m'arrivait jamais",
        "breathing_emergency",
    ),
    case(
        "nl",
        "ik ben buiten adem bij het trappen oplopen sinds gisteren, dat had ik nooit",
        "breathing_emergency",
    ),
    case(
        "en",
        "short of breath on hills now, never before, calf swollen since my flight",
        "breathing_emergency",
    ),
    case(
        "en",
        "I had a DVT diagnosed on Monday and today I'm out of breath",
        "breathing_emergency",
        "dvt",
    ),
    case(
        "en", "blood clot in my leg last week, now I'm out of breath", "breathing_emergency", "dvt"
    ),
    case(
        "en",
        "my left leg is swollen and hot and I'm out of breath today",
        "breathing_emergency",
        "dvt",
    ),
    case("en", "I had a bad fall on Saturday and my wrist is swollen and bent", "trauma"),
    case("en", "Took a fall on the weekend, my back hurts in the middle", "trauma"),
    case("fr", "je suis tombée le 3 mars et depuis j'ai très mal au dos", "trauma"),
    case("nl", "ik ben gevallen voor de deur en mijn pols staat scheef", "trauma"),
    case(
        "fr",
        "j'ai fait un malaise en réunion ce matin, maintenant j'ai la tête qui tourne",
        "neuro_deficit",
    ),
    case("fr", "mon mari a fait un malaise général ce matin, il est tout gris", "neuro_deficit"),
    case(
        "en",
        "I slipped and fell down a few steps on Saturday, much better "
        "today but I still can't put any weight on my ankle",
        "trauma",
    ),
    case("en", "fell in the shower, but fine, just my hip that hurts a lot when I stand", "trauma"),
    case(
        "nl", "ik ben gisteren gevallen, nu al beter maar ik kan niet op mijn been staan", "trauma"
    ),
    case("en", "I am 72, worried about falls, my back hurts after long walks"),
    case(
        "en",
        "I'm 45, we've been married for 20 years, my husband is 70. I "
        "slipped in the garden and my back hurts a bit",
    ),
    case("en", "Fall colours hike last week, I'm 71 and my back is sore"),
    case("en", "my pulse is 102, I slipped on the stairs", "trauma"),
    case(
        "en",
        "My mum is 85 and had a fall last week, she's fine, but I hurt my back helping her up",
        "trauma",
    ),
    case("fr", "j'ai 70 ans et j'ai peur de tomber, j'ai mal au dos"),
    case("nl", "ik ben 75, ben bijna gevallen maar niet, mijn rug doet pijn van het tuinieren"),
    case("en", "my neck aches, I've been working day and night on a deadline"),
    case("en", "the ache is there day and night but lying on my left side eases it"),
    case("fr", "J'ai mal au dos, je travaille jour et nuit sur un chantier"),
    case("nl", "mijn nek doet pijn, ik zit dag en nacht achter de computer"),
    case("nl", "ik wil niemand tot last zijn, maar mijn schouder doet al weken pijn"),
    case(
        "nl",
        "ik heb mijn spullen weggegeven aan de kringwinkel en een "
        "afscheidsbrief geschreven voor mijn collega's die op pensioen gaan",
    ),
    case("fr", "j'ai donné mes affaires de sport à mon neveu, je ne cours plus à cause du genou"),
    case("fr", "j'ai mis de côté des médicaments pour les vacances, j'ai mal au dos"),
    case("en", "I won't be a burden any longer on my wife once my back is fixed"),
    case("en", "I kept my tramadol from last year's surgery, can I take it for my back?"),
    case("en", "I've been reading about overdosing on ibuprofen, how much is safe for back pain?"),
    case("en", "I had to make a new hole in my belt, I've been going to the gym and eating better"),
    case("fr", "5 kg en moins depuis que je fais du vélo, j'ai mal au genou"),
    case("nl", "riem een gaatje verder sinds ik loop, mijn heup doet pijn"),
    case("fr", "j'ai un point au dos quand j'inspire, après le sport"),
    case(
        "fr",
        "je dois lever le genou très haut pour pas trébucher sur les "
        "marches depuis mon entorse de la cheville",
    ),
    case(
        "en", "Dad (79) missed the last step last night and can barely stand", "fragility_fracture"
    ),
    case(
        "nl",
        "mijn vader van 81 is uitgegleden, hij kan amper stappen",
        "fragility_fracture",
        "trauma",
    ),
    case(
        "en", "I'm seventy-eight and I fell yesterday, my hip hurts", "fragility_fracture", "trauma"
    ),
    case(
        "fr",
        "ma mère de quatre-vingt-cinq ans est tombée hier, douleur dans l'aine",
        "fragility_fracture",
        "trauma",
    ),
]

# Everyday idioms that name a fall, a crash, a blackout or a paralysis without one, next to the
# real ones they must not hide.
IDIOMS = [
    case("en", "there was a power blackout at work and I sat in the dark, now my neck hurts"),
    case("en", "I crashed on the sofa all weekend and my back is stiff"),
    case("en", "I fell out with my boss, tense neck"),
    case("en", "I'm paralysed by the pain in my back after gardening"),
    case("fr", "je suis tombé sur un ami au marché, j'ai mal au dos"),
    case("fr", "il tombe des cordes et j'ai mal au genou"),
    case("fr", "je tombe de sommeil, mal à la nuque"),
    case("fr", "les bras m'en tombent, encore mal au dos"),
    case("fr", "on est tombés d'accord pour un rdv, mal à l'épaule"),
    case("fr", "mon projet est tombé à l'eau, nuque raide"),
    case("fr", "la chute des feuilles me donne du travail au jardin, mal au dos"),
    case("nl", "ik ben gevallen voor de charme van dry needling"),
    case("nl", "de prijzen zijn gevallen, ik boek nu"),
    case("en", "the price fell so I'm booking, shoulder ache"),
    case("en", "I crashed my bike yesterday", "trauma"),
    case("en", "we crashed on the motorway", "trauma"),
    case("en", "he blacked out this morning", "neuro_deficit"),
    case("en", "she collapsed in the kitchen", "neuro_deficit"),
    case("fr", "je suis tombée sur un trottoir glissant", "trauma"),
    case("nl", "ik ben gevallen op mijn rug", "trauma"),
    case("en", "I fell on the ice", "trauma"),
    case(
        "en",
        "my husband had a stroke this morning and can't speak, I have neck pain",
        "neuro_deficit",
    ),
    case("en", "my dad has chest pain since an hour, I have back pain", "heart_attack_signs"),
]

ALL_CASES = [
    *IDIOMS,
    *REVIEW_ROUND_4,
    *ROUNDS_13_14,
    *OTHER_WORDS,
    *SHORT_MESSAGES,
    *OBLIQUE_WORDS,
    *FOCUSED_ROWS,
    *REVIEW_ROUNDS,
    *SEVERE_CENTRAL_BACK_PAIN,
    *BONE_RISK_BACK_PAIN,
    *FAINTING_AT_A_NEEDLE,
    *STILL_ALARMS,
    *PAIN_AFTER_A_DENIAL,
    *ROUND_8,
    *REVIEW_ROUND,
    *ROUND_7,
    *INFLAMMATORY_STIFFNESS,
    *ROUND_6,
    *ATYPICAL_HEART_ATTACK,
    *AORTIC_EMERGENCY,
    *TRAUMA_NEURO,
    *MAJOR_TRAUMA,
    *FOCAL_WEAKNESS,
    *BILATERAL_NUMBNESS,
    *HOT_SWOLLEN_JOINT,
    *CAUDA_EQUINA,
    *HEART_ATTACK_SIGNS,
    *BREATHING_EMERGENCY,
    *DVT,
    *THUNDERCLAP_HEADACHE,
    *MENINGITIS_SIGNS,
    *NEURO_DEFICIT,
    *HEAD_INJURY,
    *GIANT_CELL_ARTERITIS,
    *TRAUMA,
    *NEW_PAIN_OVER_50,
    *FEVER_INFECTION,
    *WEIGHT_LOSS,
    *CANCER_HISTORY,
    *NIGHT_PAIN,
    *PROGRESSIVE_WEAKNESS,
    *SELF_HARM,
    *NEGATION_AND_HEDGES,
    *EVERYDAY,
    *DELIBERATE,
    *PATIENT_PHRASINGS,
    *HIDDEN_AND_FIGURATIVE,
]


@pytest.mark.parametrize(("language", "text", "expected"), ALL_CASES)
def test_detect_finds_exactly_the_expected_flags(language, text, expected):
    assert_exact_flags(text, expected)


def test_every_flag_has_positive_cases_in_every_language():
    positives = {(p.values[0], flag) for p in ALL_CASES for flag in p.values[2]}
    missing = {(lang, flag) for flag in FLAG_TIERS for lang in ("en", "fr", "nl")} - positives
    assert not missing


def test_every_flag_table_has_negative_cases_in_every_language():
    tables = [CAUDA_EQUINA, HEART_ATTACK_SIGNS, BREATHING_EMERGENCY, DVT, THUNDERCLAP_HEADACHE]
    tables += [MENINGITIS_SIGNS, NEURO_DEFICIT, HEAD_INJURY, GIANT_CELL_ARTERITIS, TRAUMA]
    tables += [FEVER_INFECTION, WEIGHT_LOSS, CANCER_HISTORY, NIGHT_PAIN, PROGRESSIVE_WEAKNESS]
    tables += [SELF_HARM, ATYPICAL_HEART_ATTACK, AORTIC_EMERGENCY, TRAUMA_NEURO, MAJOR_TRAUMA]
    tables += [FOCAL_WEAKNESS, BILATERAL_NUMBNESS, HOT_SWOLLEN_JOINT, INFLAMMATORY_STIFFNESS]
    for table in tables:
        languages = {p.values[0] for p in table if not p.values[2]}
        assert languages == {"en", "fr", "nl"}, table[0].values[1]


def test_the_case_table_is_large_and_has_no_duplicates():
    texts = [p.values[1] for p in ALL_CASES]
    assert len(texts) >= 150
    assert len(set(texts)) == len(texts)


# --- the returned matches -------------------------------------------------------------------------


def test_matches_are_ordered_most_urgent_first_with_their_tier():
    text = "I have a fever, I fell off my bike and now I have chest pain, and I've lost weight"
    matches = detect(text)
    assert [m.flag_id for m in matches] == [
        "heart_attack_signs",
        "trauma",
        "fever_infection",
        "weight_loss",
    ]
    assert [m.tier for m in matches] == ["call_112", "doctor_today", "doctor_today", "gp_soon"]
    ranks = [tier_rank(m.tier) for m in matches]
    assert ranks == sorted(ranks)


def test_a_match_reports_its_language_and_the_normalised_text_it_matched():
    [match] = detect("J'ai de la FIÈVRE")
    assert match == RedFlagMatch("fever_infection", "doctor_today", "fr", "fievre")
    [match] = detect("ik heb KOORTS")
    assert (match.language, match.matched_text) == ("nl", "koorts")
    [match] = detect("My chest HURTS")
    assert (match.flag_id, match.language, match.matched_text) == (
        "heart_attack_signs",
        "en",
        "chest hurts",
    )


def test_one_match_per_flag_even_when_mentioned_twice():
    matches = detect("chest pain. chest pain again, my chest hurts")
    assert [m.flag_id for m in matches] == ["heart_attack_signs"]
    assert matches[0].matched_text == "chest pain"


def test_a_later_affirmed_mention_counts_after_a_negated_one():
    [match] = detect("no chest pain this morning. Now chest pain again")
    assert match.flag_id == "heart_attack_signs"


def test_detect_is_deterministic():
    text = "no fever but my calf is swollen, I hit my head and I have chest pain"
    assert detect(text) == detect(text) == detect(text)


def test_most_urgent_picks_the_most_urgent_tier_then_the_first():
    assert most_urgent([]) is None
    weight = RedFlagMatch("weight_loss", "gp_soon", "en", "weight loss")
    trauma = RedFlagMatch("trauma", "doctor_today", "en", "fall")
    fever = RedFlagMatch("fever_infection", "doctor_today", "en", "fever")
    chest = RedFlagMatch("heart_attack_signs", "call_112", "en", "chest pain")
    assert most_urgent([weight, trauma, chest, fever]) == chest
    assert most_urgent([weight, trauma, fever]) == trauma
    assert most_urgent([fever, trauma]) == fever
    found = most_urgent(detect("my calf is swollen and I coughed up blood"))
    assert found is not None and found.flag_id == "breathing_emergency"


def test_tiers_flags_and_their_order():
    assert TIERS == ("call_112", "emergency_department", "doctor_today", "gp_soon")
    assert [tier_rank(tier) for tier in TIERS] == [0, 1, 2, 3]
    assert set(flag_ids()) == set(FLAG_TIERS)
    assert len(flag_ids()) == len(FLAG_TIERS)
    for flag, tier in FLAG_TIERS.items():
        assert tier_of(flag) == tier
    with pytest.raises(KeyError):
        tier_rank("call_911")
    with pytest.raises(KeyError):
        tier_of("broken_leg")


# --- screens --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("regions", "expected"),
    [
        ([], ["screen_general"]),
        (["knee_front"], ["screen_general"]),
        (["low_back"], ["screen_back", "screen_general"]),
        (["low_back", "calf"], ["screen_back", "screen_calf", "screen_general"]),
        (["calf", "low_back"], ["screen_back", "screen_calf", "screen_general"]),
        (["chest"], ["screen_chest", "screen_general"]),
        (["temple", "jaw", "neck"], ["screen_head", "screen_general"]),
        (["achilles_heel", "buttock"], ["screen_back", "screen_calf", "screen_general"]),
        (
            ["shin_ankle", "forehead", "chest", "thigh"],
            ["screen_back", "screen_chest", "screen_head", "screen_calf", "screen_general"],
        ),
        (["unknown_region"], ["screen_general"]),
    ],
)
def test_screens_for_regions(regions, expected):
    assert screens_for_regions(regions) == expected


def test_screen_flags():
    assert screen_flags("screen_back") == (
        "cauda_equina",
        "progressive_weakness",
        "focal_weakness",
        "aortic_emergency",
        "severe_central_back_pain",
        "bone_risk_back_pain",
    )
    assert screen_flags("screen_chest") == ("heart_attack_signs", "breathing_emergency")
    assert screen_flags("screen_head") == (
        "thunderclap_headache",
        "meningitis_signs",
        "neuro_deficit",
        "atypical_heart_attack",
        "bilateral_numbness",
        "head_injury",
        "giant_cell_arteritis",
    )
    assert screen_flags("screen_calf") == ("dvt", "hot_swollen_joint")
    assert screen_flags("screen_general") == (
        "fever_infection",
        "trauma",
        "major_trauma",
        "fragility_fracture",
        "trauma_neuro",
        "weight_loss",
        "cancer_history",
        "night_pain",
        "new_pain_over_50",
    )
    with pytest.raises(KeyError):
        screen_flags("screen_knee")


def test_every_flag_is_asked_in_some_screen_except_self_harm_and_morning_stiffness():
    # Morning stiffness and a pain that does not improve are history details patients volunteer,
    # not end-of-interview questions (the interview asks how long it has lasted).
    screens = screens_for_regions(["low_back", "chest", "temple", "calf"])
    asked = {flag for screen in screens for flag in screen_flags(screen)}
    assert asked == set(FLAG_TIERS) - {"self_harm", "inflammatory_stiffness", "no_improvement"}


# --- validation of the rules file -----------------------------------------------------------------


def _rules_doc() -> dict[str, Any]:
    return yaml.safe_load(DEFAULT_RULES_PATH.read_text(encoding="utf-8"))


def _write(tmp_path: Path, doc: dict[str, Any]) -> Path:
    path = tmp_path / "rules.yml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _flag(doc: dict[str, Any], flag_id: str) -> dict[str, Any]:
    return next(flag for flag in doc["flags"] if flag["id"] == flag_id)


def test_family_history_is_read_from_the_rules_file(tmp_path):
    """Without the section a relative's past illness beside the writer's pain alarms again."""
    text = "my grandmother had a DVT, my calves are sore after the gym"
    assert detect(text) == []
    doc = _rules_doc()
    del doc["family_history"]
    rules = load_rules(_write(tmp_path, doc))
    assert [m.flag_id for m in detect(text, rules)] == ["dvt"]


def test_a_valid_copy_of_the_rules_loads_and_is_used(tmp_path):
    doc = _rules_doc()
    _flag(doc, "cancer_history")["patterns"]["en"].append("glioma")
    rules = load_rules(_write(tmp_path, doc))
    assert [m.flag_id for m in detect("I had a glioma", rules)] == ["cancer_history"]
    assert detect("I had a glioma") == []


def _break_tier(doc):
    _flag(doc, "dvt")["tier"] = "see_a_vet"


def _break_regex(doc):
    _flag(doc, "dvt")["patterns"]["en"].append("swollen (calf")


def _drop_english(doc):
    del _flag(doc, "night_pain")["patterns"]["en"]


def _unknown_screen_flag(doc):
    doc["screens"]["screen_calf"]["flags"].append("broken_leg")


def _duplicate_id(doc):
    doc["flags"].append(dict(_flag(doc, "dvt")))


def _uppercase(doc):
    _flag(doc, "dvt")["patterns"]["en"].append("Swollen calf")


def _accent(doc):
    _flag(doc, "dvt")["patterns"]["fr"].append("mollet gonflé")


def _matches_empty(doc):
    _flag(doc, "dvt")["patterns"]["en"].append("(?:calf)?")


def _starts_with_punctuation(doc):
    _flag(doc, "dvt")["patterns"]["en"].append("-swollen calf")


def _unknown_macro(doc):
    _flag(doc, "dvt")["patterns"]["en"].append("{{swelling}} calf")


def _gap_too_long(doc):
    _flag(doc, "dvt")["patterns"]["en"].append("calf{{gap:50}}swollen")


def _unknown_term(doc):
    _flag(doc, "meningitis_signs")["combos"].append(["headache", "purple_spots"])


def _unused_term(doc):
    doc["terms"]["lonely"] = {"en": ["lonely"]}


def _unknown_language(doc):
    _flag(doc, "dvt")["patterns"]["de"] = ["geschwollene wade"]


def _no_general_screen(doc):
    del doc["screens"]["screen_general"]


def _missing_negation_key(doc):
    del doc["negation"]["cues"]


def _unknown_flag_key(doc):
    _flag(doc, "dvt")["advice"] = "see a doctor"


def _family_history_without_own_complaint(doc):
    del doc["family_history"]["own_complaint"]


def _family_history_bad_relative(doc):
    doc["family_history"]["relative_past"]["en"].append("(?:mother")


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (_break_tier, r"flag 'dvt': unknown tier 'see_a_vet'"),
        (_break_regex, r"flag 'dvt' \(en\): pattern 'swollen \(calf' does not compile"),
        (_drop_english, r"flag 'night_pain': no 'en' pattern"),
        (_unknown_screen_flag, r"screen 'screen_calf': unknown flag 'broken_leg'"),
        (_duplicate_id, r"flag 'dvt': duplicate flag id"),
        (_uppercase, r"upper-case"),
        (_accent, r"non-ASCII"),
        (_matches_empty, r"matches empty text"),
        (_starts_with_punctuation, r"pattern '-swollen calf' must start with a letter or a digit"),
        (_unknown_macro, r"unknown macro \{\{swelling\}\}"),
        (_gap_too_long, r"exceeds the limit"),
        (_unknown_term, r"combo names unknown term 'purple_spots'"),
        (_unused_term, r"term 'lonely' is not used"),
        (_unknown_language, r"unknown key\(s\) de"),
        (_no_general_screen, r"regions: all"),
        (_missing_negation_key, r"negation: missing cues"),
        (_unknown_flag_key, r"unknown key\(s\) advice"),
        (_family_history_without_own_complaint, r"family_history: missing own_complaint"),
        (_family_history_bad_relative, r"family_history: relative_past"),
    ],
)
def test_invalid_rules_are_rejected_with_the_file_and_item_named(tmp_path, breakage, message):
    doc = _rules_doc()
    breakage(doc)
    path = _write(tmp_path, doc)
    with pytest.raises(ValueError, match=message) as error:
        load_rules(path)
    assert str(path) in str(error.value)


def test_duplicate_yaml_keys_are_rejected(tmp_path):
    text = DEFAULT_RULES_PATH.read_text(encoding="utf-8")
    text = text.replace(
        "\nscreens:\n", "\nscreens:\n  screen_calf:\n    regions: [calf]\n    flags: [dvt]\n"
    )
    path = tmp_path / "rules.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="duplicate key 'screen_calf'"):
        load_rules(path)


@pytest.mark.parametrize("content", ["", "- just\n- a list\n", "flags: [\n", "tiers: [a, b]\n"])
def test_malformed_rules_files_are_rejected(tmp_path, content):
    path = tmp_path / "rules.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(str(path))):
        load_rules(path)


def test_a_missing_rules_file_is_rejected(tmp_path):
    with pytest.raises(ValueError, match="cannot read"):
        load_rules(tmp_path / "nope.yml")


def test_the_rules_file_yaml_booleans_did_not_sneak_in():
    # An unquoted "no" in YAML is the boolean False: the negation cue would silently vanish.
    doc = _rules_doc()
    assert "no" in doc["negation"]["cues"]["en"]
    assert "no" in doc["negation"]["post_cues"]


# --- robustness: odd input, long input, speed -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", set()),
        ("   \n\t ", set()),
        ("😀🔥🙏", set()),
        ("<script>alert('x')</script><b>hello</b>", set()),
        ("\x00\x01\x02\x1b[31m\x7f", set()),
        ("I have chest pain 😰😰", {"heart_attack_signs"}),
        ("<p>I have <b>chest pain</b></p>", {"heart_attack_signs"}),
        ("chest\x00pain", {"heart_attack_signs"}),
        ("che\u200bst pain", {"heart_attack_signs"}),
        ("I can\u2019t breathe", {"breathing_emergency"}),
        ("CHEST PAIN!!!", {"heart_attack_signs"}),
        ("ﬁèvre", {"fever_infection"}),  # the "fi" ligature decomposes to "fi"
        ("FIÈVRE", {"fever_infection"}),
        ("fièvre", {"fever_infection"}),
        ("koorts\u00a0en\u00a0hoofdpijn", {"fever_infection", "meningitis_signs"}),
    ],
)
def test_odd_input_does_not_crash(text, expected):
    assert {m.flag_id for m in detect(text)} == expected


# Long or odd messages must not crash and must find nothing here; how fast they are checked is
# measured by `make bench` (bench/detector.py), never asserted by a test.
LONG_INPUTS = {
    "sentences": "My lower back has been hurting for three weeks, mostly when I sit. " * 80,
    "french": "j'ai mal au dos depuis trois semaines et ca ne passe pas du tout. " * 80,
    "emoji": "😀🔥🙏 " * 1300,
    "html": "<div class='msg'><p>pain <b>here</b></p></div>" * 110,
    "control": "\x00\x01\x1b[31m pain \x7f" * 400,
    "one_word": "numb" * 1250,
    "negations": "no fever, no chest pain, no numbness between my legs, no cancer. " * 80,
    "gap_bait": "numb " + "very " * 998 + "groin",
    "apostrophes": "I'm can't don't won't " * 230,
    "punctuation": "- ?! <b> " * 560,
}


@pytest.mark.parametrize("name", [name for name in LONG_INPUTS if name != "negations"])
def test_five_thousand_characters_without_a_red_flag_find_none(name):
    text = LONG_INPUTS[name][:5000]
    assert len(text) == 5000
    assert detect(text) == []


def test_a_red_flag_at_the_end_of_a_long_message_is_found():
    text = ("My lower back has been hurting for weeks. " * 120)[:4980] + " I have chest pain"
    assert [m.flag_id for m in detect(text)] == ["heart_attack_signs"]


def test_many_negated_mentions_stay_bounded_and_err_on_the_safe_side():
    text = "no fever " * 600
    # Past a bound, a repeated negated mention counts as affirmed: a false alarm, never a miss.
    assert [m.flag_id for m in detect(text)] == ["fever_infection"]
    assert detect("no fever " * 5) == []


def test_normalise_casefolds_strips_accents_and_blanks_emoji_and_control_characters():
    assert normalise("  FIÈVRE\tœdème\x00ça  ") == "fievre oedeme ca"
    assert normalise("can\u2019t 😀 breathe") == "can't breathe"
    assert normalise("38.5°C") == "38.5°c"
    assert normalise("") == ""
