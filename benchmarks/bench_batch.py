"""Batch benchmark: resumes per second at --jobs 1 and --jobs 2, peak memory per worker.

Usage: python benchmarks/bench_batch.py [--limit N] [--repeat R]
Runs ``run_batch`` over every PDF under ../shared/data/resumes (skipped if absent) into a
temporary folder with ``force=True``. Wall time includes everything a user waits for: worker
start-up and model load (once per worker, in parallel) plus every isolated parse. The
``--jobs 1`` run is also reported with the model pre-loaded, to show the load's share.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"


def pdf_files(limit: int | None) -> list[Path]:
    files = sorted((SHARED / "resumes").rglob("*.pdf")) if SHARED.is_dir() else []
    return files[:limit] if limit else files


def run_once(files: list[Path], jobs: int) -> tuple[float, int, dict[int, int], float]:
    """Wall seconds, ok count, peak RSS (MiB) per worker and median seconds per file."""
    from hitl_resume.batch import run_batch

    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "in"
        inputs.mkdir()
        for number, path in enumerate(files):
            (inputs / f"{number:04d}.pdf").write_bytes(path.read_bytes())
        started = time.perf_counter()
        result = run_batch([inputs], Path(tmp) / "out", jobs=jobs, force=True, progress=False)
        elapsed = time.perf_counter() - started
    peaks: dict[int, int] = {}
    for item in result.files:
        if item.worker_pid:
            peaks[item.worker_pid] = max(peaks.get(item.worker_pid, 0), item.peak_rss_kb // 1024)
    per_file = statistics.median(item.seconds for item in result.files)
    return elapsed, result.ok_count, peaks, per_file


def _burn(_: int) -> float:
    started = time.perf_counter()
    total = 0
    for number in range(10_000_000):
        total += number
    return time.perf_counter() - started


def cpu_scaling() -> float:
    """How much faster two processes do pure-Python work than one, right now (others' load)."""
    import multiprocessing

    rates = []
    for workers in (1, 2):
        with multiprocessing.get_context("spawn").Pool(workers) as pool:
            started = time.perf_counter()
            pool.map(_burn, range(4))
            rates.append(4 / (time.perf_counter() - started))
    return rates[1] / rates[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    files = pdf_files(args.limit)
    if not files:
        print("skipped: ../shared/data/resumes is absent")
        return
    print(f"{len(files)} PDFs, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    timings: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(args.repeat):
        print(f"machine check: 2 processes do {cpu_scaling():.2f}x the work of 1 right now")
        for jobs in (2, 1):
            elapsed, ok, peaks, per_file = run_once(files, jobs)
            timings[jobs].append(elapsed)
            rss = ", ".join(f"{mib} MiB" for mib in peaks.values())
            print(
                f"--jobs {jobs}: {elapsed:6.1f} s  {len(files) / elapsed:5.2f} resumes/s  "
                f"ok {ok}  median {per_file:.2f} s/file  peak RSS per worker: {rss}"
            )
        print(f"machine check: 2 processes do {cpu_scaling():.2f}x the work of 1 right now")
    one, two = statistics.median(timings[1]), statistics.median(timings[2])
    print(f"median --jobs 1 {one:.1f} s, --jobs 2 {two:.1f} s, speed-up {one / two:.2f}x")
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    print(f"largest child process (parse child or worker): {children} MiB")


if __name__ == "__main__":
    sys.exit(main())
