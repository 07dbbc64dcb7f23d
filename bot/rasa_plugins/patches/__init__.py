"""The project's changes to Rasa's own code, one module each, applied by ``apply_patches`` when the
Rasa server starts (bot/ops/cli/rasa_server.py, before Rasa configures its logging).

Each patch replaces one attribute that was written for one Rasa release series, so before
changing anything ``apply_patches`` checks that the installed Rasa is of that series, that each
attribute still takes the parameters its patch was written for, and that so do the methods of
Rasa's SQL tracker store that the project's store overrides or calls
(bot/rasa_plugins/stores/sql_store.py). If not, it raises PatchError naming the patch and
changes nothing: a Rasa the patches do not know is never patched. Applying again changes nothing.
"""

from __future__ import annotations

import logging
from typing import Any

import rasa.version
from rasa.core.tracker_store import SQLTrackerStore

from bot.rasa_plugins.patches import (
    action_response_validation,
    endpoint_session,
    event_class_lookup,
    log_redaction,
    red_flags_across_messages,
    red_flags_while_paused,
    slot_validation_call,
    traceback_locals,
)
from bot.rasa_plugins.patches.patch import ExpectedSignature, Patch, PatchError
from bot.rasa_plugins.stores import sql_store

# The Rasa release series every patch was written for and checked against. Raise it only after
# checking each patch (and sql_store.py) against the new Rasa's code.
RASA_SERIES = "3.6"

PATCHES: tuple[Patch, ...] = (
    action_response_validation.PATCH,
    event_class_lookup.PATCH,
    endpoint_session.PATCH,
    slot_validation_call.PATCH,
    red_flags_while_paused.PATCH,
    red_flags_across_messages.PATCH,
    log_redaction.PATCH,
    traceback_locals.PATCH,
)
SQL_STORE = "sql_store (FastSQLTrackerStore)"

logger = logging.getLogger(__name__)

# What each applied patch replaced, by patch name: what remove_patches puts back.
_replaced: dict[str, Any] = {}


def installed_rasa_version() -> str:
    return str(rasa.version.__version__)


def check_rasa_version() -> None:
    installed = installed_rasa_version()
    if installed.split(".")[:2] != RASA_SERIES.split("."):
        names = ", ".join(patch.name for patch in PATCHES)
        raise PatchError(
            f"Rasa {installed} is installed, but the patches {names} and {SQL_STORE} were "
            f"written for Rasa {RASA_SERIES}.x: check each against this Rasa before changing "
            "RASA_SERIES in bot/rasa_plugins/patches/__init__.py"
        )


def sql_store_signatures() -> list[ExpectedSignature]:
    return [
        ExpectedSignature(SQL_STORE, SQLTrackerStore, method, parameters)
        for method, parameters in sql_store.RASA_METHODS_RELIED_ON.items()
    ]


def apply_patches() -> tuple[str, ...]:
    """Checks the installed Rasa, then applies every patch not applied yet; returns the names of
    the patches in effect. Raises PatchError, having changed nothing, when a check fails."""
    check_rasa_version()
    pending = [patch for patch in PATCHES if not patch.is_applied()]
    for expected in [*(patch.original_signature for patch in pending), *sql_store_signatures()]:
        expected.check()
    for patch in pending:
        _replaced[patch.name] = patch.install()
    names = applied_patches()
    logger.info("Rasa %s patched: %s", installed_rasa_version(), ", ".join(names))
    return names


def applied_patches() -> tuple[str, ...]:
    return tuple(patch.name for patch in PATCHES if patch.is_applied())


def remove_patches() -> None:
    """Puts back what apply_patches replaced: Rasa's own code again (for tests)."""
    for patch in PATCHES:
        if patch.name in _replaced and patch.is_applied():
            patch.restore(_replaced[patch.name])
    _replaced.clear()


__all__ = [
    "PATCHES",
    "RASA_SERIES",
    "PatchError",
    "applied_patches",
    "apply_patches",
    "remove_patches",
]
