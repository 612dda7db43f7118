"""Run a parser on untrusted bytes in a child process with a wall-clock timeout and memory cap.

No PDF library can be trusted to return (docs/security.md): pdfminer.six has no timeout API and
crafted files loop forever or inflate to gigabytes. Children come from a ``forkserver`` so they
start from a small, single-threaded process (the caller may hold spaCy and threads), with the
readers preloaded so a parse starts in milliseconds.
"""

from __future__ import annotations

import contextlib
import io
import logging
import multiprocessing
import os
import resource
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from multiprocessing import context as mp_context
from multiprocessing import forkserver, popen_forkserver, reduction, spawn, util
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from hitl_resume.errors import (
    CorruptFileError,
    InputError,
    ParseTimeoutError,
    ResourceLimitError,
    error_for_code,
)
from hitl_resume.ingest import limits

T = TypeVar("T")

log = logging.getLogger(__name__)

#: Outcome counts of isolated parses (e.g. ``STATS["timeout"]``), for monitoring and tests.
STATS: Counter[str] = Counter()

_PRELOAD = ["hitl_resume.ingest.readers"]
_context_lock = threading.Lock()
_context: Any = None


# Python 3.14 changed the forkserver handshake; there the standard launcher is used.
_LAUNCHER_FITS = sys.version_info < (3, 14)


class _LibraryPopen(popen_forkserver.Popen):
    """Launch a forkserver child without re-running the caller's ``__main__`` script.

    Parse targets live in this package, so the child never needs the main module; skipping it
    lets a plain script call ``hitl_resume.parse`` at top level (no ``if __name__ ==
    "__main__"`` guard), which the standard launcher would re-execute in every child.
    """

    def _launch(self, process_obj: Any) -> None:  # mirrors CPython 3.11-3.13 popen_forkserver
        prep_data = spawn.get_preparation_data(process_obj._name)
        prep_data.pop("init_main_from_path", None)
        prep_data.pop("init_main_from_name", None)
        buf = io.BytesIO()
        mp_context.set_spawning_popen(self)
        try:
            reduction.dump(prep_data, buf)
            reduction.dump(process_obj, buf)
        finally:
            mp_context.set_spawning_popen(None)
        fds: list[int] = self._fds  # type: ignore[attr-defined]  # set by Popen.__init__
        self.sentinel, w = forkserver.connect_to_new_process(fds)
        _parent_w = os.dup(w)
        closer = util.close_fds  # type: ignore[attr-defined]  # present at run time, not in stubs
        self.finalizer = util.Finalize(self, closer, (_parent_w, self.sentinel))
        with open(w, "wb", closefd=True) as f:
            f.write(buf.getbuffer())
        self.pid = forkserver.read_signed(self.sentinel)


class _ParseProcess(mp_context.ForkServerProcess):
    """A forkserver process that launches through ``_LibraryPopen`` where it is known to fit."""

    @staticmethod
    def _Popen(process_obj: Any) -> Any:
        if _LAUNCHER_FITS:
            return _LibraryPopen(process_obj)
        return popen_forkserver.Popen(process_obj)


def preload_in_children(module: str) -> None:
    """Have the fork server import ``module`` so every child starts with it (e.g. a loaded model).

    A fork server already running without it is stopped and restarted on the next parse;
    children already running are unaffected.
    """
    with _context_lock:
        if module in _PRELOAD:
            return
        _PRELOAD.append(module)
        if _context is not None:
            _context.set_forkserver_preload(_PRELOAD)
            forkserver._forkserver._stop()  # type: ignore[attr-defined]  # restart with the module


def _get_context() -> Any:
    global _context  # noqa: PLW0603 - one lazily created context per process
    with _context_lock:
        if _context is None:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(_PRELOAD)
            _context = ctx
        return _context


def run_isolated(
    target: Callable[[bytes], T],
    data: bytes,
    *,
    timeout: float = limits.PARSE_TIMEOUT_SECONDS,
    memory_bytes: int = limits.PARSE_MEMORY_BYTES,
) -> T:
    """Return ``target(data)`` computed in a child process.

    ``target`` must be a module-level function. Raises the child's ``InputError`` unchanged,
    ``ParseTimeoutError`` after ``timeout`` seconds (the child is killed), and
    ``ResourceLimitError`` when the child runs out of memory or is killed.
    """
    ctx = _get_context()
    receiver, sender = ctx.Pipe(duplex=False)
    process = _ParseProcess(
        target=_child_main, args=(target, data, sender, memory_bytes, timeout), daemon=True
    )
    started = time.monotonic()
    try:
        process.start()
        sender.close()
        outcome = _wait_for_result(receiver, process, timeout)
    finally:
        if process.is_alive():
            process.kill()
        process.join(timeout=5)
        receiver.close()
        if hasattr(process, "close") and process.exitcode is not None:
            process.close()
    status, payload = outcome
    STATS[status if status != "error" else str(payload)] += 1
    log.info(
        "isolated parse outcome=%s seconds=%.3f",
        status if status != "error" else payload,
        time.monotonic() - started,
    )
    if status == "ok":
        result: T = payload
        return result
    if status == "timeout":
        raise ParseTimeoutError()
    if status == "killed":
        raise ResourceLimitError()
    raise error_for_code(str(payload))


def _wait_for_result(receiver: Connection, process: Any, timeout: float) -> tuple[str, Any]:
    """Wait for the child's message or its death, whichever comes first, up to ``timeout``."""
    try:
        if not receiver.poll(timeout):
            return ("timeout", None)
        message: tuple[str, Any] = receiver.recv()
        return message
    except (EOFError, OSError):
        # The child died before sending: out of memory, a signal or a crash in C code.
        process.join(timeout=1)
        code = process.exitcode
        if code is not None and code < 0 and -code in (signal.SIGKILL, signal.SIGXCPU):
            return ("killed", None)
        if code is not None and code < 0:
            return ("error", CorruptFileError.code)
        return ("killed", None)


def _child_main(
    target: Callable[[bytes], Any],
    data: bytes,
    sender: Connection,
    memory_bytes: int,
    timeout: float,
) -> None:
    """Child entry point: limit resources, run the parser, send back one message."""
    _apply_limits(memory_bytes, timeout)
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # warnings can quote page content
    try:
        message: tuple[str, Any] = ("ok", target(data))
    except InputError as exc:  # a reader's "damaged" can hide the memory cap it hit
        damaged = exc.code == CorruptFileError.code
        message = (
            "error",
            ResourceLimitError.code if damaged and caused_by_memory_cap(exc) else exc.code,
        )
    except MemoryError:
        message = ("error", ResourceLimitError.code)
    except Exception as exc:  # a parser bug on hostile input is a damaged file to the user
        code = ResourceLimitError.code if caused_by_memory_cap(exc) else CorruptFileError.code
        message = ("error", code)
    try:
        sender.send(message)
    except Exception:  # result too large to pickle within the memory cap, or parent gone
        with contextlib.suppress(Exception):
            sender.send(("error", ResourceLimitError.code))
    finally:
        with contextlib.suppress(Exception):
            sender.close()


def caused_by_memory_cap(exc: BaseException) -> bool:
    """True when an error was caused by the memory cap (a decompression bomb, U-16)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, MemoryError):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def _apply_limits(memory_bytes: int, timeout: float) -> None:
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    cpu = int(timeout) + 2
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
