"""Refusing or withdrawing consent is recognised in the three languages, and a yes never is.

The phrasings here are not in the NLU training data (the patterns were written from it), so they
show how the rules carry over to new messages.
"""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.nlu.consent_refusal import ConsentRefusalInterceptor
from bot.triage.consent import is_refusal

REFUSALS = [
    "I'm withdrawing my consent",
    "please cancel the permission I gave",
    "Actually I do not agree to that",
    "no, I won't give you my consent",
    "I'd prefer not to",
    "don't save any of this",
    "please erase everything I said",
    "je retire mon accord",
    "finalement je ne suis plus d'accord",
    "je n'accepte pas vos conditions",
    "je refuse que vous gardiez ça",
    "ne notez rien svp",
    "effacez ce que je vous ai dit",
    "ik trek mijn akkoord in",
    "ik ga daar niet mee akkoord",
    "ik geef geen toestemming",
    "ik weiger",
    "verwijder alles wat ik zei",
    "ik wil niet dat u dat bijhoudt",
]
YESES = [
    "yes, I agree",
    "sure, go ahead",
    "ok no problem",
    "that's fine with me",
    "I consent",
    "yes you can keep my answers",
    "oui, je suis d'accord",
    "pas de souci, allez-y",
    "d'accord",
    "non peut-être",
    "ja, akkoord",
    "geen probleem, ga uw gang",
    "ik geef toestemming",
    "dat is goed",
]


@pytest.mark.parametrize("text", REFUSALS)
def test_a_refusal_or_withdrawal_is_recognised(text: str):
    assert is_refusal(text)


@pytest.mark.parametrize("text", YESES)
def test_a_yes_is_never_taken_for_a_refusal(text: str):
    assert not is_refusal(text)


def classified(text: str, intent: str) -> Message:
    message = Message(data={"text": text})
    message.set("intent", {"name": intent, "confidence": 0.93})
    message.set("intent_ranking", [{"name": intent, "confidence": 0.93}])
    return message


def test_a_refusal_the_classifier_took_for_a_yes_becomes_a_decline():
    refusal = classified("je retire mon consentement", "give_consent")
    yes = classified("oui, je suis d'accord", "give_consent")
    other = classified("I don't want to answer more questions", "stop")
    ConsentRefusalInterceptor().process([refusal, yes, other])
    assert refusal.get("intent") == {"name": "decline_consent", "confidence": 1.0}
    assert refusal.get("intent_ranking")[0]["name"] == "decline_consent"
    assert yes.get("intent")["name"] == "give_consent"
    assert other.get("intent")["name"] == "stop"  # a refusal changes only a yes


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("I take back my consent", "describe_pain"),
        ("I'm revoking my permission", "faq"),
        ("je reprends mon accord", "restart_conversation"),
        ("j'annule mon consentement", "describe_pain"),
        ("ik trek mijn toestemming in", "stop"),
        ("mijn toestemming wil ik intrekken", "inform_location"),
    ],
)
def test_withdrawing_consent_is_recognised_whatever_the_classifier_said(text: str, intent: str):
    message = classified(text, intent)
    ConsentRefusalInterceptor().process([message])
    assert message.get("intent")["name"] == "decline_consent"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("I don't want to answer any more questions", "stop"),
        ("no thanks", "deny"),
        ("ik geef toestemming in het kader van mijn behandeling", "give_consent"),
        ("can I cancel my appointment?", "request_booking"),
    ],
)
def test_other_refusals_keep_their_intent(text: str, intent: str):
    message = classified(text, intent)
    ConsentRefusalInterceptor().process([message])
    assert message.get("intent")["name"] == intent
