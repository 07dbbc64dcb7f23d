"""The load balancer's configuration: HAProxy in front of the Rasa replicas and the action servers.

One renderer serves both the local cluster (`make cluster`, the scale test, the benchmark) and the
container deployment (deploy/haproxy.cfg), so the two cannot drift apart.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass


@dataclass(frozen=True)
class Backend:
    """One pool behind one address: its servers as (name, "host:port")."""

    name: str
    bind: str
    health_path: str
    servers: list[tuple[str, str]]


def haproxy_binary() -> str | None:
    return shutil.which("haproxy") or next(
        (path for path in ("/usr/sbin/haproxy", "/usr/local/sbin/haproxy") if shutil.which(path)),
        None,
    )


def _backend(backend: Backend) -> str:
    servers = "\n".join(
        f"    server {name} {address} check inter 2s fall 3 rise 1 maxconn 32"
        for name, address in backend.servers
    )
    return f"""
frontend {backend.name}
    bind {backend.bind}
    default_backend {backend.name}_pool

backend {backend.name}_pool
    balance roundrobin
    option httpchk GET {backend.health_path}
    http-check expect status 200
{servers}
"""


def render_config(backends: list[Backend], dns_resolver: str | None = None) -> str:
    """dns_resolver: a DNS server ("127.0.0.11:53" in Docker) to find servers that start after
    the balancer, or move; without it, addresses are resolved once at start-up."""
    # retries + redispatch: a request that could not connect (a replica just died) goes to
    # another one. HAProxy retries only connection failures by default, never a request a server
    # has received, so no message is handled twice. Long server timeout: a turn waits for the
    # conversation's lock while an earlier message of the same conversation is handled.
    # maxconn per server: requests beyond it wait in HAProxy's queue rather than in Rasa.
    default_server = "init-addr last,libc,none" + (" resolvers dns" if dns_resolver else "")
    head = f"""# Rendered by bot/ops/cluster/haproxy.py; edit that file, not this one.
global
    maxconn 4096

defaults
    mode http
    timeout connect 2s
    timeout client 65s
    timeout server 65s
    timeout http-keep-alive 30s
    timeout queue 60s
    # A busy Rasa answers its health check late: that is not a dead one.
    timeout check 10s
    retries 3
    option redispatch 1
    default-server {default_server}
"""
    if dns_resolver:
        head += f"\nresolvers dns\n    nameserver dns {dns_resolver}\n    hold valid 10s\n"
    return head + "".join(_backend(backend) for backend in backends)


def compose_config(replicas: int = 2, action_servers: int = 2) -> str:
    """deploy/haproxy.cfg: the containers of deploy/compose.yml, by service name."""
    return render_config(
        [
            Backend(
                "rasa",
                ":5005",
                "/",
                [(f"rasa{i}", f"rasa{i}:5005") for i in range(1, replicas + 1)],
            ),
            Backend(
                "actions",
                ":5055",
                "/health",
                [(f"actions{j}", f"actions{j}:5055") for j in range(1, action_servers + 1)],
            ),
        ],
        dns_resolver="127.0.0.11:53",  # Docker's embedded DNS server
    )


if __name__ == "__main__":
    # python -m bot.ops.cluster.haproxy > deploy/haproxy.cfg
    print(compose_config(), end="")
