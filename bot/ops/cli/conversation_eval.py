"""`make conversation-eval`: realistic patients played through the REST channel, end to end.

tests/conversations/patient_scripts.yml holds patients written by someone who never saw the
training data, the patterns or the issues: each with an opening message, how they would answer
each interview question in their own words, things they say unprompted, and what should happen
(booking, or the right urgent tier) with the summary a therapist should read.

A simulated patient plays each script against the real assistant (its own Rasa and action
servers, on ports of their own). After every reply it reads the conversation's state from Rasa's
HTTP API (the question asked: `requested_slot`, the active form, the slots) and answers that
question from the script, one thing per message; its unprompted messages come early in the
interview. It stops at the booking link, at urgent advice that blocks booking, or after
MAX_MESSAGES.

Per language: the share that reaches the right end, false alarms (ordinary patients blocked by
urgent advice), under-triage (urgent patients who get a booking link or a softer tier), summary
fields right, the median patient messages to the booking link, and the questions asked three
times; then each summary field's score, and the values most often missed or added in the list
fields (counts only, like a confusion matrix: no script is shown). Writes
var/results/conversation-eval.json with every conversation's outcome.

A doctor-first region (chest, belly) sends the patient to the GP before booking without a red
flag of its own: that advice counts as the GP tier (`advised_tier`).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import statistics
import sys
import tempfile
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.config import PROJECT_ROOT, load_settings
from bot.ops.rest_client import RestClient, reply_texts
from bot.ops.supervisor import Stack
from bot.triage.interview.asked_together import ASKED_TOGETHER
from bot.triage.knowledge import load_knowledge_base
from bot.triage.language import LANGUAGES

SCRIPTS = PROJECT_ROOT / "tests" / "conversations" / "patient_scripts.yml"
RESULTS = PROJECT_ROOT / "var" / "results" / "conversation-eval.json"
MAX_MESSAGES = 30
BLOCKING_TIERS = ("call_112", "emergency_department", "doctor_today", "unclear")
TIER_ORDER = ("call_112", "emergency_department", "doctor_today", "gp_soon", None)
# domain-notes.md gives "112 / emergency department" for some presentations (cauda equina):
# either counts as the right end for them.
EMERGENCY_NOW = {"call_112", "emergency_department"}
# Which script answer a question asks for; the safety screens all take the safety answer.
ANSWER_FOR_SLOT = {
    "pain_regions": "where",
    "pain_area_checked": "where",
    "pain_side": "side",
    "pain_onset": "onset",
    "pain_duration": "duration",
    "time_pattern": "worst_time",
    "pain_modifiers": "worse_or_better",
    "pain_severity": "severity",
    "precautions": "precautions",
}
CONSENT = {"en": "yes, that's fine", "fr": "oui, d'accord", "nl": "ja, dat is goed"}
# Asked whether to drop the answers (start over, withdraw consent): these patients never meant to.
CARRY_ON = {"en": "no, carry on", "fr": "non, on continue", "nl": "nee, doe maar verder"}
CONFIRMS_DROPPING = ("utter_ask_restart_confirm", "utter_ask_withdraw_confirm")
BOOK = {
    "en": "I'd like to book an appointment",
    "fr": "je voudrais prendre rendez-vous",
    "nl": "ik wil graag een afspraak maken",
}
SCALAR_FIELDS = {"side": "pain_side", "onset": "pain_onset", "duration": "pain_duration"}
LIST_FIELDS = {
    "regions": "pain_regions",
    "time_pattern": "time_pattern",
    "precautions": "precautions",
}


@dataclass
class Outcome:
    id: str
    language: str
    expected_end: str
    end: str  # "booking", a blocking tier, or "stuck"
    tier: str | None
    messages: int
    repeated_questions: list[str]
    # The red flags raised (the detector's ids; "unclear" when only the safety question's yes).
    flags: list[str] = field(default_factory=list)
    fields_right: int = 0
    fields_total: int = 0
    fields_checked: list[str] = field(default_factory=list)
    # Summary fields that had a value before their own question: read from the opening or from
    # the answer to another question (their question may then be skipped).
    filled_before_asked: list[str] = field(default_factory=list)
    field_misses: dict[str, Any] = field(default_factory=dict)
    # What was said, turn by turn, for reading a development set's failures.
    transcript: list[dict[str, Any]] = field(default_factory=list)

    @property
    def right_end(self) -> bool:
        if self.expected_end == "booking":
            return self.end == "booking"
        if self.expected_end == "gp_soon":
            return self.tier == "gp_soon"
        if self.expected_end in EMERGENCY_NOW:
            return self.tier in EMERGENCY_NOW
        return self.tier == self.expected_end

    @property
    def false_alarm(self) -> bool:
        return self.expected_end == "booking" and self.tier in BLOCKING_TIERS

    @property
    def under_triage(self) -> bool:
        if self.expected_end == "booking":
            return False
        if self.expected_end in EMERGENCY_NOW and self.tier in EMERGENCY_NOW:
            return False  # as right_end: "112 / emergency department"
        return TIER_ORDER.index(self.tier if self.tier in TIER_ORDER else None) > TIER_ORDER.index(
            self.expected_end
        )


class Conversation:
    """One simulated patient talking to the assistant over REST."""

    def __init__(self, script: Mapping[str, Any], rest_url: str, tracker: Callable[[str], Any]):
        self.script = script
        self.language = str(script["language"])
        self.client = RestClient(rest_url, sender=f"eval-{script['id']}-{secrets.token_hex(4)}")
        self.tracker = tracker
        self.extras = list(script.get("extra_messages") or [])
        self.sent = 0
        self.transcript: list[dict[str, Any]] = []

    def say(self, text: str) -> None:
        replies = self.client.send(text)
        self.sent += 1
        self.transcript.append({"patient": text, "assistant": reply_texts(replies)})

    def play(self) -> Outcome:
        answers = self.script["answers"]
        asked: dict[str, int] = {}
        self.say(str(self.script["opening"]))
        end = "stuck"
        filled_before_asked: list[str] = []
        shown: set[str] = set()  # the questions asked, alone or as the second of a pair
        while self.sent < MAX_MESSAGES:
            state = self.tracker(self.client.sender)
            slots = state.get("slots") or {}
            for name, slot in {**SCALAR_FIELDS, **LIST_FIELDS}.items():
                if slots.get(slot) and slot not in shown and name not in filled_before_asked:
                    filled_before_asked.append(name)  # read from another answer
            if slots.get("booking_link_given"):
                end = "booking"
                break
            if slots.get("red_flag_tier") in BLOCKING_TIERS:
                end = str(slots["red_flag_tier"])
                break
            loop = (state.get("active_loop") or {}).get("name")
            requested = slots.get("requested_slot")
            if self.last_question(state) in CONFIRMS_DROPPING:
                asked["carry_on"] = asked.get("carry_on", 0) + 1
                self.say(CARRY_ON[self.language])
            elif self.asked_safety_question(state):
                self.say(str(answers.get("safety_check") or "no"))
            elif slots.get("consent") == "unknown" and self.asked_for_consent(state):
                self.say(CONSENT[self.language])
            elif loop == "interview_form" and requested:
                asked[requested] = asked.get(requested, 0) + 1
                shown |= {str(requested), str(slots.get("asked_with") or "")}
                if requested == "pain_area_checked":
                    shown.add("pain_regions")
                if self.extras and sum(asked.values()) == 2:
                    self.say(self.extras.pop(0))  # something said unprompted, mid-interview
                    continue
                self.say(answer_for(answers, requested, slots.get("asked_with")))
            elif loop == "location_form":
                asked["commune"] = asked.get("commune", 0) + 1
                self.say(str(answers["commune"]))
            elif self.extras:
                self.say(self.extras.pop(0))
            else:
                asked["booking"] = asked.get("booking", 0) + 1
                if asked["booking"] > 2:
                    break
                self.say(BOOK[self.language])
        final = self.tracker(self.client.sender).get("slots") or {}
        outcome = Outcome(
            id=str(self.script["id"]),
            language=self.language,
            expected_end=str(self.script["expected"]["end"]),
            end=end,
            tier=advised_tier(final),
            messages=self.sent,
            repeated_questions=sorted(name for name, count in asked.items() if count >= 3),
            flags=list(final.get("red_flags") or []),
            transcript=self.transcript,
            filled_before_asked=filled_before_asked,
        )
        if outcome.expected_end == "booking":
            score_summary(outcome, self.script["expected"].get("summary") or {}, final)
        return outcome

    @staticmethod
    def last_question(state: Mapping[str, Any]) -> str | None:
        """The response name of the assistant's last message since the patient last spoke."""
        for event in reversed(state.get("events") or []):
            if event.get("event") == "user":
                return None
            if event.get("event") == "bot":
                return str((event.get("metadata") or {}).get("utter_action") or "") or None
        return None

    @staticmethod
    def asked_safety_question(state: Mapping[str, Any]) -> bool:
        """The one safety question asked when only the classifier suspects a red flag."""
        for event in reversed(state.get("events") or []):
            if event.get("event") == "user":
                return False
            utter = (event.get("metadata") or {}).get("utter_action")
            if event.get("event") == "bot" and str(utter).startswith("utter_ask_safety_check"):
                return True
        return False

    @staticmethod
    def asked_for_consent(state: Mapping[str, Any]) -> bool:
        for event in reversed(state.get("events") or []):
            if event.get("event") == "user":
                return False
            buttons = (event.get("data") or {}).get("buttons") or []
            if any(b.get("payload") == "/give_consent" for b in buttons):
                return True
        return False


def advised_tier(slots: Mapping[str, Any]) -> str | None:
    """The tier of the advice the patient was given. Chest or belly pain gets "see your GP first"
    before any booking (actions/booking.py doctor_first) without a red flag of its own: that is
    the GP tier's advice."""
    tier = slots.get("red_flag_tier")
    if tier is None:
        kb = load_knowledge_base()
        if any(kb.region(region).is_doctor_first for region in slots.get("pain_regions") or []):
            return "gp_soon"
    return tier


def answer_for(answers: Mapping[str, Any], requested: str, asked_with: Any) -> str:
    """The script's answer to the question asked; a question asked with another one ("how did
    it start, and how long ago?") gets both answers, as a patient would reply to both."""
    key = ANSWER_FOR_SLOT.get(requested, "safety_check")
    said = str(answers.get(key) or "I don't know")
    if asked_with and asked_with == ASKED_TOGETHER.get(requested):
        other = ANSWER_FOR_SLOT.get(str(asked_with))
        also = str(answers.get(other) or "") if other and other != key else ""
        if also and also.lower() not in said.lower():
            said = f"{said.rstrip()}{'' if said.rstrip()[-1:] in '.!?' else '.'} {also}"
    return said


def score_summary(outcome: Outcome, expected: Mapping[str, Any], slots: Mapping[str, Any]) -> None:
    """Each summary field the script names is right or wrong; null expectations are skipped."""

    def check(name: str, right: bool, got: Any) -> None:
        outcome.fields_total += 1
        outcome.fields_checked.append(name)
        if right:
            outcome.fields_right += 1
        else:
            outcome.field_misses[name] = {"expected": expected[name], "got": got}

    for name, slot in SCALAR_FIELDS.items():
        if expected.get(name) is not None:
            check(name, slots.get(slot) == expected[name], slots.get(slot))
    for name, slot in LIST_FIELDS.items():
        if expected.get(name):
            got = sorted(slots.get(slot) or [])
            check(name, got == sorted(expected[name]), got)
    if expected.get("severity") is not None:
        severity = slots.get("pain_severity")
        right = severity is not None and float(severity) == float(expected["severity"])
        check("severity", right, severity)


def load_scripts(path: Path = SCRIPTS) -> list[dict[str, Any]]:
    scripts = yaml.safe_load(path.read_text(encoding="utf-8"))["scripts"]
    for script in scripts:
        if script["language"] not in LANGUAGES:
            raise ValueError(f"{path}: {script['id']}: unknown language")
    return list(scripts)


def report(outcomes: Sequence[Outcome]) -> str:
    lines = [
        "language  scripts  right end  false alarms  under-triage  summary fields  "
        "median msgs to booking  asked 3x"
    ]
    for language in LANGUAGES:
        mine = [o for o in outcomes if o.language == language]
        if not mine:
            continue
        booking = [o for o in mine if o.expected_end == "booking"]
        right = sum(o.right_end for o in mine)
        fields = sum(o.fields_right for o in mine), sum(o.fields_total for o in mine)
        to_booking = [o.messages for o in mine if o.end == "booking"]
        median = statistics.median(to_booking) if to_booking else float("nan")
        lines.append(
            f"{language:<9} {len(mine):>7}  {right / len(mine):>8.0%}  "
            f"{sum(o.false_alarm for o in mine):>5}/{len(booking):<6}  "
            f"{sum(o.under_triage for o in mine):>12}  "
            f"{fields[0] / max(fields[1], 1):>13.0%}  {median:>22}  "
            f"{sum(bool(o.repeated_questions) for o in mine):>8}"
        )
    lines.append(
        "Aims: right end >= 90%, under-triage 0, false alarms <= 3%, summary fields >= 95%."
    )
    lines.extend(field_table(outcomes))
    lines.extend(label_table(outcomes))
    return "\n".join(lines)


def label_table(outcomes: Sequence[Outcome]) -> list[str]:
    """For the list fields, the values most often missed and most often added, per language:
    which readings to look at, counted like a confusion matrix, without a script's words."""
    lines = []
    for language in LANGUAGES:
        missed: dict[str, int] = {}
        added: dict[str, int] = {}
        for o in outcomes:
            if o.language != language:
                continue
            for name in LIST_FIELDS:
                miss = o.field_misses.get(name)
                if not miss:
                    continue
                expected, got = set(miss["expected"] or []), set(miss["got"] or [])
                for value in expected - got:
                    missed[f"{name}:{value}"] = missed.get(f"{name}:{value}", 0) + 1
                for value in got - expected:
                    added[f"{name}:{value}"] = added.get(f"{name}:{value}", 0) + 1
        for title, counts in (("missed", missed), ("added", added)):
            top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:6]
            if top:
                listed = ", ".join(f"{key} {count}" for key, count in top)
                lines.append(f"{language} values {title}: {listed}")
    return lines


def field_table(outcomes: Sequence[Outcome]) -> list[str]:
    """Summary fields right per field and language: where the therapist's card goes wrong,
    without reading a held-out script."""
    names = sorted({name for o in outcomes for name in o.fields_checked})
    if not names:
        return []
    lines = ["summary field right  " + "  ".join(f"{name:>12}" for name in names)]
    for language in LANGUAGES:
        mine = [o for o in outcomes if o.language == language]
        if not mine:
            continue
        cells = []
        for name in names:
            checked = sum(name in o.fields_checked for o in mine)
            right = sum(name in o.fields_checked and name not in o.field_misses for o in mine)
            cells.append(f"{right:>5}/{checked:<6}" if checked else f"{'-':>12}")
        lines.append(f"{language:<19}  " + "  ".join(f"{c:>12}" for c in cells))
        early = []
        for name in names:
            mine_early = [
                o for o in mine if name in o.fields_checked and name in o.filled_before_asked
            ]
            right = sum(name not in o.field_misses for o in mine_early)
            early.append(f"{right:>5}/{len(mine_early):<6}")
        lines.append(f"{'  of them read early':<19}  " + "  ".join(f"{c:>12}" for c in early))
    return lines


def tracker_reader(rasa_url: str, token: str) -> Callable[[str], Any]:
    def read(sender: str) -> Any:
        quoted = urllib.parse.quote(sender, safe="")
        url = f"{rasa_url}/conversations/{quoted}/tracker?token={token}"
        with urllib.request.urlopen(url, timeout=30) as response:
            return json.loads(response.read().decode("utf-8"))

    return read


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scripts", type=Path, default=SCRIPTS)
    parser.add_argument("--only", help="only the scripts whose id starts with this")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument(
        "--transcripts",
        action="store_true",
        help="keep what was said and each field's expected value (for development sets only: "
        "held-out scripts must stay unread)",
    )
    args = parser.parse_args(argv)
    scripts = [s for s in load_scripts(args.scripts) if str(s["id"]).startswith(args.only or "")]
    token = secrets.token_hex(16)
    os.environ["HCMC_RASA_API_TOKEN"] = token
    with tempfile.TemporaryDirectory() as var_dir:
        settings = load_settings(
            {
                "HCMC_RASA_PORT": os.environ.get("CONV_EVAL_RASA_PORT", "5205"),
                "HCMC_ACTION_PORT": os.environ.get("CONV_EVAL_ACTION_PORT", "5255"),
                "HCMC_VAR_DIR": var_dir,
            }
        )
        stack = Stack(settings, Path(var_dir) / "logs")
        stack.start()
        try:
            stack.wait_until_ready(timeout=240)
            read = tracker_reader(settings.rasa_url, token)
            outcomes = [
                Conversation(script, settings.rest_webhook_url, read).play() for script in scripts
            ]
        finally:
            stack.stop()
    print(report(outcomes))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    details = [
        {**outcome.__dict__, "right_end": outcome.right_end, "false_alarm": outcome.false_alarm,
         "under_triage": outcome.under_triage}
        for outcome in outcomes
    ]  # fmt: skip
    if not args.transcripts:
        for detail in details:  # which fields missed, not what was said or expected
            detail["transcript"] = []
            detail["field_misses"] = sorted(detail["field_misses"])
    args.out.write_text(json.dumps(details, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
