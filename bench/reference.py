"""The reference bot: Rasa's own `rasa init` template, trained in a temporary folder, with no
custom actions. Every HCMC figure is also given as a ratio to it, which survives a busy machine."""

from __future__ import annotations

import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from bot.ops.supervisor import is_up, rasa_bin, rasa_environment


@dataclass
class ReferenceBot:
    folder: Path
    port: int
    host: str = "127.0.0.1"
    training_s: float = 0.0
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def webhook_url(self) -> str:
        return f"http://{self.host}:{self.port}/webhooks/rest/webhook"

    def create_and_train(self) -> None:
        """`rasa init --no-prompt` writes the template and trains it; the time is its training."""
        started = time.perf_counter()
        subprocess.run(
            [rasa_bin(), "init", "--no-prompt", "--init-dir", str(self.folder)],
            cwd=self.folder,
            env=rasa_environment(),
            check=True,
            capture_output=True,
        )
        self.training_s = time.perf_counter() - started

    def start(self, log: Path) -> None:
        # Its endpoints.yml has no action server and an in-memory tracker store: the template.
        command = [
            rasa_bin(), "run",
            "--model", str(self.folder / "models"),
            "--interface", self.host,
            "--port", str(self.port),
        ]  # fmt: skip
        self.process = subprocess.Popen(
            command,
            cwd=self.folder,
            env=rasa_environment(),
            stdout=log.open("ab"),
            stderr=subprocess.STDOUT,
        )

    def wait_until_ready(self, timeout: float = 300.0) -> None:
        deadline = time.monotonic() + timeout
        while not is_up(f"http://{self.host}:{self.port}/"):
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"The reference bot stopped (exit {self.process.returncode})")
            if time.monotonic() > deadline:
                raise TimeoutError("The reference bot was not ready in time")
            time.sleep(0.5)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
