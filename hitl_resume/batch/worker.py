"""The per-file work of a batch, run in a worker process (or in-process for ``jobs`` ≤ 1).

The worker loads the model once (``init_worker``); each file's parse still runs in the
isolated child of ``hitl_resume.ingest.isolation`` with its timeout and memory cap.
"""

from __future__ import annotations

import logging
import os
import resource
import signal
import time

from hitl_resume.analysis import Analysis
from hitl_resume.api import analyze, default_analyzer
from hitl_resume.batch.results import FileResult, Note, Task
from hitl_resume.errors import InputError
from hitl_resume.render import ANALYSIS_RENDERERS, BINARY_RENDERERS

log = logging.getLogger(__name__)

#: Report file extension per format.
FORMAT_EXTENSIONS = {"json": "json", "markdown": "md", "docx": "docx"}


def init_worker() -> None:
    """Pool initializer: let the parent handle Ctrl-C, and load the model once per worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    default_analyzer()


def analyze_task(
    task: Task, *, isolated: bool = True
) -> tuple[FileResult, tuple[tuple[str, bytes], ...]]:
    """Analyse one file and render its reports; every failure becomes an error result.

    ``isolated=False`` parses in this process, for callers that already run the whole task in
    a limited child (the web's batch jobs).
    """
    started = time.monotonic()
    try:
        analysis = analyze(task.data, postings=task.postings, filename=task.file, isolated=isolated)
    except InputError as error:
        return _failed(task, error.code, error.message, started), ()
    except Exception as exc:  # a bug on one file must not cost the coach the batch
        log.warning("batch analysis failed: %s", type(exc).__name__)
        return _failed(task, "internal_error", "Something went wrong with this file.", started), ()
    rendered, notes = _render(analysis, task)
    return _summarise(analysis, task, notes, started), rendered


def _render(
    analysis: Analysis, task: Task
) -> tuple[tuple[tuple[str, bytes], ...], tuple[Note, ...]]:
    rendered: list[tuple[str, bytes]] = []
    notes: list[Note] = []
    for fmt in task.formats:
        try:
            if fmt in BINARY_RENDERERS:
                rendered.append((fmt, BINARY_RENDERERS[fmt](analysis)))
            else:
                rendered.append((fmt, ANALYSIS_RENDERERS[fmt](analysis).encode("utf-8")))
        except Exception as exc:  # a renderer bug loses one report, not the row
            log.warning("batch render failed: %s", type(exc).__name__)
            notes.append(Note(task.file, "render_failed", f"The {fmt} report failed."))
    return tuple(rendered), tuple(notes)


def _summarise(
    analysis: Analysis, task: Task, notes: tuple[Note, ...], started: float
) -> FileResult:
    top = analysis.top_role()
    return FileResult(
        index=task.index,
        file=task.file,
        sha256=task.sha256,
        status="ok",
        scores=tuple((r.id, r.score) for r in analysis.roles),
        levels=tuple((r.id, r.level) for r in analysis.roles),
        labels=tuple((r.id, r.label) for r in analysis.roles),
        top_role=top.id if top else "",
        top_score=top.score if top else None,
        match_score=max((m.score for m in analysis.matches), default=None),
        missing=tuple(
            tuple(str(item.get("text", "")) for item in m.missing) for m in analysis.matches
        ),
        notes=notes,
        worker_pid=os.getpid(),
        peak_rss_kb=_peak_rss_kb(),
        seconds=time.monotonic() - started,
    )


def _failed(task: Task, code: str, message: str, started: float) -> FileResult:
    return FileResult(
        index=task.index,
        file=task.file,
        sha256=task.sha256,
        status="error",
        error_code=code,
        message=message,
        worker_pid=os.getpid(),
        peak_rss_kb=_peak_rss_kb(),
        seconds=time.monotonic() - started,
    )


def _peak_rss_kb() -> int:
    """This worker's peak memory (KiB on Linux), reported back for the benchmark."""
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def lost_worker_result(task: Task) -> FileResult:
    """The row of a file whose worker died (killed, out of memory): its row, not the batch."""
    return FileResult(
        index=task.index,
        file=task.file,
        sha256=task.sha256,
        status="error",
        error_code="resource_limit",
        message="The worker processing this file stopped unexpectedly.",
    )
