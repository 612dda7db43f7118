"""Batch throughput: files/s for --jobs 1, --jobs 2 and a local two-worker Dask cluster.

Usage: python benchmarks/bench_batch.py [--files N] [--skip-jobs1] [--kill] [--workers W]

The input is the public resume PDFs under ../shared/data/resumes (repeated as needed) mixed
with a synthetic layout zoo (two-column, sidebar, header, table and multi-page PDFs; table,
text-box, header/footer and list DOCX; text), written to a temporary folder. Every run uses
``force=True``. Wall time includes everything a user waits for: worker start-up, model load,
every isolated parse. The runs must give the same summary rows; with ``--kill`` one cluster
worker is SIGKILLed mid-run and no row may be lost or doubled. Last, a projection for 20,000
resumes on N machines like this one (each running a W-worker Dask worker pool). Prints counts
and timings only, never names or text.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
SHARED = next(
    (p / "shared" / "data" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()),
    ROOT.parent / "shared" / "data",
)
SEASON = 20_000


def zoo() -> list[tuple[str, bytes]]:
    """Synthetic layouts from the test factories (no real person's data)."""
    import docx_factory
    import pdf_factory

    makers: list[tuple[str, Callable[[], bytes]]] = [
        ("one-column.pdf", pdf_factory.one_column_resume),
        ("two-column.pdf", pdf_factory.two_column_resume),
        ("sidebar.pdf", pdf_factory.sidebar_resume),
        ("header-columns.pdf", pdf_factory.header_two_column_resume),
        ("table.pdf", pdf_factory.table_resume),
        ("pages.pdf", lambda: pdf_factory.many_pages_pdf(3)),
        ("simple.docx", docx_factory.simple_resume_docx),
        ("table.docx", docx_factory.table_layout_resume_docx),
        ("textbox.docx", docx_factory.textbox_resume_docx),
        ("header-footer.docx", docx_factory.header_footer_docx),
        ("list.docx", docx_factory.list_resume_docx),
    ]
    example = ROOT / "hitl_resume" / "examples" / "example_resume.txt"
    return [*((name, make()) for name, make in makers), ("example.txt", example.read_bytes())]


def build_inputs(folder: Path, count: int) -> int:
    """Write ``count`` files: public PDFs and zoo files interleaved; return how many are real."""
    real = sorted((SHARED / "resumes").rglob("*.pdf")) if SHARED.is_dir() else []
    pool: list[tuple[str, bytes]] = [(p.name, p.read_bytes()) for p in real] + zoo()
    folder.mkdir(parents=True)
    real_count = 0
    for number in range(count):
        name, data = pool[number % len(pool)]
        real_count += number % len(pool) < len(real)
        (folder / f"{number:05d}-{Path(name).suffix.lstrip('.')}{Path(name).suffix}").write_bytes(
            data
        )
    return real_count


def run(inputs: Path, out: Path, label: str, **options: object) -> tuple[float, bytes, int]:
    """Run one batch; return (seconds, summary.csv bytes, rows)."""
    from hitl_resume.batch import run_batch

    started = time.perf_counter()
    result = run_batch([inputs], out, force=True, progress=False, **options)  # type: ignore[arg-type]
    seconds = time.perf_counter() - started
    files = len(result.files)
    print(
        f"{label:<22} {seconds:7.1f} s  {files / seconds:6.2f} files/s  "
        f"ok {result.ok_count}/{files}  errors {dict(result.error_counts)}"
    )
    return seconds, (out / "summary.csv").read_bytes(), files


def killer(address: str, reports: Path, after: int, log: list[str]) -> threading.Thread:
    """A thread that SIGKILLs one busy cluster worker once ``after`` reports exist."""

    def work() -> None:
        import distributed

        with distributed.Client(address) as client:
            while True:
                done = len(os.listdir(reports)) if reports.is_dir() else 0
                busy = sorted(w for w, keys in client.processing().items() if keys)
                if done >= after and busy:
                    pid = next(iter(client.run(os.getpid, workers=busy[:1]).values()))
                    os.kill(pid, signal.SIGKILL)
                    log.append(f"killed worker pid {pid} after {done} reports")
                    return
                time.sleep(0.05)

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    return thread


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2, help="local cluster workers")
    parser.add_argument("--skip-jobs1", action="store_true", help="skip the slow --jobs 1 run")
    parser.add_argument("--kill", action="store_true", help="kill one worker mid cluster run")
    args = parser.parse_args()
    from hitl_resume.batch.cluster import connect, parse_cluster

    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "in"
        real = build_inputs(inputs, args.files)
        print(
            f"{args.files} files ({real} public PDFs, {args.files - real} synthetic layouts), "
            f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}"
        )
        runs: dict[str, tuple[float, bytes, int]] = {}
        if not args.skip_jobs1:
            runs["--jobs 1"] = run(inputs, Path(tmp) / "j1", "--jobs 1", jobs=1)
        runs["--jobs 2"] = run(inputs, Path(tmp) / "j2", "--jobs 2", jobs=2)
        started = time.perf_counter()
        with connect(parse_cluster(f"local:{args.workers}")) as client:
            address = str(client.scheduler.address)
            start_up = time.perf_counter() - started
            log: list[str] = []
            out = Path(tmp) / "cluster"
            thread = killer(address, out / "reports", args.files // 10, log) if args.kill else None
            label = f"cluster local:{args.workers}"
            seconds, summary, rows = run(inputs, out, label, cluster=address)
            if thread is not None:
                thread.join(timeout=1)
                print("  " + (log[0] if log else "no worker was killed (batch too short)"))
        runs[label] = (seconds + start_up, summary, rows)
        print(f"  (cluster start-up and model load {start_up:.1f} s, included above)")
        reference = runs["--jobs 2"][1]
        for name, (_, summary, rows) in runs.items():
            same = "same summary rows" if summary == reference else "DIFFERENT summary rows"
            print(f"{name:<22} {rows} rows, {same} as --jobs 2")
        rate = args.files / runs[label][0]
        print(f"projection for {SEASON:,} resumes, {rate:.2f} files/s per machine like this one:")
        for machines in (1, 2, 4, 8, 16):
            hours = SEASON / (rate * machines) / 3600
            print(f"  {machines:>2} machine(s): {hours:6.2f} h")


if __name__ == "__main__":
    sys.exit(main())
