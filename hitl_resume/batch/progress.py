"""Show batch progress: a bar on a terminal, plain ``[12/50] ok cv.pdf`` lines otherwise."""

from __future__ import annotations

import importlib
import sys
import time
from typing import Any, Protocol, TextIO

from hitl_resume.batch.results import BatchResult, FileResult


class Progress(Protocol):
    """Told about every finished file, then closed."""

    def advance(self, result: FileResult) -> None: ...

    def close(self) -> None: ...


class SilentProgress:
    """No output (library use, tests)."""

    def advance(self, result: FileResult) -> None:
        """Ignore the result."""

    def close(self) -> None:
        """Nothing to close."""


def _outcome(result: FileResult) -> str:
    if result.status == "error":
        return result.error_code
    return "reused" if result.cached else "ok"


class LineProgress:
    """One line per file, for logs and pipes."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.done, self.stream = total, 0, stream

    def advance(self, result: FileResult) -> None:
        self.done += 1
        self.stream.write(f"[{self.done}/{self.total}] {_outcome(result)} {result.file}\n")
        self.stream.flush()

    def close(self) -> None:
        """Lines need no closing."""


class BarProgress:
    """tqdm when it is installed (spaCy depends on it), else a small hand-drawn bar."""

    WIDTH = 30

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.done, self.stream = total, 0, stream
        self.started = time.monotonic()
        self._bar: Any = None
        try:
            tqdm = importlib.import_module("tqdm")
        except ImportError:
            return
        self._bar = tqdm.tqdm(total=total, file=stream, unit="file", dynamic_ncols=True)

    def advance(self, result: FileResult) -> None:
        self.done += 1
        if self._bar is not None:
            self._bar.update(1)
            return
        filled = self.WIDTH * self.done // max(self.total, 1)
        rate = self.done / max(time.monotonic() - self.started, 1e-9)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} {rate:.1f} files/s")
        self.stream.flush()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
        else:
            self.stream.write("\n")
            self.stream.flush()


def make_progress(enabled: bool | None, total: int, stream: TextIO | None = None) -> Progress:
    """``None``: a bar on a terminal, lines otherwise; ``False``: silent; ``True``: always show."""
    out = stream or sys.stderr
    if enabled is False:
        return SilentProgress()
    if out.isatty():
        return BarProgress(total, out)
    return LineProgress(total, out)


def format_summary(batch: BatchResult) -> str:
    """The closing summary: ok count, errors by code, time and throughput."""
    elapsed = max(batch.elapsed, 1e-9)
    lines = [
        f"{batch.ok_count} of {batch.total} files analysed"
        + (f" ({batch.cached_count} reused from an earlier run)" if batch.cached_count else ""),
    ]
    if batch.error_counts:
        detail = ", ".join(f"{code}: {count}" for code, count in batch.error_counts.items())
        lines.append(f"errors: {detail}")
    if batch.notes:
        lines.append(f"skipped entries: {len(batch.notes)} (see errors.csv)")
    done = len(batch.files)
    lines.append(f"time: {batch.elapsed:.1f} s, {done / elapsed:.2f} files/s, jobs: {batch.jobs}")
    if batch.interrupted:
        lines.append(f"interrupted: {done} of {batch.total} files finished; rerun to continue")
    lines.append(f"outputs: {batch.outdir}")
    return "\n".join(lines)
