"""Consent: whether a message refuses or withdraws it (patterns in refusals.yml)."""

from bot.triage.consent.refusal import consent_answer, is_refusal, is_withdrawal, load_refusals

__all__ = ["consent_answer", "is_refusal", "is_withdrawal", "load_refusals"]
