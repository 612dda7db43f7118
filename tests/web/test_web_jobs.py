"""Batch jobs: a bounded queue, a time budget per job, and never a parse slot of single analyses."""

from __future__ import annotations

import threading
import time

import pytest
from hitl_resume.web.jobs import OUT_OF_TIME, BatchJobs, Job

from hitl_resume.batch.results import FileResult, Task
from hitl_resume.errors import BusyError

Outcome = tuple[FileResult, tuple[tuple[str, bytes], ...]]


def _collection(count: int) -> tuple[tuple[str, bytes], ...]:
    """``count`` uploads, as the batch page hands them to a job."""
    return tuple((f"r{i}.txt", b"x") for i in range(count))


def _ok(task: Task, timeout: float) -> Outcome:
    return FileResult(index=task.index, file=task.file, sha256=task.sha256, status="ok"), ()


def _wait_done(job: Job, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while job.state != "done" and time.monotonic() < deadline:
        time.sleep(0.02)
    assert job.state == "done"


def test_when_the_queue_is_full_then_busy_not_queued_forever() -> None:
    """A bounded queue: past ``workers + max_waiting`` unfinished jobs a new batch gets 503."""
    release = threading.Event()

    def blocked(task: Task, timeout: float) -> Outcome:
        release.wait(10)
        return _ok(task, timeout)

    jobs = BatchJobs(blocked, workers=1, max_waiting=1)
    first = jobs.submit(Job("o", _collection(1), ()))
    jobs.submit(Job("o", _collection(1), ()))
    with pytest.raises(BusyError):
        jobs.submit(Job("o", _collection(1), ()))
    release.set()
    _wait_done(first)
    jobs.shutdown()


def test_when_a_job_runs_out_of_time_then_the_rest_are_marked_not_dropped() -> None:
    """The per-job budget: files after it are error rows saying so; the cohort still ends."""

    def slow(task: Task, timeout: float) -> Outcome:
        time.sleep(min(timeout, 0.6))
        return _ok(task, timeout)

    jobs = BatchJobs(slow, job_seconds=1.5)
    job = jobs.submit(Job("o", _collection(6), ()))
    _wait_done(job)
    assert len(job.results) == 6
    assert job.results[0].status == "ok"
    assert job.results[-1].error_code == "timeout"
    assert job.results[-1].message == OUT_OF_TIME
    assert job.out_of_time
    assert "summary.csv" in job.files
    jobs.shutdown()


def test_when_a_job_runs_then_each_file_gets_at_most_the_file_budget() -> None:
    """Every file's child is given ``min(file budget, what is left of the job)``."""
    seen: list[float] = []

    def record(task: Task, timeout: float) -> Outcome:
        seen.append(timeout)
        return _ok(task, timeout)

    jobs = BatchJobs(record, file_seconds=4.0, job_seconds=100.0)
    _wait_done(jobs.submit(Job("o", _collection(3), ())))
    assert len(seen) == 3
    assert all(0 < t <= 4.0 for t in seen)
    jobs.shutdown()


def test_when_a_job_belongs_to_another_session_then_it_is_not_found() -> None:
    """Jobs are looked up by id and owner together."""
    jobs = BatchJobs(_ok)
    job = jobs.submit(Job("owner-a", _collection(1), ()))
    assert jobs.get(job.id, "owner-a") is job
    assert jobs.get(job.id, "owner-b") is None
    jobs.shutdown()


def test_when_shut_down_then_no_new_jobs_are_taken() -> None:
    """Server shutdown (SIGTERM) stops the queue: new batches are refused, none start."""
    jobs = BatchJobs(_ok)
    jobs.shutdown()
    with pytest.raises(BusyError):
        jobs.submit(Job("o", _collection(1), ()))
