"""Starting over or withdrawing consent in the middle of the interview drops every answer, so
the patient confirms first; "no" carries on where the interview was. Over REST, in English,
French and Dutch."""

from __future__ import annotations

import pytest

from bot.config import Settings
from bot.ops.rest_client import RestClient, reply_buttons, reply_texts
from tests.assistant.test_conversations import stored_events

pytestmark = pytest.mark.e2e

KNEE = {
    "en": "my left knee has hurt for three weeks",
    "fr": "j'ai mal au genou gauche depuis trois semaines",
    "nl": "mijn linkerknie doet al drie weken pijn",
}
START_OVER = {"en": "start over", "fr": "on recommence", "nl": "opnieuw beginnen"}
WITHDRAW = {
    "en": "I withdraw my consent",
    "fr": "je retire mon consentement",
    "nl": "ik trek mijn toestemming in",
}
CARRY_ON = {"en": "carry on", "fr": "on continue", "nl": "we gaan verder"}
STOPPED = {
    "en": "won't ask about your symptoms",
    "fr": "pas de questions sur vos symptômes",
    "nl": "geen vragen over uw klachten",
}


def said(replies: list[dict]) -> str:
    return "\n".join(reply_texts(replies))


def slots(settings: Settings, sender: str) -> dict:
    values: dict = {}
    for event in stored_events(settings, sender):
        if event["event"] == "slot":
            values[event["name"]] = event["value"]
        elif event["event"] == "restart":
            values = {}
    return values


def payloads(replies: list[dict]) -> list[str]:
    return [button["payload"] for button in reply_buttons(replies)]


@pytest.mark.parametrize("language", ["en", "fr", "nl"])
def test_start_over_in_the_interview_asks_first_and_no_keeps_the_answers(
    client: RestClient, running_stack: Settings, language: str
):
    client.send("/give_consent")
    question = said(client.send(KNEE[language]))
    replies = client.send(START_OVER[language])
    assert payloads(replies) == ["/affirm", "/deny"]
    replies = client.send("/deny")
    assert CARRY_ON[language] in said(replies).lower()
    assert said(replies).splitlines()[-1] == question.splitlines()[-1]  # the same question
    assert slots(running_stack, client.sender)["pain_regions"] == ["knee_front"]


@pytest.mark.parametrize("language", ["en", "fr", "nl"])
def test_start_over_confirmed_drops_the_answers(
    client: RestClient, running_stack: Settings, language: str
):
    client.send("/give_consent")
    client.send(KNEE[language])
    client.send(START_OVER[language])
    client.send("/affirm")
    assert not slots(running_stack, client.sender).get("pain_regions")


@pytest.mark.parametrize("language", ["en", "fr", "nl"])
def test_consent_withdrawn_in_the_interview_is_confirmed_then_everything_dropped(
    client: RestClient, running_stack: Settings, language: str
):
    client.send("/give_consent")
    client.send(KNEE[language])
    replies = client.send(WITHDRAW[language])
    assert payloads(replies) == ["/affirm", "/deny"]
    assert slots(running_stack, client.sender)["pain_regions"] == ["knee_front"]
    replies = client.send("/affirm")
    assert STOPPED[language] in said(replies)
    values = slots(running_stack, client.sender)
    assert values["consent"] == "declined" and not values.get("pain_regions")
