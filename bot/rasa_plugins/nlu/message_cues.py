"""Rasa NLU component: short replies, corrections and pain mentions the classifier cannot place.

An emoji alone ("👍", "🙏") gets an intent from message_cues.yml instead of a guess, so that it
is answered briefly and never restarts the conversation. A message the classifier left out of
scope or not understood, but which names a body region or a pain word ("ik heb al een tijdje last
van mijn rug, kunt ge helpen?"), is a patient describing pain: the consent and interview path
starts; one that names a practical topic (prices, parking...) is a question about the clinic. A
message taken for a treatment question that names the patient's pain and asks for an appointment
is a booking request. A message taken for "start over" that answers an interview question
("beginnen ... beetje bij beetje"), or for stop or goodbye ("continu, de hele dag"), is that answer.
"Change the duration" asks to correct one answer of the interview (entity
``correct_field``). Red flags are not touched here: the red-flag interceptor runs after this
component.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_NAME_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.nlu.component import DeterministicComponent, override_intent
from bot.triage.clinic.practical import load_practical
from bot.triage.nlp.message_cues import (
    BOOKING_INTENT,
    CENTRES_INTENT,
    CORRECT_FIELD_ENTITY,
    DENY_INTENT,
    DESCRIBE_PAIN_INTENT,
    LEAVING_INTENTS,
    QUESTION_INTENT,
    UNPLACED_INTENTS,
    answers_an_interview_question,
    asks_a_question,
    asks_for_help_with_pain,
    asks_to_book_for_pain,
    emoji_intent,
    field_to_correct,
    mentions_pain,
    says_no_carry_on,
)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class MessageCueInterpreter(DeterministicComponent):
    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/"):
                continue  # a button's payload names its intent itself
            intent = emoji_intent(text)
            if intent:
                override_intent(message, intent)
                continue
            if says_no_carry_on(text):
                override_intent(message, DENY_INTENT)  # "non, on continue" is no stop
                continue
            field = field_to_correct(text)
            if field:
                override_intent(message, DESCRIBE_PAIN_INTENT)
                entity = {
                    "entity": CORRECT_FIELD_ENTITY,
                    "value": field,
                    "extractor": "MessageCueInterpreter",
                }
                message.set(ENTITIES, [*(message.get(ENTITIES) or []), entity], add_to_output=True)
                continue
            predicted = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
            diverted = predicted in LEAVING_INTENTS or (
                predicted == CENTRES_INTENT and not asks_a_question(text)
            )
            if diverted and answers_an_interview_question(text, message.get(ENTITIES) or []):
                # "da is beginnen na de voorbereiding, beetje bij beetje", "continu", "bij het
                # instappen in de auto": an answer, not a wish to start over or stop (which would
                # wipe or end the interview) nor a question about the centres.
                override_intent(message, DESCRIBE_PAIN_INTENT)
                continue
            if predicted in (QUESTION_INTENT, *UNPLACED_INTENTS) and asks_for_help_with_pain(
                text, message.get(ENTITIES) or []
            ):
                # "my shoulder has hurt for weeks, can you help?": the interview, not an answer
                override_intent(message, DESCRIBE_PAIN_INTENT)
                continue
            if predicted in (QUESTION_INTENT, *UNPLACED_INTENTS) and asks_to_book_for_pain(
                text, message.get(ENTITIES) or []
            ):
                # Taken for a treatment question, it got an answer to another question.
                override_intent(message, BOOKING_INTENT)
                continue
            if predicted not in UNPLACED_INTENTS:
                continue
            if load_practical().topics_in(text):
                # "how much is it, and can I park there?": answered from the clinic's data
                override_intent(message, QUESTION_INTENT)
            elif mentions_pain(text, message.get(ENTITIES) or []):
                override_intent(message, DESCRIBE_PAIN_INTENT)
        return messages
