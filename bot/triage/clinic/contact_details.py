"""Reading the phone number or e-mail address a patient leaves so that staff can call or write
back: phone numbers with the ``phonenumbers`` library (Belgian by default, any country with
+xx), stored in E.164; e-mail addresses with a strict but simple check. Also the words of a plain
"no thanks" and of "never mind" (contact_details.yml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import phonenumbers
import yaml
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from bot.triage.language import LANGUAGES
from bot.triage.language.text import fold

CONTACT_DETAILS_FILE = Path(__file__).resolve().parent / "contact_details.yml"
DEFAULT_REGION = "BE"
# Numbers a person can be called back on; premium-rate, toll-free or shared-cost numbers are not.
CALLABLE_TYPES = frozenset(
    {
        PhoneNumberType.FIXED_LINE,
        PhoneNumberType.MOBILE,
        PhoneNumberType.FIXED_LINE_OR_MOBILE,
        PhoneNumberType.VOIP,
        PhoneNumberType.PERSONAL_NUMBER,
    }
)
# Something written like an e-mail address: a word, an @ and a word (checked further below).
_EMAIL_CANDIDATE = re.compile(r"[^\s@<>()\[\],;:\"]+@[^\s@<>()\[\],;:\"]+")
# Letters, digits and . _ % + -: what real addresses use, and nothing that would change a
# mailto: link staff click ("?cc=" would add a recipient).
_EMAIL_LOCAL = re.compile(r"[\w%+'-]+(\.[\w%+'-]+)*")
_DOMAIN_LABEL = re.compile(r"[^\W_](?:(?:[^\W_]|-){0,61}[^\W_])?")
_TLD = re.compile(r"[^\W\d_]{2,63}")
_WORD = re.compile(r"[a-z0-9']+")


@dataclass(frozen=True)
class ContactReading:
    """What a message holds: a valid phone number (E.164) and e-mail address, and whether it
    tried to give one that is not valid (digits or an @ that could not be read)."""

    phone: str | None = None
    email: str | None = None
    phone_attempted: bool = False
    email_attempted: bool = False

    @property
    def found(self) -> bool:
        return bool(self.phone or self.email)


def read_contact(text: str, region: str = DEFAULT_REGION) -> ContactReading:
    text = text or ""
    emails = _EMAIL_CANDIDATE.findall(text)
    email = next((e for e in (_clean_email(c) for c in emails) if e and valid_email(e)), None)
    rest = _EMAIL_CANDIDATE.sub(" ", text)
    phone = None
    for match in phonenumbers.PhoneNumberMatcher(rest, region):
        if phonenumbers.number_type(match.number) in CALLABLE_TYPES:
            phone = phonenumbers.format_number(match.number, PhoneNumberFormat.E164)
            break
    digits = sum(char.isdigit() for char in rest)
    return ContactReading(
        phone=phone,
        email=email,
        phone_attempted=digits >= 5 or bool(re.search(r"\+\s*\d", rest)),
        email_attempted="@" in text,
    )


# Where the assistant keeps what the patient left (slots; the review app shows them).
CONTACT_SLOTS = ("contact_phone", "contact_email")


def display_phone(e164: str) -> str:
    """+32470123456 -> "+32 470 12 34 56", as staff and patient read it."""
    return phonenumbers.format_number(phonenumbers.parse(e164), PhoneNumberFormat.INTERNATIONAL)


def _clean_email(candidate: str) -> str:
    return candidate.strip(".!?'\"").lower() if "@" in candidate else ""


def valid_email(address: str) -> bool:
    """name@example.com: a plain local part, a domain of at least two labels ending in letters."""
    if len(address) > 254 or address.count("@") != 1:
        return False
    local, domain = address.split("@")
    if not local or len(local) > 64 or not _EMAIL_LOCAL.fullmatch(local):
        return False
    labels = domain.split(".")
    if len(labels) < 2 or not _TLD.fullmatch(labels[-1]):
        return False
    return all(_DOMAIN_LABEL.fullmatch(label) for label in labels)


# --- Words -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ContactWords:
    refusal_words: frozenset[str]
    never_mind: tuple[re.Pattern[str], ...]

    def is_plain_refusal(self, text: str) -> bool:
        """ "no", "non merci", "nee, liever niet": every word a word of refusal."""
        words = _WORD.findall(fold(text or ""))
        return bool(words) and all(word in self.refusal_words for word in words)

    def is_never_mind(self, text: str) -> bool:
        folded = fold(text or "")
        return any(pattern.search(folded) for pattern in self.never_mind)


def load_words(path: Path = CONTACT_DETAILS_FILE) -> ContactWords:
    return _load_words(path)


@lru_cache(maxsize=4)
def _load_words(path: Path) -> ContactWords:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    where = path.name
    lists = {}
    for name in ("refusal_words", "never_mind"):
        entry = data.get(name) or {}
        if set(entry) != set(LANGUAGES) or not all(entry.values()):
            raise ValueError(f"{where}: {name} needs a list in en, fr and nl")
        items = [str(item).strip() for language in LANGUAGES for item in entry[language]]
        for item in items:
            if item != fold(item):
                raise ValueError(f"{where}: {name}: {item!r} must be lower case without accents")
        lists[name] = items
    return ContactWords(
        refusal_words=frozenset(lists["refusal_words"]),
        never_mind=tuple(
            re.compile(r"(?<![\w'])" + re.escape(phrase).replace(r"\ ", r"\s+") + r"(?![\w'])")
            for phrase in lists["never_mind"]
        ),
    )
