"""`python -m bot.apps.telegram`: runs the Telegram bridge (settings from TELEGRAM_* variables)."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys

from telegram.error import InvalidToken

from bot.apps.telegram.config import load_telegram_settings
from bot.redaction import protect, redact


async def _run() -> None:
    from bot.apps.telegram.app import serve

    settings = load_telegram_settings()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    await serve(settings, stop)


def main() -> int:
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    try:
        settings = load_telegram_settings()
    except ValueError as error:
        print(f"Telegram bridge: {redact(str(error))}", file=sys.stderr)
        return 2
    protect(settings.token, settings.webhook_secret)
    try:
        asyncio.run(_run())
    except InvalidToken:
        print(
            "Telegram bridge: Telegram rejected TELEGRAM_BOT_TOKEN; "
            "copy it again from @BotFather (/mybots, API Token).",
            file=sys.stderr,
        )
        return 1
    except OSError as error:  # the listening port is taken, for instance
        print(f"Telegram bridge: {redact(str(error))}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
