"""Emoji alone and pain mentions the classifier could not place
(bot/rasa_plugins/nlu/message_cues.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.nlu.message_cues import MessageCueInterpreter
from bot.triage.nlp.canonical_entities import extract_entities
from bot.triage.nlp.message_cues import (
    CUES_FILE,
    asks_a_question,
    asks_for_help_with_pain,
    field_to_correct,
    load_cues,
    says_no_carry_on,
)
from tests.conftest import nlp


def interpreted(text: str, intent: str) -> str:
    message = Message(data={"text": text})
    message.set("intent", {"name": intent, "confidence": 0.3})
    message.set("entities", extract_entities(nlp(), text))
    MessageCueInterpreter().process([message])
    return message.get("intent")["name"]


@pytest.mark.parametrize(
    ("text", "intent"),
    [("👍", "affirm"), ("👍🏽👍🏽", "affirm"), ("🙏", "thank"), ("👋", "greet"),
     ("😬", "acknowledge"), ("🤷‍♀️", "acknowledge")],
)  # fmt: skip
def test_an_emoji_alone_gets_a_meaning_not_a_guess(text: str, intent: str) -> None:
    assert interpreted(text, "greet") == intent


@pytest.mark.parametrize(
    "text",
    [
        "I've had trouble with my back for a while now, can you help me?",
        "my hamstring is killing me after football",
        "j'ai mal depuis des semaines, vous pouvez faire quelque chose ?",
        "ik heb al een hele tijd last van mijn rug, kunt ge mij helpen?",
        "mijne nek zit helemaal vast, wa kunde doen",
        "j'ai une gene derriere le genou droit dans les postures",
    ],
)
@pytest.mark.parametrize("intent", ["out_of_scope", "nlu_fallback"])
def test_pain_the_classifier_could_not_place_starts_the_interview(text: str, intent: str) -> None:
    assert interpreted(text, intent) == "describe_pain"


@pytest.mark.parametrize(
    "text",
    ["how much is a session, and can I park there?", "c'est ouvert le samedi ?",
     "is er een tramhalte in de buurt"],
)  # fmt: skip
def test_a_practical_question_the_classifier_could_not_place_is_answered(text: str) -> None:
    assert interpreted(text, "out_of_scope") == "faq"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("what's the weather tomorrow?", "out_of_scope"),
        ("I'm painting my living room", "out_of_scope"),
        ("do you treat back pain?", "faq"),  # a placed intent is left alone
        ("/affirm", "affirm"),
    ],
)
def test_other_messages_keep_their_intent(text: str, intent: str) -> None:
    assert interpreted(text, intent) == intent


@pytest.mark.parametrize(
    "text",
    [
        "Hello, I have tennis elbow from padel, is it possible to make an appointment?",
        "slt j'ai mal à l'aine depuis un tacle, c possible d'avoir un rdv ?",
        "Hoi! Pijn aan mijn achillespees van 't lopen, kan ik langskomen?",
    ],
)
@pytest.mark.parametrize("intent", ["faq", "out_of_scope"])
def test_a_booking_ask_about_ones_pain_is_a_booking_request_not_a_question(
    text: str, intent: str
) -> None:
    assert interpreted(text, intent) == "request_booking"


@pytest.mark.parametrize(
    "text",
    ["will the needling hurt?", "is een afspraak terugbetaald?", "how long is an appointment?"],
)
def test_a_treatment_question_without_the_patients_pain_stays_a_question(text: str) -> None:
    assert interpreted(text, "faq") == "faq"


def test_a_word_with_accents_in_the_cues_file_stops_the_start(tmp_path: Path) -> None:
    broken = CUES_FILE.read_text(encoding="utf-8").replace("douleur*", "Douleur*")
    path = tmp_path / "message_cues.yml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(ValueError):
        load_cues(path)


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("change the side", "pain_side"),
        ("la durée est fausse", "pain_duration"),
        ("de kant klopt niet", "pain_side"),
        ("je me suis trompé de côté", "pain_side"),
        # A verb and a field word far apart, or "the other side" one turns to, ask nothing.
        ("at night when I turn in bed. If I change to the other side it settles.", None),
        ("je change de côté la nuit et ça passe", None),
        ("'s nachts draai ik naar de andere kant en dan gaat het", None),
        # A verb said not to happen answers the question ("nothing changes it"): no request.
        ("rien ne change vraiment, ni mieux ni pire", None),
        ("it doesn't change, the worst is always the same", None),
        ("er verandert niks aan, het ergste blijft hetzelfde", None),
        ("can you change when it is worst", "time_pattern"),
    ],
)
def test_a_correction_names_its_field_beside_its_verb(text, field):
    assert field_to_correct(text) == field


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("does the needling hurt", True),
        ("c possible le samedi", True),
        ("mag ik blijven lopen", True),
        ("fietsen mag toch blijven?", True),
        ("le weekend ca va mieux. la souris verticale aide", False),
        ("stuur hoger zetten hielp wat", False),
        ("it is worse at night", False),
        # A guess with a question mark asks the clinic nothing; a question beside it still does.
        ("Hmm, a while now. Maybe a month, maybe two? I am not sure", False),
        ("peut-être deux ans ?", False),
        ("een week of drie, misschien vier?", False),
        ("maybe you can tell me if it hurts?", True),
        ("about the price, how much?", True),
        ("misschien twee maanden? en mag ik blijven lopen?", True),
        ("le soir apres le taf jen peux plus. jsp 6?", False),
        ("sitting in the cab is murder. 5 normally? 7 after a long run", False),
        ("ik zou zeggen een 6?", False),
    ],
)
def test_a_question_is_told_by_its_mark_or_its_first_word(text, question):
    assert asks_a_question(text) is question


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Da is beginnen na de voorbereiding, beetje bij beetje", "describe_pain"),
        ("it started again last week, gradually", "describe_pain"),
        ("ça a recommencé depuis trois semaines", "describe_pain"),
        # a longer answer, with "nieuw" in it
        ("geleidelijk, van al da geschroef en gekap in ons nieuw huis", "describe_pain"),
        # a wish to start over names no answer: it stays one
        ("opnieuw beginnen", "restart_conversation"),
        ("can we start over?", "restart_conversation"),
    ],
)
def test_an_answer_taken_for_start_over_is_an_answer(text: str, intent: str) -> None:
    # starting over wipes the interview: never on a message that answers one of its questions
    assert interpreted(text, "restart_conversation") == intent


@pytest.mark.parametrize(
    ("text", "taken_for", "intent"),
    [
        ("Continu", "stop", "describe_pain"),
        ("continu, de hele dag", "goodbye", "describe_pain"),
        # a real wish to stop or leave stays one, with or without an answer in it
        ("stop, my knee hurts too much to go on", "stop", "stop"),
        ("stop", "stop", "stop"),
        ("bye, the pain is gone", "goodbye", "goodbye"),
    ],
)
def test_an_answer_taken_for_stop_or_goodbye_is_an_answer(text, taken_for, intent) -> None:
    assert interpreted(text, taken_for) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Bij het wandelen en bij het instappen in de auto.", "describe_pain"),
        ("in the car, after an hour", "describe_pain"),
        # a question about the centres stays one
        ("can I come by car?", "ask_centres"),
        ("where is the Kraainem centre", "ask_centres"),
    ],
)
def test_an_answer_taken_for_a_question_about_the_centres_is_an_answer(text, intent) -> None:
    assert interpreted(text, "ask_centres") == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("ik heb al een paar weken pijn in mijn rechterschouder, kunnen jullie helpen?",
         "describe_pain"),
        ("hi, my left shoulder has been aching for a month, can you help?", "describe_pain"),
        ("j'ai mal au dos depuis des semaines, vous pouvez m'aider ?", "describe_pain"),
        # a question about the treatments, or a plea without pain, stays a question
        ("does dry needling help for shoulder pain?", "faq"),
        ("my neck hurts, can you help? and how much is a session?", "faq"),
        ("can you help me?", "faq"),
    ],
)  # fmt: skip
def test_pain_with_a_plea_for_help_starts_the_interview(text: str, intent: str) -> None:
    assert interpreted(text, "faq") == intent


@pytest.mark.parametrize(
    ("text", "taken_for"),
    [
        ("enough, I'm done, my neck is killing me", "stop"),
        ("can we end this? my back hurts", "stop"),
        ("genoeg vragen, ik heb pijn aan mijn nek", "stop"),
        ("I'm done for today", "stop"),
        ("good night", "goodbye"),
        ("bonne soirée", "goodbye"),
        ("let's start from scratch, it's actually my left knee", "restart_conversation"),
        ("van voor af aan, het gaat over mijn knie", "restart_conversation"),
    ],
)
def test_a_real_wish_to_leave_is_never_taken_for_an_answer(text: str, taken_for: str) -> None:
    assert interpreted(text, taken_for) == taken_for


@pytest.mark.parametrize(
    ("text", "carries_on"),
    [
        ("no, carry on", True),
        ("non, on continue", True),
        ("nee, doe maar verder", True),
        # a no to going on is not "carry on"
        ("no, I don't want to go on", False),
        ("non, je ne veux pas continuer", False),
        ("nee, ik wil niet verder", False),
        ("continue", False),
    ],
)
def test_no_carry_on_is_a_no_whatever_the_classifier_made_of_continue(text, carries_on):
    # a yes to "start again from the beginning?" would drop every answer
    assert says_no_carry_on(text) is carries_on


@pytest.mark.parametrize(
    "text",
    [
        "j'ai mal aux deux genoux à force d'être accroupie. Vous traitez ça ?",
        "mijn heup doet zeer na het wandelen met de hond, is dat iets voor jullie?",
        "my jaw hurts when I chew, is this something you treat?",
    ],
)
def test_pain_and_do_you_treat_that_asks_for_the_interview(text):
    assert asks_for_help_with_pain(text, extract_entities(nlp(), text))


def test_a_question_about_the_treatment_is_no_plea():
    text = "my knee hurts, does dry needling hurt?"
    assert not asks_for_help_with_pain(text, extract_entities(nlp(), text))
