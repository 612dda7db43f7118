"""Cap concurrent analyses so a burst cannot fork unbounded parse children (U-28, L-06).

A request waits at most ``wait_seconds`` for a slot (a benign analysis takes well under a
second, so a short wait turns a small burst into a queue instead of errors); past that it is
answered 503 with ``Retry-After`` at once, never queued forever.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from hitl_resume.errors import BusyError

RETRY_AFTER_SECONDS = 30
DEFAULT_WAIT_SECONDS = 2.0


def default_slot_count() -> int:
    """One slot per CPU (SECURITY.md: parse concurrency = CPU count)."""
    return max(1, os.cpu_count() or 1)


class ParseSlots:
    """A counting semaphore with a bounded wait; ``hold()`` raises ``BusyError`` when full."""

    def __init__(self, count: int, wait_seconds: float = DEFAULT_WAIT_SECONDS) -> None:
        self.count = count
        self.wait_seconds = wait_seconds
        self._semaphore = threading.BoundedSemaphore(count)

    @contextmanager
    def hold(self) -> Iterator[None]:
        """Run the body in a slot, or raise ``BusyError`` after the bounded wait."""
        if not self._semaphore.acquire(timeout=self.wait_seconds):
            raise BusyError()
        try:
            yield
        finally:
            self._semaphore.release()
