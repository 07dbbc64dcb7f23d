"""Words kept in YAML for regular expressions: a file with one section per reader, each entry a
list of alternatives (whole words) or a pattern with `{slot}` lists, read once, checked, and
turned into pattern sources. Used for answer_words.yml (the interview answer readers) and
action_words.yml (the custom actions); answer_words.yml's header describes the format."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

# "{name}" in an entry's pattern: the entry's list of that name, joined by "|".
_SLOT = re.compile(r"\{([a-z_]+)\}")


@lru_cache(maxsize=4)
def _word_sections(path: Path, readers: tuple[str, ...]) -> dict[str, Any]:
    """The file, read once for all its readers, with a section for each of them and no other."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ValueError(f"{path.name}: {error}") from error
    if not isinstance(data, dict) or set(data) != set(readers):
        raise ValueError(f"{path.name}: expected the sections {', '.join(readers)}")
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


@lru_cache(maxsize=8)
def load_words(
    path: Path,
    readers: tuple[str, ...],
    reader: str,
    names: tuple[str, ...],
    supplied: tuple[tuple[str, str], ...] = (),
) -> dict[str, str]:
    """The source of each pattern the reader names, from its section of the file at `path`, whose
    sections are `readers`; `supplied` fills the slots the reader fills itself."""
    section = _word_sections(path, readers).get(reader)
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
