"""Every response the code sends exists, and every response is reachable by some path."""

from __future__ import annotations

import re

from bot.ops.cli.validate_data import responses_sent_by_code, unexpected_warnings
from bot.triage.red_flags import flag_ids, load_rules
from tests.conftest import PROJECT_ROOT, domain_dict


def responses_named_in_dialogues() -> set[str]:
    named: set[str] = set()
    for path in (PROJECT_ROOT / "data").glob("*/*.yml"):
        named.update(re.findall(r"action: (utter_\w+)", path.read_text()))
    return named


def test_every_response_sent_by_code_exists_in_the_domain():
    responses = set(domain_dict()["responses"])
    missing = sorted(responses_sent_by_code() - responses - {"utter_faq"})
    assert missing == []


def test_every_response_is_sent_by_a_dialogue_or_by_code():
    sent = responses_sent_by_code() | responses_named_in_dialogues()
    unused = sorted(
        name for name in domain_dict()["responses"] if name not in sent and "/" not in name
    )
    assert unused == []


def test_every_red_flag_has_its_response_and_each_screen_offers_exactly_its_flags():
    responses = domain_dict()["responses"]
    assert all(f"utter_red_flag_{flag}" in responses for flag in flag_ids())
    for screen in load_rules().screens:
        buttons = responses[f"utter_ask_{screen.name}"][0]["buttons"]
        named = {m for b in buttons for m in re.findall(r'"red_flag_id":"(\w+)"', b["payload"])}
        assert named == set(screen.flags), screen.name
        assert buttons[-1]["payload"] == "/deny"  # "none of these" is always offered


def test_form_questions_exist_for_every_slot():
    domain = domain_dict()
    for form in domain["forms"].values():
        for slot in form["required_slots"]:
            # Rasa asks with action_ask_<slot> when the domain has it, else utter_ask_<slot>.
            asked_by = {f"utter_ask_{slot}", f"action_ask_{slot}"}
            actions = {a if isinstance(a, str) else next(iter(a)) for a in domain["actions"]}
            assert asked_by & {*domain["responses"], *actions}, slot


def test_only_the_known_false_warnings_are_accepted():
    output = "\n".join(
        [
            "UserWarning: The utterance 'utter_tier_call_112' is not used in any story or rule.",
            "UserWarning: The utterance 'utter_made_up' is not used in any story or rule.",
            "UserWarning: The following duplicated intents have been found across multiple "
            "domain files: faq",
            "UserWarning: The following duplicated intents have been found across multiple "
            "domain files: greet",
        ]
    )
    problems = unexpected_warnings(output, {"utter_tier_call_112"})
    assert len(problems) == 2
    assert "utter_made_up" in problems[0]
    assert "greet" in problems[1]


def test_every_button_reaches_the_patient_as_a_payload_rasa_can_read():
    """Rasa fills {slot} templates in buttons too: a payload's JSON must be written with double
    braces, or Rasa raises and logs an error for every button it sends. After filling, each
    payload is an intent with readable JSON values, a link, or a template the actions fill."""
    import json

    from rasa.core.nlg.interpolator import interpolate_text

    for name, variations in domain_dict()["responses"].items():
        for variation in variations:
            for button in variation.get("buttons") or []:
                raw = button["payload"]
                sent = interpolate_text(raw, {"booking_url": "https://example.org/book"})
                if sent.startswith("http"):
                    continue
                match = re.fullmatch(r"/([\w/]+)(\{.*\})?", sent)
                assert match, (name, raw)
                if match.group(2):
                    assert "{{" in raw, (name, raw)
                    assert isinstance(json.loads(match.group(2)), dict), (name, raw)
