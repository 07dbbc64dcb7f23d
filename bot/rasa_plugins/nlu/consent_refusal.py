"""Rasa NLU component: a message that refuses or withdraws consent is never taken for a yes.

The classifier sometimes reads "I withdraw my consent" or "je ne suis pas d'accord" as
give_consent. Taking a "no" for a yes would note health details without consent, so when the
classifier says give_consent or affirm and the deterministic patterns of
bot/triage/consent/refusals.yml match, the intent becomes decline_consent (confidence 1.0). The
other way round is left alone: a yes read as a "no" only means the patient is asked again. A
message that names consent and withdraws it ("I take back my consent") becomes decline_consent
whatever the classifier said.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.nlu.component import DeterministicComponent, override_intent
from bot.triage.consent import consent_answer

YES_INTENTS = frozenset({"give_consent", "affirm"})
DECLINE_INTENT = "decline_consent"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class ConsentRefusalInterceptor(DeterministicComponent):
    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
            text = message.get(TEXT) or ""
            if intent == DECLINE_INTENT:
                continue
            answer = consent_answer(text)
            if answer == "withdrawal" or (answer and intent in YES_INTENTS):
                override_intent(message, DECLINE_INTENT)
        return messages
