"""Coach batches as background jobs: a bounded queue, few workers, a time budget per job.

A batch is never one long request: the upload is checked and queued, and the coach watches a
progress page. Jobs run on their own worker threads (``BATCH_WORKERS``, default 1), each file
in a limited child through the CLI batch's own worker code, so a batch can never take the parse
slots single analyses use. Results stay in memory only: dropped when downloaded as a zip, when
deleted, or ``BATCH_RESULT_TTL`` seconds after the job ends.
"""

from __future__ import annotations

import hashlib
import logging
import queue
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Literal

from hitl_resume.batch.cohort import render_cohort_markdown, render_cohort_svg
from hitl_resume.batch.inputs import InputItem, collect_uploads
from hitl_resume.batch.outputs import REPORTS_DIR, report_stem, summary_files
from hitl_resume.batch.results import BatchResult, FileResult, Note, Task, count_errors
from hitl_resume.batch.worker import FORMAT_EXTENSIONS
from hitl_resume.errors import BusyError, InputError, ParseTimeoutError

log = logging.getLogger("hitl_resume.web")

State = Literal["queued", "running", "done"]
#: Runs one task in a limited child within ``timeout`` seconds.
RunTask = Callable[[Task, float], tuple[FileResult, tuple[tuple[str, bytes], ...]]]
WEB_FORMATS = ("json", "markdown")
OUT_OF_TIME = "The batch's time budget ran out before this file was read."


def owner_key(token: str) -> str:
    """A job belongs to the session that created it (a hash of its CSRF token)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


Upload = tuple[str, bytes]


class Job:
    """One coach batch: its uploads until processed, then its results (all in memory).

    A waiting job keeps only the uploaded bytes (at most the 50 MB body); zips are unpacked
    when the job starts, so waiting jobs cost no more than their uploads.
    """

    def __init__(self, owner: str, uploads: tuple[Upload, ...], postings: tuple[str, ...]) -> None:
        self.id = secrets.token_urlsafe(18)
        self.owner = owner
        self.uploads = uploads
        self.items: tuple[InputItem, ...] = ()
        self.notes: tuple[Note, ...] = ()
        self.postings = postings
        self.total = len(uploads)
        self.state: State = "queued"
        self.results: list[FileResult] = []
        self.files: dict[str, bytes] = {}
        self.created = time.monotonic()
        self.finished: float | None = None
        self.out_of_time = False

    @property
    def done_count(self) -> int:
        return len(self.results)


class BatchJobs:
    """The job queue and its workers; every method is safe from any request thread."""

    def __init__(
        self,
        run_task: RunTask,
        *,
        workers: int = 1,
        max_waiting: int = 4,
        job_seconds: float = 600.0,
        file_seconds: float = 15.0,
        ttl_seconds: float = 900.0,
    ) -> None:
        self.run_task = run_task
        self.workers = max(1, workers)
        self.max_waiting = max_waiting
        self.job_seconds = job_seconds
        self.file_seconds = file_seconds
        self.ttl_seconds = ttl_seconds
        self._jobs: dict[str, Job] = {}
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._stopping = threading.Event()

    def submit(self, job: Job) -> Job:
        """Queue ``job``; ``BusyError`` (503) when the queue is full."""
        with self._lock:
            self._purge()
            waiting = sum(1 for j in self._jobs.values() if j.state != "done")
            if waiting >= self.max_waiting + self.workers or self._stopping.is_set():
                raise BusyError()
            self._jobs[job.id] = job
            self._start_workers()
        self._queue.put(job)
        return job

    def get(self, job_id: str, owner: str) -> Job | None:
        """The job when it exists, has not expired and belongs to ``owner``."""
        with self._lock:
            self._purge()
            job = self._jobs.get(job_id)
        return job if job is not None and secrets.compare_digest(job.owner, owner) else None

    def position(self, job: Job) -> int:
        """How many jobs run or wait ahead of a queued ``job``."""
        with self._lock:
            return sum(
                1 for j in self._jobs.values() if j.state != "done" and j.created < job.created
            )

    def delete(self, job: Job) -> None:
        """Forget a job's results now (a running job stops after its current file)."""
        with self._lock:
            self._jobs.pop(job.id, None)
        job.files = {}
        job.results = []

    def shutdown(self) -> None:
        """Stop taking and running jobs (server shutdown); current children are killed at exit."""
        self._stopping.set()
        for _ in self._threads:
            self._queue.put(None)

    def _purge(self) -> None:
        now = time.monotonic()
        for job_id, job in list(self._jobs.items()):
            if job.finished is not None and now - job.finished > self.ttl_seconds:
                del self._jobs[job_id]

    def _start_workers(self) -> None:
        while len(self._threads) < self.workers:
            thread = threading.Thread(target=self._work, name="batch-job", daemon=True)
            self._threads.append(thread)
            thread.start()

    def _work(self) -> None:
        while not self._stopping.is_set():
            job = self._queue.get()
            if job is None:
                return
            try:
                self._run(job)
            except Exception as exc:  # a bug must not kill the worker; the job still ends
                log.error("batch job failed exc=%s", type(exc).__name__)
            finally:
                job.uploads, job.items = (), ()
                job.finished = time.monotonic()
                job.state = "done"

    def _run(self, job: Job) -> None:
        collection = collect_uploads(job.uploads)
        job.uploads = ()
        job.items, job.notes, job.total = collection.items, collection.notes, len(collection.items)
        job.state = "running"
        started = time.monotonic()
        deadline = started + self.job_seconds
        taken: set[str] = set()
        for index, item in enumerate(job.items):
            if self._stopping.is_set() or job.id not in self._jobs:
                return
            result = self._one(index, item, job.postings, deadline)
            job.results.append(self._keep_reports(job, result, taken))
        batch = BatchResult(
            outdir=Path(),
            files=tuple(job.results),
            notes=job.notes,
            elapsed=time.monotonic() - started,
            jobs=1,
            total=job.total,
            error_counts=count_errors(tuple(job.results)),
        )
        outputs = summary_files(batch, with_match=bool(job.postings))
        outputs["cohort.md"] = render_cohort_markdown(batch.files).encode("utf-8")
        outputs["cohort.svg"] = render_cohort_svg(batch.files).encode("utf-8")
        job.files.update(outputs)
        job.out_of_time = any(r.message == OUT_OF_TIME for r in job.results)

    def _one(
        self, index: int, item: InputItem, postings: tuple[str, ...], deadline: float
    ) -> tuple[FileResult, tuple[tuple[str, bytes], ...]]:
        left = deadline - time.monotonic()
        try:
            data = item.load()
            task = Task(index, item.file, _sha(data), data, postings, WEB_FORMATS)
            if left < 1.0:
                raise ParseTimeoutError(OUT_OF_TIME)
            return self.run_task(task, min(self.file_seconds, left))
        except InputError as error:
            failed = FileResult(
                index=index,
                file=item.file,
                sha256=_sha(item.data or b""),
                status="error",
                error_code=error.code,
                message=error.message,
            )
            return failed, ()

    @staticmethod
    def _keep_reports(
        job: Job, outcome: tuple[FileResult, tuple[tuple[str, bytes], ...]], taken: set[str]
    ) -> FileResult:
        result, rendered = outcome
        if not rendered:
            return result
        stem = report_stem(result.file, result.sha256, taken)
        names = []
        for fmt, data in rendered:
            name = f"{stem}.{FORMAT_EXTENSIONS[fmt]}"
            job.files[f"{REPORTS_DIR}/{name}"] = data
            names.append((fmt, name))
        return replace(result, reports=tuple(names))


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
