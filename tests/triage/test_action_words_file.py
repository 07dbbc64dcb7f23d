"""The words of the custom actions (bot/triage/nlp/action_words.yml): the shipped file loads into
the very patterns the actions use, they read what a patient says as before, and a broken copy is
refused, naming the file and the entry."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from actions import booking, faq, interview
from bot.triage.nlp.action_words import ACTION_WORDS_FILE, load_action_words

# Each action module with its pattern names, by entry.
ACTION_MODULES: dict[str, tuple[ModuleType, dict[str, str]]] = {
    "booking": (booking, {"own_pain": "_OWN_PAIN", "later_question": "_LATER"}),
    "faq": (faq, {"help_request": "_HELP_REQUEST"}),
    "interview": (
        interview,
        {"stays_there": "STAYS_THERE", "refusal_words": "_REFUSAL_WORDS", "says_yes": "_SAYS_YES"},
    ),
}


def _shipped() -> dict[str, Any]:
    return yaml.safe_load(ACTION_WORDS_FILE.read_text(encoding="utf-8"))


def _copy(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / ACTION_WORDS_FILE.name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("section", sorted(ACTION_MODULES))
def test_the_shipped_file_gives_the_patterns_the_actions_use(section: str) -> None:
    module, patterns = ACTION_MODULES[section]
    assert tuple(patterns) == module.ACTION_WORD_ENTRIES
    words = load_action_words(section, module.ACTION_WORD_ENTRIES)
    for name, attribute in patterns.items():
        assert getattr(module, attribute).pattern == words[name]


def test_a_list_is_matched_as_whole_words_and_slots_are_filled() -> None:
    assert load_action_words("interview", interview.ACTION_WORD_ENTRIES)["says_yes"] == (
        r"\b(yes|yeah|yep|oui|ouais|ja|jawel|wel)\b"
    )
    later = load_action_words("booking", booking.ACTION_WORD_ENTRIES)["later_question"]
    assert later.startswith(r"\b(?:will|what if|if|")


@pytest.mark.parametrize(
    ("text", "own_pain"),
    [
        ("j'ai mal au dos", True),
        ("J'ai très mal.", True),
        ("I'm in so much pain", True),
        ("ik heb echt pijn", True),
        ("j'ai mal compris", False),
        ("ik heb geen pijn meer", False),
        ("my husband is in pain", False),
        ("Will I have pain after needling?", False),
    ],
)
def test_booking_reads_the_writers_own_pain(text: str, own_pain: bool) -> None:
    assert booking.said_own_pain(text) is own_pain


def test_faq_leaves_a_request_for_help_to_the_interview() -> None:
    assert faq._HELP_REQUEST.search("can you help me?")
    assert faq._HELP_REQUEST.search("Pouvez-vous m'aider ?")
    assert not faq._HELP_REQUEST.search("can I park there?")


def test_interview_reads_yes_staying_there_and_refusals() -> None:
    assert interview._SAYS_YES.search("ja, dat klopt")
    assert not interview._SAYS_YES.search("nee, geen koorts")
    assert interview.STAYS_THERE.search("Seulement là")
    assert not interview.STAYS_THERE.search("it goes down into my calf")
    assert interview._REFUSAL_WORDS.search("i don't want you to write this down")
    assert not interview._REFUSAL_WORDS.search("three weeks, worse on stairs")


def _refused(path: Path, section: str, *named: str) -> None:
    with pytest.raises(ValueError) as refused:
        load_action_words(section, ACTION_MODULES[section][0].ACTION_WORD_ENTRIES, path)
    for words in (ACTION_WORDS_FILE.name, *named):
        assert words in str(refused.value)


def test_a_missing_entry_is_refused(tmp_path: Path) -> None:
    data = _shipped()
    del data["faq"]["help_request"]
    _refused(_copy(tmp_path, data), "faq", "faq.help_request")


def test_an_entry_no_action_reads_is_refused(tmp_path: Path) -> None:
    data = _shipped()
    data["interview"]["says_yse"] = ["yes"]
    _refused(_copy(tmp_path, data), "interview", "interview.says_yse")


def test_a_missing_section_is_refused(tmp_path: Path) -> None:
    data = _shipped()
    del data["booking"]
    _refused(_copy(tmp_path, data), "faq", "booking, faq, interview")


def test_a_pattern_that_does_not_compile_is_refused(tmp_path: Path) -> None:
    data = _shipped()
    data["booking"]["own_pain"]["mal_de"] = ["questions", "(choses", "temps"]
    _refused(_copy(tmp_path, data), "booking", "booking.own_pain")


def test_an_unquoted_yes_is_refused(tmp_path: Path) -> None:
    text = ACTION_WORDS_FILE.read_text(encoding="utf-8").replace(
        'says_yes: ["yes",', "says_yes: [yes,"
    )
    path = tmp_path / ACTION_WORDS_FILE.name
    path.write_text(text, encoding="utf-8")
    _refused(path, "interview", "interview.says_yes")


def test_the_patterns_compile_with_the_flags_they_had() -> None:
    assert booking._OWN_PAIN.flags & re.I and faq._HELP_REQUEST.flags & re.I
    assert not booking._LATER.flags & re.I and not interview._REFUSAL_WORDS.flags & re.I
