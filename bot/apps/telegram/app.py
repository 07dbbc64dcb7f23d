"""The bridge's application: the builder, the polling and webhook runners, the health endpoint."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import functools
import hmac
import logging
from pathlib import Path
from typing import Any

import yaml
from aiohttp import web
from telegram import BotCommand, Update
from telegram.error import InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot.apps.telegram.assistant import AssistantClient
from bot.apps.telegram.config import TelegramSettings
from bot.apps.telegram.handlers import ASSISTANT_COMMANDS, Bridge
from bot.apps.telegram.messages import LANGUAGES, messages
from bot.apps.telegram.payloads import PayloadStore
from bot.apps.telegram.processing import ArrivalQueue, DurableUpdateProcessor
from bot.apps.telegram.queue import UpdateQueue
from bot.apps.telegram.sending import call_telegram, retry_after_seconds
from bot.redaction import protect, quiet_http_loggers

logger = logging.getLogger(__name__)

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# Different chats are handled concurrently; ChatSequencer keeps each chat in order.
CONCURRENT_UPDATES = 256
BRIDGE_KEY = "bridge"


def assistant_has_intent(domain_dir: Path, intent: str) -> bool:
    """Whether the assistant's domain declares `intent` (domain/*.yml)."""
    for path in sorted(domain_dir.glob("*.yml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError):
            continue
        for entry in data.get("intents") or []:
            name = next(iter(entry)) if isinstance(entry, dict) else entry
            if name == intent:
                return True
    return False


def bridge_of(application: Application[Any, Any, Any, Any, Any, Any]) -> Bridge:
    bridge: Bridge = application.bot_data[BRIDGE_KEY]
    return bridge


def build_application(
    settings: TelegramSettings,
) -> Application[Any, Any, Any, Any, Any, Any]:
    """The python-telegram-bot Application with every handler; not started."""
    protect(settings.token, settings.webhook_secret, settings.assistant_token)
    quiet_http_loggers()
    # Messages kept past the retry period are not passed on at the next start (queue.py).
    queue = UpdateQueue(settings.queue_path, max_age=settings.retry_for)
    bridge = Bridge(
        settings,
        AssistantClient(
            settings.assistant_url,
            timeout=settings.request_timeout,
            token=settings.assistant_token,
        ),
        PayloadStore(settings.payload_store_path, keep_days=settings.retention_days),
        messages(),
        assistant_switches_language=assistant_has_intent(settings.domain_dir, "switch_language"),
        queue=queue,
    )

    async def close_bridge(_: Application[Any, Any, Any, Any, Any, Any]) -> None:
        await bridge.close()

    builder = (
        ApplicationBuilder()
        .token(settings.token)
        .base_url(settings.bot_api_base_url)
        .base_file_url(settings.bot_file_base_url)
        .update_queue(ArrivalQueue(queue))
        .concurrent_updates(DurableUpdateProcessor(queue, CONCURRENT_UPDATES))
        .job_queue(None)  # unused; and Rasa pins an older APScheduler than PTB's job queue wants
        .connect_timeout(5.0)
        .read_timeout(15.0)
        .write_timeout(15.0)
        .get_updates_read_timeout(settings.poll_timeout + 10.0)
        .post_shutdown(close_bridge)
    )
    if settings.mode == "webhook":
        builder = builder.updater(None)  # updates come through our own webhook server
    application = builder.build()
    application.bot_data[BRIDGE_KEY] = bridge

    private = filters.ChatType.PRIVATE
    new_messages = filters.UpdateType.MESSAGE
    handlers = [
        # Groups first: there, nothing else may answer.
        MessageHandler(filters.ChatType.GROUPS & new_messages, bridge.on_group),
        CommandHandler(list(ASSISTANT_COMMANDS), bridge.on_assistant_command, private),
        CommandHandler("language", bridge.on_language, private),
        CommandHandler("privacy", bridge.on_privacy, private),
        CommandHandler("forget", bridge.on_forget, private),
        # An unknown command gets the assistant's help.
        MessageHandler(private & new_messages & filters.COMMAND, bridge.on_assistant_command),
        MessageHandler(
            private & new_messages & (filters.LOCATION | filters.VENUE), bridge.on_location
        ),
        MessageHandler(private & new_messages & filters.TEXT, bridge.on_text),
        MessageHandler(private & new_messages & ~filters.StatusUpdate.ALL, bridge.on_other),
        CallbackQueryHandler(bridge.on_button),
    ]
    application.add_handlers(handlers)
    application.add_error_handler(bridge.on_error)
    return application


async def register_commands(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """The command menu, in English by default and in French and Dutch for those apps."""
    texts = bridge_of(application).messages
    for language in LANGUAGES:
        commands = [BotCommand(name, text) for name, text in texts.command_descriptions(language)]
        code = None if language == "en" else language
        register = functools.partial(application.bot.set_my_commands, commands, language_code=code)
        await call_telegram(register, "register the commands")


async def _retry_until(
    action: Any, what: str, stop: asyncio.Event, max_delay: float = 30.0
) -> bool:
    """Retries a start-up call through network errors until it succeeds or `stop` is set.

    InvalidToken is raised: a wrong token is a configuration error, not a network one."""
    delay = 1.0
    while not stop.is_set():
        try:
            await action()
            return True
        except InvalidToken:
            raise
        except RetryAfter as error:
            wait = retry_after_seconds(error)
        except (NetworkError, TelegramError) as error:
            wait = delay
            delay = min(delay * 2, max_delay)
            logger.warning("Could not %s (%s); retrying in %.0f s", what, error, wait)
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=wait)
    return False


async def resume_pending(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Queues the updates left unhandled by the previous run, ahead of any new one."""
    recovered = bridge_of(application).queue.recover()
    if recovered:
        logger.info("Resuming %d Telegram message(s) kept from before the restart", len(recovered))
    arrivals = application.update_queue
    for body, admission in recovered:
        update = Update.de_json(body, application.bot)
        if update is None or not isinstance(arrivals, ArrivalQueue):
            bridge_of(application).queue.done(admission.update_id)
        else:
            arrivals.resume(update)


def health_app(
    application: Application[Any, Any, Any, Any, Any, Any],
    settings: TelegramSettings,
    status: dict[str, str],
) -> web.Application:
    """/health in both modes; in webhook mode, the webhook that checks Telegram's secret."""
    bridge = bridge_of(application)

    async def health(_: web.Request) -> web.Response:
        reachable = bridge.assistant.reachable
        return web.json_response(
            {
                "status": "ok",
                "mode": settings.mode,
                "telegram": status["telegram"],
                "assistant": {None: "unknown", True: "reachable", False: "unreachable"}[reachable],
            }
        )

    async def webhook(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), settings.webhook_secret.encode()):
            logger.warning("Refused a webhook request without the right secret token")
            return web.Response(status=403, text="forbidden")
        try:
            data = await request.json()
            update = Update.de_json(data, application.bot)
        except (ValueError, TypeError, KeyError):
            return web.Response(status=400, text="not an update")
        if update is None:
            return web.Response(status=400, text="not an update")
        if status["telegram"] == "stopping":
            # Telegram sends it again later, to the next run.
            return web.Response(status=503, text="stopping")
        # Answer Telegram at once; the update is handled in the background, in its chat's order.
        # The queue writes it down first, and drops it if it came before (ArrivalQueue).
        await application.update_queue.put(update)
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_get("/health", health)
    if settings.mode == "webhook":
        app.router.add_post(settings.webhook_path, webhook)
    return app


async def serve(
    settings: TelegramSettings,
    stop: asyncio.Event,
    application: Application[Any, Any, Any, Any, Any, Any] | None = None,
) -> None:
    """Runs the bridge until `stop` is set: health endpoint, Telegram, polling or webhook."""
    application = application or build_application(settings)
    await resume_pending(application)
    status = {"telegram": "connecting"}
    runner = web.AppRunner(health_app(application, settings, status), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, settings.listen_host, settings.listen_port)
    await site.start()
    logger.info(
        "Telegram bridge (%s) listening on %s:%s",
        settings.mode,
        settings.listen_host,
        settings.listen_port,
    )
    try:
        if not await _retry_until(application.initialize, "reach Telegram", stop):
            return
        await register_commands(application)
        # Before anything new is handled, so that it comes before the replies to later messages.
        await bridge_of(application).tell_expired(application.bot)
        await application.start()
        if settings.mode == "polling" and application.updater is not None:
            await application.updater.start_polling(
                timeout=dt.timedelta(seconds=settings.poll_timeout),
                allowed_updates=ALLOWED_UPDATES,
                drop_pending_updates=False,
                bootstrap_retries=-1,
            )
        elif settings.mode == "webhook":

            async def set_webhook() -> None:
                await application.bot.set_webhook(
                    settings.webhook_url,
                    secret_token=settings.webhook_secret,
                    allowed_updates=ALLOWED_UPDATES,
                    drop_pending_updates=False,
                )

            if not await _retry_until(set_webhook, "set the webhook", stop):
                return
        status["telegram"] = "ready"
        logger.info("Telegram bridge ready (@%s, %s)", application.bot.username, settings.mode)
        await stop.wait()
    finally:
        status["telegram"] = "stopping"
        if application.updater is not None and application.updater.running:
            await application.updater.stop()
        processor = application.update_processor
        if isinstance(processor, DurableUpdateProcessor):
            # Not the whole retry period: what still waits for the assistant stays on disk.
            await processor.stop(settings.stop_grace)
        if application.running:
            await application.stop()
        try:
            await application.shutdown()
        except Exception:
            logger.exception("Error while shutting the Telegram bridge down")
        await runner.cleanup()
        # Also when Telegram was never reached (no post_shutdown then); closing twice is harmless.
        await bridge_of(application).close()
