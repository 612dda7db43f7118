"""Which parts of a resume can hold evidence: bullets of jobs, and lines of work sections.

Findings come only from experience-like text; a hobby in "Interests" or a skills list is not
evidence of HITL work.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from hitl_resume.models import ExperienceEntry, Resume, Section

#: Section kinds whose lines may become findings when no job entry covers them.
WORK_SECTION_KINDS = frozenset({"experience", "volunteer", "projects", "other", "accomplishments"})
MIN_ORPHAN_WORDS = 4


@dataclass(frozen=True, slots=True)
class Unit:
    """A span of resume text that is judged on its own (one bullet or one work line)."""

    text: str
    start: int
    end: int
    section: str
    entry_index: int | None


@dataclass(frozen=True, slots=True)
class EntryHeader:
    """The header region of a job (title, employer, dates), which gives its bullets context."""

    entry_index: int
    start: int
    end: int


def section_at(sections: tuple[Section, ...], offset: int) -> str:
    """Return the kind of the section containing ``offset`` ("other" when none does)."""
    starts = [s.start for s in sections]
    index = bisect.bisect_right(starts, offset) - 1
    if index >= 0 and offset < sections[index].end:
        return sections[index].kind
    return "other" if sections else "experience"


def entry_headers(resume: Resume) -> list[EntryHeader]:
    """The header span of each entry: from its start to its first bullet."""
    headers = []
    for index, entry in enumerate(resume.experience):
        end = entry.bullets[0].start if entry.bullets else entry.end
        headers.append(EntryHeader(index, entry.start, max(entry.start, end)))
    return headers


def evidence_units(resume: Resume) -> list[Unit]:
    """Bullets of every entry, plus uncovered lines of work sections, in text order."""
    units: list[Unit] = []
    covered: list[tuple[int, int]] = []
    for index, entry in enumerate(resume.experience):
        covered.append((entry.start, entry.end))
        for bullet in entry.bullets:
            section = section_at(resume.sections, bullet.start)
            units.append(Unit(bullet.text, bullet.start, bullet.end, section, index))
    units.extend(_orphan_lines(resume, covered))
    units.sort(key=lambda u: u.start)
    return units


def _orphan_lines(resume: Resume, covered: list[tuple[int, int]]) -> list[Unit]:
    """Lines in work sections that no entry covers (layouts the structure step could not split)."""
    has_work_section = any(s.kind in WORK_SECTION_KINDS for s in resume.sections)
    units = []
    offset = 0
    for line in resume.text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if len(line.split()) < MIN_ORPHAN_WORDS or _inside(start, covered):
            continue
        section = section_at(resume.sections, start)
        if section in WORK_SECTION_KINDS or (not has_work_section and section == "contact"):
            if _is_heading_line(resume.sections, start):
                continue
            units.append(Unit(line.strip(), start, end, section, None))
    return units


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _is_heading_line(sections: tuple[Section, ...], offset: int) -> bool:
    return any(s.start == offset for s in sections)


def entry_title(entry: ExperienceEntry) -> str | None:
    """A display label for an entry: title, else organization."""
    return entry.title or entry.organization


#: Where a resume says who the person is: the header under the name, and the summary.
HEADLINE_SECTION_KINDS = frozenset({"contact", "summary"})
HEADLINE_MAX_CHARS = 600


def headline_spans(resume: Resume) -> list[tuple[int, int]]:
    """Spans of the header area and summary sections (bounded: a summary, not a whole resume)."""
    spans = []
    for section in resume.sections:
        if section.kind in HEADLINE_SECTION_KINDS:
            spans.append((section.start, min(section.end, section.start + HEADLINE_MAX_CHARS)))
    if not resume.sections:
        spans.append((0, min(len(resume.text), HEADLINE_MAX_CHARS // 3)))
    return spans
