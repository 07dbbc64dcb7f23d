"""The clinic's practical information: contact, hours, prices, getting there."""

from bot.triage.clinic.practical import FAQ_TOPICS, Practical, answer_lines, load_practical

__all__ = ["FAQ_TOPICS", "Practical", "answer_lines", "load_practical"]
