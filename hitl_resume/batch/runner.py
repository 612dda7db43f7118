"""Run a batch: collect inputs, skip what an earlier run finished, analyse the rest, write outputs.

``jobs`` ≤ 1 analyses in this process (no pool; handy for tests and small batches); more jobs
use a ``ProcessPoolExecutor`` whose workers load the model once each; ``cluster`` sends the same
per-file work to a Dask cluster (``cluster.py``). Every way, each file's parse runs in an
isolated, limited child, and only this process writes outputs. Ctrl-C cancels pending work
and still writes the summary for finished files.
"""

from __future__ import annotations

import concurrent.futures as cf
import hashlib
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from hitl_resume.api import clean_posting_text
from hitl_resume.batch import worker
from hitl_resume.batch.cohort import render_cohort_markdown, render_cohort_svg
from hitl_resume.batch.inputs import Collection, collect_inputs
from hitl_resume.batch.manifest import Manifest, settings_key
from hitl_resume.batch.outputs import atomic_write, write_reports, write_summaries
from hitl_resume.batch.progress import make_progress
from hitl_resume.batch.results import BatchResult, FileResult, Task, count_errors
from hitl_resume.errors import InputError

if TYPE_CHECKING:
    from hitl_resume.batch.cluster import ClusterSpec

FORMATS = ("json", "markdown", "docx")
Outcome = tuple[FileResult, tuple[tuple[str, bytes], ...]]
Finish = Callable[[FileResult, tuple[tuple[str, bytes], ...]], None]
MANIFEST_EVERY = 10


def effective_jobs(jobs: int | None) -> int:
    """The worker count: the CPU count by default, never more (docs/security.md B-09)."""
    cpus = os.cpu_count() or 1
    if jobs is None:
        return cpus
    if jobs < 0:
        raise ValueError("jobs must be 0 or more")
    return min(jobs, cpus)


def run_batch(
    inputs: Sequence[Path],
    outdir: Path,
    *,
    postings: Sequence[str] = (),
    jobs: int | None = None,
    formats: tuple[str, ...] = ("json",),
    force: bool = False,
    progress: bool | None = None,
    cluster: str | None = None,
) -> BatchResult:
    """Analyse every resume in ``inputs`` and write reports and summaries under ``outdir``.

    Args:
        inputs: folders (searched recursively, symlinks not followed), zip files and files.
        outdir: where summary.csv, summary.json, errors.csv, cohort.md/svg and reports/ go.
        postings: job posting texts; each resume is matched against all of them.
        jobs: worker processes (default: CPU count, capped at it); 0 or 1 runs in-process.
        formats: report formats, any of ``json``, ``markdown``, ``docx``.
        force: redo files even when an earlier run's reports exist.
        progress: a bar on a terminal / lines otherwise (``None``), or off (``False``).
        cluster: run the files on a Dask cluster instead of local processes: a scheduler
            address (``tcp://host:8786``), ``local`` or ``local:N`` (needs the cluster extra).

    Raises:
        ValueError: an unknown format or a negative ``jobs``.
        ClusterError: ``cluster`` is set but unusable (extra missing, unreachable, bad workers).
        InputError: a posting that cannot be used (empty or too long).
    """
    unknown = [fmt for fmt in formats if fmt not in FORMATS]
    if unknown or not formats:
        raise ValueError(f"formats must be among {', '.join(FORMATS)}")
    formats = tuple(dict.fromkeys(formats))
    texts = tuple(clean_posting_text(text) for text in postings)
    workers = effective_jobs(jobs)
    spec = _cluster_spec(cluster)
    started = time.monotonic()
    outdir.mkdir(parents=True, exist_ok=True)
    collection = collect_inputs(inputs, exclude=outdir)
    settings = settings_key(texts)
    manifest = Manifest.load(outdir, settings)  # with force: kept for other files, not reused
    notes = list(collection.notes)
    reporter = make_progress(progress, len(collection.items))
    results: dict[int, FileResult] = {}
    taken: set[str] = set()

    def finish(result: FileResult, rendered: tuple[tuple[str, bytes], ...]) -> None:
        if rendered:
            result = replace(result, reports=write_reports(outdir, result, rendered, taken))
        results[result.index] = result
        manifest.record(result)
        reporter.advance(result)
        if len(results) % MANIFEST_EVERY == 0:
            manifest.save()

    tasks = _tasks(collection, manifest, texts, formats, force, finish)
    interrupted = False
    try:
        if spec is not None:
            workers = _run_cluster(spec, tasks, finish)
        elif workers <= 1 or len(collection.items) <= 1:
            for task in tasks:
                finish(*worker.analyze_task(task))
        else:
            _run_pool(tasks, workers, finish)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        reporter.close()
    files = tuple(results[index] for index in sorted(results))
    batch = BatchResult(
        outdir=outdir,
        files=files,
        notes=tuple(notes),
        elapsed=time.monotonic() - started,
        jobs=workers,
        interrupted=interrupted,
        total=len(collection.items),
        error_counts=count_errors(files),
    )
    write_summaries(batch, with_match=bool(texts))
    atomic_write(outdir / "cohort.md", render_cohort_markdown(files).encode("utf-8"))
    atomic_write(outdir / "cohort.svg", render_cohort_svg(files).encode("utf-8"))
    manifest.save()
    return batch


def _cluster_spec(cluster: str | None) -> ClusterSpec | None:
    """Check a ``--cluster`` value early (before any file is read)."""
    if cluster is None:
        return None
    from hitl_resume.batch.cluster import parse_cluster, require_distributed

    spec = parse_cluster(cluster)
    require_distributed()
    return spec


def _run_cluster(spec: ClusterSpec, tasks: Iterator[Task], finish: Finish) -> int:
    """Run every task on the cluster; return how many files it worked on at once."""
    from hitl_resume.batch.cluster import cluster_threads, connect, run_on_cluster

    with connect(spec) as client:
        threads = cluster_threads(client)
        run_on_cluster(client, tasks, finish)
    return threads


def _tasks(
    collection: Collection,
    manifest: Manifest,
    postings: tuple[str, ...],
    formats: tuple[str, ...],
    force: bool,
    finish: Finish,
) -> Iterator[Task]:
    """Yield work lazily (bytes are read just in time); unreadable or reused files finish here."""
    for index, item in enumerate(collection.items):
        try:
            data = item.load()
        except InputError as error:
            sha = hashlib.sha256(item.data or b"").hexdigest()
            finish(_input_failure(index, item.file, sha, error), ())
            continue
        sha = hashlib.sha256(data).hexdigest()
        reused = None if force else manifest.reuse(index, item.file, sha, formats)
        if reused is not None:
            finish(reused, ())
            continue
        yield Task(index, item.file, sha, data, postings, formats)


def _input_failure(index: int, file: str, sha: str, error: InputError) -> FileResult:
    return FileResult(
        index=index,
        file=file,
        sha256=sha,
        status="error",
        error_code=error.code,
        message=error.message,
    )


def _run_pool(tasks: Iterator[Task], workers: int, finish: Finish) -> None:
    """Keep at most two tasks per worker in flight (bounded memory; Ctrl-C cancels the rest).

    Workers are spawned (not forked from the parse forkserver, whose small footprint the memory
    cap relies on). A pool broken by a dying worker fails its in-flight files and is replaced.
    """
    executor = _new_pool(workers)
    pending: dict[cf.Future[Outcome], Task] = {}
    try:
        exhausted = False
        while True:
            while not exhausted and len(pending) < 2 * workers:
                task = next(tasks, None)
                if task is None:
                    exhausted = True
                    break
                pending[executor.submit(worker.analyze_task, task)] = task
            if not pending:
                break
            done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
            broken = False
            for future in done:
                task = pending.pop(future)
                outcome, died = _collect(future, task)
                broken = broken or died
                finish(*outcome)
            if broken:
                for future, task in list(pending.items()):
                    finish(*_collect(future, task)[0])
                    del pending[future]
                executor.shutdown(wait=False, cancel_futures=True)
                executor = _new_pool(workers)
    finally:
        # On Ctrl-C, workers (which ignore SIGINT) finish their current file and exit; killing
        # them would leave their parse children writing to closed pipes.
        executor.shutdown(wait=not pending, cancel_futures=True)


def _new_pool(workers: int) -> cf.ProcessPoolExecutor:
    return cf.ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=worker.init_worker,
    )


def _collect(future: cf.Future[Outcome], task: Task) -> tuple[Outcome, bool]:
    """A worker that died (killed, out of memory) costs its file a row, not the batch."""
    try:
        return future.result(), False
    except Exception as exc:
        failure = worker.lost_worker_result(task)
        return (failure, ()), isinstance(exc, cf.process.BrokenProcessPool)
