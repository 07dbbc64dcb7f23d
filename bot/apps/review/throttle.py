"""Login throttling, per username and per address separately (in memory: one review app process).

- A username with USER_FAILURES failed attempts in the window is refused, from any address, for
  the rest of the window: someone guessing one account's password gets nowhere.
- An address with ADDRESS_FAILURES failed attempts in the window, whatever the usernames, is
  refused too: someone trying a few passwords on many accounts gets nowhere either. The clinic's
  staff share one address, so this limit is far higher: one colleague's typos never lock out the
  others, only that colleague.

A successful login clears its username's failures, and removes from the address's count only the
failures made for that same username (that person's typos); failures for other usernames from the
address stay counted, so logging in to one's own account does not reset someone spraying names.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable

USER_FAILURES = 5
ADDRESS_FAILURES = 30
WINDOW_SECONDS = 15 * 60


class LoginThrottle:
    def __init__(
        self,
        user_failures: int = USER_FAILURES,
        address_failures: int = ADDRESS_FAILURES,
        window: float = WINDOW_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.user_failures = user_failures
        self.address_failures = address_failures
        self.window = window
        self.clock = clock
        self._by_user: dict[str, deque[float]] = {}
        # Per address: when, and for which username, each failure happened.
        self._by_address: dict[str, deque[tuple[float, str]]] = {}

    @staticmethod
    def _user_key(username: str) -> str:
        return username.strip().lower()

    def _forget_old(self) -> None:
        """Drop failures older than the window, and the keys left without any (bounded memory)."""
        oldest = self.clock() - self.window
        for user, times in list(self._by_user.items()):
            while times and times[0] <= oldest:
                times.popleft()
            if not times:
                del self._by_user[user]
        for address, entries in list(self._by_address.items()):
            while entries and entries[0][0] <= oldest:
                entries.popleft()
            if not entries:
                del self._by_address[address]

    def _wait(self, times: list[float], limit: int) -> float:
        """Seconds until fewer than `limit` of these failures are inside the window (0: none)."""
        if len(times) < limit:
            return 0.0
        return max(times[len(times) - limit] + self.window - self.clock(), 0.0)

    def retry_after(self, username: str, address: str) -> float:
        """Seconds before this username may try again from this address; 0 when it may now."""
        self._forget_old()
        user_times = list(self._by_user.get(self._user_key(username), ()))
        address_times = [at for at, _ in self._by_address.get(address, ())]
        return max(
            self._wait(user_times, self.user_failures),
            self._wait(address_times, self.address_failures),
        )

    def blocked(self, username: str, address: str) -> bool:
        return self.retry_after(username, address) > 0

    def failed(self, username: str, address: str) -> None:
        now = self.clock()
        user = self._user_key(username)
        self._by_user.setdefault(user, deque()).append(now)
        self._by_address.setdefault(address, deque()).append((now, user))

    def succeeded(self, username: str, address: str) -> None:
        user = self._user_key(username)
        self._by_user.pop(user, None)
        entries = self._by_address.get(address)
        if entries is not None:
            kept = deque(entry for entry in entries if entry[1] != user)
            if kept:
                self._by_address[address] = kept
            else:
                del self._by_address[address]


def minutes(seconds: float) -> int:
    """Whole minutes to tell someone to wait, rounded up (at least 1)."""
    return max(1, math.ceil(seconds / 60))
