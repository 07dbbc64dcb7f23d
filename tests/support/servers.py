"""What the end-to-end fixtures do with the real servers, whichever runs them: one assistant
(bot.ops.supervisor.Stack) or several replicas (bot.ops.cluster.replicas.Cluster)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Protocol

import pytest

from bot.config import Settings


class Servers(Protocol):
    def start(self) -> None: ...

    def wait_until_ready(self, timeout: float) -> None: ...

    def stop(self) -> None: ...


def require_trained_model(settings: Settings, make_target: str) -> None:
    """Fails the test run, saying what to do, when there is no trained model to serve."""
    if not (settings.models_dir / "hcmc.tar.gz").exists():
        pytest.fail(f"No trained model: run `make train` first (make {make_target} does).")


@contextlib.contextmanager
def running(servers: Servers, timeout: float) -> Iterator[None]:
    """Starts the servers and waits until all answer; stops them on the way out, whatever
    happened, once they were started."""
    servers.start()
    try:
        servers.wait_until_ready(timeout=timeout)
        yield
    finally:
        servers.stop()
