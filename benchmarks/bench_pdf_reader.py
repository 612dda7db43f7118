"""Old (pdfplumber) against new (pdfium) PDF parse, side by side in one run, on the livecareer PDFs.

Usage: python benchmarks/bench_pdf_reader.py [--limit N] [--rounds R]

Each file is parsed bytes → structured resume in the isolated child (timeout, memory cap),
alternating old and new so machine load hits both alike; the best of R rounds counts per file.
Reports the speed-up (total and median per file) and whether both give the same job entries
(title, organisation, start and end date), and the same line texts. Reads ../shared/data (not
in the repo); prints only counts and timings, never names or text.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from hitl_resume.errors import InputError
from hitl_resume.ingest.extraction import Extraction
from hitl_resume.ingest.isolation import run_isolated
from hitl_resume.ingest.pdf_plumber import extract_pdf_plumber, read_pdf_plumber
from hitl_resume.ingest.pdf_reader import read_pdf
from hitl_resume.ingest.readers import extract_file
from hitl_resume.ingest.text_quality import check_text_quality
from hitl_resume.models import Resume
from hitl_resume.structure import build_resume

ROOT = Path(__file__).resolve().parents[1]
# ../shared beside the checkout (CI, main); a worktree under wt/ finds it one level higher.
SHARED = next(
    (p / "shared" / "data" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()),
    ROOT.parent / "shared" / "data",
)
DATA = SHARED / "resumes" / "livecareer" / "pdf"
Entries = tuple[tuple[str | None, ...], ...]


def parse_with(target: Callable[[bytes], Extraction], data: bytes) -> Resume | str:
    """Bytes → structured resume through the isolated child; an error code on refusal."""
    try:
        extraction = run_isolated(target, data)
        text = "\n".join(line.text for line in extraction.lines)
        check_text_quality(text, kind=extraction.kind, pages=extraction.pages)
        return build_resume(extraction)
    except InputError as error:
        return error.code


def entries(result: Resume | str) -> Entries | str:
    if isinstance(result, str):
        return result
    return tuple((e.title, e.organization, e.start_date, e.end_date) for e in result.experience)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0, help="first N files (0: all)")
    parser.add_argument("--rounds", type=int, default=1, help="best of R timings per file")
    args = parser.parse_args()
    files = sorted(DATA.glob("*/*.pdf"))
    files = files[: args.limit] if args.limit else files
    if not files:
        print("skipped: ../shared/data/resumes/livecareer is absent")
        return
    parse_with(extract_file, files[0].read_bytes())  # start the forkserver outside the timing
    old_times: list[float] = []
    new_times: list[float] = []
    same_entries = same_text = job_files = same_job_files = 0
    for path in files:
        data = path.read_bytes()
        best = {"old": float("inf"), "new": float("inf")}
        results: dict[str, Resume | str] = {}
        for _ in range(args.rounds):
            for name, target in (("old", extract_pdf_plumber), ("new", extract_file)):
                started = time.perf_counter()
                results[name] = parse_with(target, data)
                best[name] = min(best[name], time.perf_counter() - started)
        old_times.append(best["old"])
        new_times.append(best["new"])
        old, new = entries(results["old"]), entries(results["new"])
        same_entries += old == new
        if isinstance(old, tuple) and old:
            job_files += 1
            same_job_files += old == new
        old_r, new_r = results["old"], results["new"]
        same_text += (
            isinstance(old_r, Resume) and isinstance(new_r, Resume) and old_r.text == new_r.text
        ) or old_r == new_r
    n = len(files)
    total_old, total_new = sum(old_times), sum(new_times)
    ratios = [o / w for o, w in zip(old_times, new_times, strict=True)]
    old_ms, new_ms = statistics.median(old_times) * 1e3, statistics.median(new_times) * 1e3
    print(f"{n} livecareer PDFs, isolated parse (bytes → structured resume), best of {args.rounds}")
    print(f"old (pdfplumber): {total_old:6.2f} s  median {old_ms:6.1f} ms/file")
    print(f"new (pdfium):     {total_new:6.2f} s  median {new_ms:6.1f} ms/file")
    print(f"speed-up: {total_old / total_new:.1f}x total, {statistics.median(ratios):.1f}x median")
    print(
        f"same job entries (title, organisation, dates): {same_entries}/{n} "
        f"({same_entries / n:.1%})"
    )
    print(f"  of files with entries: {same_job_files}/{job_files}")
    print(f"same resume text: {same_text}/{n}")
    in_process(files)
    layouts()


def in_process(files: list[Path]) -> None:
    """The readers alone, in this process (no child): CPU seconds, best of 3."""
    datas = [path.read_bytes() for path in files]
    best: dict[str, float] = {}
    for name, reader in (("old", read_pdf_plumber), ("new", read_pdf)):
        rounds = []
        for _ in range(3 if name == "new" else 1):
            started = time.process_time()
            for data in datas:
                reader(data)
            rounds.append(time.process_time() - started)
        best[name] = min(rounds)
    print(
        f"readers alone, in process: old {best['old'] / len(datas) * 1e3:.1f} ms/file, "
        f"new {best['new'] / len(datas) * 1e3:.1f} ms/file CPU ({best['old'] / best['new']:.1f}x)"
    )


def layouts() -> None:
    """Synthetic layouts (two columns, sidebar, header over columns, table): identical lines?"""
    sys.path.insert(0, str(ROOT / "tests"))
    import pdf_factory

    makers = {
        "two-column": pdf_factory.two_column_resume,
        "sidebar": pdf_factory.sidebar_resume,
        "header-over-columns": pdf_factory.header_two_column_resume,
        "table": pdf_factory.table_resume,
    }
    same = [name for name, make in makers.items() if read_pdf(d := make()) == read_pdf_plumber(d)]
    print(f"synthetic layouts with identical lines: {len(same)}/{len(makers)} ({', '.join(same)})")


if __name__ == "__main__":
    sys.exit(main())
