"""Staff alerts: when a conversation gets a red flag or asks for a person, the clinic's staff are
told on every channel it configured (a Telegram chat, e-mail), once per conversation and reason.
The review app's own follow-up queue is the third place (bot/apps/review/follow_up.py)."""
