"""Consent: whether a message refuses or withdraws it (patterns in refusals.yml)."""

from bot.consent.refusal import is_refusal, is_withdrawal, load_refusals

__all__ = ["is_refusal", "is_withdrawal", "load_refusals"]
