"""Every web analysis runs in a limited child process, inside one time budget per request.

Pasted text and postings are as costly as files (a 99k-character paste plus five postings took
12 s of CPU), so the whole analysis — parse, NLP, matching, coaching — runs in a child from the
warm fork server, with the file parser's limits: a wall-clock timeout and a memory cap of
1 GiB on top of the model the child shares with the fork server. The server process only waits,
so health checks and other requests stay responsive while children work.
"""

from __future__ import annotations

import functools
import pickle
import time
from collections.abc import Callable
from typing import Any

from hitl_resume.errors import BusyError, error_for_code
from hitl_resume.ingest import limits
from hitl_resume.ingest.isolation import preload_in_children, run_isolated

from . import child_tasks

#: I-2: every request answers within this many seconds, waiting for a slot included.
REQUEST_BUDGET_SECONDS = 12.0
#: A child needs at least this long to be worth starting; less left means "busy".
MIN_RUN_SECONDS = 1.0
#: Per batch file: the parse timeout plus the analysis that follows it.
BATCH_FILE_SECONDS = limits.PARSE_TIMEOUT_SECONDS + 5.0

ChildTarget = Callable[[bytes], child_tasks.Answer]


def prepare_children() -> None:
    """Make the fork server load the analyzer once, so children fork warm (call at start-up)."""
    preload_in_children("hitl_resume.web.child_preload")


@functools.cache
def memory_cap_bytes() -> int:
    """The child memory cap: the parse limit (1 GiB) on top of what a fresh child inherits."""
    status, baseline = run_isolated(child_tasks.baseline_vm_bytes, b"", timeout=30.0)
    inherited = int(baseline) if status == "ok" else 0
    return inherited + limits.PARSE_MEMORY_BYTES


def run_in_child(target: ChildTarget, payload: Any, timeout: float) -> Any:
    """Run ``target`` on ``payload`` in a limited child; re-raise its ``InputError`` as is.

    Raises ``ParseTimeoutError`` after ``timeout`` seconds and ``ResourceLimitError`` when the
    child passes its memory cap (the child is killed either way).
    """
    status, value = run_isolated(
        target, pickle.dumps(payload), timeout=timeout, memory_bytes=memory_cap_bytes()
    )
    if status == "input_error":
        code, message = value
        error = error_for_code(str(code))
        raise type(error)(str(message))
    return value


def remaining(deadline: float) -> float:
    """Seconds left before ``deadline``; ``BusyError`` when too little is left to start."""
    left = deadline - time.monotonic()
    if left < MIN_RUN_SECONDS:
        raise BusyError()
    return left
