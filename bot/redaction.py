"""Keeps the bot token (and the webhook secret) out of every log line and error message.

python-telegram-bot puts the token in request URLs and in some error messages (an invalid token
is quoted back), and httpx logs request URLs. Redacting when each log record is created covers
every logger and every handler, including tracebacks.
"""

from __future__ import annotations

import logging
import traceback
from typing import Any

REDACTED = "[REDACTED]"
_secrets: set[str] = set()
_installed = False


def redact(text: str) -> str:
    for secret in sorted(_secrets, key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    return text


def protect(*secrets: str) -> None:
    """Redacts these values from all log records from now on (idempotent)."""
    global _installed
    # The numeric bot id before the colon is public (it is the bot's user id); the rest is not.
    for secret in secrets:
        if secret:
            _secrets.add(secret)
            if ":" in secret:
                _secrets.add(secret.split(":", 1)[1])
    if _installed:
        return
    _installed = True
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        if not _secrets:
            return record
        try:
            message = record.getMessage()
        except Exception:  # a malformed log call: keep Python's own error reporting
            return record
        record.msg, record.args = redact(message), None
        if record.exc_info and record.exc_info[0] is not None:
            # Formatters use exc_text when it is set: format (and redact) the traceback now.
            text = "".join(traceback.format_exception(*record.exc_info))
            record.exc_text = redact(text.rstrip("\n"))
            record.exc_info = None
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return record

    logging.setLogRecordFactory(factory)


def quiet_http_loggers() -> None:
    """httpx logs every request URL, token included, at INFO: keep it to warnings."""
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)
