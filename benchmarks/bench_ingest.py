"""Ingestion benchmark: parse time per document and page, raw pdfplumber/pdfium, child overhead.

Usage: python benchmarks/bench_ingest.py [--limit N]
Reads PDFs from ../shared/data/resumes (skipped if absent) and synthetic DOCX built by the
test factories. Prints one table; numbers go into the issue note.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# ../shared beside the checkout (CI, main); a worktree under wt/ finds it one level higher.
SHARED = next(
    (p / "shared" / "data" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()),
    ROOT.parent / "shared" / "data",
)
sys.path.insert(0, str(ROOT / "tests"))


def _ms(values: list[float]) -> str:
    if not values:
        return "n/a"
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"median {statistics.median(values) * 1000:7.1f} ms  p95 {p95 * 1000:7.1f} ms"


def pdf_files(limit: int) -> list[Path]:
    files = sorted((SHARED / "resumes").rglob("*.pdf")) if SHARED.is_dir() else []
    return files[:limit]


def docx_samples() -> list[bytes]:
    import docx_factory

    makers = [
        docx_factory.simple_resume_docx,
        docx_factory.table_layout_resume_docx,
        docx_factory.textbox_resume_docx,
        docx_factory.header_footer_docx,
        docx_factory.list_resume_docx,
    ]
    return [make() for make in makers]


def main() -> None:  # noqa: PLR0915 - one linear measurement script
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=60)
    args = parser.parse_args()

    import pdfplumber

    from hitl_resume.errors import InputError
    from hitl_resume.ingest.isolation import run_isolated
    from hitl_resume.ingest.readers import extract_file
    from hitl_resume.ingest.source import extract
    from hitl_resume.structure import build_resume

    pdfs = pdf_files(args.limit)
    import pypdfium2

    raw, raw_pdfium, ours_inproc, ours_isolated, per_page = [], [], [], [], []
    outcomes: dict[str, int] = {}
    for path in pdfs:
        data = path.read_bytes()
        started = time.perf_counter()
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = len(pdf.pages)
            for page in pdf.pages:
                page.extract_text()
        raw.append(time.perf_counter() - started)
        started = time.perf_counter()
        document = pypdfium2.PdfDocument(data)
        for index in range(len(document)):
            document[index].get_textpage().get_text_range()
        document.close()
        raw_pdfium.append(time.perf_counter() - started)
        started = time.perf_counter()
        try:
            build_resume(extract(data, isolated=False))
            outcomes["ok"] = outcomes.get("ok", 0) + 1
        except InputError as error:
            outcomes[error.code] = outcomes.get(error.code, 0) + 1
        elapsed = time.perf_counter() - started
        ours_inproc.append(elapsed)
        per_page.append(elapsed / max(pages, 1))
        started = time.perf_counter()
        with contextlib.suppress(InputError):
            extract(data, isolated=True)
        ours_isolated.append(time.perf_counter() - started)

    docx_inproc, docx_isolated = [], []
    for data in docx_samples() * 5:
        started = time.perf_counter()
        build_resume(extract(data, isolated=False))
        docx_inproc.append(time.perf_counter() - started)
        started = time.perf_counter()
        extract(data, isolated=True)
        docx_isolated.append(time.perf_counter() - started)

    from hitl_resume.ingest.text_cleaning import clean_text  # noqa: F401  (warm import for fairness)

    overhead = []
    for _ in range(20):
        started = time.perf_counter()
        run_isolated(len, b"x")
        overhead.append(time.perf_counter() - started)
    del extract_file

    print(f"PDF files: {len(pdfs)}  outcomes: {outcomes}")
    print(f"raw pdfplumber extract_text / doc : {_ms(raw)}")
    print(f"raw pypdfium2 text (glued) / doc  : {_ms(raw_pdfium)}")
    print(f"hitl_resume parse (in process) / doc: {_ms(ours_inproc)}")
    print(f"hitl_resume parse per page        : {_ms(per_page)}")
    print(f"hitl_resume extract isolated / doc: {_ms(ours_isolated)}")
    print(f"DOCX parse (in process) / doc     : {_ms(docx_inproc)}")
    print(f"DOCX extract isolated / doc       : {_ms(docx_isolated)}")
    print(f"child-process overhead (no-op)    : {_ms(overhead)}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: parent {peak:.0f} MB, a parse child (largest PDF): {_child_peak(pdfs)} MB")


def _child_peak(pdfs: list[Path]) -> str:
    """Peak RSS of a fresh process that reads the largest PDF, i.e. what one parse child needs."""
    import subprocess

    if not pdfs:
        return "n/a"
    largest = max(pdfs, key=lambda p: p.stat().st_size)
    code = (
        "import resource, sys; from pathlib import Path; from hitl_resume.ingest.readers import "
        "extract_file; extract_file(Path(sys.argv[1]).read_bytes()); "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(largest)], capture_output=True, text=True, check=False
    )
    return result.stdout.strip() or "n/a"


if __name__ == "__main__":
    main()
