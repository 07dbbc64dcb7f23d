"""Staff passwords, hashed with Argon2id (argon2-cffi's recommended parameters).

A new password needs MIN_LENGTH characters and a zxcvbn score of at least MIN_SCORE (of 4).
zxcvbn estimates how many guesses it would take, knowing common passwords, names, dictionary
words, keyboard patterns, dates and l33t substitutions, and, as user inputs, this clinic's words
and the account's own name. zxcvbn still scores "hcmc-kraainem-2026" 4 (it counts the separators
and a year it does not know as random characters), so the password is scored a second time with
the clinic's and the account's names taken out, and it must pass both times."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from zxcvbn import zxcvbn

from bot.triage.geography.data import load_centres

_hasher = PasswordHasher()
MIN_LENGTH = 12
# The login form reads at most this many characters of a password.
MAX_LENGTH = 1024
MIN_SCORE = 3
# zxcvbn's running time grows fast with the length (and it refuses more than 72 characters);
# past this many characters the rest only adds strength, so it scores the beginning.
_SCORED_LENGTH = 64
# Words anyone would try first against this clinic's staff accounts (user inputs for zxcvbn).
CLINIC_WORDS = (
    "hcmc",
    "health",
    "care",
    "medical",
    "center",
    "centre",
    "clinic",
    "trigger",
    "point",
    "therapy",
    "review",
    "staff",
    "admin",
    "patient",
    "triage",
)
_WORD = re.compile(r"[^\W\d_]{3,}")


def _words(texts: Iterable[str]) -> set[str]:
    return {word.lower() for text in texts for word in _WORD.findall(text)}


@lru_cache(maxsize=1)
def _clinic_names() -> frozenset[str]:
    """The clinic's own names: "hcmc" and the centres' ids and communes (bot/triage/geography)."""
    try:
        centres = list(load_centres().values())
    except (OSError, ValueError):  # the password rule still works without the centres' file
        centres = []
    return frozenset(
        {"hcmc"} | _words(text for c in centres for text in (c.id, *c.commune.values()))
    )


@lru_cache(maxsize=1)
def _clinic_inputs() -> tuple[str, ...]:
    """Everything about the clinic given to zxcvbn: CLINIC_WORDS, and the centres' ids, names,
    streets and communes."""
    try:
        centres = list(load_centres().values())
    except (OSError, ValueError):
        centres = []
    texts = [text for c in centres for text in (c.name, c.full_name, *c.street.values())]
    return tuple(sorted(set(CLINIC_WORDS) | _clinic_names() | _words(texts)))


def _without(password: str, names: Iterable[str]) -> str:
    """The password with every one of these names taken out (whatever their case)."""
    longest_first = sorted(names, key=len, reverse=True)
    if not longest_first:
        return password
    pattern = "|".join(re.escape(name) for name in longest_first)
    return re.sub(pattern, "", password, flags=re.IGNORECASE)


def _advice(result: dict[str, Any]) -> str:
    feedback = result.get("feedback") or {}
    reasons = [feedback.get("warning") or "", *(feedback.get("suggestions") or [])]
    return "".join(f" {reason.strip()}" for reason in reasons if reason.strip())


def password_problem(password: str, user_inputs: Iterable[str] = ()) -> str | None:
    """Why this password is not good enough, in plain words, with zxcvbn's suggestions; None
    when it is. `user_inputs`: the account's own words (its username)."""
    if len(password) < MIN_LENGTH:
        return f"A password needs at least {MIN_LENGTH} characters."
    if len(password) > MAX_LENGTH:
        return f"A password can have at most {MAX_LENGTH} characters."
    own = [text.lower() for text in user_inputs if text]
    inputs = [*_clinic_inputs(), *own]
    result = zxcvbn(password[:_SCORED_LENGTH], user_inputs=inputs)
    reason = (
        "common passwords and words, names, keyboard patterns, dates, and the clinic's and the "
        "account's names are tried first."
    )
    if result["score"] >= MIN_SCORE:
        rest = _without(password, _clinic_names() | {text for text in own if len(text) >= 3})
        if rest == password:
            return None
        # (zxcvbn fails on an empty password: nothing left is as weak as it gets.)
        result = zxcvbn(rest[:_SCORED_LENGTH], user_inputs=inputs) if rest else {"score": 0}
        if result["score"] >= MIN_SCORE:
            return None
        reason = (
            "it leans on the clinic's name, a centre's name or the username, which are tried first."
        )
    return (
        f"This password is too easy to guess: {reason}{_advice(result)}"
        " A few unrelated words, or a password manager's random password, will do."
    )


def hash_password(password: str, user_inputs: Iterable[str] = ()) -> str:
    """The Argon2id hash of a new password; ValueError (saying why) if it is too weak."""
    problem = password_problem(password, user_inputs)
    if problem:
        raise ValueError(problem)
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


# Verified against when the username does not exist, so that both cases take as long.
DUMMY_HASH = _hasher.hash("not a real password, only for timing")
