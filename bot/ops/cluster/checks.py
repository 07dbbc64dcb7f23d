"""Whether the shared stores and the load balancer a cluster needs are there."""

from __future__ import annotations

import socket
from collections.abc import Mapping
from urllib.parse import urlsplit

from bot.ops.cluster.haproxy import haproxy_binary


def reachable(host: str, port: int, timeout: float = 2.0) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def unavailable_reason(database_url: str, redis_url: str) -> str | None:
    """Why a cluster cannot start here (None when it can): PostgreSQL or Redis not reachable,
    or HAProxy not installed."""
    for name, url, default_port in (
        ("PostgreSQL", database_url, 5432),
        ("Redis", redis_url, 6379),
    ):
        parts = urlsplit(url)
        host, port = parts.hostname or "127.0.0.1", parts.port or default_port
        if not reachable(host, port):
            return f"{name} is not reachable on {host}:{port}"
    if haproxy_binary() is None:
        return "HAProxy is not installed (Debian: apt-get install haproxy)"
    return None


def cors_origins_reason(env: Mapping[str, str]) -> str | None:
    """Why a cluster must not start with these settings (None when it may): the website that
    may talk to it from a browser is not named. `make run` on one machine lets any page in (*);
    a deployment says which site it serves (HCMC_CORS_ORIGINS="*" is an explicit choice too)."""
    if env.get("HCMC_CORS_ORIGINS", "").strip():
        return None
    return (
        "HCMC_CORS_ORIGINS is not set: name the clinic's website, the only page whose browsers "
        "may talk to the assistant, e.g. HCMC_CORS_ORIGINS=https://www.hcmc.be make cluster"
    )
