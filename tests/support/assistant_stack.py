"""Starts the real action server and Rasa server once for the end-to-end tests."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import Settings, load_settings
from bot.ops.rest_client import RestClient
from bot.ops.supervisor import Stack
from tests.support.servers import require_trained_model, running

# Ports apart from the defaults, so the tests can run beside `make run` (and overridable, so that
# several checkouts can run them at once on one machine).
TEST_PORTS = {
    "HCMC_RASA_PORT": os.environ.get("E2E_RASA_PORT", "5105"),
    "HCMC_ACTION_PORT": os.environ.get("E2E_ACTION_PORT", "5155"),
}
# The stack runs as a clinic would run it: browsers may talk to it from this website only.
CLINIC_WEBSITE = "https://www.hcmc.example"


@pytest.fixture(scope="session")
def running_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    var_dir: Path = tmp_path_factory.mktemp("var")
    settings = load_settings(
        {**TEST_PORTS, "HCMC_VAR_DIR": str(var_dir), "HCMC_CORS_ORIGINS": CLINIC_WEBSITE}
    )
    require_trained_model(settings, "e2e")
    with running(Stack(settings, var_dir / "logs"), timeout=240):
        yield settings


@pytest.fixture
def client(running_stack: Settings) -> RestClient:
    return RestClient(running_stack.rest_webhook_url, sender=f"e2e-{uuid.uuid4().hex[:10]}")
