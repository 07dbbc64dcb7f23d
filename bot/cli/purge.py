"""`python -m bot.cli.purge`: erases every conversation whose last event is older than the
retention period (HCMC_RETENTION_DAYS), through the one erasure code path. `make run` runs it at
start and every HCMC_PURGE_INTERVAL_HOURS."""

from __future__ import annotations

import logging
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import MetaData, Table, create_engine, func, inspect, select

from bot.config import Settings, load_settings
from bot.conversations.erase import erase_conversation

log = logging.getLogger(__name__)
DAY = 24 * 3600


def expired_conversations(
    database_url: str, retention_days: int, now: float | None = None
) -> list[str]:
    cutoff = (now if now is not None else time.time()) - retention_days * DAY
    engine = create_engine(database_url)
    try:
        if not inspect(engine).has_table("events"):
            return []
        events = Table("events", MetaData(), autoload_with=engine)
        with engine.connect() as connection:
            rows = connection.execute(
                select(events.c.sender_id)
                .group_by(events.c.sender_id)
                .having(func.max(events.c.timestamp) < cutoff)
            )
            return [row.sender_id for row in rows]
    finally:
        engine.dispose()


def purge(settings: Settings, now: float | None = None) -> int:
    """Erases expired conversations; returns how many."""
    expired = expired_conversations(settings.tracker_database_url, settings.retention_days, now)
    for sender_id in expired:
        erase_conversation(settings.tracker_database_url, sender_id)
    return len(expired)


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    settings = load_settings()
    count = purge(settings)
    log.info(
        "Retention purge: %d conversation(s) older than %d days erased",
        count,
        settings.retention_days,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())


class PurgeSchedule:
    """Runs the purge as a separate process at start and every HCMC_PURGE_INTERVAL_HOURS; called
    once a second by the `make run` loop."""

    def __init__(self, settings: Settings, log_file: Path) -> None:
        self.interval = settings.purge_interval_hours * 3600
        self.log_file = log_file
        self.next_run = 0.0
        self.process: subprocess.Popen[bytes] | None = None

    def __call__(self) -> None:
        if self.process is not None and self.process.poll() is None:
            return
        if time.monotonic() >= self.next_run:
            self.next_run = time.monotonic() + self.interval
            self.log_file.parent.mkdir(parents=True, exist_ok=True)
            with open(self.log_file, "ab") as log_output:
                self.process = subprocess.Popen(
                    [sys.executable, "-m", "bot.cli.purge"], stdout=log_output, stderr=log_output
                )
