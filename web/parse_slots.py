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
DEFAULT_WAIT_SECONDS = 3.0


#: Slots beyond the CPU count so two never-finishing files cannot starve benign uploads (L-03).
HOSTILE_ALLOWANCE = 2


def default_slot_count() -> int:
    """CPU count + 2 (measured, see benchmarks/bench_web.py).

    docs/security.md starts from "semaphore = CPU count". On 2 cores at concurrency 4 that answered
    2-8 % of benign uploads (7 of 24 real PDFs) with 503, and two hanging files held both
    slots for 10 s; with CPU count + 2 there were no errors at the same p50. Memory stays
    bounded: each parse child is capped at 1 GiB.
    """
    return (os.cpu_count() or 1) + HOSTILE_ALLOWANCE


class ParseSlots:
    """A counting semaphore with a bounded wait; ``hold()`` raises ``BusyError`` when full."""

    def __init__(self, count: int, wait_seconds: float = DEFAULT_WAIT_SECONDS) -> None:
        self.count = count
        self.wait_seconds = wait_seconds
        self._semaphore = threading.BoundedSemaphore(count)

    @contextmanager
    def hold(self, wait: float | None = None) -> Iterator[None]:
        """Run the body in a slot, or raise ``BusyError`` after the bounded wait.

        ``wait`` shortens the configured wait (a request whose time budget is running out).
        """
        limit = self.wait_seconds if wait is None else max(0.0, min(wait, self.wait_seconds))
        if not self._semaphore.acquire(timeout=limit):
            raise BusyError()
        try:
            yield
        finally:
            self._semaphore.release()
