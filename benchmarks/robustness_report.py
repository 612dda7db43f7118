"""Run ``hitl_resume.parse`` over ../shared/data/robustness (and resumes) and count outcomes.

Usage: python benchmarks/robustness_report.py [FOLDER ...]
Checks the foundation's promises on real odd files: only InputError escapes, no file takes
more than 12 s. Prints outcome counts per code and the slowest files.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"


def main() -> int:
    from hitl_resume.errors import InputError
    from hitl_resume.parsing import parse

    folders = [Path(a) for a in sys.argv[1:]] or [SHARED / "robustness"]
    files = sorted(
        p
        for folder in folders
        for p in folder.rglob("*")
        if (p.is_file() and p.suffix.lower() not in {".txt", ".md", ".csv"})
        or (p.is_file() and p.suffix.lower() == ".txt" and "robustness" not in str(p))
    )
    outcomes: Counter[str] = Counter()
    by_ext: dict[str, Counter[str]] = {}
    timings: list[tuple[float, str]] = []
    escaped = 0
    for path in files:
        started = time.monotonic()
        try:
            parse(path)
            code = "ok"
        except InputError as error:
            code = error.code
        except Exception as error:  # anything else is a bug to report
            code = f"ESCAPED:{type(error).__name__}"
            escaped += 1
        elapsed = time.monotonic() - started
        outcomes[code] += 1
        by_ext.setdefault(path.suffix.lower() or "(none)", Counter())[code] += 1
        timings.append((elapsed, str(path.relative_to(folders[0].parent))))
    print(f"files: {len(files)}")
    for code, count in outcomes.most_common():
        print(f"  {code:22s} {count}")
    for ext, counts in sorted(by_ext.items()):
        print(f"  {ext:8s} " + ", ".join(f"{c}={n}" for c, n in counts.most_common()))
    timings.sort(reverse=True)
    print("slowest:", ", ".join(f"{t:.2f}s" for t, _ in timings[:5]))
    print(f"escaped exceptions: {escaped}; over 12 s: {sum(1 for t, _ in timings if t > 12)}")
    return 1 if escaped else 0


if __name__ == "__main__":
    raise SystemExit(main())
