"""`python -m bot.ops.cli.purge`: erases every conversation whose last event is older than the
retention period (HCMC_RETENTION_DAYS), through the one erasure code path, and rotated log files
older than that.

With --repeat it keeps running and purges at start and every HCMC_PURGE_INTERVAL_HOURS: `make run`,
`make cluster` and the compose deployment each run it so, wherever conversations are stored."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
import time

from sqlalchemy import MetaData, Table, create_engine, func, inspect, select
from sqlalchemy.exc import SQLAlchemyError

from bot.config import Settings, load_settings
from bot.ops.process_logs import delete_old_rotated_logs
from bot.storage.erase import erase_conversation
from bot.storage.sqlite import empty_write_ahead_log

log = logging.getLogger(__name__)
DAY = 24 * 3600
# After a failed purge (database restarting): soon again, not hours later.
RETRY_SECONDS = 60


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
    erased = 0
    for sender_id in expired:
        try:
            erase_conversation(settings.tracker_database_url, sender_id, empty_log=False)
        except SQLAlchemyError as error:
            # One conversation that cannot be erased now must not hold back the others; it is
            # still expired at the next run.
            log.error("Could not erase one expired conversation (%s).", type(error).__name__)
            continue
        erased += 1
    if erased:
        engine = create_engine(settings.tracker_database_url)
        try:
            empty_write_ahead_log(engine)  # once for the whole run
        finally:
            engine.dispose()
    return erased


def run_once(settings: Settings) -> bool:
    """One purge, logged; False when the database could not be reached (tried again later)."""
    try:
        count = purge(settings)
        delete_old_rotated_logs(settings.var_dir / "logs", settings.retention_days)
    except Exception as error:  # noqa: BLE001 - the schedule must outlive a database restart
        # The type only: a database error can quote a conversation id.
        log.error("Retention purge failed (%s); trying again later.", type(error).__name__)
        return False
    log.info(
        "Retention purge: %d conversation(s) older than %d days erased",
        count,
        settings.retention_days,
    )
    return True


def run_forever(settings: Settings, stop: threading.Event) -> None:
    """At start and every HCMC_PURGE_INTERVAL_HOURS until `stop` is set; after a failure, again
    within minutes."""
    while not stop.is_set():
        done = run_once(settings)
        stop.wait(settings.purge_interval_hours * 3600 if done else RETRY_SECONDS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--repeat",
        action="store_true",
        help="keep running: purge at start and every HCMC_PURGE_INTERVAL_HOURS",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    settings = load_settings()
    if not args.repeat:
        return 0 if run_once(settings) else 1
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    signal.signal(signal.SIGINT, lambda signum, frame: stop.set())
    run_forever(settings, stop)
    return 0


if __name__ == "__main__":
    sys.exit(main())
