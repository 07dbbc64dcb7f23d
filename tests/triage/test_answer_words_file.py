"""The words of the interview answer readers (bot/triage/interview/answer_words.yml): the shipped
file loads into the very patterns the readers use, and a broken copy is refused, naming the file
and the entry."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.triage.interview import answers, severity
from bot.triage.interview.answer_words import ANSWER_WORDS_FILE, load_answer_words
from bot.triage.interview.answers import ANSWER_WORD_ENTRIES
from bot.triage.interview.severity import SEVERITY_WORD_ENTRIES

NUMBER_WORDS = (("number_words", "one|two"),)


def _shipped() -> dict[str, Any]:
    return yaml.safe_load(ANSWER_WORDS_FILE.read_text(encoding="utf-8"))


def _copy(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / ANSWER_WORDS_FILE.name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_the_shipped_file_gives_the_patterns_the_readers_use() -> None:
    words = load_answer_words("answers", ANSWER_WORD_ENTRIES)
    vague = dict((pattern.pattern, days) for pattern, days in answers.VAGUE_DURATIONS)
    for name in ANSWER_WORD_ENTRIES:
        if name in answers.VAGUE_DURATION_DAYS:
            assert vague[words[name]] == answers.VAGUE_DURATION_DAYS[name]
        else:
            assert getattr(answers, f"_{name.upper()}").pattern == words[name]
    words = load_answer_words("severity", SEVERITY_WORD_ENTRIES, supplied=NUMBER_WORDS)
    for name in set(SEVERITY_WORD_ENTRIES) - {"scores_before"}:
        assert getattr(severity, f"_{name.upper()}").pattern == words[name]
    assert words["scores_before"].endswith("|ish|one|two)\\b")


def test_a_list_is_matched_as_whole_words_and_slots_are_filled() -> None:
    words = load_answer_words("answers", ANSWER_WORD_ENTRIES)
    assert words["night"] == r"\b(night|nuit|nacht)\b"
    assert words["not_both"] == r"\b(not|pas|niet|nie|geen)\s+(both|les deux|allebei|beide)\b"
    assert re.search(words["unsure"], "je ne sais pas")


def _refused(path: Path, reader: str, entries: tuple[str, ...], *named: str) -> None:
    with pytest.raises(ValueError) as refused:
        load_answer_words(reader, entries, path, NUMBER_WORDS)
    for words in (ANSWER_WORDS_FILE.name, *named):
        assert words in str(refused.value)


def test_a_missing_entry_is_refused(tmp_path: Path) -> None:
    data = _shipped()
    del data["answers"]["unsure"]
    _refused(_copy(tmp_path, data), "answers", ANSWER_WORD_ENTRIES, "answers.unsure")


def test_an_entry_no_reader_reads_is_refused(tmp_path: Path) -> None:
    data = _shipped()
    data["severity"]["not_a_scroe_after"] = ["weeks?"]
    _refused(_copy(tmp_path, data), "severity", SEVERITY_WORD_ENTRIES, "severity.not_a_scroe_after")


def test_a_pattern_that_does_not_compile_is_refused(tmp_path: Path) -> None:
    data = _shipped()
    data["answers"]["night"] = ["night", "(nuit", "nacht"]
    _refused(_copy(tmp_path, data), "answers", ANSWER_WORD_ENTRIES, "answers.night")


def test_a_slot_without_its_list_is_refused(tmp_path: Path) -> None:
    data = _shipped()
    del data["answers"]["not_both"]["both"]
    _refused(_copy(tmp_path, data), "answers", ANSWER_WORD_ENTRIES, "answers.not_both", "both")


def test_an_unquoted_yes_or_no_is_refused(tmp_path: Path) -> None:
    text = ANSWER_WORDS_FILE.read_text(encoding="utf-8").replace('no_word: ["no",', "no_word: [no,")
    path = tmp_path / ANSWER_WORDS_FILE.name
    path.write_text(text, encoding="utf-8")
    _refused(path, "answers", ANSWER_WORD_ENTRIES, "answers.starts_with_no.no_word")
