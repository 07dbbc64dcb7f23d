"""Tracebacks in Rasa's structured logs without their frames' local variables.

Why: when it logs JSON (any server not on a terminal), Rasa renders a logged exception's
traceback with the local variables of every frame, and those hold slots and messages: what the
patient wrote. Here the renderer Rasa picks up is the same one, told not to show them. Rasa reads
it when it configures its logging, so the patch must be applied before (as log_redaction).

Replaces: structlog.processors.dict_tracebacks, the renderer rasa.utils.log_utils uses; an
ExceptionRenderer instance, called as (logger, name, event_dict)
With: DICT_TRACEBACKS_WITHOUT_LOCALS.
"""

from __future__ import annotations

import structlog

from bot.rasa_plugins.patches.patch import Patch

DICT_TRACEBACKS_WITHOUT_LOCALS = structlog.processors.ExceptionRenderer(
    structlog.tracebacks.ExceptionDictTransformer(show_locals=False)
)

PATCH = Patch(
    name="traceback_locals",
    target=structlog.processors,
    attribute="dict_tracebacks",
    parameters=("logger", "name", "event_dict"),
    replacement=DICT_TRACEBACKS_WITHOUT_LOCALS,
)
