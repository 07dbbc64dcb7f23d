"""Two Rasa replicas and two action servers behind HAProxy, sharing PostgreSQL and Redis.

Skipped, with the reason, when PostgreSQL or Redis is not reachable on 127.0.0.1 or HAProxy is
not installed (`make scale` installs it on Debian when run as root).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import psycopg2
import pytest
import redis

from bot.config import load_settings
from bot.ops.cluster.checks import unavailable_reason
from bot.ops.cluster.replicas import Cluster
from tests.support.servers import require_trained_model, running

POSTGRES = os.environ.get("HCMC_SCALE_POSTGRES", "postgresql://postgres@127.0.0.1:5432")
DATABASE = "hcmc_scale_test"
REDIS_URL = os.environ.get("HCMC_SCALE_REDIS", "redis://127.0.0.1:6379/9")
# Balancer 5630 (replicas 5631-5632), action balancer 5680 (action servers 5681-5682).
PORTS = {"HCMC_RASA_PORT": "5630", "HCMC_ACTION_PORT": "5680"}


def fresh_database() -> None:
    """Drops the test database, so that Rasa has to create it (as on a first deployment)."""
    connection = psycopg2.connect(f"{POSTGRES}/postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    connection.close()


@pytest.fixture(scope="session")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    reason = unavailable_reason(POSTGRES, REDIS_URL)
    if reason:
        pytest.skip(reason)
    var_dir: Path = tmp_path_factory.mktemp("var")
    settings = load_settings(
        {
            **PORTS,
            "HCMC_VAR_DIR": str(var_dir),
            "HCMC_DATABASE_URL": f"{POSTGRES}/{DATABASE}",
            "HCMC_LOCK_STORE_URL": REDIS_URL,
        }
    )
    require_trained_model(settings, "scale")
    fresh_database()
    redis.Redis.from_url(REDIS_URL).flushdb()
    cluster = Cluster(settings, replicas=2, action_servers=2, log_dir=var_dir / "logs")
    with running(cluster, timeout=240):
        yield cluster


@pytest.fixture
def transcript() -> Iterator[object]:
    """The stored events of a conversation, read from PostgreSQL."""
    connection = psycopg2.connect(f"{POSTGRES}/{DATABASE}")

    def read(sender: str) -> list[tuple[str, str]]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT type_name, data FROM events WHERE sender_id = %s ORDER BY id", (sender,)
            )
            return list(cursor.fetchall())

    yield read
    connection.close()
