"""The coach's batch page: upload, a progress page that refreshes itself, the cohort and downloads.

The page is a thin layer over ``hitl_resume.batch``: uploads become a ``Collection`` with the
CLI's zip rules (``collect_uploads``), each file goes through the CLI's worker code in a limited
child (``jobs``), and the downloads are the CLI's own summary.csv, summary.json, errors.csv,
cohort view and per-file reports. A zip that breaks a limit is refused whole at upload, before
anything is inflated (B-04); nothing is written to disk.
"""

from __future__ import annotations

import io
import zipfile
from typing import cast

from flask import Blueprint, Response, current_app, redirect, render_template, request, url_for

from hitl_resume.api import clean_posting_text
from hitl_resume.batch import worker
from hitl_resume.batch.inputs import ZIP_MAX_MEMBERS, check_zip_limits
from hitl_resume.batch.outputs import SUMMARY_CSV
from hitl_resume.batch.results import FileResult, Task
from hitl_resume.errors import InputError
from hitl_resume.language.lexicon_loader import ROLE_IDS

from . import bounded, child_tasks
from .downloads import attachment
from .jobs import BatchJobs, Job, owner_key
from .security import csrf_token

bp = Blueprint("batch", __name__)

#: Seconds between refreshes of the progress page (a meta refresh: no JavaScript needed).
REFRESH_SECONDS = 2


class BatchLimitError(InputError):
    code = "batch_too_large"
    http_status = 413
    default_message = (
        "This zip is too large for one batch: at most 200 files, 10 MB each and 100 MB in total "
        "once unpacked. Split it and try again."
    )


class NoFilesError(InputError):
    code = "no_files"
    http_status = 400
    default_message = "Choose some resume files or a zip of them."


class JobNotFoundError(InputError):
    code = "batch_not_found"
    http_status = 404
    default_message = (
        "This batch is no longer here: results are deleted once downloaded, or after 15 minutes."
    )


def run_task_in_child(
    task: Task, timeout: float
) -> tuple[FileResult, tuple[tuple[str, bytes], ...]]:
    """One batch file through the CLI worker, in a limited child (``jobs.RunTask``)."""
    outcome = bounded.run_in_child(child_tasks.run_batch_task, task, timeout)
    return cast(tuple[FileResult, tuple[tuple[str, bytes], ...]], outcome)


def run_task_here(task: Task, timeout: float) -> tuple[FileResult, tuple[tuple[str, bytes], ...]]:
    """The same worker code in this process (``ANALYSE_IN_CHILD=False``: tests that patch it)."""
    return worker.analyze_task(task)


def batch_jobs() -> BatchJobs:
    """The app's job queue."""
    return cast(BatchJobs, current_app.extensions["batch_jobs"])


def _check_limits(uploads: list[tuple[str, bytes]]) -> int:
    """Refuse the whole batch from zip central directories alone (B-04), before inflating.

    Returns how many files the batch holds.
    """
    count = 0
    for name, data in uploads:
        if not name.lower().endswith(".zip"):
            count += 1
            continue
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                infos = [info for info in archive.infolist() if not info.is_dir()]
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
            count += 1  # reported as a damaged file in the table
            continue
        try:
            check_zip_limits(infos)
        except InputError:
            raise BatchLimitError() from None
        count += len(infos)
    if count > ZIP_MAX_MEMBERS:
        raise BatchLimitError()
    return count


def _job(job_id: str) -> Job:
    job = batch_jobs().get(job_id, owner_key(csrf_token()))
    if job is None:
        raise JobNotFoundError()
    return job


@bp.get("/batch")
def batch_get() -> str:
    return render_template("batch.html")


@bp.post("/batch")
def batch_post() -> Response:
    uploads = [
        (upload.filename or "", upload.stream.read())
        for upload in request.files.getlist("files")
        if upload.filename
    ]
    if not uploads:
        raise NoFilesError()
    posting = request.form.get("posting", "")
    postings = (clean_posting_text(posting),) if posting.strip() else ()
    count = _check_limits(uploads)
    job = Job(owner_key(csrf_token()), tuple(uploads), postings)
    job.total = count
    batch_jobs().submit(job)
    return cast(Response, redirect(url_for("batch.batch_job", job_id=job.id), code=303))


@bp.get("/batch/<job_id>")
def batch_job(job_id: str) -> str:
    job = _job(job_id)
    jobs = batch_jobs()
    return render_template(
        "batch_job.html",
        job=job,
        rows=list(job.results),
        role_ids=ROLE_IDS,
        with_match=bool(job.postings),
        position=jobs.position(job) if job.state == "queued" else 0,
        refresh=REFRESH_SECONDS if job.state != "done" else None,
        ttl_minutes=int(jobs.ttl_seconds // 60),
    )


@bp.post("/batch/<job_id>/csv")
def batch_csv(job_id: str) -> Response:
    job = _job(job_id)
    if SUMMARY_CSV not in job.files:
        raise JobNotFoundError()
    return attachment(job.files[SUMMARY_CSV], "cohort-summary.csv", "text/csv")


@bp.post("/batch/<job_id>/zip")
def batch_zip(job_id: str) -> Response:
    """Everything the CLI would write, as one zip; the results are deleted once it is built."""
    job = _job(job_id)
    if job.state != "done" or not job.files:
        raise JobNotFoundError()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in sorted(job.files.items()):
            archive.writestr(name, data)
    batch_jobs().delete(job)
    return attachment(buffer.getvalue(), "cohort.zip", "application/zip")


@bp.post("/batch/<job_id>/delete")
def batch_delete(job_id: str) -> Response:
    batch_jobs().delete(_job(job_id))
    return cast(Response, redirect(url_for("batch.batch_get"), code=303))
