"""Time read_pdf against pdfplumber's own extract_text, per page, on the livecareer PDFs.

Usage: python benchmarks/bench_pdf_reader.py [LIMIT]. Reads ../shared/data (not in the repo);
prints only counts and timings, never file names or text.
"""

from __future__ import annotations

import io
import logging
import sys
import time
from pathlib import Path

import pdfplumber

from hitl_resume.ingest.pdf_reader import read_pdf

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "resumes" / "livecareer" / "pdf"


def main(limit: int) -> None:
    """Print ms/page for raw extract_text and for read_pdf over the same files."""
    logging.getLogger("pdfminer").setLevel(logging.WARNING)
    files = sorted(DATA.glob("*/*.pdf"))[:limit]
    if not files:
        print("no livecareer PDFs found; nothing to time")
        return
    raw_seconds = ours_seconds = 0.0
    pages = 0
    for path in files:
        data = path.read_bytes()
        start = time.perf_counter()
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                page.extract_text()
                pages += 1
        raw_seconds += time.perf_counter() - start
        start = time.perf_counter()
        read_pdf(data)
        ours_seconds += time.perf_counter() - start
    raw_ms, ours_ms = 1000 * raw_seconds / pages, 1000 * ours_seconds / pages
    print(f"{len(files)} files, {pages} pages")
    print(f"pdfplumber extract_text: {raw_ms:.1f} ms/page")
    print(f"read_pdf:                {ours_ms:.1f} ms/page ({ours_ms / raw_ms:.2f}x)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
