"""The Telegram channel: a bridge between Telegram and the assistant's REST channel."""
