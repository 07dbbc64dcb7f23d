"""Fixtures for the Telegram bridge: the fake Bot API, a scripted assistant, the application."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from telegram import Update
from telegram.ext import Application

from bot.apps.telegram.app import build_application, serve
from bot.apps.telegram.config import TelegramSettings
from bot.config import Settings, load_settings
from bot.ops.supervisor import Stack
from tests.apps.telegram.fake_assistant import FakeAssistant, free_port
from tests.apps.telegram.fake_bot_api import FAKE_TOKEN, FakeBotAPI

# Ports apart from `make run` (5005/5055) and the other test suites (5105/5155...).
REAL_ASSISTANT_PORTS = {
    "HCMC_RASA_PORT": os.environ.get("TELEGRAM_E2E_RASA_PORT", "5305"),
    "HCMC_ACTION_PORT": os.environ.get("TELEGRAM_E2E_ACTION_PORT", "5355"),
}
ROUTES = (("HCMC Kraainem", "+32 2 111 11 11"), ("HCMC Boitsfort", "+32 2 222 22 22"))
WEBHOOK_SECRET = "test-secret_42"
AnyApplication = Application[Any, Any, Any, Any, Any, Any]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The bridge's end-to-end tests run last, so that the real servers (about 40 s to start,
    see `started_real_assistant`) get ready while the fast tests run."""
    here = Path(__file__).parent
    e2e = [i for i in items if i.get_closest_marker("e2e") and here in Path(i.fspath).parents]
    items[:] = [item for item in items if item not in e2e] + e2e


@pytest.fixture(scope="session", autouse=True)
def started_real_assistant(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stack | None]:
    """Starts the real action and Rasa servers at once when an end-to-end test is selected."""
    here = Path(__file__).parent
    if not any(
        item.get_closest_marker("e2e") and here in Path(item.fspath).parents
        for item in request.session.items
    ):
        yield None
        return
    var_dir: Path = tmp_path_factory.mktemp("var")
    settings = load_settings({**REAL_ASSISTANT_PORTS, "HCMC_VAR_DIR": str(var_dir)})
    if not (settings.models_dir / "hcmc.tar.gz").exists():
        pytest.fail("No trained model: run `make train` first.")
    stack = Stack(settings, var_dir / "logs")
    stack.start()
    try:
        yield stack
    finally:
        stack.stop()


@pytest.fixture(scope="session")
def real_assistant(started_real_assistant: Stack | None) -> Settings:
    """The real assistant's settings, once its servers answer."""
    assert started_real_assistant is not None
    started_real_assistant.wait_until_ready(timeout=240)
    return started_real_assistant.settings


@pytest.fixture(autouse=True)
def token_never_logged(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Every test of the bridge also checks that the bot token never reached a log line."""
    caplog.set_level(logging.DEBUG)
    yield
    secret_part = FAKE_TOKEN.split(":", 1)[1]
    for record in caplog.records:
        text = record.getMessage() + (record.exc_text or "")
        assert secret_part not in text, f"the token leaked into a log line: {text[:200]!r}"
    assert secret_part not in caplog.text


@pytest.fixture
async def telegram_api() -> AsyncIterator[FakeBotAPI]:
    api = await FakeBotAPI().start()
    yield api
    await api.stop()


@pytest.fixture
async def assistant() -> AsyncIterator[FakeAssistant]:
    fake = await FakeAssistant().start()
    yield fake
    await fake.stop()


def make_settings(
    api: FakeBotAPI, assistant_url: str, tmp_path: Path, **overrides: Any
) -> TelegramSettings:
    """Settings for a test: the fake servers, a scratch database, short timings."""
    (tmp_path / "domain").mkdir(exist_ok=True)
    settings = TelegramSettings(
        token=FAKE_TOKEN,
        api_base_url=api.base_url,
        assistant_url=assistant_url,
        database_url=f"sqlite:///{tmp_path / 'conversations.db'}",
        retention_days=90,
        contact_routes=ROUTES,
        payload_store_path=None,
        domain_dir=tmp_path / "domain",
        listen_port=free_port(),
        notice_after=0.5,
        request_timeout=5.0,
        retry_initial_delay=0.1,
        retry_max_delay=0.4,
        retry_for=30.0,
        poll_timeout=1.0,
        telegram_retry_attempts=3,
        stop_grace=1.0,
    )
    return replace(settings, **overrides)


@pytest.fixture
def settings(
    telegram_api: FakeBotAPI, assistant: FakeAssistant, tmp_path: Path
) -> TelegramSettings:
    return make_settings(telegram_api, assistant.url, tmp_path)


@pytest.fixture
async def app(settings: TelegramSettings) -> AsyncIterator[AnyApplication]:
    """The application, initialised (getMe) but not polling: tests feed it updates."""
    application = build_application(settings)
    await application.initialize()
    yield application
    await application.shutdown()


async def process(application: AnyApplication, update: dict[str, Any]) -> None:
    """Handles one update as if it came from Telegram, and waits for the handler to finish."""
    await application.process_update(Update.de_json(update, application.bot))


async def get_json(url: str) -> tuple[int, dict[str, Any]]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, await response.json()


@contextlib.asynccontextmanager
async def running_bridge(settings: TelegramSettings) -> AsyncIterator[asyncio.Task[None]]:
    """The bridge as `python -m bot.apps.telegram` runs it, until the block ends."""
    stop = asyncio.Event()
    task = asyncio.create_task(serve(settings, stop))
    deadline = asyncio.get_running_loop().time() + 10
    while True:
        if task.done():
            task.result()  # raises what stopped it
        with contextlib.suppress(aiohttp.ClientError):
            status, body = await get_json(settings.health_url)
            if status == 200 and body["telegram"] == "ready":
                break
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("the bridge did not get ready")
        await asyncio.sleep(0.05)
    try:
        yield task
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=15)
