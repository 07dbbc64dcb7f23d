"""The processes' log files: owner-only, rotated at a size, old rotated files deleted."""

from __future__ import annotations

import os
import stat
import sys
import time
from pathlib import Path

from bot.ops.process_logs import RotatingLog, delete_old_rotated_logs, start_logged


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_log_is_rotated_at_its_size_and_keeps_only_its_backups(tmp_path: Path):
    path = tmp_path / "rasa-server.log"
    path.write_bytes(b"from an earlier run\n")
    path.chmod(0o644)
    log = RotatingLog(path, max_bytes=100, backups=2)
    assert mode(path) == 0o600  # an old world-readable file is closed to others
    for number in range(30):
        log.write(f"line {number:02d} of the log\n".encode())  # 18 bytes
    log.close()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["rasa-server.log", "rasa-server.log.1", "rasa-server.log.2"]
    assert all(mode(tmp_path / name) == 0o600 for name in files)
    assert all((tmp_path / name).stat().st_size <= 100 for name in files)
    # The newest lines are in the current file; the oldest ones are gone.
    assert b"line 29" in path.read_bytes()
    assert b"line 00" not in b"".join((tmp_path / name).read_bytes() for name in files)


def test_a_process_output_goes_to_an_owner_only_log_and_so_do_its_files(tmp_path: Path):
    log_path = tmp_path / "logs" / "worker.log"
    script = "import pathlib; print('started', flush=True); pathlib.Path('made.db').write_text('x')"
    process = start_logged(
        [sys.executable, "-c", script], log_path, dict(os.environ), tmp_path, 1_000_000, 1
    )
    assert process.wait(timeout=30) == 0
    deadline = time.monotonic() + 10
    while b"started" not in log_path.read_bytes():
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert mode(log_path) == 0o600 and mode(log_path.parent) == 0o700
    assert mode(tmp_path / "made.db") == 0o600


def test_the_purge_deletes_rotated_logs_past_the_retention_period(tmp_path: Path):
    old, recent, current = (tmp_path / n for n in ("a.log.3", "a.log.1", "a.log"))
    for path in (old, recent, current):
        path.write_text("x")
    long_ago = time.time() - 100 * 24 * 3600
    os.utime(old, (long_ago, long_ago))
    os.utime(current, (long_ago, long_ago))  # nothing written to it for the whole period
    assert delete_old_rotated_logs(tmp_path, older_than_days=90) == 2
    assert not old.exists() and recent.exists()
    # The file in use is emptied, not deleted: its process may still be writing to it.
    assert current.exists() and current.stat().st_size == 0


def test_a_log_that_cannot_be_written_never_blocks_its_process(tmp_path: Path, monkeypatch, capsys):
    import errno

    class FullDisk:
        def tell(self) -> int:
            return 0

        def write(self, line: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

        def flush(self) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        def close(self) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(RotatingLog, "_open", lambda self: FullDisk())
    # Far more output than a pipe holds: a copier that stopped would leave the process blocked.
    script = "import sys\nfor i in range(200_000): print('line', i)\n"
    process = start_logged(
        [sys.executable, "-c", script],
        tmp_path / "logs" / "rasa.log",
        dict(os.environ),
        tmp_path,
        10**6,
        1,
    )
    assert process.wait(timeout=60) == 0
    assert "No space left on device" in capsys.readouterr().err


def test_a_quiet_log_is_rotated_after_a_day_so_the_purge_can_reach_its_old_lines(tmp_path: Path):
    path = tmp_path / "review-app.log"
    log = RotatingLog(path, max_bytes=10**6, backups=3)
    log.write(b"an old line\n")
    log._opened_at -= 2 * 24 * 3600  # written to for two days without reaching its size
    log.write(b"a new line\n")
    log.close()
    assert path.read_bytes() == b"a new line\n"
    assert (tmp_path / "review-app.log.1").read_bytes() == b"an old line\n"
