"""`make run`: starts the action server, the Rasa server, the website widget's demo web server and,
when TELEGRAM_BOT_TOKEN is set, the Telegram bridge; prints where to talk to them."""

from __future__ import annotations

import os
import sys

from bot.apps.telegram.config import load_telegram_settings, token_from
from bot.apps.web.config import load_web_settings
from bot.config import Settings, load_settings
from bot.ops.supervisor import Stack, stop_on_sigterm


def main() -> int:
    settings = load_settings()
    telegram = None
    if token_from(os.environ):
        try:
            telegram = load_telegram_settings(os.environ, settings)
        except ValueError as error:  # the message never contains the token
            print(f"Could not start the Telegram bridge: {error}", file=sys.stderr)
            return 1
    else:
        print("Telegram: skipped (TELEGRAM_BOT_TOKEN not set)")
    try:
        web = load_web_settings(settings)
    except ValueError as error:
        print(f"Could not start the web server: {error}", file=sys.stderr)
        return 1
    stack = Stack(
        settings, settings.var_dir / "logs", telegram=telegram, web=web, review=True, purge=True
    )

    stop_on_sigterm()
    print("Starting the action server and the Rasa server (this takes about 20 seconds)...")
    stack.start()
    try:
        stack.wait_until_ready()
        telegram_line = (
            f"  Telegram:       {telegram.mode} (health: {telegram.health_url})\n"
            if telegram
            else ""
        )
        print(
            "\nThe HCMC assistant is running.\n"
            f"  REST channel:   POST {settings.rest_webhook_url}\n"
            '                  body: {"sender": "any-id", "message": "hello"}\n'
            f"  Action server:  http://{settings.rasa_host}:{settings.action_port}\n"
            f"  Website demo:   {web.url}/  (the chat widget, bottom right)\n"
            f"{telegram_line}"
            f"  Conversations:  {settings.tracker_database_url}\n"
            f"  Review app:     {settings.review_url} (staff; first admin account:\n"
            "                  .venv/bin/python -m bot.apps.review.accounts add NAME "
            "--role admin)\n"
            f"  Staff alerts:   {alert_status(settings)}\n"
            f"  Retention:      {settings.retention_days} days, purged at start and every "
            f"{settings.purge_interval_hours} h\n"
            f"  Logs:           {settings.var_dir / 'logs'}\n"
            "Talk to it in a terminal with `make chat` (in another terminal). Ctrl-C stops it.\n",
            flush=True,
        )
        return stack.wait()
    except KeyboardInterrupt:
        return 0
    except (RuntimeError, TimeoutError) as error:
        print(f"Could not start the assistant: {error}", file=sys.stderr)
        return 1
    finally:
        stack.stop()


def alert_status(settings: Settings) -> str:
    """Which alert channels are on, and what turns the others on (README, "Staff alerts")."""
    parts = ["review app queue"]
    if settings.telegram_alerts_on:
        parts.append(f"Telegram chat {settings.staff_telegram_chat_id}")
    else:
        parts.append("Telegram off (HCMC_STAFF_TELEGRAM_CHAT_ID + TELEGRAM_BOT_TOKEN)")
    if settings.email_alerts_on:
        parts.append(f"e-mail to {', '.join(settings.staff_emails)}")
    else:
        parts.append("e-mail off (HCMC_SMTP_URL + HCMC_STAFF_EMAIL)")
    status = "; ".join(parts)
    if settings.staff_alerted and not settings.review_public_url:
        status += (
            f"\n                  (links in alerts point to {settings.review_url}: set "
            "HCMC_REVIEW_PUBLIC_URL to the address staff open)"
        )
    return status


if __name__ == "__main__":
    sys.exit(main())
