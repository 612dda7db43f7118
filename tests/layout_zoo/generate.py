"""Render the layout zoo: every synthetic person in every layout family and format.

Tests use ``zoo_cases()`` (built once per session). A benchmark can write the zoo to a folder:

    python tests/layout_zoo/generate.py OUTDIR

writes ``OUTDIR/<layout>/<person>.<docx|pdf>`` and ``OUTDIR/expected.jsonl``, one line per
file with the expected job entries (title, organization, dates, bullets) and top role.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

if __name__ == "__main__":  # run as a script: make ``layout_zoo`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hitl_resume.models import Resume
from layout_zoo.layouts import LAYOUTS, Layout
from layout_zoo.people import PEOPLE, Person
from layout_zoo.render_docx import render_docx
from layout_zoo.render_pdf import render_pdf


@dataclass(frozen=True, slots=True)
class ZooCase:
    """One rendered file and what parsing it must give."""

    person: Person
    layout: Layout
    fmt: str
    data: bytes

    @property
    def id(self) -> str:
        """Return a readable test id: layout-format-person."""
        return f"{self.layout.name}-{self.fmt}-{self.person.key}"


def _ym(ym: tuple[int, int] | None, precision: str) -> str:
    if ym is None:
        return "present"
    return f"{ym[0]}" if precision == "year" else f"{ym[0]}-{ym[1]:02d}"


def expected_entries(person: Person, layout: Layout) -> list[dict[str, Any]]:
    """Return the entries a parser must read from this person in this layout."""
    return [
        {
            "title": job.title,
            "organization": job.org,
            "start": _ym(job.start, layout.precision),
            "end": _ym(job.end, layout.precision),
            "bullets": list(job.bullets) if layout.bullets else [],
        }
        for job in person.jobs
    ]


def read_entries(resume: Resume, precision: str) -> list[dict[str, Any]]:
    """Return a parsed resume's entries in the form ``expected_entries`` gives."""
    cut = 4 if precision == "year" else 7
    return [
        {
            "title": e.title,
            "organization": e.organization,
            "start": (e.start_date or "")[:cut],
            "end": e.end_date if e.end_date == "present" else (e.end_date or "")[:cut],
            "bullets": [b.text for b in e.bullets],
        }
        for e in resume.experience
    ]


@cache
def zoo_cases(*, sample: bool = False) -> tuple[ZooCase, ...]:
    """Return every (person, layout, format) rendered, once per process.

    ``sample`` (the test suite's zoo) keeps every DOCX but renders PDF only for every other
    person, which still covers each role family and two people without one.
    """
    cases: list[ZooCase] = []
    for layout in LAYOUTS:
        for number, person in enumerate(PEOPLE):
            items = layout.build(person)
            for fmt in layout.formats:
                if sample and fmt == "pdf" and number % 2:
                    continue
                data = render_docx(items) if fmt == "docx" else render_pdf(items)
                cases.append(ZooCase(person, layout, fmt, data))
    return tuple(cases)


def write_zoo(outdir: Path) -> int:
    """Write every zoo file and ``expected.jsonl`` under ``outdir``; return the file count."""
    lines: list[str] = []
    for case in zoo_cases():
        path = outdir / case.layout.name / f"{case.person.key}.{case.fmt}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(case.data)
        record = {
            "file": str(path.relative_to(outdir)),
            "layout": case.layout.name,
            "format": case.fmt,
            "person": case.person.key,
            "top_role": case.person.role,
            "precision": case.layout.precision,
            "entries": expected_entries(case.person, case.layout),
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    (outdir / "expected.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def main(argv: list[str]) -> int:
    """Write the zoo to the folder named on the command line."""
    if len(argv) != 1:
        print("usage: python tests/layout_zoo/generate.py OUTDIR", file=sys.stderr)
        return 2
    count = write_zoo(Path(argv[0]))
    print(f"wrote {count} files and expected.jsonl to {argv[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
