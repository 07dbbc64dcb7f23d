"""Simulated users over Rasa's REST channel: each holds its own conversation, all at once.

Loopback only, bounded in users, turns and time. Every reply is checked to belong to its own
conversation: Rasa echoes the sender as ``recipient_id``, and a script can check the content too
(the HCMC script checks the centre it gets for the postcode it gave).
"""

from __future__ import annotations

import asyncio
import statistics
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp

# A script: the messages of user number n, and a check of the replies to each (None: no check).
Turn = tuple[str, Callable[[str], bool] | None]
Script = Callable[[int], list[Turn]]

REQUEST_TIMEOUT_S = 60.0
PHASE_TIMEOUT_S = 600.0


@dataclass
class LoadResult:
    users: int
    messages: int = 0
    errors: int = 0
    # What the errors were: "timeout", "connection", "HTTP 500", "no reply".
    error_kinds: dict[str, int] = field(default_factory=dict)
    crossed_replies: int = 0
    wrong_content: int = 0
    elapsed_s: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {
            "users": self.users,
            "messages": self.messages,
            "errors": self.errors,
            "error_kinds": self.error_kinds,
            "crossed_replies": self.crossed_replies,
            "wrong_content": self.wrong_content,
            "elapsed_s": round(self.elapsed_s, 1),
            "messages_per_s": round(self.messages / self.elapsed_s, 2) if self.elapsed_s else 0,
            **latency_summary(self.latencies_ms),
        }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def latency_summary(latencies: list[float]) -> dict[str, float]:
    if not latencies:
        return {}
    return {
        "p50_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(percentile(latencies, 0.95), 1),
        "max_ms": round(max(latencies), 1),
    }


async def _user(
    session: aiohttp.ClientSession, url: str, number: int, script: Script, result: LoadResult
) -> None:
    sender = f"bench-{number}-{uuid.uuid4().hex[:8]}"
    for message, check in script(number):
        started = time.perf_counter()
        replies, failure = None, "no reply"
        try:
            async with session.post(url, json={"sender": sender, "message": message}) as response:
                if response.status == 200:
                    replies = await response.json()
                else:
                    failure = f"HTTP {response.status}"
        except asyncio.TimeoutError:
            failure = "timeout"
        except aiohttp.ClientError:
            failure = "connection"
        result.latencies_ms.append((time.perf_counter() - started) * 1000)
        result.messages += 1
        if not replies:
            result.errors += 1
            result.error_kinds[failure] = result.error_kinds.get(failure, 0) + 1
            continue
        if any(reply.get("recipient_id") != sender for reply in replies):
            result.crossed_replies += 1
        text = "\n".join(reply.get("text") or "" for reply in replies)
        if check is not None and not check(text):
            result.wrong_content += 1


async def _run(url: str, users: int, script: Script) -> LoadResult:
    result = LoadResult(users=users)
    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S)
    connector = aiohttp.TCPConnector(limit=users)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
        started = time.perf_counter()
        tasks = [_user(session, url, number, script, result) for number in range(users)]
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=PHASE_TIMEOUT_S)
        result.elapsed_s = time.perf_counter() - started
    return result


def run_users(webhook_url: str, users: int, script: Script) -> LoadResult:
    """`users` conversations at once, each the whole script, as fast as replies come."""
    return asyncio.run(_run(webhook_url, users, script))


def warm_up(webhook_url: str, script: Script, conversations: int = 2) -> None:
    for _ in range(conversations):
        asyncio.run(_run(webhook_url, 1, script))
