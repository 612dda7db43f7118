"""Rewrite coverage on duty language: synthetic resumes built from O*NET task statements.

For every O*NET occupation that ``lexicon/roles.jsonl`` lists for a HITL family, one synthetic
resume holds two jobs of up to six of the occupation's Core task statements each (a task reads
like a resume bullet: "Examine claims forms and other records to determine insurance coverage").
The script prints how many of those resumes have findings and how many get a rewrite, per
family, and writes every rewrite to a JSON file for a rubric read.

Usage: python benchmarks/eval_onet_rewrites.py [ONET_DIR] [present|past] [OUT.json]
(ONET_DIR defaults to ../shared/data/onet-29.3; absent data prints a note and exits 0).
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from hitl_resume.api import analyze

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "onet-29.3"
ROLES_FILE = Path(__file__).resolve().parents[1] / "lexicon" / "roles.jsonl"
TASKS_PER_JOB = 6
DATES = {"present": ("2020 – Present", "2015 – 2020"), "past": ("2016 – 2019", "2012 – 2016")}


def core_tasks(folder: Path) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Core task statements and the title of each O*NET-SOC code."""
    tasks: dict[str, list[str]] = defaultdict(list)
    titles: dict[str, str] = {}
    with (folder / "Task Statements.txt").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["Task Type"] == "Core":
                tasks[row["O*NET-SOC Code"]].append(row["Task"])
                titles[row["O*NET-SOC Code"]] = row["Title"]
    return tasks, titles


def synthetic_resume(title: str, tasks: list[str], tense: str) -> str:
    """Two jobs of the occupation, its task statements as bullets (no real person)."""
    jobs = []
    for index, chunk in enumerate(
        (tasks[:TASKS_PER_JOB], tasks[TASKS_PER_JOB : 2 * TASKS_PER_JOB])
    ):
        if chunk:
            bullets = "".join(f"• {task}\n" for task in chunk)
            dates = DATES[tense][index]
            jobs.append(
                f"{title} | Employer {index + 1} Inc | Springfield, IL | {dates}\n{bullets}"
            )
    return "Alex Sample\nalex.sample@example.com\n\nEXPERIENCE\n" + "\n".join(jobs)


def main(argv: list[str]) -> int:
    """Build the resumes, analyse them and print coverage per family."""
    folder = Path(argv[1]) if len(argv) > 1 else DEFAULT_DIR
    tense = argv[2] if len(argv) > 2 else "past"
    out = Path(argv[3]) if len(argv) > 3 else None
    if not (folder / "Task Statements.txt").exists():
        print(f"no O*NET task statements under {folder}; skipping")
        return 0
    tasks, titles = core_tasks(folder)
    roles = [
        json.loads(line)
        for line in ROLES_FILE.read_text("utf-8").splitlines()
        if line.startswith("{")
    ]
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    rewrites = []
    for role in roles:
        for code in role.get("onet_codes", []):
            if not tasks.get(code):
                continue
            analysis = analyze(synthetic_resume(titles[code], tasks[code], tense))
            family = counts[role["id"]]
            family["resumes"] += 1
            family["with_findings"] += bool(analysis.findings)
            family["covered"] += bool(analysis.rewrites)
            family["rewrites"] += len(analysis.rewrites)
            rewrites += [
                {"family": role["id"], "occupation": titles[code], **r.to_dict()}
                for r in analysis.rewrites
            ]
    total: Counter[str] = sum(counts.values(), Counter())
    for name, family in [*sorted(counts.items()), ("all", total)]:
        share = 100 * family["covered"] / max(1, family["with_findings"])
        print(
            f"{name:20} resumes {family['resumes']:3d}  with findings {family['with_findings']:3d}"
            f"  covered {family['covered']:3d} ({share:.0f}%)  rewrites {family['rewrites']:3d}"
        )
    if out is not None:
        out.write_text(json.dumps(rewrites, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
