"""`make validate`: `rasa data validate`, failing on every warning that is not a known false one.

Two kinds of Rasa 3.6 warnings are false here:
- the retrieval intent ``faq`` reported as duplicated: Rasa adds it from the NLU data to a domain
  that must already list it;
- responses reported as unused because no story or rule names them, although a form asks them
  (``utter_ask_*``) or a custom action sends them. Those are accepted only for responses that
  really are sent by a form or an action (``responses_sent_by_code``).
- intents reported as missing from the NLU data although an NLU component sets them
  (``INTENTS_SET_BY_COMPONENTS``: never trained, so they have no examples), or only buttons send
  them (``INTENTS_FROM_BUTTONS``: a typed answer is read as another intent).
Any other warning fails the check.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from bot.config import PROJECT_ROOT
from bot.ops.supervisor import rasa_environment
from bot.pictures import check_pictures
from bot.triage.knowledge import load_knowledge_base
from bot.triage.red_flags import TIERS, flag_ids

UNUSED_RESPONSE = re.compile(r"The utterance '(utter_[\w/]+)' is not used in any story or rule\.")
WARNING = re.compile(r"(UserWarning|WARNING)\W+(.*)")
# Rasa merges the retrieval intents of the NLU data into the domain and then reports the domain's
# own entry for them as a duplicate; the domain must list them for rules to name them.
DUPLICATE_INTENTS = re.compile(
    r"duplicated intents have been found across multiple domain files: (.*)"
)
RETRIEVAL_INTENTS = {"faq"}
NO_NLU_DATA = re.compile(
    r"The intent '(\w+)' is listed in the domain file, but is not found in the NLU training data"
)
# bot.rasa_plugins.nlu.red_flags.RedFlagInterceptor: the classifier's red_flag without a detector
# match.
INTENTS_SET_BY_COMPONENTS = {"possible_red_flag", "acknowledge"}
# The buttons of utter_offer_contact (a typed yes or no is affirm or deny: data/rules/contact.yml).
INTENTS_FROM_BUTTONS = {"leave_contact", "no_contact"}
STATIC_RESPONSE = re.compile(r'response="(utter_[a-z0-9_]+)"')
# A custom action's name, as its name() method returns it.
STATIC_ACTION = re.compile(r'return "(action_[a-z0-9_]+)"')


def domain_forms(domain_dir: Path = PROJECT_ROOT / "domain") -> dict[str, list[str]]:
    forms: dict[str, list[str]] = {}
    for path in sorted(domain_dir.glob("*.yml")):
        for name, spec in (yaml.safe_load(path.read_text()).get("forms") or {}).items():
            forms[name] = list(spec.get("required_slots") or [])
    return forms


def responses_sent_by_code(actions_dir: Path = PROJECT_ROOT / "actions") -> set[str]:
    """Every response a form or a custom action can send."""
    sent: set[str] = set()
    for path in actions_dir.glob("*.py"):
        sent.update(STATIC_RESPONSE.findall(path.read_text()))
    sources = [path.read_text() for path in actions_dir.glob("*.py")]
    asking_actions = {name for text in sources for name in STATIC_ACTION.findall(text)}
    for slots in domain_forms().values():
        # Rasa asks with the action action_ask_<slot> when there is one, else utter_ask_<slot>.
        sent.update(
            f"utter_ask_{slot}" for slot in slots if f"action_ask_{slot}" not in asking_actions
        )
    sent.update(f"utter_red_flag_{flag}" for flag in flag_ids())
    sent.update(f"utter_tier_{tier}" for tier in (*TIERS, "unclear"))
    sent.add("utter_red_flag_unclear")
    sent.add("utter_faq")  # action_answer_faq sends the selected utter_faq/<answer>
    sent.add("utter_default")  # Rasa's own action_default_fallback sends it
    sent.add("utter_restart")  # and Rasa's own action_restart
    for region in load_knowledge_base().regions.values():
        if region.is_doctor_first:
            sent.add(f"utter_doctor_first_{region.id}")
        if region.clinic_examples:
            sent.add(f"utter_clinic_example_{region.id}")
    return sent


def unexpected_warnings(output: str, sent_by_code: set[str]) -> list[str]:
    problems = []
    for line in output.splitlines():
        warning = WARNING.search(line)
        if not warning:
            continue
        unused = UNUSED_RESPONSE.search(line)
        if unused and unused.group(1) in sent_by_code:
            continue
        untrained = NO_NLU_DATA.search(line)
        if untrained and untrained.group(1) in INTENTS_SET_BY_COMPONENTS | INTENTS_FROM_BUTTONS:
            continue
        duplicates = DUPLICATE_INTENTS.search(line)
        if duplicates and {i.strip() for i in duplicates.group(1).split(",")} <= RETRIEVAL_INTENTS:
            continue
        problems.append(warning.group(2).strip())
    return problems


def main() -> int:
    try:  # the pictures' data next to the knowledge base it must cover
        check_pictures()
    except ValueError as error:
        print(f"pictures: {error}", file=sys.stderr)
        return 1
    command = [
        str(Path(sys.executable).parent / "rasa"), "data", "validate",
        "--domain", "domain", "--data", "data", "--config", "config.yml",
    ]  # fmt: skip
    result = subprocess.run(
        command, cwd=PROJECT_ROOT, env=rasa_environment(), capture_output=True, text=True
    )
    output = result.stdout + result.stderr
    problems = unexpected_warnings(output, responses_sent_by_code())
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    if result.returncode != 0 or problems:
        print(output[-3000:], file=sys.stderr)
        print("rasa data validate: FAILED", file=sys.stderr)
        return 1
    print("rasa data validate: no warnings (responses sent only by forms and actions accepted)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
