"""The log files of the processes `make run` and `make cluster` start: owner-only and rotated.

Each process writes to a pipe; a thread here copies its lines into ``var/logs/<name>.log``. When a
file reaches its size limit it becomes ``<name>.log.1`` (the older ones shift up) and the oldest
beyond the limit is deleted, so logs neither fill the disk nor pile up for years. Files and the
log folder are readable by the owner only: even without patient text, logs name conversations
and addresses. The retention purge deletes rotated files older than the retention period and
empties a file nothing was written to for that long.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

OWNER_ONLY = 0o600
# A quiet process's file is rotated daily too, so that the purge can delete its old lines.
ROTATE_EVERY_SECONDS = 24 * 3600
OWNER_ONLY_DIR = 0o700


def private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    path.chmod(OWNER_ONLY_DIR)
    return path


class RotatingLog:
    """Never raises on writing: a full disk or a removed folder drops lines (said once on the
    supervisor's terminal) instead of stopping the copy, which would leave the process blocked on
    a full pipe, and with it every conversation."""

    def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self.backups = backups
        self.dropped = 0
        self._opened_at = time.time()
        self._file: IO[bytes] | None = None
        self.write(b"")

    def _open(self) -> IO[bytes]:
        self._opened_at = time.time()
        descriptor = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, OWNER_ONLY)
        os.fchmod(descriptor, OWNER_ONLY)  # a file from before may have been world-readable
        return os.fdopen(descriptor, "ab")

    def write(self, line: bytes) -> None:
        try:
            if self._file is None:
                self._file = self._open()
            if (
                line
                and self._file.tell() > 0
                and (
                    self._file.tell() + len(line) > self.max_bytes
                    or time.time() - self._opened_at > ROTATE_EVERY_SECONDS
                )
            ):
                self.rotate()
                self._file = self._open()
            self._file.write(line)
            self._file.flush()
        except OSError as error:
            if not self.dropped:
                print(
                    f"Could not write {self.path} ({error.strerror}): its lines are dropped "
                    "until it can be written again.",
                    file=sys.stderr,
                    flush=True,
                )
            self.dropped += 1
            self.close()

    def rotate(self) -> None:
        self.close()
        for number in range(self.backups, 0, -1):
            older = self.path.with_name(f"{self.path.name}.{number}")
            if number == self.backups:
                older.unlink(missing_ok=True)
            elif older.exists():
                older.rename(self.path.with_name(f"{self.path.name}.{number + 1}"))
        if self.backups > 0:
            self.path.rename(self.path.with_name(f"{self.path.name}.1"))
        else:
            self.path.unlink(missing_ok=True)

    def close(self) -> None:
        file, self._file = self._file, None
        if file is not None:
            # What could not be flushed is lost; the copy goes on.
            with contextlib.suppress(OSError):
                file.close()


# The copying thread of each process started here, so that a stop can wait for its last lines.
_copiers: dict[int, threading.Thread] = {}


def copy_to_log(source: IO[bytes], log: RotatingLog) -> threading.Thread:
    """Copies `source` line by line into `log` until the process closes it."""

    def copy() -> None:
        try:
            for line in iter(source.readline, b""):
                log.write(line)
        finally:
            log.close()
            source.close()

    thread = threading.Thread(target=copy, name=f"log {log.path.name}", daemon=True)
    thread.start()
    return thread


def wait_for_logs(processes: list[subprocess.Popen[bytes]], timeout: float = 5.0) -> None:
    """After the processes stopped: lets their last lines reach the files."""
    for process in processes:
        thread = _copiers.pop(process.pid, None)
        if thread is not None:
            thread.join(timeout)


def delete_old_rotated_logs(log_dir: Path, older_than_days: int, now: float | None = None) -> int:
    """Deletes rotated files (``*.log.N``) last written before the retention period, and empties
    a current file nothing was written to since then (emptied, not deleted: its process may
    still hold it open). Returns how many files were deleted or emptied."""
    cutoff = (time.time() if now is None else now) - older_than_days * 24 * 3600
    cleared = 0
    for path in log_dir.glob("*.log*"):
        if path.stat().st_mtime >= cutoff:
            continue
        if path.suffix == ".log":
            if path.stat().st_size:
                os.truncate(path, 0)
                cleared += 1
        elif path.suffix.lstrip(".").isdigit():
            path.unlink(missing_ok=True)
            cleared += 1
    return cleared


def start_logged(
    command: list[str],
    log_path: Path,
    env: dict[str, str],
    cwd: Path,
    max_bytes: int,
    backups: int,
) -> subprocess.Popen[bytes]:
    """Starts `command` with its output in a rotated, owner-only log; the files it creates
    itself (databases, stores) are owner-only too (umask)."""
    private_dir(log_path.parent)
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        umask=0o077,
    )
    assert process.stdout is not None
    _copiers[process.pid] = copy_to_log(process.stdout, RotatingLog(log_path, max_bytes, backups))
    return process
