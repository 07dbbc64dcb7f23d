"""Red flags told over several messages are found where Rasa interprets a message with its
conversation at hand.

Why: NLU components see one message; "pressure between my shoulder blades", then "it goes into
my arm", then "I'm sweating" is a possible heart attack only read together
(bot/rasa_plugins/nlu/red_flags_across_messages.py).

Replaces: rasa.core.processor.MessageProcessor.parse_message(self, message, tracker,
only_output_properties)
With: red_flags_across_messages.parse_message, which calls Rasa's own and then looks across.
"""

from __future__ import annotations

from rasa.core.processor import MessageProcessor

from bot.rasa_plugins.nlu import red_flags_across_messages
from bot.rasa_plugins.patches.patch import Patch

PATCH = Patch(
    name="red_flags_across_messages",
    target=MessageProcessor,
    attribute="parse_message",
    parameters=("self", "message", "tracker", "only_output_properties"),
    replacement=red_flags_across_messages.parse_message,
)
