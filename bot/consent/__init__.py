"""Consent: whether a message refuses or withdraws it (patterns in refusals.yml)."""

from bot.consent.refusal import is_refusal, load_refusals

__all__ = ["is_refusal", "load_refusals"]
