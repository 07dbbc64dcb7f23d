"""Whole conversations with the real Rasa and action servers over the REST channel."""

from __future__ import annotations

import json
import sqlite3
from urllib.parse import parse_qs, urlsplit

import pytest

from bot.config import Settings
from bot.rest_client import RestClient, reply_buttons, reply_texts

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
    replies = client.send("I want to book an appointment")
    text = said(replies)
    assert "https://" not in text
    assert "medical help first" in text
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
