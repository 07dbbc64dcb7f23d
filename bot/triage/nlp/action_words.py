"""The words of the custom actions' patterns (actions/booking.py, faq.py, interview.py), kept in
action_words.yml: read once, checked, and turned into pattern sources for each action module."""

from __future__ import annotations

from pathlib import Path

from bot.triage.language.word_patterns import load_words

ACTION_WORDS_FILE = Path(__file__).resolve().parent / "action_words.yml"
# The action modules with a section in that file.
ACTION_WORD_READERS = ("booking", "faq", "interview")


def load_action_words(
    module: str, names: tuple[str, ...], path: Path = ACTION_WORDS_FILE
) -> dict[str, str]:
    """The sources of an action module's patterns, from action_words.yml."""
    return load_words(path, ACTION_WORD_READERS, module, names)
