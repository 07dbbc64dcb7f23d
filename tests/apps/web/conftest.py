"""The website widget in real headless Chromium (Debian's package, driven by Playwright) against the
real Rasa server, action server and the project's web server.

Every page records the requests it makes and what it logs, and each test ends by checking that no
request left this machine and that the console showed no error.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from bot.apps.web.config import WebSettings
from bot.config import PROJECT_ROOT, Settings, load_settings
from bot.ops.supervisor import Stack
from tests.support.accessibility import axe_violations

# Ports apart from `make run` (5005/5055/8080) and the other suites (e2e 5105, Telegram 5305).
BROWSER_PORTS = {"HCMC_RASA_PORT": "5405", "HCMC_ACTION_PORT": "5455"}
WEB_PORT = 8481
CHROMIUM = os.environ.get("HCMC_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = PROJECT_ROOT / "var" / "results" / "screenshots"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# Where "Use my location" puts the browser: Uccle, nearer to the Boitsfort centre.
UCCLE = {"latitude": 50.8023, "longitude": 4.3375}

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@dataclass
class Servers:
    settings: Settings
    web: WebSettings

    def url(self, path: str = "/") -> str:
        return f"{self.web.url}{path}"

    @property
    def database(self) -> str:
        return self.settings.tracker_database_url.removeprefix("sqlite:///")


@pytest.fixture(scope="session")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    if not Path(CHROMIUM).exists():
        pytest.skip(
            f"Chromium is not installed at {CHROMIUM}: `make chromium` installs Debian's package "
            "(as root), or set HCMC_CHROMIUM"
        )
    var_dir: Path = tmp_path_factory.mktemp("var")
    settings = load_settings({**BROWSER_PORTS, "HCMC_VAR_DIR": str(var_dir)})
    if not (settings.models_dir / "hcmc.tar.gz").exists():
        pytest.fail("No trained model: run `make train` first (make browser does).")
    web = WebSettings(port=WEB_PORT, assistant_url=settings.rasa_url)
    if not (web.widget_dir / "hcmc-widget.js").exists():
        pytest.fail("The widget is not built: run `make widget` first (make browser does).")
    stack = Stack(settings, var_dir / "logs", web=web)
    stack.start()
    try:
        stack.wait_until_ready(timeout=240)
        yield Servers(settings, web)
    finally:
        stack.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield chromium
        chromium.close()


@dataclass
class Watched:
    """A page with what it requested and logged."""

    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def assert_stayed_local_and_quiet(self) -> None:
        outside = [url for url in self.requests if not _is_local(url)]
        assert not outside, f"requests left this machine: {outside}"
        assert not self.errors, f"the console showed errors: {self.errors}"


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname in LOCAL_HOSTS


def watch(page: Any) -> Watched:
    watched = Watched(page)
    page.on("request", lambda request: watched.requests.append(request.url))
    page.on("websocket", lambda socket: watched.requests.append(socket.url))
    page.on(
        "console",
        lambda message: watched.errors.append(message.text) if message.type == "error" else None,
    )
    page.on("pageerror", lambda error: watched.errors.append(str(error)))
    return watched


@pytest.fixture
def new_page(browser: Any, servers: Servers) -> Iterator[Any]:
    """Opens watched pages in fresh browser contexts (no stored session), and checks each one
    at the end of the test."""
    contexts: list[Any] = []
    pages: list[Watched] = []

    def open_page(**context_options: Any) -> Watched:
        context = browser.new_context(
            **{"viewport": {"width": 1280, "height": 800}, **context_options}
        )
        contexts.append(context)
        watched = watch(context.new_page())
        pages.append(watched)
        return watched

    yield open_page
    try:
        for watched in pages:
            watched.assert_stayed_local_and_quiet()
    finally:
        for context in contexts:
            context.close()


def screenshot(page: Any, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def clean_screenshots() -> None:
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)


def accessibility_violations(watched: Watched) -> list[str]:
    """axe-core's serious and critical WCAG A/AA violations on the page as it is now (see
    tests/support/accessibility.py),
    leaving the page's own console errors to be checked as usual."""
    logged = len(watched.errors)
    violations = axe_violations(watched.page)
    # axe probes with inline styles, which the page's CSP refuses (and logs); only those go.
    watched.page.wait_for_timeout(200)
    watched.errors[logged:] = [
        error for error in watched.errors[logged:] if "Applying inline style violates" not in error
    ]
    return violations
