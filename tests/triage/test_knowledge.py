"""The referred-pain knowledge base (bot/triage/knowledge) and the body-region entity-ruler
patterns."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import spacy
import yaml
from spacy.language import Language

from bot.triage.knowledge import (
    LANGUAGES,
    REGION_IDS,
    WEAK,
    KnowledgeBase,
    load_knowledge_base,
)
from bot.triage.knowledge.loader import CONTRACT_REGION_IDS, DEFAULT_PATH

PATTERNS_PATH = DEFAULT_PATH.parents[1] / "nlp" / "patterns" / "body_regions.jsonl"
DOCTOR_FIRST_REGIONS = ("chest", "abdomen")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


# --- The vocabulary and its content --------------------------------------------------------------


def test_region_ids_are_the_agreed_25_in_order() -> None:
    assert REGION_IDS == CONTRACT_REGION_IDS
    assert len(REGION_IDS) == 25
    assert REGION_IDS[0] == "temple" and REGION_IDS[-1] == "abdomen"


def test_default_knowledge_base_is_cached(kb: KnowledgeBase) -> None:
    assert load_knowledge_base() is kb


@pytest.mark.parametrize("region_id", REGION_IDS)
def test_every_region_resolves_in_three_languages(kb: KnowledgeBase, region_id: str) -> None:
    region = kb.region(region_id)
    assert region.id == region_id
    for language in LANGUAGES:
        assert region.label(language).strip()
    assert region.label("de") == region.label("en")  # unknown language falls back to English
    if region.is_doctor_first:
        return
    assert region.explanation == "muscular"
    assert region.muscles, f"{region_id} lists no muscle"
    for muscle in region.muscles:
        assert set(muscle.labels) == set(LANGUAGES)
        assert all(muscle.label(language).strip() for language in LANGUAGES)
        assert muscle.technical in muscle.label("en"), "the English label names the muscle"
        assert muscle.evidence in ("usual", "weak")


def test_region_labels_use_patient_words(kb: KnowledgeBase) -> None:
    assert kb.region("temple").label("en") == "the temples and the sides of the head"
    assert kb.region("shoulder_blade").label("en") == "between or around the shoulder blades"
    assert kb.region("achilles_heel").label("en") == "the Achilles tendon and the heel"
    assert kb.region("low_back").label("fr") == "le bas du dos"
    assert kb.region("low_back").label("nl") == "de onderrug"


@pytest.mark.parametrize("region_id", DOCTOR_FIRST_REGIONS)
def test_doctor_first_regions_never_show_muscles(kb: KnowledgeBase, region_id: str) -> None:
    region = kb.region(region_id)
    assert region.is_doctor_first
    assert region.muscles == () and region.clinic_examples == ()
    assert kb.muscles_for([region_id]) == []
    with_others = kb.muscles_for(["neck", region_id, "low_back"])
    assert with_others == kb.muscles_for(["neck", "low_back"])


def test_only_chest_and_abdomen_are_doctor_first(kb: KnowledgeBase) -> None:
    doctor_first = [region.id for region in kb.regions.values() if region.is_doctor_first]
    assert doctor_first == list(DOCTOR_FIRST_REGIONS)


def test_muscles_for_everything_never_includes_doctor_first_muscles(kb: KnowledgeBase) -> None:
    every = kb.muscles_for(REGION_IDS)
    assert len({muscle.id for muscle in every}) == len(every)  # de-duplicated
    assert "pectoralis_minor" not in {muscle.id for muscle in every}


# The clinic's own examples (website): they must come out exactly right.
CLINIC_EXAMPLES = [
    ("low_back", ("rectus_abdominis",)),
    ("temple", ("upper_trapezius", "splenius_cervicis", "suboccipitals")),
    ("back_of_head", ("upper_trapezius", "suboccipitals", "splenius_capitis")),
    ("knee_front", ("rectus_femoris", "vastus_medialis", "vastus_lateralis")),
    ("achilles_heel", ("soleus", "gastrocnemius")),
]


@pytest.mark.parametrize(("region_id", "muscle_ids"), CLINIC_EXAMPLES)
def test_clinic_examples(kb: KnowledgeBase, region_id: str, muscle_ids: tuple[str, ...]) -> None:
    region = kb.region(region_id)
    assert region.clinic_examples == muscle_ids
    listed = [muscle.id for muscle in region.muscles]
    assert set(muscle_ids) <= set(listed)


def test_clinic_examples_in_plain_words(kb: KnowledgeBase) -> None:
    stomach = next(m for m in kb.region("low_back").muscles if m.id == "rectus_abdominis")
    assert stomach.label("en") == "the stomach muscles (rectus abdominis)"
    assert stomach.label("fr") == "les muscles du ventre (grand droit de l'abdomen)"
    assert stomach.label("nl") == "de buikspieren (rechte buikspier)"
    # Achilles: the calf muscles come first.
    assert [m.id for m in kb.region("achilles_heel").muscles][:2] == ["soleus", "gastrocnemius"]
    assert [m.id for m in kb.region("knee_front").muscles] == [
        "rectus_femoris",
        "vastus_medialis",
        "vastus_lateralis",
    ]


def test_muscles_keep_the_table_order(kb: KnowledgeBase) -> None:
    assert [m.id for m in kb.region("low_back").muscles] == [
        "quadratus_lumborum",
        "gluteus_medius",
        "iliopsoas",
        "rectus_abdominis",
    ]
    assert [m.id for m in kb.region("calf").muscles] == ["gastrocnemius", "soleus"]


def test_weakly_supported_links_are_marked(kb: KnowledgeBase) -> None:
    triceps = next(m for m in kb.region("elbow_inner").muscles if m.id == "triceps")
    assert triceps.evidence == WEAK
    (upper_abs,) = kb.region("mid_back").muscles
    assert upper_abs.id == "rectus_abdominis" and upper_abs.evidence == WEAK
    assert upper_abs.note("fr") == "sa partie haute"


def test_muscles_for_merges_in_order_and_prefers_the_usual_listing(kb: KnowledgeBase) -> None:
    muscles = kb.muscles_for(["mid_back", "low_back"])
    assert [m.id for m in muscles] == [
        "rectus_abdominis",
        "quadratus_lumborum",
        "gluteus_medius",
        "iliopsoas",
    ]
    assert muscles[0].evidence == "usual"  # low_back supports it normally
    assert [m.id for m in kb.muscles_for(["calf", "achilles_heel"])] == [
        "gastrocnemius",
        "soleus",
        "quadratus_plantae",
        "abductor_hallucis",
    ]


def test_notes_are_region_specific(kb: KnowledgeBase) -> None:
    scm_jaw = next(m for m in kb.region("jaw").muscles if m.id == "sternocleidomastoid")
    scm_forehead = next(m for m in kb.region("forehead").muscles if m.id == "sternocleidomastoid")
    assert scm_jaw.note("en") == "for pain in or around the ear"
    assert scm_forehead.note("en") is None
    assert scm_jaw.label("nl") == scm_forehead.label("nl")  # wording lives once, in the catalogue


def test_unknown_region_is_a_clear_key_error(kb: KnowledgeBase) -> None:
    with pytest.raises(KeyError, match="unknown body region 'toe'"):
        kb.region("toe")
    with pytest.raises(KeyError, match="unknown body region"):
        kb.muscles_for(["knee_front", "toe"])
    with pytest.raises(TypeError):
        kb.muscles_for("knee_front")


def test_objects_are_immutable_and_hashable(kb: KnowledgeBase) -> None:
    region = kb.region("calf")
    with pytest.raises(AttributeError):
        region.id = "other"  # type: ignore[misc]
    assert len({region, *region.muscles}) == 3


# --- Validation of a broken file -----------------------------------------------------------------


def _raw() -> dict[str, Any]:
    return copy.deepcopy(yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8")))


def _region(document: dict[str, Any], region_id: str) -> dict[str, Any]:
    return next(region for region in document["regions"] if region["id"] == region_id)


def _unknown_muscle(doc: dict[str, Any]) -> None:
    _region(doc, "calf")["muscles"].append("biceps_brachii")


def _missing_region_label(doc: dict[str, Any]) -> None:
    del _region(doc, "neck")["labels"]["fr"]


def _missing_muscle_label(doc: dict[str, Any]) -> None:
    del doc["muscles"]["soleus"]["labels"]["nl"]


def _missing_note_label(doc: dict[str, Any]) -> None:
    del _region(doc, "jaw")["muscles"][1]["note"]["en"]


def _too_few_regions(doc: dict[str, Any]) -> None:
    doc["regions"] = [region for region in doc["regions"] if region["id"] != "sole"]
    _region(doc, "calf")["muscles"] += ["flexor_digitorum_brevis", "long_toe_flexors"]


def _id_outside_the_list(doc: dict[str, Any]) -> None:
    _region(doc, "sole")["id"] = "toes"


def _doctor_first_with_muscles(doc: dict[str, Any]) -> None:
    _region(doc, "chest")["muscles"] = ["pectoralis_major"]


def _duplicate_region(doc: dict[str, Any]) -> None:
    doc["regions"][1] = copy.deepcopy(doc["regions"][0])


def _duplicate_muscle_in_region(doc: dict[str, Any]) -> None:
    _region(doc, "calf")["muscles"].append("soleus")


def _unused_muscle(doc: dict[str, Any]) -> None:
    doc["muscles"]["pectoralis_minor"] = {
        "technical": "pectoralis minor",
        "labels": {"en": "a small chest muscle", "fr": "petit pectoral", "nl": "kleine borstspier"},
    }


def _bad_explanation(doc: dict[str, Any]) -> None:
    _region(doc, "knee_front")["explanation"] = "nerves"


def _bad_evidence(doc: dict[str, Any]) -> None:
    _region(doc, "elbow_inner")["muscles"][1]["evidence"] = "strong"


def _misspelt_key(doc: dict[str, Any]) -> None:
    _region(doc, "temple")["muscles"][0]["clinic_exemple"] = True


def _wrong_order(doc: dict[str, Any]) -> None:
    doc["regions"][0], doc["regions"][1] = doc["regions"][1], doc["regions"][0]


BROKEN_FILES = [
    (_unknown_muscle, r"region 'calf', muscle #3: unknown muscle reference 'biceps_brachii'"),
    (_missing_region_label, r"region 'neck'\.labels: missing language label\(s\) \['fr'\]"),
    (_missing_muscle_label, r"muscle 'soleus'\.labels: missing language label\(s\) \['nl'\]"),
    (_missing_note_label, r"region 'jaw', muscle #2\.note: missing language label\(s\) \['en'\]"),
    (_too_few_regions, r"regions: expected 25 regions, got 24; missing \['sole'\]"),
    (_id_outside_the_list, r"regions: region id\(s\) outside the agreed list: \['toes'\]"),
    (_doctor_first_with_muscles, r"region 'chest': a doctor_first region must list no muscles"),
    (_duplicate_region, r"regions: duplicate region id\(s\) \['temple'\]"),
    (_duplicate_muscle_in_region, r"region 'calf': duplicate muscle id 'soleus'"),
    (_unused_muscle, r"muscles: muscle\(s\) in the catalogue that no region uses"),
    (_bad_explanation, r"region 'knee_front': explanation must be one of"),
    (_bad_evidence, r"region 'elbow_inner', muscle #2: evidence must be one of"),
    (_misspelt_key, r"region 'temple', muscle #1: unknown key\(s\) \['clinic_exemple'\]"),
    (_wrong_order, r"regions: regions must be in the agreed order"),
]


@pytest.mark.parametrize(
    ("break_it", "message"), BROKEN_FILES, ids=[f.__name__.strip("_") for f, _ in BROKEN_FILES]
)
def test_broken_file_is_refused(tmp_path: Path, break_it: Any, message: str) -> None:
    document = _raw()
    break_it(document)
    path = tmp_path / "regions.yml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError, match=message) as caught:
        load_knowledge_base(path)
    assert str(path) in str(caught.value), "the error names the file"


def test_duplicate_muscle_in_catalogue_is_refused(tmp_path: Path) -> None:
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    soleus = "  soleus:\n    technical: soleus\n"
    assert soleus in text
    path = tmp_path / "regions.yml"
    path.write_text(text.replace(soleus, soleus.replace("  soleus", "  gastrocnemius")), "utf-8")
    with pytest.raises(ValueError, match=r"regions\.yml: cannot read .*duplicate key 'gastro"):
        load_knowledge_base(path)


def test_unreadable_or_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="cannot read knowledge base"):
        load_knowledge_base(tmp_path / "nowhere.yml")
    path = tmp_path / "regions.yml"
    path.write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(ValueError, match="top level: must be a mapping"):
        load_knowledge_base(path)


def test_a_valid_copy_loads_from_any_path(tmp_path: Path, kb: KnowledgeBase) -> None:
    path = tmp_path / "copy.yml"
    path.write_text(DEFAULT_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    copy_kb = load_knowledge_base(path)
    assert copy_kb is not kb and list(copy_kb.regions) == list(REGION_IDS)


# --- Entity-ruler patterns (bot/triage/nlp/patterns/body_regions.jsonl) -----------------------


def _pattern_entries() -> list[dict[str, Any]]:
    lines = PATTERNS_PATH.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_every_pattern_is_well_formed_and_names_a_known_region() -> None:
    entries = _pattern_entries()
    assert entries
    for entry in entries:
        assert set(entry) - {"not_in"} == {"label", "id", "lang", "pattern"}, entry
        assert entry["label"] == "body_region"
        assert entry["id"] in REGION_IDS, entry
        assert entry["lang"] in LANGUAGES, entry
        assert isinstance(entry["pattern"], (str, list)) and entry["pattern"], entry
        if isinstance(entry["pattern"], str):
            assert entry["pattern"] == entry["pattern"].lower(), "LOWER matching needs lowercase"
    keys = [json.dumps([entry["id"], entry["pattern"]], ensure_ascii=False) for entry in entries]
    assert len(keys) == len(set(keys)), "duplicate pattern lines"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_region_has_patterns_in_every_language(language: str) -> None:
    covered = {entry["id"] for entry in _pattern_entries() if entry["lang"] == language}
    assert [region for region in REGION_IDS if region not in covered] == []


def test_no_pattern_names_a_side_on_its_own() -> None:
    # Sides are another component's entities: a lone side word must stay free for it.
    sides = {"left", "right", "both", "gauche", "droite", "droit", "links", "rechts", "beide"}
    for entry in _pattern_entries():
        pattern = entry["pattern"]
        if isinstance(pattern, str):
            assert pattern not in sides, entry


@pytest.fixture(scope="module", params=["xx", "en"])
def nlp(request: pytest.FixtureRequest) -> Language:
    pipeline = spacy.blank(request.param)
    ruler = pipeline.add_pipe(
        "entity_ruler", config={"phrase_matcher_attr": "LOWER", "validate": True}
    )
    # spaCy 3.4's EntityRuler ignores keys it does not use, so the "lang" tag can stay.
    ruler.add_patterns(_pattern_entries())  # type: ignore[attr-defined]
    return pipeline


def _regions_in(pipeline: Language, text: str) -> set[str]:
    return {ent.ent_id_ for ent in pipeline(text).ents if ent.label_ == "body_region"}


PHRASES: list[tuple[str, set[str]]] = [
    # English
    ("the back of my head hurts", {"back_of_head"}),
    ("pain at the base of my skull", {"back_of_head"}),
    ("I have pain between my shoulder blades", {"shoulder_blade"}),
    ("my heel hurts in the morning", {"achilles_heel"}),
    ("it hurts when I chew", {"jaw"}),
    ("chewing is painful", {"jaw"}),
    ("my jaw clicks", {"jaw"}),
    ("my teeth ache", {"jaw"}),
    ("I get headaches every afternoon", {"temple"}),
    ("my temples throb", {"temple"}),
    ("a tension headache since Monday", {"temple"}),
    ("my head hurts", {"temple"}),
    ("my lower back has hurt for three weeks", {"low_back"}),
    ("low back pain after lifting", {"low_back"}),
    ("my back hurts after gardening", {"low_back"}),
    ("back", {"low_back"}),
    ("pain in the lumbar area", {"low_back"}),
    ("my upper back is tight", {"shoulder_blade"}),
    ("pain in my mid back", {"mid_back"}),
    ("right in the middle of my back", {"mid_back"}),
    ("my knee has hurt for three weeks, worse on stairs", {"knee_front"}),
    ("knee", {"knee_front"}),
    ("a pain at the back of my knee", {"knee_back"}),
    ("it's behind my left knee", {"knee_back"}),
    ("my shoulder is sore", {"shoulder_top"}),
    ("a pain at the front of my shoulder", {"shoulder_front"}),
    ("I think I have tennis elbow", {"elbow_outer"}),
    ("on the outside of my elbow", {"elbow_outer"}),
    ("golfer's elbow", {"elbow_inner"}),
    ("the inside of my right elbow hurts", {"elbow_inner"}),
    ("my wrist and my thumb", {"forearm_hand"}),
    ("tingling in my fingers and hand", {"forearm_hand"}),
    ("my forearm burns when typing", {"forearm_hand"}),
    ("my hip and groin", {"hip_groin"}),
    ("my bum hurts when sitting", {"buttock"}),
    ("a sore buttock", {"buttock"}),
    ("tight glutes", {"buttock"}),
    ("I pulled a hamstring", {"thigh"}),
    ("pain in the front of my thigh", {"thigh"}),
    ("shin pain when running", {"shin_ankle"}),
    ("my ankle is stiff", {"shin_ankle"}),
    ("my big toe", {"shin_ankle"}),
    ("my calf cramps at night", {"calf"}),
    ("both calves feel tight", {"calf"}),
    ("my achilles is sore", {"achilles_heel"}),
    ("pain in the sole of my foot", {"sole"}),
    ("my foot hurts", {"sole"}),
    ("the arch of my foot", {"sole"}),
    ("plantar fasciitis", {"sole"}),
    ("stomach pain", {"abdomen"}),
    ("my belly hurts", {"abdomen"}),
    ("tummy ache", {"abdomen"}),
    ("pain in my abdomen", {"abdomen"}),
    ("chest pain when I breathe", {"chest"}),
    ("my neck is stiff", {"neck"}),
    ("I woke up with a stiff neck", {"neck"}),
    ("my forehead", {"forehead"}),
    ("pain around my eye", {"forehead"}),
    ("just above my eyebrow", {"forehead"}),
    ("my ear hurts", {"jaw"}),
    ("my upper arm aches", {"upper_arm"}),
    ("my arm hurts when I lift it", {"upper_arm"}),
    ("both knees are painful", {"knee_front"}),
    ("my shoulders are tight", {"shoulder_top"}),
    ("my neck and shoulders", {"neck", "shoulder_top"}),
    ("my lower back and my left hip", {"low_back", "hip_groin"}),
    ("headache and neck pain", {"temple", "neck"}),
    # French
    ("j'ai mal au dos depuis deux semaines", {"low_back"}),
    ("une douleur dans le bas du dos", {"low_back"}),
    ("mes lombaires me font mal", {"low_back"}),
    ("j'ai mal a la tete", {"temple"}),
    ("des maux de tête tous les soirs", {"temple"}),
    ("ma nuque est raide", {"neck"}),
    ("mon epaule droite", {"shoulder_top"}),
    ("l'épaule me fait mal", {"shoulder_top"}),
    ("j'ai mal entre les omoplates", {"shoulder_blade"}),
    ("mon genou gauche est gonflé", {"knee_front"}),
    ("une douleur derrière le genou", {"knee_back"}),
    ("mon mollet est dur", {"calf"}),
    ("mal au talon le matin", {"achilles_heel"}),
    ("une tendinite du tendon d'achille", {"achilles_heel"}),
    ("ma machoire craque", {"jaw"}),
    ("ça fait mal quand je mache", {"jaw"}),
    ("j'ai mal au ventre", {"abdomen"}),
    ("une douleur dans la poitrine", {"chest"}),
    ("ma hanche me lance", {"hip_groin"}),
    ("une douleur à l'aine", {"hip_groin"}),
    ("ma fesse droite", {"buttock"}),
    ("à l'arrière de la cuisse", {"thigh"}),
    ("je me suis tordu la cheville", {"shin_ankle"}),
    ("mon poignet et ma main", {"forearm_hand"}),
    ("j'ai mal au coude", {"elbow_outer"}),
    ("à l'intérieur du coude", {"elbow_inner"}),
    ("sous la plante du pied", {"sole"}),
    ("j'ai mal au front", {"forehead"}),
    ("à l'arrière de la tête", {"back_of_head"}),
    ("au milieu du dos", {"mid_back"}),
    ("dans le haut du dos", {"shoulder_blade"}),
    ("à l'avant de l'épaule", {"shoulder_front"}),
    ("mon avant-bras", {"forearm_hand"}),
    # Dutch
    ("ik heb rugpijn", {"low_back"}),
    ("pijn in mijn onderrug", {"low_back"}),
    ("last van mijn lage rug", {"low_back"}),
    ("ik heb vaak hoofdpijn", {"temple"}),
    ("mijn nek zit vast", {"neck"}),
    ("pijn in mijn schouder", {"shoulder_top"}),
    ("pijn tussen mijn schouderbladen", {"shoulder_blade"}),
    ("ik heb last van mijn knie", {"knee_front"}),
    ("pijn in de knieholte", {"knee_back"}),
    ("mijn kuit verkrampt 's nachts", {"calf"}),
    ("pijn aan mijn hiel", {"achilles_heel"}),
    ("mijn achillespees is gevoelig", {"achilles_heel"}),
    ("mijn kaak doet pijn", {"jaw"}),
    ("pijn bij het kauwen", {"jaw"}),
    ("pijn in mijn buik", {"abdomen"}),
    ("pijn op de borst", {"chest"}),
    ("mijn heup doet pijn", {"hip_groin"}),
    ("pijn in mijn bil", {"buttock"}),
    ("mijn dij", {"thigh"}),
    ("ik heb pijn aan mijn enkel", {"shin_ankle"}),
    ("mijn pols", {"forearm_hand"}),
    ("mijn elleboog", {"elbow_outer"}),
    ("pijn in mijn voetzool", {"sole"}),
    ("mijn linkerknie", {"knee_front"}),
    ("pijn aan de slapen", {"temple"}),
    ("aan de achterkant van mijn hoofd", {"back_of_head"}),
    ("in het midden van mijn rug", {"mid_back"}),
    ("boven mijn voorhoofd", {"forehead"}),
    ("mijn bovenarm", {"upper_arm"}),
    # Words that also mean something else must not produce a region
    ("I came back from holiday last week", set()),
    ("keep an eye on it", set()),
    ("I sit in front of the computer all day", set()),
    ("the main reason I am writing", set()),
    ("my sole concern is the cost", set()),
    ("ik kan niet slapen", set()),
    ("enkel als ik wandel", set()),
    # Dutch "toe" is not the English toe ("now and then", "I agree", "it is getting worse")
    ("ik heb af en toe pijn in mijn rug", {"low_back"}),
    ("ik stem toe", set()),
    ("de pijn neemt toe", set()),
    ("my toe hurts", {"sole"}),
    ("I stubbed my little toe", {"sole"}),
    ("toe pain since Monday", {"sole"}),
    ("pain in my toes", {"sole"}),
]


@pytest.mark.parametrize(("text", "expected"), PHRASES, ids=[text for text, _ in PHRASES])
def test_phrases_find_the_right_regions(nlp: Language, text: str, expected: set[str]) -> None:
    assert _regions_in(nlp, text) == expected


# The single words and short phrases the brief names, each alone.
SHORT_FORMS = {
    "back_of_head": ["the back of my head"],
    "shoulder_blade": ["between my shoulder blades", "upper back", "omoplate", "schouderblad"],
    "achilles_heel": ["my heel", "achilles", "talon", "tendon d'achille", "hiel", "achillespees"],
    "jaw": ["chewing", "my jaw", "teeth", "ear", "machoire", "mâchoire", "quand je mache", "kaak"],
    "temple": ["headache", "my temples", "tension headache", "maux de tete", "hoofdpijn"],
    "low_back": ["lower back", "low back", "back", "lumbar", "bas du dos", "lombaires", "onderrug"],
    "mid_back": ["mid back", "middle of my back"],
    "knee_front": ["knee", "both knees", "genou", "knie"],
    "knee_back": ["back of my knee", "behind my knee"],
    "shoulder_top": ["shoulder", "my shoulders", "epaule", "épaule", "schouder"],
    "shoulder_front": ["front of my shoulder"],
    "elbow_outer": ["tennis elbow", "outside of my elbow", "coude", "elleboog"],
    "elbow_inner": ["golfer's elbow", "inside of my elbow"],
    "forearm_hand": ["wrist", "hand", "thumb", "fingers", "forearm", "poignet", "pols"],
    "hip_groin": ["hip", "groin", "hanche", "heup"],
    "buttock": ["bum", "buttock", "glutes", "fesse", "bil"],
    "thigh": ["hamstring", "thigh", "cuisse", "dij"],
    "shin_ankle": ["shin", "ankle", "big toe", "cheville"],
    "calf": ["calf", "calves", "mollet", "kuit"],
    "sole": ["sole of my foot", "foot", "arch", "plantar", "plante du pied", "voetzool"],
    "abdomen": ["stomach", "belly", "tummy", "abdomen", "ventre", "buik"],
    "chest": ["chest", "poitrine", "borst"],
    "neck": ["neck", "stiff neck", "nuque", "nek"],
    "forehead": ["forehead", "around my eye", "eyebrow"],
    "upper_arm": ["upper arm", "arm"],
}
SHORT_CASES = [(text, region) for region, texts in SHORT_FORMS.items() for text in texts]


@pytest.mark.parametrize(("text", "region_id"), SHORT_CASES, ids=[t for t, _ in SHORT_CASES])
def test_short_forms(nlp: Language, text: str, region_id: str) -> None:
    assert _regions_in(nlp, text) == {region_id}
