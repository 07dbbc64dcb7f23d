"""Practical questions about the clinic: contact, opening hours, prices, reimbursement, parking,
public transport and call-backs, answered from practical.yml.

What the clinic has not filled in is said to be unknown, with a way to find out that works.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from bot.triage.geography import load_centres
from bot.triage.geography.models import Centre
from bot.triage.language import LANGUAGES
from bot.triage.language.text import fold

PRACTICAL_FILE = Path(__file__).resolve().parent / "practical.yml"
TOPICS = ("contact", "hours", "prices", "reimbursement", "parking", "transport", "callback")
# Topics answered with a text per centre or for the whole clinic.
ANSWERED_TOPICS = ("hours", "prices", "reimbursement", "parking", "transport")
PHRASES = (
    "unknown",
    "ask_them",
    "ask_reception",
    "hours_on_booking_page",
    "contact_known",
    "contact_unknown",
    "callback",
    "callback_alerted",
)
CLINIC_NAME = "HCMC"
# FAQ answers (data/nlu/faq.yml) that are practical topics.
FAQ_TOPICS = {
    "faq/opening_hours": "hours",
    "faq/prices": "prices",
    "faq/reimbursement": "reimbursement",
}


@dataclass(frozen=True)
class Practical:
    contact: dict[str, dict[str, str]]
    answers: dict[str, dict[str, dict[str, str]]]
    keywords: dict[str, tuple[re.Pattern[str], ...]]
    phrases: dict[str, dict[str, str]]
    topic_names: dict[str, dict[str, str]]

    def topics_in(self, text: str) -> list[str]:
        """The topics a message names, in the order it names them."""
        folded = fold(text or "")
        found: list[tuple[int, str]] = []
        for topic, patterns in self.keywords.items():
            positions = [m.start() for p in patterns if (m := p.search(folded))]
            if positions:
                found.append((min(positions), topic))
        return [topic for _, topic in sorted(found)]

    def contact_route(self, centre_id: str) -> str:
        """Phone and e-mail of a centre as one line, or "" when neither is known."""
        entry = self.contact.get(centre_id) or {}
        return " · ".join(value for value in (entry.get("phone"), entry.get("email")) if value)

    def phrase(self, name: str, language: str, **values: str) -> str:
        return self.phrases[name][language].format(**values)


def load_practical(path: Path = PRACTICAL_FILE) -> Practical:
    return _load(path)


@lru_cache(maxsize=4)
def _load(path: Path) -> Practical:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    where = path.name
    centres = set(load_centres())
    contact = data.get("contact") or {}
    if set(contact) != centres:
        raise ValueError(f"{where}: contact must name exactly the centres {sorted(centres)}")
    for centre, entry in contact.items():
        if set(entry or {}) != {"phone", "email"}:
            raise ValueError(f"{where}: contact.{centre} needs phone and email (may be empty)")
    answers = data.get("answers") or {}
    if set(answers) != set(ANSWERED_TOPICS):
        raise ValueError(f"{where}: answers must have exactly {', '.join(ANSWERED_TOPICS)}")
    for topic, scopes in answers.items():
        if set(scopes) not in ({"all"}, centres):
            raise ValueError(f"{where}: answers.{topic} is either `all` or one text per centre")
        for scope, texts in scopes.items():
            if set(texts or {}) != set(LANGUAGES):
                raise ValueError(f"{where}: answers.{topic}.{scope} needs en, fr and nl")
            filled = [language for language in LANGUAGES if (texts[language] or "").strip()]
            if filled and len(filled) != len(LANGUAGES):
                raise ValueError(
                    f"{where}: answers.{topic}.{scope} is filled in only some languages"
                )
    keywords = data.get("keywords") or {}
    if set(keywords) != set(TOPICS):
        raise ValueError(f"{where}: keywords must have exactly {', '.join(TOPICS)}")
    phrases = data.get("phrases") or {}
    topic_names = phrases.pop("topics", None) or {}
    for name in PHRASES:
        if set(phrases.get(name) or {}) != set(LANGUAGES):
            raise ValueError(f"{where}: phrases.{name} needs en, fr and nl")
    for topic in ANSWERED_TOPICS:
        if set(topic_names.get(topic) or {}) != set(LANGUAGES):
            raise ValueError(f"{where}: phrases.topics.{topic} needs en, fr and nl")
    return Practical(
        contact={c: {k: str(v or "").strip() for k, v in e.items()} for c, e in contact.items()},
        answers={
            topic: {
                scope: {lang: " ".join(str(text or "").split()) for lang, text in texts.items()}
                for scope, texts in scopes.items()
            }
            for topic, scopes in answers.items()
        },
        keywords={
            topic: tuple(_keyword(word) for word in words) for topic, words in keywords.items()
        },
        phrases=phrases,
        topic_names=topic_names,
    )


def _keyword(word: str) -> re.Pattern[str]:
    word = str(word).strip()
    if word != fold(word):
        raise ValueError(f"practical.yml: keyword {word!r} must be lower case without accents")
    prefix = word.endswith("*")
    body = re.escape(word.rstrip("*")).replace(r"\ ", r"\s+")
    return re.compile(rf"(?<!\w){body}" + ("" if prefix else r"(?!\w)"))


def answer_lines(
    practical: Practical,
    topic: str,
    language: str,
    centre_id: str | None,
    booking_url: Mapping[str, str],
    contacts: Mapping[str, str] | None = None,
    staff_alerted: bool = False,
) -> list[str]:
    """The lines answering one topic, for the patient's centre or for both. ``contacts`` are
    the centres' known phone or e-mail (Settings.contact_route); by default this file's."""
    centres = load_centres()
    chosen: Sequence[Centre] = (
        [centres[centre_id]] if centre_id in centres else list(centres.values())
    )

    def known_route(centre: Centre) -> str:
        if contacts is None:
            return practical.contact_route(centre.id)
        return contacts.get(centre.id, "")

    def ask(centre: Centre) -> str:
        if known_route(centre):
            return practical.phrase(
                "ask_them", language, centre=centre.name, route=known_route(centre)
            )
        return practical.phrase(
            "ask_reception", language, centre=centre.name, url=booking_url[centre.id]
        )

    if topic == "contact":
        lines = []
        for centre in chosen:
            address = centre.address_in(language)
            known = known_route(centre)
            if known:
                lines.append(
                    practical.phrase(
                        "contact_known", language, centre=centre.name, address=address, route=known
                    )
                )
            else:
                lines.append(
                    practical.phrase(
                        "contact_unknown",
                        language,
                        centre=centre.name,
                        address=address,
                        url=booking_url[centre.id],
                    )
                )
        return lines
    if topic == "callback":
        # With staff alerts on, a request for a person really reaches the team (and can leave a
        # number); without, the chat must not let anyone wait for a call.
        said = "callback_alerted" if staff_alerted else "callback"
        return [practical.phrase(said, language)] + [
            f"• {centre.name}: {known_route(centre) or booking_url[centre.id]}" for centre in chosen
        ]
    scopes = practical.answers[topic]
    if "all" in scopes:
        text = scopes["all"][language]
        if text:
            return [text]
        unknown = practical.phrase(
            "unknown", language, topic=_name(practical, topic, language), centre=CLINIC_NAME
        )
        if topic == "hours":  # the free times on the booking page are the next best thing
            return [unknown] + [
                f"{c.name}: "
                + practical.phrase("hours_on_booking_page", language, url=booking_url[c.id])
                for c in chosen
            ]
        return [unknown] + [ask(c) for c in chosen]
    lines = []
    for centre in chosen:
        text = scopes[centre.id][language]
        if text:
            lines.append(f"{centre.name}: {text}" if len(chosen) > 1 else text)
            continue
        lines.append(
            practical.phrase(
                "unknown", language, topic=_name(practical, topic, language), centre=centre.name
            )
            + " "
            + ask(centre)
        )
    return lines


def _name(practical: Practical, topic: str, language: str) -> str:
    return practical.topic_names[topic][language]
