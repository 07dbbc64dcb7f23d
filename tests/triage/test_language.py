"""English, French and Dutch: detection, the explicit switch, the channel's language, and every
sentence of the domain in the three languages."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa.nlu.utils.spacy_utils import SpacyModel
from rasa.shared.nlu.training_data.message import Message
from rasa_sdk.events import SlotSet

from actions.centres import INTERRUPTING_INTENTS as LOCATION_INTERRUPTIONS
from actions.interview import INTERRUPTING_INTENTS as INTERVIEW_INTERRUPTIONS
from actions.language import ActionSwitchLanguage, ValidateSlotMappings
from actions.session import ActionSessionStart, language_before_restart
from bot.ops.cli.nlu_eval import (
    below_target,
    entity_scores,
    examples_by_intent,
    heldout_scores,
    load_heldout,
    nlu_files,
)
from bot.rasa_plugins.nlu.entity_extractor import PatternEntityExtractor
from bot.rasa_plugins.nlu.language import LanguageDetector
from bot.triage.geography import load_centres
from bot.triage.interview.vocabulary import load_vocabulary
from bot.triage.knowledge import load_knowledge_base
from bot.triage.language import detect_language, language_from_code, load_cues
from bot.triage.language.detect import CUES_FILE
from tests.conftest import PROJECT_ROOT, domain_dict, make_tracker, nlp, parse, payload

LANGUAGES = ("en", "fr", "nl")
PLACEHOLDER = re.compile(r"\{(\w+)\}")


# --- Detection from what the patient writes -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("my knee has hurt for three weeks, worse on stairs", "en"),
        ("I don't know what makes it worse", "en"),
        ("can we speak English?", "en"),
        ("English please", "en"),
        ("are you an AI?", "en"),
        ("j'ai mal au dos depuis trois semaines", "fr"),
        ("jai mal au genou droit depuis 2 semaines", "fr"),
        ("ca fait mal quand je marche", "fr"),
        ("c'est quoi le dry needling?", "fr"),
        ("en français svp", "fr"),
        ("parlez-vous néerlandais", "fr"),
        ("trois semaines", "fr"),
        ("bonjour", "fr"),
        ("mijn nek zit vast", "nl"),
        ("goeiemiddag", "nl"),  # Flemish spelling of a greeting, often the first message
        ("goeienacht", "nl"),
        ("ik heb last van mijn knie", "nl"),
        ("'k heb pijn in m'n schouder", "nl"),
        ("kun je me helpen met mijn rug?", "nl"),
        ("in het Nederlands a.u.b.", "nl"),
        ("Nederlands", "nl"),
        ("drie weken", "nl"),
        ("hallo", "nl"),
        # Not sure: these never change the conversation's language.
        ("ok", None),
        ("7", None),
        ("Uccle", None),
        ("1180", None),
        ('/describe_pain{"pain_side":"left"}', None),
        ("/switch_language", None),
        ("", None),
        ("hello", None),
        ("merci", None),
        ("à gauche", None),
        ("links", None),
        ("7 sur 10", None),
        ("dry needling", None),
        ("\U0001f600\U0001f44d", None),
        # Mixed, or "je" (French "I", informal Dutch "you") against one Dutch word: no winner.
        ("my knee, la gauche", None),
        ("kan je triggerpoints behandelen?", None),
    ],
)
def test_detect_language(text: str, language: str | None) -> None:
    assert detect_language(text) == language


def test_no_cue_word_marks_two_languages(tmp_path: Path) -> None:
    assert set(load_cues().weights) == set(LANGUAGES)
    data = yaml.safe_load(CUES_FILE.read_text(encoding="utf-8"))
    data["languages"]["nl"]["words"].append("depuis")  # a French word
    broken = tmp_path / "cues.yml"
    broken.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError, match="depuis"):
        load_cues.__wrapped__(broken)


def test_no_training_example_is_taken_for_another_language() -> None:
    for language in LANGUAGES:
        for intent, texts in examples_by_intent(nlu_files(language)).items():
            for text in texts:
                found = detect_language(text)
                assert found in (language, None), f"{language} {intent}: {text!r} -> {found}"


@pytest.mark.parametrize(
    ("code", "language"),
    [
        ("fr", "fr"),
        ("fr-BE", "fr"),
        ("NL_be", "nl"),
        ("en-GB", "en"),
        ("de", None),
        ("", None),
        (None, None),
        ("english", None),
    ],
)
def test_language_from_code(code: Any, language: str | None) -> None:
    assert language_from_code(code) == language


def test_the_nlu_component_adds_the_language_only_when_sure() -> None:
    messages = [Message(data={"text": text}) for text in ("mijn rug doet pijn", "ok", "/deny")]
    LanguageDetector().process(messages)
    assert messages[0].get("entities") == [
        {
            "entity": "detected_language",
            "value": "nl",
            "confidence_entity": 1.0,
            "extractor": "LanguageDetector",
        }
    ]
    assert not messages[1].get("entities")
    assert not messages[2].get("entities")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("can we speak French?", "fr"),
        ("en néerlandais svp", "nl"),
        ("in het Engels graag", "en"),
        ("parlez-vous anglais ?", "en"),
        ("kunnen we in het Frans verder?", "fr"),
        ("I'd prefer Dutch", "nl"),
    ],
)
def test_the_language_asked_for_is_an_entity(text: str, language: str) -> None:
    (message,) = PatternEntityExtractor().process(
        [Message(data={"text": text})], SpacyModel(nlp(), "test")
    )
    assert [e["value"] for e in message.get("entities") if e["entity"] == "language"] == [language]


# --- The explicit switch, detection, the channel's language -------------------------------------


def switch(text: str, language: str | None = None) -> dict[str, Any]:
    message = parse(text, "switch_language")
    if language:
        message["entities"].append({"entity": "language", "value": language})
    return message


def chosen(language: str) -> list[SlotSet]:
    return [SlotSet("language", language), SlotSet("language_chosen", True)]


@pytest.mark.parametrize(
    ("message", "events"),
    [
        (switch("en français svp", "fr"), chosen("fr")),
        (switch("can we speak Dutch?", "nl"), chosen("nl")),
        (payload("switch_language", {"language": "en"}), chosen("en")),
        # No language named: the language the request is written in.
        (switch("une autre langue svp"), chosen("fr")),
        # "/switch_language" alone (Telegram's /language): nothing changes, the buttons offer all.
        (payload("switch_language"), []),
        (switch("andere"), []),
    ],
)
async def test_switch_language(message, events, dispatcher, domain) -> None:
    tracker = make_tracker(message, slots={"language": "en"})
    assert await ActionSwitchLanguage().run(dispatcher, tracker, domain) == events
    assert dispatcher.messages == []  # the rule's utter_language_switched, in the new language


def with_detected(text: str) -> dict[str, Any]:
    message = parse(text, "describe_pain")
    found = detect_language(text)
    if found:
        message["entities"].append({"entity": "detected_language", "value": found})
    return message


async def test_the_language_follows_the_text_while_nothing_was_chosen(dispatcher, domain) -> None:
    tracker = make_tracker(with_detected("j'ai mal au dos depuis hier"), slots={"language": "en"})
    events = await ValidateSlotMappings().run(dispatcher, tracker, domain)
    assert events == [SlotSet("language", "fr")]


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("j'ai mal au dos depuis hier", {"language": "nl", "language_chosen": True}),
        ("j'ai mal au dos depuis hier", {"language": "fr"}),
        ("Uccle", {"language": "nl"}),
    ],
)
async def test_the_text_does_not_change_a_chosen_or_same_language(
    text, slots, dispatcher, domain
) -> None:
    tracker = make_tracker(with_detected(text), slots=slots)
    assert await ValidateSlotMappings().run(dispatcher, tracker, domain) == []


async def test_the_channel_language_is_where_the_conversation_starts(dispatcher, domain) -> None:
    tracker = make_tracker(slots={"session_started_metadata": {"language": "fr-BE"}})
    events = await ActionSessionStart().run(dispatcher, tracker, domain)
    assert SlotSet("language", "fr") in events
    # Not a choice: the language the patient then writes in still decides.
    assert SlotSet("language_chosen", True) not in events


CHOSE_ENGLISH = [
    {"event": "slot", "name": "language", "value": "en"},
    {"event": "slot", "name": "language_chosen", "value": True},
]


@pytest.mark.parametrize(
    ("events", "slots"),
    [
        # A new session after the earlier one expired: the slots are carried over.
        (CHOSE_ENGLISH, {"language": "en", "language_chosen": True}),
        # After a restart, which resets every slot.
        ([*CHOSE_ENGLISH, {"event": "restart"}], {}),
    ],
)
async def test_a_language_the_patient_asked_for_holds_over_the_channel(
    events, slots, dispatcher, domain
) -> None:
    metadata = {"session_started_metadata": {"language": "nl-BE"}}
    tracker = make_tracker(events=events, slots={**slots, **metadata})
    started = await ActionSessionStart().run(dispatcher, tracker, domain)
    assert SlotSet("language", "nl") not in started
    assert SlotSet("language", "en") in started
    assert SlotSet("language_chosen", True) in started


async def test_french_written_after_a_dutch_page_is_answered_in_french(dispatcher, domain) -> None:
    # What the session start leaves for a Dutch page: language nl, nothing chosen.
    tracker = make_tracker(with_detected("j'ai mal au dos depuis hier"), slots={"language": "nl"})
    events = await ValidateSlotMappings().run(dispatcher, tracker, domain)
    assert events == [SlotSet("language", "fr")]


async def test_the_language_survives_a_restart(dispatcher, domain) -> None:
    earlier = [
        {"event": "slot", "name": "language", "value": "nl"},
        {"event": "slot", "name": "language_chosen", "value": True},
        {"event": "restart"},
    ]
    tracker = make_tracker(events=earlier)  # after a restart every slot is back to its default
    assert language_before_restart(tracker) == {"language": "nl", "language_chosen": True}
    events = await ActionSessionStart().run(dispatcher, tracker, domain)
    assert SlotSet("language", "nl") in events
    assert SlotSet("language_chosen", True) in events


def test_a_language_switch_interrupts_both_forms() -> None:
    assert "switch_language" in INTERVIEW_INTERRUPTIONS
    assert "switch_language" in LOCATION_INTERRUPTIONS


# --- Every sentence in the three languages ------------------------------------------------------


def domain_responses() -> dict[str, list[dict[str, Any]]]:
    responses: dict[str, list[dict[str, Any]]] = {}
    for path in sorted((PROJECT_ROOT / "domain").glob("*.yml")):
        responses.update(yaml.safe_load(path.read_text(encoding="utf-8")).get("responses") or {})
    return responses


def language_of(variation: dict[str, Any]) -> str:
    conditions = variation.get("condition") or []
    if not conditions:
        return "en"
    (condition,) = conditions
    assert condition["type"] == "slot" and condition["name"] == "language"
    return str(condition["value"])


def placeholders(variation: dict[str, Any]) -> set[str]:
    texts = [variation.get("text") or ""]
    texts += [str(b.get(k, "")) for b in variation.get("buttons") or [] for k in ("title", "url")]
    return {name for text in texts for name in PLACEHOLDER.findall(text)}


@pytest.mark.parametrize("name", sorted(domain_responses()))
def test_every_response_speaks_english_french_and_dutch(name: str) -> None:
    variations = domain_responses()[name]
    if [v.get("text") for v in variations] == ["{practical_answer}"]:
        # Text made by an action from bot/triage/clinic/practical.yml, which is checked for all
        # three.
        return
    assert [language_of(v) for v in variations] == ["fr", "nl", "en"], name
    english = variations[-1]
    for variation in variations[:-1]:
        # The same buttons (titles translated, payloads unchanged) and template variables.
        assert [b["payload"] for b in variation.get("buttons") or []] == [
            b["payload"] for b in english.get("buttons") or []
        ]
        assert placeholders(variation) == placeholders(english)
        assert variation["text"] != english["text"], "not translated"


def test_rasa_picks_the_variation_of_the_language_slot_also_for_faq_answers() -> None:
    from rasa.core.nlg import TemplatedNaturalLanguageGenerator

    nlg = TemplatedNaturalLanguageGenerator(domain_dict()["responses"])
    for language, words in (("fr", "aiguille"), ("nl", "naald"), ("en", "needle")):
        slots = {"language": language, "retention_days": 90}
        faq = nlg.generate_from_slots("utter_faq/dry_needling", slots, "rest")
        assert faq is not None and words in faq["text"]
        # Template variables from a custom action, as dispatcher.utter_message(response=..., **kw)
        link = nlg.generate_from_slots(
            "utter_booking_link",
            slots,
            "rest",
            centre_name="HCMC Kraainem",
            booking_url="https://x",
        )
        assert link is not None and "HCMC Kraainem" in link["text"] and "https://x" in link["text"]
        consent = nlg.generate_from_slots("utter_ask_consent", slots, "rest")
        assert consent is not None and "90" in consent["text"]


def test_every_knowledge_label_exists_in_three_languages() -> None:
    kb = load_knowledge_base()
    for region in kb.regions.values():
        assert all(region.labels.get(language) for language in LANGUAGES), region.id
        for muscle in region.muscles:
            assert all(muscle.labels.get(language) for language in LANGUAGES), muscle.id
    for slot, values in load_vocabulary().items():
        for value, labels in values.items():
            assert all(labels.get(language) for language in LANGUAGES), f"{slot}.{value}"
    for centre in load_centres().values():
        assert all(centre.access_in(language) for language in LANGUAGES), centre.id


# --- Training data in the three languages --------------------------------------------------------


def test_every_intent_has_at_least_as_many_examples_in_french_and_dutch() -> None:
    english = examples_by_intent(nlu_files("en"))
    assert {intent.split("/")[0] for intent in english} <= set(domain_dict()["intents"])
    for language in ("fr", "nl"):
        examples = examples_by_intent(nlu_files(language))
        assert set(examples) == set(english), language  # faq/* answers included
        for intent, texts in english.items():
            assert len(examples[intent]) >= len(texts), f"{language} {intent}"


def test_french_and_dutch_data_follow_the_english_topics() -> None:
    topics = {path.name for path in nlu_files("en")}
    assert {path.name for path in nlu_files("fr")} == topics
    assert {path.name for path in nlu_files("nl")} == topics


def test_entity_scores_count_values_not_spans() -> None:
    gold = [
        {"text": "a", "entities": {"side": "left", "severity": 7}},
        {"text": "b", "entities": {"precaution": ["pregnancy", "diabetes"]}},
    ]
    found = {
        "a": [{"entity": "side", "value": "left"}, {"entity": "severity", "value": 7.0}],
        "b": [{"entity": "precaution", "value": "pregnancy"}] * 2,
    }
    scores = entity_scores(gold, lambda text: found[text])
    assert scores["precision"] == 1.0
    assert scores["recall"] == 0.75
    assert scores["errors"] == [{"text": "b", "missing": ["precaution=diabetes"], "extra": []}]


def test_nlu_eval_judges_the_aim_on_the_model_that_is_deployed():
    per_language_only = {"en": {"intent_f1": 0.94}, "fr": {"intent_f1": 0.96}}
    assert below_target(per_language_only) == "intent F1 of a model per language below 0.95 for: en"
    both = {
        "en": {"intent_f1": 0.914, "multilingual_intent_f1": 0.948},
        "fr": {"intent_f1": 0.924, "multilingual_intent_f1": 0.954},
        "nl": {"intent_f1": 0.915, "multilingual_intent_f1": 0.951},
    }
    assert below_target(both) == "intent F1 of the multilingual model below 0.95 for: en"
    both["en"]["multilingual_intent_f1"] = 0.95
    assert below_target(both) == ""


def test_the_heldout_intents_cover_every_intent_in_each_language():
    heldout = load_heldout()
    assert set(heldout) == set(LANGUAGES)
    intents = set(domain_dict()["intents"])
    for language, items in heldout.items():
        counts = Counter(intent for _, intent in items)
        assert set(counts) <= intents, language
        # Every intent the patients can say, at least five times (red flags, consent included).
        trained = {intent.split("/")[0] for intent in examples_by_intent(nlu_files(language))}
        assert set(counts) == trained, language
        assert min(counts.values()) >= 5, language
        assert all(text.strip() for text, _ in items)


def test_heldout_scores_say_how_the_model_reads_messages_it_was_not_taught():
    heldout = {"nl": [("hallo", "greet"), ("doei", "goodbye"), ("ja", "affirm")]}
    read = {"hallo": "greet", "doei": "greet", "ja": "affirm"}
    scores = heldout_scores(heldout, read.__getitem__, training_texts=["Hallo "])["nl"]
    # greet F1 2/3, goodbye 0, affirm 1, one message each.
    assert scores["heldout_intent_f1"] == 0.556
    # "hallo" is also a training example: the unseen score leaves it out.
    assert scores["heldout_unseen_messages"] == 2
    assert scores["heldout_unseen_intent_f1"] == 0.5
    assert scores["heldout_errors"] == [{"text": "doei", "intent": "goodbye", "predicted": "greet"}]


def test_heldout_faq_scores_count_a_question_taken_for_something_else_as_wrong(tmp_path):
    from bot.ops.cli.nlu_eval import faq_answer_of, heldout_faq_scores

    path = tmp_path / "heldout_faq.yml"
    path.write_text("nl:\n  session: [hoe lang duurt een sessie]\n  prices: [wat kost dat]\n")
    parsed = {
        "hoe lang duurt een sessie": {
            "intent": {"name": "faq"},
            "response_selector": {"faq": {"response": {"intent_response_key": "faq/session"}}},
        },
        "wat kost dat": {"intent": {"name": "out_of_scope"}},
    }
    scores = heldout_faq_scores(path, lambda text: faq_answer_of(parsed[text]))["nl"]
    assert scores["heldout_faq_messages"] == 2
    assert scores["heldout_faq_errors"] == [
        {"text": "wat kost dat", "answer": "faq/prices", "given": "intent:out_of_scope"}
    ]
    assert scores["heldout_faq_f1"] == 0.5


def test_the_heldout_faq_questions_cover_every_answer_in_each_language():
    from bot.ops.cli.nlu_eval import HELDOUT_FAQ

    heldout = yaml.safe_load(HELDOUT_FAQ.read_text(encoding="utf-8"))
    answers = {
        name.removeprefix("utter_faq/")
        for name in domain_dict()["responses"]
        if name.startswith("utter_faq/")
    }
    assert set(heldout) == set(LANGUAGES)
    for language, questions in heldout.items():
        assert set(questions) == answers, language
        assert min(len(texts) for texts in questions.values()) >= 10, language
