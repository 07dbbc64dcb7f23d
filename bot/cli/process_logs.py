"""The log files of the processes `make run` and `make cluster` start: owner-only and rotated.

Each process writes to a pipe; a thread here copies its lines into ``var/logs/<name>.log``. When a
file reaches its size limit it becomes ``<name>.log.1`` (the older ones shift up) and the oldest
beyond the limit is deleted, so logs neither fill the disk nor pile up for years. Files and the
log folder are readable by the owner only: even without patient text, logs name conversations
and addresses. The retention purge deletes rotated files older than the retention period.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from pathlib import Path
from typing import IO

OWNER_ONLY = 0o600
OWNER_ONLY_DIR = 0o700


def private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    path.chmod(OWNER_ONLY_DIR)
    return path


class RotatingLog:
    def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self.backups = backups
        self._file = self._open()

    def _open(self) -> IO[bytes]:
        descriptor = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, OWNER_ONLY)
        os.fchmod(descriptor, OWNER_ONLY)  # a file from before may have been world-readable
        return os.fdopen(descriptor, "ab")

    def write(self, line: bytes) -> None:
        if self._file.tell() + len(line) > self.max_bytes and self._file.tell() > 0:
            self.rotate()
        self._file.write(line)
        self._file.flush()

    def rotate(self) -> None:
        self._file.close()
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
        self._file = self._open()

    def close(self) -> None:
        self._file.close()


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


def delete_old_rotated_logs(log_dir: Path, older_than_days: int, now: float | None = None) -> int:
    """Deletes rotated files (``*.log.N``) last written before the retention period."""
    cutoff = (time.time() if now is None else now) - older_than_days * 24 * 3600
    deleted = 0
    for path in log_dir.glob("*.log.*"):
        if path.suffix.lstrip(".").isdigit() and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
            deleted += 1
    return deleted


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
    copy_to_log(process.stdout, RotatingLog(log_path, max_bytes, backups))
    return process
