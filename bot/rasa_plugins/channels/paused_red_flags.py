"""While a member of staff has taken a conversation over, the assistant is paused (Rasa's
``ConversationPaused``) and says nothing; but a red flag the patient types then still gets the
urgent advice at once. Red-flag detection always wins: a person may be slow to read, or may have
stepped away from a takeover they forgot to hand back.

Rasa 3.6 lets only ``/restart`` through a pause (``MessageProcessor._should_handle_message``); this
lets the detector's intent through too. The rest of the turn stays paused: the advice action says
only the advice (actions/red_flags.py), and the next ordinary message is silent again. The Rasa
server applies this with its other patches (bot/rasa_plugins/patches/red_flags_while_paused.py).
"""

from __future__ import annotations

from rasa.core.processor import MessageProcessor
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

RED_FLAG_INTENT = "red_flag"

_original = MessageProcessor._should_handle_message


def should_handle_message(tracker: DialogueStateTracker) -> bool:
    if _original(tracker):
        return True
    latest = tracker.latest_message
    return latest is not None and latest.intent.get(INTENT_NAME_KEY) == RED_FLAG_INTENT
