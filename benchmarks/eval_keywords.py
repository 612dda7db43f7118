"""Measure posting keywords against human span annotations and look at real job descriptions.

Usage: python benchmarks/eval_keywords.py [--split test|dev|train] [--limit N] [--show N]

- SkillSpan (``postings/skillspan``, MIT): partial and exact recall of KNOWLEDGE spans (tools,
  technologies, fields, certifications), recall of SKILL spans for information, precision as the
  share of extracted keywords overlapping any annotated span, and keywords per posting. Tune on
  train/dev; report on test.
- Resume-Matcher job descriptions (``postings/resume-matcher``, no annotations): keywords per
  posting by category and a sample, to read.
- The LA City "AUDITOR" bulletin: which accounting fields come out; timing of posting analysis.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections import Counter
from pathlib import Path

from hitl_resume.api import analyze_posting, default_analyzer
from hitl_resume.keywords.skillspan import read_split

DATA = Path(
    os.environ.get("HITL_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data")
)
if not DATA.is_dir():
    DATA = Path("/work/shared/data")
_TRIM = " \t\n.,;:()"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def skillspan(split: str, limit: int | None, show: int) -> None:
    """Recall/precision against SkillSpan spans."""
    postings = read_split(DATA / "postings" / "skillspan", split)[:limit]
    analyzer = default_analyzer()
    k_total = k_partial = k_exact = s_total = s_partial = 0
    extracted = overlapping = 0
    per_posting = []
    misses: Counter[str] = Counter()
    false: Counter[str] = Counter()
    for posting in postings:
        # read_posting skips input cleaning (controls, "<ORGANIZATION>" read as HTML), which
        # would move the annotated offsets; the keyword logic is the same.
        text = posting.text
        keywords = analyzer.read_posting(text).keywords
        spans = [m for k in keywords for m in k.mentions]
        exact = {_trimmed(text, a, b) for a, b in spans}
        per_posting.append(len(keywords))
        for a, b in posting.knowledge:
            k_total += 1
            hit = any(s < b and a < e for s, e in spans)
            k_partial += hit
            k_exact += _trimmed(text, a, b) in exact
            if not hit:
                misses[text[a:b]] += 1
        for a, b in posting.skill:
            s_total += 1
            s_partial += any(s < b and a < e for s, e in spans)
        annotated = [*posting.knowledge, *posting.skill]
        for keyword in keywords:
            extracted += 1
            if any(s < b and a < e for s, e in keyword.mentions for a, b in annotated):
                overlapping += 1
            else:
                false[keyword.text] += 1
    print(f"SkillSpan {split}: {len(postings)} postings, {k_total} knowledge spans")
    print(f"  knowledge partial recall  {k_partial / max(1, k_total):.3f}")
    print(f"  knowledge exact recall    {k_exact / max(1, k_total):.3f}")
    print(f"  skill partial recall      {s_partial / max(1, s_total):.3f} (information)")
    print(
        f"  keywords on a span        {overlapping / max(1, extracted):.3f} ({extracted} keywords)"
    )
    print(f"  keywords per posting      {statistics.mean(per_posting):.1f}")
    if show:
        print("  most missed:", ", ".join(f"{t} ({n})" for t, n in misses.most_common(show)))
        print("  most unannotated:", ", ".join(f"{t} ({n})" for t, n in false.most_common(show)))


def resume_matcher(show: int) -> None:
    """Keywords per Resume-Matcher job description (no annotations: read the sample)."""
    from hitl_resume.ingest.source import extract

    folder = DATA / "postings" / "resume-matcher" / "job_descriptions"
    counts: list[int] = []
    categories: Counter[str] = Counter()
    for path in sorted(folder.iterdir()):
        try:
            extraction = extract(path, isolated=False)
        except Exception as exc:  # a benchmark reports and goes on
            print(f"  {path.name}: unreadable ({exc.__class__.__name__})")
            continue
        text = "\n".join(line.text for line in extraction.lines)
        keywords = analyze_posting(text).keywords
        counts.append(len(keywords))
        categories.update(k.category for k in keywords)
        if show:
            sample = ", ".join(f"{k.text}{'' if k.required else '*'}" for k in keywords[:show])
            print(f"  {path.name[:40]:40} {len(keywords):3}: {sample}")
    print(f"Resume-Matcher JDs: {len(counts)} read, {statistics.mean(counts):.1f} keywords each")
    print("  by category:", dict(categories.most_common()))


def auditor() -> None:
    """The LA City AUDITOR bulletin: the accounting fields and the time per analysis."""
    import pdfplumber

    path = DATA / "postings" / "la-city-job-bulletins" / "pdf" / "AUDITOR 1517.pdf"
    if not path.is_file():
        return
    with pdfplumber.open(path) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    analyzer = default_analyzer()
    analyze_posting(text, analyzer=analyzer)
    started = time.perf_counter()
    result = analyze_posting(text, analyzer=analyzer)
    elapsed = (time.perf_counter() - started) * 1000
    words = len(text.split())
    print(f"AUDITOR bulletin ({words} words): {elapsed:.0f} ms, {len(result.keywords)} keywords")
    print(
        "  "
        + "; ".join(
            f"{k.text} [{k.category}{'' if k.required else ', preferred'}]" for k in result.keywords
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", default="test", choices=["train", "dev", "test"])
    parser.add_argument("--limit", type=int)
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--skip-jd", action="store_true")
    args = parser.parse_args()
    skillspan(args.split, args.limit, args.show)
    if not args.skip_jd:
        resume_matcher(args.show)
        auditor()


if __name__ == "__main__":
    main()
