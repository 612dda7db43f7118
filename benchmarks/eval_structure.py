"""Measure how well the structure parser finds experience entries in the livecareer resumes.

Run: ``python benchmarks/eval_structure.py [--seed N] [--show 10]``. Reads
``../shared/data/resumes/livecareer`` (read-only, never copied); prints only aggregate figures
and, for eyeballing, the parsed entries of a few random resumes (category and number only).
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

from hitl_resume.ingest.extraction import Extraction, Line
from hitl_resume.models import Resume
from hitl_resume.structure import build_resume

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "resumes" / "livecareer"


def _extract(path: Path) -> Extraction:
    try:
        from hitl_resume.ingest.pdf_reader import read_pdf
    except ImportError:
        import pdfplumber

        lines: list[Line] = []
        with pdfplumber.open(path) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                for text in (page.extract_text() or "").split("\n"):
                    lines.append(Line(text, page=number))
            return Extraction("pdf", tuple(lines), len(pdf.pages))
    result: Extraction = read_pdf(path.read_bytes())
    return result


def _summary(label: str, resumes: list[Resume]) -> str:
    entries = [e for r in resumes for e in r.experience]
    with_entry = sum(1 for r in resumes if r.experience)
    pct = 100.0 * with_entry / max(1, len(resumes))
    per = statistics.mean(len(r.experience) for r in resumes) if resumes else 0.0
    bullets = statistics.mean(sum(len(e.bullets) for e in r.experience) for r in resumes)
    titled = 100.0 * sum(1 for e in entries if e.title) / max(1, len(entries))
    orgs = 100.0 * sum(1 for e in entries if e.organization) / max(1, len(entries))
    dated = 100.0 * sum(1 for e in entries if e.start_date) / max(1, len(entries))
    return (
        f"{label:<24} n={len(resumes):>3}  >=1 entry {pct:5.1f}%  entries/resume {per:4.1f}  "
        f"bullets/resume {bullets:5.1f}  title {titled:5.1f}%  org {orgs:5.1f}%  "
        f"dates {dated:5.1f}%"
    )


def main() -> int:
    """Parse every livecareer PDF and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", type=int, default=10)
    args = parser.parse_args()
    if not DATA.is_dir():
        print("livecareer data not found; nothing to evaluate")
        return 0
    categories: dict[str, str] = {}
    with (DATA / "labels.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            categories[row["file"]] = row["category"]
    by_category: dict[str, list[Resume]] = defaultdict(list)
    parsed: list[tuple[str, Resume]] = []
    timings: list[float] = []
    for path in sorted(DATA.glob("pdf/*/*.pdf")):
        extraction = _extract(path)
        began = time.perf_counter()
        resume = build_resume(extraction)
        timings.append(time.perf_counter() - began)
        category = categories.get(str(path.relative_to(DATA)), path.parent.name)
        by_category[category].append(resume)
        parsed.append((f"{category} #{len(by_category[category])}", resume))
    print(_summary("ALL", [r for _, r in parsed]))
    for category in sorted(by_category, key=lambda c: -len(by_category[c])):
        print(_summary(category, by_category[category]))
    print(
        f"build_resume time: mean {1000 * statistics.mean(timings):.1f} ms, "
        f"max {1000 * max(timings):.1f} ms"
    )
    missing = [label for label, r in parsed if not r.experience]
    print("without entries:", ", ".join(missing) or "none")
    for label, resume in random.Random(args.seed).sample(parsed, min(args.show, len(parsed))):
        print(f"\n== {label}: {len(resume.experience)} entries")
        for entry in resume.experience:
            print(
                f"  [{entry.start_date} .. {entry.end_date}] title={entry.title!r} "
                f"org={entry.organization!r} loc={entry.location!r} bullets={len(entry.bullets)}"
            )
            for bullet in entry.bullets[:2]:
                print(f"      - {bullet.text[:110]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
