"""Measure how well the structure parser finds job entries across resume layouts.

Run: ``python benchmarks/eval_structure.py [--sets livecareer,vanetik,matcher,zoo] [--show N]``.
Reads ``../shared/data/resumes`` (read-only, never copied) and the synthetic layout zoo
(``tests/layout_zoo``), through the same path as ``hitl_resume.parse`` (reader, cleaner,
``build_resume``) without the child process. Prints aggregate figures per set, files with no
entry (by number, not content), every entry title that is personal data (a "Date of Birth",
a phone number, a bare place), the zoo's per-layout results and, with ``--show``, the parsed
entries of a few random resumes for eyeballing.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from hitl_resume.ingest.readers import extract_file
from hitl_resume.models import Resume
from hitl_resume.structure import build_resume
from hitl_resume.structure.field_labels import is_personal
from hitl_resume.structure.places import places

REPO = Path(__file__).resolve().parents[1]
_PHONE_LIKE = re.compile(r"(?:\d[\s().+-]*){7,}")


def _shared() -> Path | None:
    """Return ``shared/data`` beside the repository (or a worktree of it), if present."""
    for parent in REPO.parents:
        candidate = parent / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return None


def _parse(path: Path) -> tuple[Resume | None, float]:
    began = time.perf_counter()
    try:
        resume = build_resume(extract_file(path.read_bytes()))
    except Exception:  # an unreadable file counts as no entries; the reason is not the point here
        return None, time.perf_counter() - began
    return resume, time.perf_counter() - began


def personal_title(title: str | None) -> bool:
    """Return whether an entry title is personal data: a field label, a phone, a bare place."""
    if not title:
        return False
    return is_personal(title) or places().is_place(title) or bool(_PHONE_LIKE.search(title))


def _summary(label: str, resumes: list[Resume]) -> str:
    entries = [e for r in resumes for e in r.experience]
    with_entry = sum(1 for r in resumes if r.experience)
    pct = 100.0 * with_entry / max(1, len(resumes))
    per = statistics.mean(len(r.experience) for r in resumes) if resumes else 0.0
    bullets = statistics.mean(sum(len(e.bullets) for e in r.experience) for r in resumes or [])
    titled = 100.0 * sum(1 for e in entries if e.title) / max(1, len(entries))
    orgs = 100.0 * sum(1 for e in entries if e.organization) / max(1, len(entries))
    dated = 100.0 * sum(1 for e in entries if e.start_date) / max(1, len(entries))
    return (
        f"{label:<24} n={len(resumes):>3}  >=1 entry {pct:5.1f}%  entries/resume {per:4.1f}  "
        f"bullets/resume {bullets:5.1f}  title {titled:5.1f}%  org {orgs:5.1f}%  "
        f"dates {dated:5.1f}%"
    )


def _report(name: str, items: Iterable[tuple[str, str, Path]], show: int, seed: int) -> None:
    """Parse (label, group, path) items and print the set's figures."""
    groups: dict[str, list[Resume]] = defaultdict(list)
    parsed: list[tuple[str, Resume]] = []
    failed: list[str] = []
    timings: list[float] = []
    for label, group, path in items:
        resume, seconds = _parse(path)
        timings.append(seconds)
        if resume is None:
            failed.append(label)
            continue
        groups[group].append(resume)
        parsed.append((label, resume))
    if not timings:
        print(f"\n## {name}: no files found")
        return
    print(f"\n## {name}")
    print(_summary("ALL", [r for _, r in parsed]))
    if len(groups) > 1:
        for group in sorted(groups, key=lambda g: -len(groups[g])):
            print(_summary(group, groups[group]))
    mean, most = 1000 * statistics.mean(timings), 1000 * max(timings)
    print(f"parse time: mean {mean:.0f} ms, max {most:.0f} ms")
    print("unreadable:", ", ".join(failed) or "none")
    print("without entries:", ", ".join(label for label, r in parsed if not r.experience) or "none")
    bad = [(label, e.title) for label, r in parsed for e in r.experience if personal_title(e.title)]
    print(f"personal data taken as a job title: {len(bad)}", *(f"{a}: {t!r}" for a, t in bad))
    for label, resume in random.Random(seed).sample(parsed, min(show, len(parsed))):
        print(f"\n== {label}: {len(resume.experience)} entries")
        for entry in resume.experience:
            print(
                f"  [{entry.start_date} .. {entry.end_date}] title={entry.title!r} "
                f"org={entry.organization!r} loc={entry.location!r} bullets={len(entry.bullets)}"
            )


def _livecareer(root: Path) -> list[tuple[str, str, Path]]:
    data = root / "resumes" / "livecareer"
    if not data.is_dir():
        return []
    with (data / "labels.csv").open(encoding="utf-8") as handle:
        categories = {row["file"]: row["category"] for row in csv.DictReader(handle)}
    items: list[tuple[str, str, Path]] = []
    counts: dict[str, int] = defaultdict(int)
    for path in sorted(data.glob("pdf/*/*.pdf")):
        category = categories.get(str(path.relative_to(data)), path.parent.name)
        counts[category] += 1
        items.append((f"{category} #{counts[category]}", category, path))
    return items


def _folder(root: Path, sub: str, pattern: str) -> list[tuple[str, str, Path]]:
    return [(f"#{n}", "all", p) for n, p in enumerate(sorted((root / sub).glob(pattern)), 1)]


def _zoo() -> None:
    """Write the full zoo to a temporary folder and print per-layout exact-match rates."""
    sys.path.insert(0, str(REPO / "tests"))
    from layout_zoo.generate import read_entries, write_zoo

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        write_zoo(out)
        results: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        bad_titles = 0
        for line in (out / "expected.jsonl").read_text("utf-8").splitlines():
            record = json.loads(line)
            resume, _ = _parse(out / record["file"])
            got = read_entries(resume, record["precision"]) if resume else []
            key = (record["layout"], record["format"])
            results[key][0] += got == record["entries"]
            results[key][1] += 1
            bad_titles += sum(
                personal_title(e.title) for e in (resume.experience if resume else ())
            )
    print("\n## layout zoo (synthetic; exact title, employer, dates and bullets)")
    for (layout, fmt), (ok, total) in sorted(results.items()):
        print(f"  {layout:<16} {fmt:<5} {ok:>3}/{total}")
    ok = sum(v[0] for v in results.values())
    total = sum(v[1] for v in results.values())
    print(f"  ALL {ok}/{total} files exact; personal data taken as a job title: {bad_titles}")


def main() -> int:
    """Parse each selected set and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sets", default="livecareer,vanetik,matcher,zoo")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    chosen = set(args.sets.split(","))
    root = _shared()
    if root is None:
        print("../shared/data not found: only the layout zoo is measured")
    else:
        if "livecareer" in chosen:
            _report("livecareer PDFs", _livecareer(root), args.show, args.seed)
        folders = {
            "vanetik": ("vanetik-docx (anonymised DOCX CVs)", "resumes/vanetik-docx", "*.docx"),
            "matcher": ("resume-matcher PDFs", "resumes/resume-matcher", "**/*.pdf"),
        }
        for key, (title, sub, pattern) in folders.items():
            if key in chosen:
                _report(title, _folder(root, sub, pattern), args.show, args.seed)
    if "zoo" in chosen:
        _zoo()
    return 0


if __name__ == "__main__":
    sys.exit(main())
