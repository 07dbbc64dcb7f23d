"""How a conversation id says which channel it belongs to: the Telegram bridge's ids are
"telegram:<chat id>" and the website widget's "web:<session id>"; any other id is the plain REST
channel's."""

from __future__ import annotations

TELEGRAM_PREFIX = "telegram:"
WEB_PREFIX = "web:"

# Channels where staff can write to the patient in the chat itself.
LIVE_CHANNELS = frozenset({"web", "telegram"})
