"""A patient who answers each question as asked reaches the booking link in fewer messages:
where exactly comes with the side, how it started with how long ago, when it is worst with how
strong it is (real servers, REST)."""

from __future__ import annotations

import pytest

from bot.ops.rest_client import RestClient, reply_buttons, reply_texts

pytestmark = pytest.mark.e2e

PATIENTS = {
    "en": {
        "opening": "my knee has been hurting, can you help me?",
        "consent": "Yes, I agree",
        "where_and_side": ("Which side is it on", "the left one, just below the kneecap"),
        "how_and_since": ("How did it start, and how long ago", "gradually, about three weeks"),
        "worst_and_score": ("how strong is it", "going down stairs, about a 5"),
        "answers": ["stairs, rest helps"],
        "none": "None of these",
        "commune": "Uccle",
    },
    "fr": {
        "opening": "j'ai mal au genou depuis un moment, vous pouvez m'aider ?",
        "consent": "Oui, je suis d'accord",
        "where_and_side": ("De quel côté", "le gauche, juste sous la rotule"),
        "how_and_since": ("et depuis quand", "petit à petit, depuis trois semaines"),
        "worst_and_score": ("quelle est son intensité", "en descendant les escaliers, un 5"),
        "answers": ["les escaliers, le repos aide"],
        "none": "Aucun de ces points",
        "commune": "Uccle",
    },
    "nl": {
        "opening": "ik heb al een tijdje pijn aan mijn knie, kunnen jullie helpen?",
        "consent": "Ja, ik ga akkoord",
        "where_and_side": ("Aan welke kant", "de linker, net onder de knieschijf"),
        "how_and_since": ("en sinds wanneer", "geleidelijk, sinds drie weken"),
        "worst_and_score": ("hoe sterk is ze", "bij het trappen aflopen, een 5"),
        "answers": ["trappen, rust helpt"],
        "none": "Geen van deze",
        "commune": "Ukkel",
    },
}


def said(replies: list[dict]) -> str:
    return "\n".join(reply_texts(replies))


@pytest.mark.parametrize("language", sorted(PATIENTS))
def test_questions_asked_in_pairs_and_the_booking_link_in_nine_messages(
    client: RestClient, language: str
):
    patient = PATIENTS[language]
    sent = 0

    def send(text: str) -> list[dict]:
        nonlocal sent
        sent += 1
        return client.send(text)

    def press(replies: list[dict], title: str) -> list[dict]:
        button = next(b for b in reply_buttons(replies) if b["title"] == title)
        return send(button["payload"])

    replies = press(send(patient["opening"]), patient["consent"])
    question, answer = patient["where_and_side"]
    assert question in said(replies)
    replies = send(answer)
    question, answer = patient["how_and_since"]
    assert question in said(replies)
    replies = send(answer)
    question, answer = patient["worst_and_score"]
    assert question in said(replies)
    replies = send(answer)
    for answer in patient["answers"]:  # what changes it
        replies = send(answer)
    replies = press(replies, patient["none"])  # precautions
    replies = press(replies, patient["none"])  # last safety check: never asked with them
    replies = send(patient["commune"])
    text = said(replies)
    assert "https://" in text and "centre=boitsfort" in text
    assert sent == 9  # one message fewer for each pair, nothing asked twice
