"""The words of the interview answer readers (answers.py, severity.py), kept in answer_words.yml:
read once, checked, and turned into pattern sources for each reader."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

ANSWER_WORDS_FILE = Path(__file__).resolve().parent / "answer_words.yml"
# The readers with a section in the file: this module and answers.py.
ANSWER_WORD_READERS = ("answers", "severity")
# "{name}" in an entry's pattern: the entry's list of that name, joined by "|".
_SLOT = re.compile(r"\{([a-z_]+)\}")


@lru_cache(maxsize=2)
def _answer_word_sections(path: Path) -> dict[str, Any]:
    """The file, read once for both readers."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ValueError(f"{path.name}: {error}") from error
    if not isinstance(data, dict) or set(data) != set(ANSWER_WORD_READERS):
        raise ValueError(f"{path.name}: expected the sections {', '.join(ANSWER_WORD_READERS)}")
    return data


def _alternatives(path: Path, where: str, words: Any) -> str:
    if not isinstance(words, list) or not words:
        raise ValueError(f"{path.name}: {where} needs a list of alternatives")
    for word in words:
        if not isinstance(word, str) or not word:
            raise ValueError(f"{path.name}: {where} has {word!r}, which is no text (quote it)")
    return "|".join(words)


def _entry_source(path: Path, where: str, entry: Any, supplied: dict[str, str]) -> str:
    """An entry's pattern: a list of alternatives as whole words, or a pattern with slots."""
    if isinstance(entry, list):
        return r"\b(" + _alternatives(path, where, entry) + r")\b"
    if not isinstance(entry, dict) or "pattern" not in entry:
        raise ValueError(f"{path.name}: {where} needs a list of alternatives or a pattern")
    pattern = entry["pattern"]
    template = pattern if isinstance(pattern, str) else _alternatives(path, where, pattern)
    lists = {
        str(slot): _alternatives(path, f"{where}.{slot}", words)
        for slot, words in entry.items()
        if slot != "pattern"
    }
    if bad := [slot for slot in lists if not _SLOT.fullmatch(f"{{{slot}}}")]:
        raise ValueError(f"{path.name}: {where} has lists named {bad}: use lower_snake_case")
    used = set(_SLOT.findall(template))
    if unused := sorted(set(lists) - used):
        raise ValueError(f"{path.name}: {where} does not use {', '.join(unused)} in its pattern")
    if unknown := sorted(used - set(lists) - set(supplied)):
        raise ValueError(f"{path.name}: {where} has no list for {', '.join(unknown)}")
    return _SLOT.sub(lambda slot: {**supplied, **lists}[slot.group(1)], template)


@lru_cache(maxsize=4)
def load_answer_words(
    reader: str,
    names: tuple[str, ...],
    path: Path = ANSWER_WORDS_FILE,
    supplied: tuple[tuple[str, str], ...] = (),
) -> dict[str, str]:
    """The source of each pattern the reader names, from its section of the file; `supplied`
    fills the slots the reader fills itself ("number_words")."""
    section = _answer_word_sections(path).get(reader)
    if not isinstance(section, dict):
        raise ValueError(f"{path.name}: {reader} needs its entries")
    if missing := [name for name in names if name not in section]:
        named = ", ".join(f"{reader}.{name}" for name in missing)
        raise ValueError(f"{path.name}: {named} is missing")
    if unknown := [name for name in section if name not in names]:
        named = ", ".join(f"{reader}.{name}" for name in unknown)
        raise ValueError(f"{path.name}: {named} is read by no reader (a typo?)")
    sources: dict[str, str] = {}
    for name in names:
        where = f"{reader}.{name}"
        sources[name] = _entry_source(path, where, section[name], dict(supplied))
        try:
            re.compile(sources[name])
        except re.error as error:
            raise ValueError(f"{path.name}: {where} is no valid pattern ({error})") from error
    return sources
