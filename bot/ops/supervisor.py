"""Starts and stops the assistant's processes: the action server, the Rasa server, the website
widget's web server when asked for, and, when configured, the Telegram bridge."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from bot.config import PROJECT_ROOT, Settings
from bot.ops.process_logs import private_dir, start_logged, wait_for_logs
from bot.rasa_plugins.endpoints import write_endpoints
from bot.storage.sqlite import use_write_ahead_log

if TYPE_CHECKING:
    from bot.apps.telegram.config import TelegramSettings
    from bot.apps.web.config import WebSettings

MODEL_FILE = "hcmc.tar.gz"


def rasa_environment(settings: Settings | None = None) -> dict[str, str]:
    env = dict(os.environ)
    if settings is not None:
        # The processes read the same settings as the caller, also when the caller's came from
        # elsewhere than the environment (tests): the widget's channel in the Rasa server reads
        # and erases conversations in this database.
        env["HCMC_DATABASE_URL"] = settings.tracker_database_url
        env["HCMC_VAR_DIR"] = str(settings.var_dir)
        # The widget's channel checks the same origins as Rasa's --cors.
        env["HCMC_CORS_ORIGINS"] = " ".join(settings.cors_origins)
        # rasa_sdk's action server listens on SANIC_HOST, 0.0.0.0 unless told: the same
        # interface as the Rasa server (loopback by default; containers set HCMC_HOST=0.0.0.0).
        env.setdefault("SANIC_HOST", settings.rasa_host)
        if settings.lock_store_url:
            # Replicas pass widget messages to each other's sockets through the same Redis.
            env["HCMC_LOCK_STORE_URL"] = settings.lock_store_url
    # These machines reach no analytics host: don't let Rasa try.
    env.setdefault("RASA_TELEMETRY_ENABLED", "false")
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    env.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    return env


def is_up(url: str, timeout: float = 1.0) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError, ValueError):
        return False


def wait_for_health(
    checks: dict[str, str],
    processes: dict[str, subprocess.Popen[bytes]],
    timeout: float,
    exited: Callable[[str, subprocess.Popen[bytes]], Exception],
) -> None:
    """Polls every health URL until all answer; raises `exited(name, process)` as soon as one of
    the processes ends, TimeoutError after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    pending = dict(checks)
    while pending:
        for name, url in list(pending.items()):
            process = processes.get(name)
            if process is not None and process.poll() is not None:
                raise exited(name, process)
            if is_up(url):
                del pending[name]
        if time.monotonic() > deadline:
            raise TimeoutError(f"Not ready after {timeout:.0f} s: {', '.join(pending)}")
        time.sleep(0.5)


def stop_processes(processes: dict[str, subprocess.Popen[bytes]]) -> None:
    """SIGTERM to all, then waits up to 15 s each before SIGKILL; empties `processes`."""
    for process in processes.values():
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in processes.values():
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
    wait_for_logs(list(processes.values()))
    processes.clear()


def wait_for_first_exit(
    processes: dict[str, subprocess.Popen[bytes]], report: Callable[[str, int], None]
) -> int:
    """Blocks until one of the processes ends; calls `report(name, exit code)` and returns the
    exit code."""
    while True:
        for name, process in processes.items():
            code = process.poll()
            if code is not None:
                report(name, code)
                return code
        time.sleep(1)


def stop_on_sigterm() -> None:
    """SIGTERM (docker stop, systemd) stops a foreground command the way Ctrl-C does."""

    def shut_down(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, shut_down)


def rasa_bin() -> str:
    return str(Path(sys.executable).parent / "rasa")


def rasa_server_command(settings: Settings, endpoints: Path, port: int) -> list[str]:
    # Rasa's own CLI, with the project's patches applied (bot/rasa_plugins/patches).
    command = [
        sys.executable, "-m", "bot.ops.cli.rasa_server", "run",
        "--model", str(settings.models_dir / MODEL_FILE),
        "--endpoints", str(endpoints),
        "--credentials", str(PROJECT_ROOT / "credentials.yml"),
        "--interface", settings.rasa_host,
        "--port", str(port),
        "--cors", *settings.cors_origins,
    ]  # fmt: skip
    token = os.environ.get("HCMC_RASA_API_TOKEN", "").strip()
    if token:
        # The HTTP API can read and change conversations: only with a token.
        command += ["--enable-api", "--auth-token", token]
    return command


# Purges at start and every HCMC_PURGE_INTERVAL_HOURS until stopped.
PURGE_COMMAND = [sys.executable, "-m", "bot.ops.cli.purge", "--repeat"]


def action_server_command(port: int) -> list[str]:
    return [rasa_bin(), "run", "actions", "--actions", "actions", "--port", str(port)]


@dataclass
class Stack:
    settings: Settings
    log_dir: Path
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    # The Telegram bridge runs as a third process only when its settings are given.
    telegram: TelegramSettings | None = None
    # The website widget's web server (bot/apps/web) runs when its settings are given.
    web: WebSettings | None = None
    # The staff review app runs as another process with `make run`, not in the assistant's tests.
    review: bool = False
    # The retention purge (bot/ops/cli/purge.py), a process of its own with `make run`.
    purge: bool = False

    def commands(self, endpoints: Path) -> dict[str, list[str]]:
        s = self.settings
        commands = {
            "action server": action_server_command(s.action_port),
            "rasa server": rasa_server_command(s, endpoints, s.rasa_port),
        }
        if self.telegram is not None:
            commands["telegram bridge"] = [sys.executable, "-m", "bot.apps.telegram"]
        if self.web is not None:
            commands["web server"] = [sys.executable, "-m", "bot.apps.web"]
        if self.review:
            commands["review app"] = [sys.executable, "-m", "bot.apps.review"]
        if self.purge:
            commands["purge"] = PURGE_COMMAND
        return commands

    def environment(self) -> dict[str, str]:
        env = rasa_environment(self.settings)
        if self.review and not env.get("HCMC_PUBLIC_URL"):
            # Where staff read the inbox, booking links go through the Rasa server's redirect
            # so the inbox can say whether a patient followed theirs (the action server builds
            # the links). HCMC_PUBLIC_URL set by the operator wins.
            env["HCMC_PUBLIC_URL"] = self.settings.rasa_url
        if self.web is not None:
            env.update(
                HCMC_WEB_HOST=self.web.host,
                HCMC_WEB_PORT=str(self.web.port),
                HCMC_WIDGET_SERVER=self.web.assistant_url,
                HCMC_WIDGET_DIR=str(self.web.widget_dir),
            )
        return env

    def start(self) -> None:
        private_dir(self.settings.var_dir)
        private_dir(self.log_dir)
        endpoints = write_endpoints(self.settings, self.settings.var_dir / "endpoints.yml")
        use_write_ahead_log(self.settings.tracker_database_url)
        for name, command in self.commands(endpoints).items():
            self.processes[name] = start_logged(
                command,
                self.log_dir / f"{name.replace(' ', '-')}.log",
                self.environment(),
                PROJECT_ROOT,
                self.settings.log_max_bytes,
                self.settings.log_backups,
            )

    def wait_until_ready(self, timeout: float = 180.0) -> None:
        checks = {
            "action server": f"http://{self.settings.rasa_host}:{self.settings.action_port}/health",
            "rasa server": f"{self.settings.rasa_url}/",
        }
        if self.telegram is not None:
            checks["telegram bridge"] = self.telegram.health_url
        if self.web is not None:
            checks["web server"] = self.web.health_url
        if self.review:
            checks["review app"] = f"{self.settings.review_url}/login"
        wait_for_health(
            checks,
            self.processes,
            timeout,
            lambda name, process: RuntimeError(
                f"The {name} stopped (exit code {process.returncode}); "
                f"see {self.log_dir / (name.replace(' ', '-') + '.log')}"
            ),
        )

    def stop(self) -> None:
        stop_processes(self.processes)

    def wait(self) -> int:
        """Blocks until one process ends; returns its exit code."""
        return wait_for_first_exit(
            self.processes,
            lambda name, code: print(f"The {name} stopped (exit code {code}).", file=sys.stderr),
        )
