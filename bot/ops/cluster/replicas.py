"""Starts N Rasa replicas and M action servers on one host behind HAProxy, and stops them.

Ports: the balancer answers on the usual addresses (HCMC_RASA_PORT for Rasa, HCMC_ACTION_PORT for
the actions); replica i listens on HCMC_RASA_PORT + i and action server j on HCMC_ACTION_PORT + j.
The replicas share the tracker store (HCMC_DATABASE_URL) and the lock store (HCMC_LOCK_STORE_URL),
which is what lets any replica answer any turn of any conversation.
"""

from __future__ import annotations

import signal
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from bot.config import PROJECT_ROOT, Settings
from bot.ops.cluster.haproxy import Backend, haproxy_binary, render_config
from bot.ops.process_logs import private_dir, start_logged
from bot.ops.supervisor import (
    PURGE_COMMAND,
    action_server_command,
    rasa_environment,
    rasa_server_command,
    stop_processes,
    wait_for_first_exit,
    wait_for_health,
)
from bot.rasa_plugins.endpoints import write_endpoints


class ClusterError(RuntimeError):
    pass


def check_shared_stores(settings: Settings, replicas: int) -> None:
    """Several replicas need a shared lock store, or two of them could handle the same
    conversation at once; and a tracker store every replica reaches."""
    if replicas < 2:
        return
    if not settings.lock_store_url:
        raise ClusterError("Several replicas need HCMC_LOCK_STORE_URL (Redis lock store).")
    if settings.tracker_database_url.startswith("sqlite"):
        raise ClusterError("Several replicas need HCMC_DATABASE_URL (PostgreSQL tracker store).")


@dataclass
class Cluster:
    settings: Settings
    replicas: int
    action_servers: int
    log_dir: Path
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.replicas < 1 or self.action_servers < 1:
            raise ClusterError("At least one Rasa replica and one action server.")
        check_shared_stores(self.settings, self.replicas)

    def replica_port(self, number: int) -> int:
        return self.settings.rasa_port + number

    def action_port(self, number: int) -> int:
        return self.settings.action_port + number

    def replica_url(self, number: int) -> str:
        return f"http://{self.settings.rasa_host}:{self.replica_port(number)}"

    @property
    def balancer_url(self) -> str:
        return self.settings.rasa_url

    def haproxy_config(self) -> str:
        host = self.settings.rasa_host
        return render_config(
            [
                Backend(
                    "rasa",
                    f"{host}:{self.settings.rasa_port}",
                    "/",
                    [(f"rasa{i}", f"{host}:{self.replica_port(i)}") for i in self._replicas],
                ),
                Backend(
                    "actions",
                    f"{host}:{self.settings.action_port}",
                    "/health",
                    [(f"actions{j}", f"{host}:{self.action_port(j)}") for j in self._actions],
                ),
            ]
        )

    @property
    def _replicas(self) -> range:
        return range(1, self.replicas + 1)

    @property
    def _actions(self) -> range:
        return range(1, self.action_servers + 1)

    def commands(self) -> dict[str, list[str]]:
        haproxy = haproxy_binary()
        if haproxy is None:
            raise ClusterError("HAProxy is not installed (Debian: apt-get install haproxy).")
        var = self.settings.var_dir
        # The replicas reach the actions at HCMC_ACTION_PORT, the balancer in front of the
        # action servers.
        endpoints = write_endpoints(self.settings, var / "endpoints.yml")
        config = var / "haproxy.cfg"
        config.write_text(self.haproxy_config())
        commands = {
            f"actions{j}": action_server_command(self.action_port(j)) for j in self._actions
        }
        commands |= {
            f"rasa{i}": rasa_server_command(self.settings, endpoints, self.replica_port(i))
            for i in self._replicas
        }
        # -db: stay in the foreground, so that stop() ends it like the other processes.
        commands["haproxy"] = [haproxy, "-db", "-f", str(config)]
        # The retention purge, wherever conversations are stored.
        commands["purge"] = PURGE_COMMAND
        return commands

    def start(self) -> None:
        private_dir(self.settings.var_dir)
        private_dir(self.log_dir)
        for name, command in self.commands().items():
            self.processes[name] = self._spawn(name, command)

    def _spawn(self, name: str, command: list[str]) -> subprocess.Popen[bytes]:
        return start_logged(
            command,
            self.log_dir / f"{name}.log",
            rasa_environment(self.settings),
            PROJECT_ROOT,
            self.settings.log_max_bytes,
            self.settings.log_backups,
        )

    def health_urls(self) -> dict[str, str]:
        host = self.settings.rasa_host
        urls = {f"actions{j}": f"http://{host}:{self.action_port(j)}/health" for j in self._actions}
        urls |= {f"rasa{i}": f"{self.replica_url(i)}/" for i in self._replicas}
        urls["haproxy"] = f"{self.balancer_url}/"
        return urls

    def wait_until_ready(self, timeout: float = 300.0) -> None:
        wait_for_health(
            self.health_urls(),
            self.processes,
            timeout,
            lambda name, process: ClusterError(
                f"{name} stopped (exit code {process.returncode}); "
                f"see {self.log_dir / (name + '.log')}"
            ),
        )

    def kill(self, name: str) -> None:
        """Ends one process at once, as a crash or a lost machine would (SIGKILL)."""
        process = self.processes[name]
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)

    def stop(self) -> None:
        stop_processes(self.processes)

    def wait(self) -> int:
        """Blocks until one process ends; returns its exit code."""
        return wait_for_first_exit(
            self.processes, lambda name, code: print(f"{name} stopped (exit code {code}).")
        )
