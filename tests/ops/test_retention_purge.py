"""The retention purge runs wherever conversations are stored: a process that purges at start and
on a schedule (`make run`, `make cluster`, the compose deployment)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import yaml
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.config import load_settings
from bot.ops.supervisor import PURGE_COMMAND, Stack
from bot.rasa_plugins.stores.sql_store import FastSQLTrackerStore
from tests.conftest import PROJECT_ROOT

DAY = 24 * 3600


def stored_conversation(db: Path, sender: str, at: float) -> FastSQLTrackerStore:
    store = FastSQLTrackerStore(Domain.load(str(PROJECT_ROOT / "domain")), db=str(db))
    events = [
        UserUttered(
            "my shoulder hurts", {"name": "describe_pain", "confidence": 1.0}, timestamp=at
        ),
        ActionExecuted("action_listen", timestamp=at + 1),
    ]
    asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))
    return store


def test_the_purge_process_erases_expired_conversations_and_stops_cleanly(tmp_path: Path):
    db = tmp_path / "conversations.db"
    store = stored_conversation(db, "rest-old", time.time() - 100 * DAY)
    stored_conversation(db, "rest-recent", time.time() - DAY)
    env = {
        **os.environ,
        "HCMC_VAR_DIR": str(tmp_path),
        "HCMC_DATABASE_URL": f"sqlite:///{db}",
        "HCMC_RETENTION_DAYS": "90",
    }
    process = subprocess.Popen(
        PURGE_COMMAND, cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        deadline = time.monotonic() + 60
        while asyncio.run(store.retrieve("rest-old")) is not None:
            assert process.poll() is None, process.stdout.read().decode() if process.stdout else ""
            assert time.monotonic() < deadline, "the purge did not run at start"
            time.sleep(0.5)
        assert asyncio.run(store.retrieve("rest-recent")) is not None
        # It keeps running for the next purge, and stops when told to.
        time.sleep(1)
        assert process.poll() is None
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=15) == 0
    finally:
        if process.poll() is None:
            process.kill()
    output = process.stdout.read().decode() if process.stdout else ""
    assert "1 conversation(s) older than 90 days erased" in output


def test_make_run_and_the_cluster_run_the_purge(tmp_path: Path, monkeypatch):
    from bot.ops.cluster import replicas

    settings = load_settings(
        {
            "HCMC_VAR_DIR": str(tmp_path),
            "HCMC_DATABASE_URL": "postgresql://hcmc@127.0.0.1/hcmc",
            "HCMC_LOCK_STORE_URL": "redis://127.0.0.1:6379/0",
        }
    )
    stack = Stack(settings, tmp_path / "logs", review=True, purge=True)
    assert PURGE_COMMAND in stack.commands(tmp_path / "endpoints.yml").values()
    monkeypatch.setattr(replicas, "haproxy_binary", lambda: "/usr/sbin/haproxy")
    cluster = replicas.Cluster(settings, replicas=2, action_servers=2, log_dir=tmp_path / "logs")
    assert PURGE_COMMAND in cluster.commands().values()
    assert sys.executable == PURGE_COMMAND[0]


def test_the_compose_deployment_runs_the_purge_on_the_conversations_database():
    services = yaml.safe_load((PROJECT_ROOT / "deploy" / "compose.yml").read_text())["services"]
    purgers = [
        service
        for service in services.values()
        if service.get("command") == ["python", "-m", "bot.ops.cli.purge", "--repeat"]
    ]
    assert len(purgers) == 1
    environment = purgers[0]["environment"]
    rasa = services["rasa1"]["environment"]
    for name in ("HCMC_DATABASE_URL", "HCMC_RETENTION_DAYS", "HCMC_SECRET_KEY"):
        assert environment[name] == rasa[name]
    assert purgers[0].get("restart") == "unless-stopped"
