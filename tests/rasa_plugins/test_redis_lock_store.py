"""The lock store replicas share: tickets issued at the same moment by two replicas never clash.

Needs Redis on 127.0.0.1:6379 (database 9, emptied of this test's keys); skipped otherwise.
"""

from __future__ import annotations

import asyncio
import threading
import uuid

import pytest

from bot.rasa_plugins.endpoints import lock_store_config
from bot.rasa_plugins.stores.redis_lock_store import AtomicRedisLockStore

pytestmark = pytest.mark.redis

redis = pytest.importorskip("redis")
REDIS_DB = 9


def store() -> AtomicRedisLockStore:
    return AtomicRedisLockStore(host="127.0.0.1", port=6379, db=REDIS_DB, key_prefix="hcmctest")


@pytest.fixture(scope="module", autouse=True)
def reachable() -> None:
    try:
        redis.StrictRedis(host="127.0.0.1", port=6379, db=REDIS_DB, socket_timeout=1).ping()
    except redis.exceptions.RedisError as error:
        pytest.skip(f"Redis is not reachable on 127.0.0.1:6379 ({error})")


def test_tickets_issued_at_once_by_several_replicas_are_all_different_and_all_kept():
    conversation = f"c-{uuid.uuid4().hex}"
    replicas = [store() for _ in range(4)]
    tickets: list[int] = []
    start = threading.Barrier(len(replicas) * 5)

    def issue(replica: AtomicRedisLockStore) -> None:
        start.wait()
        tickets.append(replica.issue_ticket(conversation, 30))

    threads = [threading.Thread(target=issue, args=(r,)) for r in replicas for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(tickets) == list(range(20))
    lock = replicas[0].get_lock(conversation)
    assert lock is not None and [t.number for t in lock.tickets] == list(range(20))
    for ticket in tickets:
        replicas[ticket % 4].cleanup(conversation, ticket)
    assert replicas[0].get_lock(conversation) is None  # the last one out deletes it


def test_one_message_at_a_time_per_conversation_across_replicas():
    conversation = f"c-{uuid.uuid4().hex}"
    replicas = [store(), store()]
    inside: list[int] = []
    overlaps: list[int] = []

    async def handle(replica: AtomicRedisLockStore, number: int) -> None:
        async with replica.lock(conversation, 30, wait_time_in_seconds=0.01):
            inside.append(number)
            if len(inside) > 1:
                overlaps.append(number)
            await asyncio.sleep(0.02)
            inside.remove(number)

    async def main() -> None:
        await asyncio.gather(*(handle(replicas[n % 2], n) for n in range(10)))

    asyncio.run(main())
    assert overlaps == []
    assert replicas[0].get_lock(conversation) is None


def test_rasa_builds_it_from_the_endpoints_file():
    from rasa.core.lock_store import LockStore
    from rasa.utils.endpoints import EndpointConfig

    config = lock_store_config(f"redis://127.0.0.1:6379/{REDIS_DB}")
    built = LockStore.create(EndpointConfig.from_dict(config))
    assert isinstance(built, AtomicRedisLockStore)
    assert built.red.connection_pool.connection_kwargs["db"] == REDIS_DB
