"""Rasa's Redis lock store with atomic ticket updates, for several Rasa replicas.

Rasa 3.6's RedisLockStore issues and returns tickets by reading the conversation's lock, changing
it in Python and writing it back. Two replicas doing that at the same moment overwrite each
other's ticket, so both may process a message of the same conversation at once and one turn's
events are lost from the tracker store (seen in tests/ops/cluster: four concurrent messages, three
stored). Here every read-change-write runs in a Redis transaction (WATCH/MULTI/EXEC) and is
retried when another replica changed the lock in between.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig
from redis.exceptions import WatchError

# Contention is between a handful of replicas; past this many retries something else is wrong.
MAX_ATTEMPTS = 100


class AtomicRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: EndpointConfig | None = None, **kwargs: Any) -> None:
        if endpoint_config is not None:  # how Rasa builds a lock store named by module path
            kwargs = {"host": endpoint_config.url or "localhost", **endpoint_config.kwargs}
        super().__init__(**kwargs)

    def _change(
        self, conversation_id: str, change: Callable[[TicketLock | None], TicketLock | None]
    ) -> TicketLock | None:
        """Applies `change` to the stored lock atomically; a None result deletes the lock."""
        key = self.key_prefix + conversation_id
        for _ in range(MAX_ATTEMPTS):
            with self.red.pipeline() as pipe:
                try:
                    pipe.watch(key)
                    raw = pipe.get(key)
                    lock = TicketLock.from_dict(json.loads(raw)) if raw else None
                    changed = change(lock)
                    pipe.multi()
                    if changed is None:
                        pipe.delete(key)
                    else:
                        pipe.set(key, changed.dumps())
                    pipe.execute()
                    return changed
                except WatchError:
                    continue
        raise LockError(f"Lock of conversation '{conversation_id}' kept changing; gave up.")

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        issued: list[int] = []

        def add_ticket(lock: TicketLock | None) -> TicketLock:
            lock = lock or TicketLock(conversation_id)
            issued[:] = [lock.issue_ticket(lock_lifetime)]
            return lock

        self._change(conversation_id, add_ticket)
        return issued[0]

    def update_lock(self, conversation_id: str) -> None:
        def drop_expired(lock: TicketLock | None) -> TicketLock | None:
            if lock is not None:
                lock.remove_expired_tickets()
            return lock

        if self.get_lock(conversation_id) is not None:
            self._change(conversation_id, drop_expired)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Returns the ticket; deletes the lock when nobody else is waiting, in one step."""

        def finish(lock: TicketLock | None) -> TicketLock | None:
            if lock is None:
                return None
            lock.remove_ticket_for(ticket_number)
            return lock if lock.is_someone_waiting() else None

        self._change(conversation_id, finish)
