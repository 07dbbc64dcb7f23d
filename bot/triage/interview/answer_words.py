"""The words of the interview answer readers (answers.py, severity.py), kept in answer_words.yml:
read once, checked, and turned into pattern sources for each reader."""

from __future__ import annotations

from pathlib import Path

from bot.triage.language.word_patterns import load_words

ANSWER_WORDS_FILE = Path(__file__).resolve().parent / "answer_words.yml"
# The readers with a section in the file: this module and answers.py.
ANSWER_WORD_READERS = ("answers", "severity")


def load_answer_words(
    reader: str,
    names: tuple[str, ...],
    path: Path = ANSWER_WORDS_FILE,
    supplied: tuple[tuple[str, str], ...] = (),
) -> dict[str, str]:
    """The sources of an interview answer reader's patterns, from answer_words.yml; `supplied`
    fills the slots the reader fills itself ("number_words")."""
    return load_words(path, ANSWER_WORD_READERS, reader, names, supplied)
