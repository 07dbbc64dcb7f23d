"""A red flag typed while a member of staff has the conversation still gets the urgent advice.

Why: while a conversation is taken over Rasa keeps it paused and lets only ``/restart`` through;
the project's rule (bot/rasa_plugins/channels/paused_red_flags.py) lets the red-flag detector's
intent through too. This patch only puts that rule where Rasa asks the question.

Replaces: rasa.core.processor.MessageProcessor._should_handle_message(tracker), a static method
With: paused_red_flags.should_handle_message.
"""

from __future__ import annotations

from rasa.core.processor import MessageProcessor

from bot.rasa_plugins.channels import paused_red_flags
from bot.rasa_plugins.patches.patch import Patch

PATCH = Patch(
    name="red_flags_while_paused",
    target=MessageProcessor,
    attribute="_should_handle_message",
    parameters=("tracker",),
    replacement=staticmethod(paused_red_flags.should_handle_message),
)
