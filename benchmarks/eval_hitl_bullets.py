"""Rewrite coverage on HITL work as applicants write it: 224 synthetic one-line resumes.

The livecareer sample holds few lines of review, escalation or override work; real HITL
applicants write many, in their own words ("Signed off on journal entries prepared by staff
accountants, sent back approx 10% for corrections"). ``data/hitl_bullets.txt`` holds such lines,
written for this project by three independent writers who saw neither the code nor each
other's lines. Each becomes a one-job resume (a current job for present-tense lines); the
script prints how many have findings, how many get a rewrite and how many are already
governance-style (a named AI system and two behaviours: left as written by design), and writes
every rewrite to a JSON file for a rubric read.

Usage: python benchmarks/eval_hitl_bullets.py [OUT.json]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from hitl_resume.api import analyze
from hitl_resume.coaching.pipeline import is_strong

DATA = Path(__file__).resolve().parent / "data" / "hitl_bullets.txt"
DATES = {"present": "2021 – Present", "past": "2016 – 2020"}


def bullets(path: Path) -> list[tuple[str, str, str]]:
    """(title, tense, bullet) rows of the data file."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            title, tense, bullet = line.split("|", 2)
            rows.append((title, tense, bullet))
    return rows


def main(argv: list[str]) -> int:
    """Analyse every line as a one-job resume and print the counts."""
    out = Path(argv[1]) if len(argv) > 1 else None
    counts: Counter[str] = Counter()
    rewrites = []
    for title, tense, bullet in bullets(DATA):
        text = (
            "Jordan Vale\njordan.vale@example.com\n\nEXPERIENCE\n"
            f"{title} | Quillfield Partners | Austin, TX | {DATES[tense]}\n• {bullet}\n"
        )
        analysis = analyze(text)
        counts["lines"] += 1
        if not analysis.findings:
            continue
        counts["with findings"] += 1
        if analysis.rewrites:
            counts["with a rewrite"] += 1
        elif any(is_strong(f) for f in analysis.findings):
            counts["already governance-style"] += 1
        rewrites += [{"title": title, "tense": tense, **r.to_dict()} for r in analysis.rewrites]
    for key in ("lines", "with findings", "with a rewrite", "already governance-style"):
        print(f"{key:26} {counts[key]}")
    found = counts["with findings"] or 1
    print(f"{'coverage':26} {100 * counts['with a rewrite'] / found:.1f}% of lines with findings")
    if out is not None:
        out.write_text(json.dumps(rewrites, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
