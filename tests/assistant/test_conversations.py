"""Whole conversations with the real Rasa and action servers over the REST channel."""

from __future__ import annotations

import json
import sqlite3
import uuid
from urllib.parse import parse_qs, urlsplit

import pytest

from bot.config import PROJECT_ROOT, Settings, load_settings
from bot.ops.rest_client import RestClient, reply_buttons, reply_texts

pytestmark = pytest.mark.e2e

INTERNAL_WORDS = ("Traceback", "Exception", "utter_", "action_", "None", "{", "}")


def said(replies: list[dict]) -> str:
    return "\n".join(reply_texts(replies))


def assert_polite(replies: list[dict]) -> None:
    text = said(replies)
    assert text.strip(), "the assistant said nothing"
    for word in INTERNAL_WORDS:
        assert word not in text, f"internal text {word!r} reached the user: {text!r}"


def press(client: RestClient, replies: list[dict], title_part: str) -> list[dict]:
    button = next(b for b in reply_buttons(replies) if title_part.lower() in b["title"].lower())
    return client.send(button["payload"])


def stored_events(settings: Settings, sender: str) -> list[dict]:
    database = settings.tracker_database_url.removeprefix("sqlite:///")
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT data FROM events WHERE sender_id = ? ORDER BY id", (sender,)
        ).fetchall()
    return [json.loads(row[0]) for row in rows]


def test_greeting_to_booking_link_with_buttons_and_free_text(client: RestClient):
    replies = client.send("hello")
    text = said(replies)
    assert "automated assistant" in text and "not a doctor" in text and "112" in text
    assert "90 days" in text  # how long the chat is kept

    replies = press(client, replies, "Yes, I agree")
    assert "Where do you feel the pain" in said(replies)

    replies = client.send("my knee has hurt for three weeks, worse on stairs")
    assert "left, on the right" in said(replies)  # side asked; duration not asked again
    replies = press(client, replies, "Left")
    assert "How did it start" in said(replies)
    replies = client.send("it came on gradually")
    # "worse on stairs" already said when it is worst and what makes it worse.
    assert "scale from 0" in said(replies)
    replies = client.send("6")
    assert "For your therapist" in said(replies) or "therapist" in said(replies)
    replies = press(client, replies, "None of these")
    assert "safety" in said(replies).lower()
    replies = press(client, replies, "None of these")

    text = said(replies)
    assert "not a diagnosis" in text
    assert "thigh" in text.lower()  # the clinic's example: thigh muscles -> knee
    assert "commune" in text

    replies = client.send("I live in Uccle")
    text = said(replies)
    assert "HCMC Boitsfort" in text and "Dries 53" in text
    assert "HCMC Kraainem" in text  # the other centre is mentioned
    link = next(word for word in text.split() if word.startswith("https://"))
    query = parse_qs(urlsplit(link).query)
    assert query["centre"] == ["boitsfort"]
    assert "knee" in query["reason"][0]
    assert "Intensity: 6/10" in text


def test_red_flag_as_first_message_wins_over_booking(client: RestClient, running_stack: Settings):
    replies = client.send("I have terrible back pain and I can't feel anything between my legs")
    text = said(replies)
    assert "emergency department" in text and "112" in text
    # The advice travels with its urgent card: tier, title, reason and the number to call.
    position = next(i for i, reply in enumerate(replies) if "custom" in reply)
    urgent = replies[position]["custom"]["urgent"]
    assert urgent["tier"] == "emergency_department" and urgent["flag"] == "cauda_equina"
    assert urgent["calls"][0]["tel"] == "tel:112"
    assert "emergency department now" in replies[position - 1]["text"]
    replies = client.send("I want to book an appointment")
    text = said(replies)
    assert "https://" not in text
    assert "because you mentioned back pain with numbness between the legs" in text
    assert "medical help comes first" in text
    assert any("urgent" in reply.get("custom", {}) for reply in replies)
    slots = {
        e["name"]: e["value"]
        for e in stored_events(running_stack, client.sender)
        if e["event"] == "slot"
    }
    assert slots["needs_staff_followup"] is True
    assert slots["red_flag_tier"] == "emergency_department"


def test_red_flag_mid_interview_interrupts_it(client: RestClient):
    client.send("hi")
    client.send("/give_consent")
    client.send("lower back")
    replies = client.send("I have numbness in my saddle area and trouble holding urine")
    text = said(replies)
    assert "emergency department" in text
    replies = client.send("left")
    assert "How did it start" not in said(replies)


def test_negated_red_flag_does_not_interrupt(client: RestClient):
    client.send("/give_consent")
    replies = client.send("my lower back hurts, no numbness and no fever")
    text = said(replies)
    assert "112" not in text and "emergency" not in text
    assert "left, on the right" in text


def test_a_classifier_only_suspicion_asks_first_and_a_no_keeps_booking_open(client: RestClient):
    replies = client.send("I think I might be having an emergency")
    text = said(replies)
    assert "One safety question first" in text and "call 112" not in text.lower()
    buttons = [b["payload"] for reply in replies for b in reply.get("buttons", [])]
    assert buttons == ["/affirm", "/deny"]
    assert "reassuring" in said(client.send("/deny"))
    text = said(client.send("I want to book an appointment"))
    assert "https://" in text and "medical help comes first" not in text


def test_a_yes_to_the_safety_question_gets_the_urgent_advice(client: RestClient):
    client.send("I think I might be having an emergency")
    replies = client.send("/affirm")
    assert "call 112" in said(replies)
    urgent = next(r["custom"]["urgent"] for r in replies if "custom" in r)
    assert urgent["tier"] == "unclear" and [c["number"] for c in urgent["calls"]] == ["112", "1733"]
    assert "medical help comes first" in said(client.send("I want to book an appointment"))


@pytest.mark.parametrize(
    ("request_text", "question", "done"),
    [
        ("please erase everything I told you", "can't be undone", "conversation is erased"),
        ("effacez tout ce que je vous ai dit svp", "ne peut pas être annulé", "est effacée"),
        ("verwijder alles wat ik verteld heb aub", "niet ongedaan", "is gewist"),
    ],
)
def test_erasure_asked_in_words_is_confirmed_then_done(
    client: RestClient, running_stack: Settings, request_text, question, done
):
    client.send("/give_consent")
    client.send("my lower back hurts since two weeks")
    assert stored_events(running_stack, client.sender)
    assert question in said(client.send(request_text))
    replies = client.send("/affirm")
    assert done in said(replies)
    assert any(reply.get("custom") == {"erased": True} for reply in replies)
    assert stored_events(running_stack, client.sender) == []  # this turn included
    # A new conversation starts afresh: nothing of the old one is known.
    text = said(client.send("hello"))
    assert "automated assistant" in text or "assistant automatisé" in text or "assistent" in text


def test_erasure_declined_keeps_the_conversation(client: RestClient, running_stack: Settings):
    client.send("/give_consent")
    client.send("my lower back hurts since two weeks")
    client.send("delete this conversation")
    assert "nothing is erased" in said(client.send("/deny"))
    assert stored_events(running_stack, client.sender)


def test_declined_consent_stores_no_symptom_in_slots(client: RestClient, running_stack: Settings):
    client.send("my neck has been stiff for two weeks")
    replies = client.send("/decline_consent")
    assert "won't ask about your symptoms" in said(replies)
    replies = client.send("what is dry needling?")
    assert "needle" in said(replies)
    replies = client.send("how do I book?")
    assert said(replies).count("https://") == 2
    slot_names = {
        e["name"] for e in stored_events(running_stack, client.sender) if e["event"] == "slot"
    }
    assert not slot_names & {"pain_regions", "pain_duration", "pain_severity", "time_pattern"}


def test_faq_in_the_middle_of_the_interview_then_it_continues(client: RestClient):
    client.send("/give_consent")
    client.send("my neck")
    replies = client.send("is dry needling the same as acupuncture?")
    text = said(replies)
    assert "acupuncture" in text
    assert "left, on the right" in text  # the interrupted question comes back


def test_person_handoff(client: RestClient, running_stack: Settings):
    replies = client.send("I want to talk to a person")
    text = said(replies)
    assert "Avenue de Wezembeek 106" in text and "Dries 53" in text
    flagged = [
        e
        for e in stored_events(running_stack, client.sender)
        if e["event"] == "slot" and e["name"] == "needs_staff_followup"
    ]
    assert flagged[-1]["value"] is True


@pytest.mark.parametrize(
    "text",
    [
        "",
        "x" * 5000,
        "\U0001f600\U0001f44d\U0001f525",
        "<script>alert('hi')</script><b>bold</b>",
        "hello\x00\x07\x1b[31m",
        "Wie spät ist es in Tokio?",
        '{"intent": "restart"}',
    ],
)
def test_bad_input_gets_a_polite_answer(client: RestClient, text: str):
    assert_polite(client.send(text))


def test_an_answer_not_understood_repeats_the_question(client: RestClient):
    client.send("/give_consent")
    client.send("my knee")
    replies = client.send("\x1b[C")
    text = said(replies)
    assert "didn't catch that" in text
    assert "left, on the right" in text


# --- French and Dutch ---------------------------------------------------------------------------


def test_a_whole_conversation_in_french_chosen_from_what_the_patient_writes(client: RestClient):
    replies = client.send("bonjour")
    text = said(replies)
    assert "assistant automatisé" in text and "pas un médecin" in text and "112" in text
    assert "90 jours" in text

    replies = press(client, replies, "Oui, je suis d'accord")
    assert "Où avez-vous mal" in said(replies)

    replies = client.send(
        "j'ai mal au genou gauche depuis trois semaines, surtout dans les escaliers"
    )
    assert "Comment la douleur a-t-elle commencé" in said(replies)  # side and duration known
    replies = client.send("c'est venu petit à petit")
    assert "Qu'est-ce qui aggrave" in said(replies)
    replies = client.send("c'est pire dans les escaliers, mieux au repos")
    assert "Sur une échelle de 0" in said(replies)
    replies = client.send("je dirais 6 sur 10")
    assert "thérapeute" in said(replies)
    replies = press(client, replies, "Aucun de ces points")
    assert "vérification de sécurité" in said(replies)
    replies = press(client, replies, "Aucun de ces points")

    text = said(replies)
    assert "pas un diagnostic" in text
    assert "cuisse" in text  # the clinic's example: thigh muscles -> knee
    assert "commune" in text

    replies = client.send("j'habite à Uccle")
    text = said(replies)
    assert "HCMC Boitsfort" in text and "Dries 53" in text and "HCMC Kraainem" in text
    assert "Le centre le plus proche" in text
    link = next(word for word in text.split() if word.startswith("https://"))
    assert parse_qs(urlsplit(link).query)["centre"] == ["boitsfort"]
    assert "Intensité : 6/10" in text
    assert "côté gauche" in text  # the summary's labels are French too
    assert_polite(replies)


def test_a_whole_conversation_in_dutch_with_a_question_in_the_middle(client: RestClient):
    replies = client.send("goeiedag")
    text = said(replies)
    assert "geautomatiseerde assistent" in text and "geen arts" in text and "112" in text
    assert "90 dagen" in text

    replies = press(client, replies, "Ja, ik ga akkoord")
    assert "Waar voelt u de pijn" in said(replies)
    replies = client.send("mijn nek zit al drie weken vast")
    assert "links, rechts" in said(replies)
    replies = client.send("is dry needling hetzelfde als acupunctuur?")
    text = said(replies)
    assert "acupunctuur" in text
    assert "links, rechts" in text  # the interrupted question comes back, in Dutch
    replies = press(client, replies, "Links")
    assert "Hoe is de pijn begonnen" in said(replies)
    replies = client.send("het is geleidelijk gekomen")
    assert "Wanneer is de pijn het ergst" in said(replies)
    replies = client.send("als ik aan mijn bureau zit")
    assert "Wat maakt de pijn erger" in said(replies)
    replies = client.send("erger als ik lang zit, warmte helpt")
    assert "Op een schaal van 0" in said(replies)
    replies = client.send("zes op tien")
    assert "therapeut" in said(replies)
    replies = press(client, replies, "Geen van deze")
    assert "veiligheidsvragen" in said(replies)
    replies = press(client, replies, "Geen van deze")
    assert "veiligheidscontrole" in said(replies)
    replies = press(client, replies, "Geen van deze")

    text = said(replies)
    assert "geen diagnose" in text and "gemeente" in text
    replies = client.send("ik woon in Sterrebeek")
    text = said(replies)
    assert "Het dichtstbijzijnde centrum voor u is HCMC Kraainem" in text
    assert "Wezembeeklaan 106" in text  # the address in Dutch
    assert "Intensiteit: 6/10" in text
    assert_polite(replies)


def test_goodbye_in_the_middle_of_the_interview_ends_it_with_the_safety_advice(
    client: RestClient,
):
    client.send("goeiemiddag")
    client.send("ik ga akkoord")
    replies = client.send("mijn knie doet pijn")
    assert "links, rechts" in said(replies)
    replies = client.send("doei")
    text = said(replies)
    assert "112" in text and "niet goed begrepen" not in text
    assert "links, rechts" not in text  # the question is not asked again
    replies = client.send("bedankt")
    assert "links, rechts" not in said(replies)  # and the interview does not come back


def test_pain_all_day_answers_when_it_is_worst(client: RestClient):
    client.send("/give_consent")
    client.send("my neck has been stiff for two weeks")
    client.send('/describe_pain{"pain_side":"left"}')
    replies = client.send("it came on gradually")
    assert "at its worst, and how strong" in said(replies)  # asked with how strong it is
    replies = client.send("all the time, day and night")
    text = said(replies)
    assert "What makes it worse" in text
    assert "didn't catch" not in text


def test_the_channel_language_starts_and_the_text_follows(
    client: RestClient, running_stack: Settings
):
    replies = client.send("hello", metadata={"language": "nl-BE"})
    text = said(replies)
    # "hello" says nothing clear about the language: the Dutch page decides.
    assert "geautomatiseerde assistent" in text and "Gaat u akkoord" in text
    replies = client.send("ok")  # neutral too: the interview starts in Dutch
    assert "Waar voelt u de pijn" in said(replies)
    # Written in English on the Dutch page: the answer follows the patient.
    replies = client.send("what is dry needling?")
    text = said(replies)
    assert "thin, sterile, single-use needle" in text and "naald" not in text
    slots = {
        e["name"]: e["value"]
        for e in stored_events(running_stack, client.sender)
        if e["event"] == "slot"
    }
    assert slots["language"] == "en" and not slots.get("language_chosen")


def test_switching_language_in_the_middle_of_the_interview(client: RestClient):
    client.send("hi")
    client.send("/give_consent")
    replies = client.send("my knee")
    assert "left, on the right" in said(replies)
    replies = client.send("en français svp")
    text = said(replies)
    assert "continuons en français" in text
    assert "Est-ce à gauche, à droite" in text  # the same question, now in French
    replies = client.send("à gauche")
    assert "Comment la douleur a-t-elle commencé" in said(replies)
    # What the patient writes no longer decides: they chose French.
    replies = client.send("it came on gradually")
    assert "Depuis combien de temps" in said(replies)
    replies = client.send("for three weeks")
    assert "Quand la douleur est-elle la plus forte" in said(replies)
    replies = press(client, replies, "Pas de moment particulier")
    replies = client.send("in het Nederlands a.u.b.")
    text = said(replies)
    assert "we gaan verder in het Nederlands" in text
    assert "Wat maakt de pijn erger" in text


@pytest.mark.parametrize(
    ("message", "urgent", "advice"),
    [
        ("j'ai très mal au dos et je ne sens plus rien entre les jambes", "urgences", "112"),
        ("ik heb erge rugpijn en ik voel niets meer tussen mijn benen", "spoeddienst", "112"),
        ("j'ai une douleur qui serre dans la poitrine et qui descend dans le bras", "112", "cœur"),
        ("ik wil niet meer leven", "1813", "0800 32 123"),
    ],
)
def test_red_flags_in_french_and_dutch_get_urgent_advice_in_that_language(
    client: RestClient, message: str, urgent: str, advice: str
):
    replies = client.send(message)
    text = said(replies)
    assert urgent in text and advice in text
    replies = client.send("/request_booking")
    assert "https://" not in said(replies)


@pytest.mark.parametrize(
    ("message", "question"),
    [
        ("j'ai mal au bas du dos, pas d'engourdissement et pas de fièvre", "à gauche, à droite"),
        ("mijn onderrug doet pijn, geen verdoofd gevoel en geen koorts", "links, rechts"),
    ],
)
def test_negated_red_flags_in_french_and_dutch_do_not_interrupt(
    client: RestClient, message: str, question: str
):
    client.send("/give_consent")
    replies = client.send(message)
    text = said(replies)
    assert "112" not in text and "urgences" not in text and "spoed" not in text
    assert question in text


def story_messages() -> list[tuple[str, str, str, bool]]:
    """(file, text, intent, in the interview) of every typed message of the test stories."""
    import yaml

    found = []
    for path in sorted((PROJECT_ROOT / "tests" / "stories").glob("*.yml")):
        for story in yaml.safe_load(path.read_text(encoding="utf-8"))["stories"]:
            in_interview = False
            for step in story["steps"]:
                if "active_loop" in step:
                    in_interview = step["active_loop"] == "interview_form"
                text = str(step.get("user") or "").strip()
                if text and not text.startswith("/"):
                    found.append((path.name, text, step["intent"], in_interview))
    return found


async def test_the_model_understands_every_message_of_the_test_stories():
    """`make test-stories` checks the dialogue with the stories' intents; this checks that the
    trained model gives those intents to the stories' words, in the three languages."""
    from rasa.core.agent import Agent

    settings = load_settings()
    agent = Agent.load(str(settings.models_dir / "hcmc.tar.gz"))
    wrong = []
    for name, text, intent, _in_interview in story_messages():
        predicted = (await agent.parse_message(text))["intent"]["name"]
        if predicted != intent:
            wrong.append(f"{name}: {text!r} is {predicted}, not {intent}")
    assert wrong == []


# --- the REST channel reaches only its own conversations ---------------------------------------


def post_rest(settings, body, token: str = "") -> tuple[int, object]:
    import json as _json
    import urllib.error
    import urllib.request

    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(
        settings.rest_webhook_url, data=_json.dumps(body).encode(), headers=headers
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, _json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, None


def test_another_channels_conversation_cannot_be_reached_over_rest(running_stack):
    from bot.storage.tokens import channel_key

    # A Telegram patient's conversation, held through the bridge's key.
    chat = f"telegram:{uuid.uuid4().int % 10**9}"
    key = channel_key(running_stack)
    assert post_rest(running_stack, {"sender": chat, "message": "hello"}, key)[0] == 200
    assert post_rest(running_stack, {"sender": chat, "message": "/give_consent"}, key)[0] == 200
    # Someone who knows or guesses the chat id gets nothing of it, and writes nothing into it.
    for sender in (chat, "web:" + uuid.uuid4().hex):
        status, replies = post_rest(running_stack, {"sender": sender, "message": "book"}, "guess")
        assert (status, replies) == (403, None)
        assert post_rest(running_stack, {"sender": sender, "message": "book"})[0] == 403
    # Bad bodies are refused, not shared in a conversation called "default".
    assert post_rest(running_stack, {"message": "hello"})[0] == 400
    assert post_rest(running_stack, ["hello"])[0] == 400
    # A huge message is refused before the NLU sees it, and stores nothing.
    huge = {"sender": "rest-huge", "message": "pain " * 60_000}
    assert post_rest(running_stack, huge)[0] == 413
    # An ordinary REST conversation needs no key while HCMC_REST_TOKEN is unset.
    assert (
        post_rest(running_stack, {"sender": "rest-" + uuid.uuid4().hex, "message": "hi"})[0] == 200
    )


def test_the_action_server_listens_on_loopback_only(running_stack):
    import socket
    import subprocess

    addresses = subprocess.run(["hostname", "-I"], capture_output=True, text=True).stdout.split()
    outside = [a for a in addresses if "." in a and not a.startswith("127.")]
    if not outside:
        pytest.skip("this machine has no address but loopback")
    with socket.socket() as probe:
        probe.settimeout(3)
        assert probe.connect_ex(("127.0.0.1", running_stack.action_port)) == 0
    with socket.socket() as probe:
        probe.settimeout(3)
        assert probe.connect_ex((outside[0], running_stack.action_port)) != 0


# Issue 24: a booking question mid-interview keeps the link for the end; a booking request that
# describes pain gets the questions first; "my back is killing me" is heard after the safety no.
@pytest.mark.parametrize(
    ("language", "where", "question", "deferred", "side", "again", "link"),
    [
        (
            "en", "my neck", "can I book an appointment for saturday?",
            "after the last few questions", "Is it on the left",
            "no, just give me the booking link now", "You can book online",
        ),
        (
            "fr", "ma nuque", "je voudrais prendre rendez-vous samedi",
            "après les dernières questions", "Est-ce à gauche",
            "non, donnez-moi le lien pour réserver maintenant",
            "Vous pouvez prendre rendez-vous en ligne",
        ),
        (
            "nl", "mijn nek", "kan ik een afspraak maken voor zaterdag?",
            "na de laatste vragen", "Is het links",
            "nee, geef me nu gewoon de link om te boeken", "U kunt online een afspraak maken",
        ),
    ],
)  # fmt: skip
def test_a_booking_question_mid_interview_keeps_the_interview_going(
    client: RestClient, language, where, question, deferred, side, again, link
):
    client.send("hello", metadata={"language": language})
    client.send("/give_consent")
    replies = client.send(where)
    assert side in said(replies)
    replies = client.send(question)
    text = said(replies)
    assert deferred in text
    assert side in text  # the interview asks its question again, no booking link handed out
    replies = client.send(again)
    assert link in said(replies)


@pytest.mark.parametrize(
    ("opening", "first", "where_exactly"),
    [
        (
            "Hello, I have tennis elbow from padel, can I make an appointment?",
            "First a few short questions", "and where exactly",
        ),
        (
            "slt j'ai mal à l'aine depuis un tacle, c possible d'avoir un rdv ?",
            "quelques questions courtes", "et où exactement",
        ),
        (
            "Hoi! Pijn aan mijn achillespees van 't lopen, kan ik langskomen?",
            "Eerst enkele korte vragen", "en waar precies",
        ),
    ],
)  # fmt: skip
def test_a_booking_request_about_pain_gets_the_questions_before_the_link(
    client: RestClient, opening, first, where_exactly
):
    replies = client.send(opening)
    text = said(replies)
    assert first in text
    assert "booking.example.org" not in json.dumps(replies)  # no link before the screen
    replies = client.send("/give_consent")
    assert where_exactly in said(replies)


@pytest.mark.parametrize(
    ("opening", "no", "consent"),
    [
        (
            "my back is killing me 😅 sitting in the car all day. when can I come in?",
            "no, nothing like that", "health information",
        ),
        (
            "mijn rug vermoordt mij, zit heel de dag in de auto. wanneer kan ik langskomen?",
            "nee, geen borstpijn, ademen gaat goed", "gezondheidsgegevens",
        ),
    ],
)  # fmt: skip
def test_after_a_no_to_the_safety_question_the_interview_is_offered(
    client: RestClient, opening, no, consent
):
    replies = client.send(opening)
    if consent not in said(replies):  # the one safety question came first
        replies = client.send(no)
    # Either way the patient's pain is heard: the consent question for the interview.
    assert consent in said(replies)
