"""Which occupation each job, and the resume's headline, names — wherever the title sits.

A title may be the parsed entry title, another line of the job's header (title and employer
in either order, a "Designation:" field, a table cell), the headline under the name, or — when
the structure step found no jobs — a short line of a work section.
"""

from __future__ import annotations

from dataclasses import dataclass

from hitl_resume.detection.occupation_titles import OccupationIndex, OccupationMatch
from hitl_resume.detection.units import WORK_SECTION_KINDS, EntryHeader, section_at
from hitl_resume.models import Resume

#: Non-empty lines at the top of a resume read as its headline ("Senior Java Developer").
HEADLINE_LINES = 4
#: Lines under the person's name read as the headline when the name is not at the top.
UNDER_NAME_LINES = 2
#: A line with more words than this is a sentence, not a title.
TITLE_LINE_MAX_WORDS = 10
#: How many short work-section lines are read when no job entries were found.
MAX_ORPHAN_TITLES = 6


@dataclass(frozen=True, slots=True)
class ResumeOccupations:
    """Occupations named by each job (by entry index) and by the headline."""

    by_entry: dict[int, OccupationMatch]
    headline: OccupationMatch | None
    orphans: tuple[OccupationMatch, ...] = ()

    def jobs(self) -> list[OccupationMatch]:
        """Every job's occupation, entries first, then titles read from unsplit work lines."""
        return [*self.by_entry.values(), *self.orphans]


def read_occupations(
    resume: Resume, headers: list[EntryHeader], index: OccupationIndex
) -> ResumeOccupations:
    """Find the occupation of every job and of the headline."""
    by_entry: dict[int, OccupationMatch] = {}
    for header in headers:
        entry = resume.experience[header.entry_index]
        candidates = [entry.title or "", *resume.text[header.start : header.end].split("\n")]
        candidates.append(entry.organization or "")
        match = _first(index, candidates)
        if match is not None:
            by_entry[header.entry_index] = match
    headline = _first(index, _headline_lines(resume))
    orphans: tuple[OccupationMatch, ...] = ()
    if not resume.experience:
        orphans = tuple(index.find_all(_work_lines(resume))[:MAX_ORPHAN_TITLES])
    return ResumeOccupations(by_entry, headline, orphans)


def _first(index: OccupationIndex, texts: list[str]) -> OccupationMatch | None:
    for text in texts:
        if text.strip() and len(text.split()) <= TITLE_LINE_MAX_WORDS:
            match = index.find(text)
            if match is not None:
                return match
    return None


def _headline_lines(resume: Resume) -> list[str]:
    """The first few non-empty lines, the lines under the name, and a summary's first line.

    The name is not always on top: a LinkedIn PDF puts its sidebar (Contact, Top Skills)
    first and the name with its headline ("Customer Service Executive at Emirates") after.
    """
    all_lines = [line for line in resume.text.split("\n") if line.strip()]
    lines = all_lines[:HEADLINE_LINES]
    name = resume.contact.name
    if name:
        at = next((i for i, line in enumerate(all_lines) if line.strip() == name.strip()), None)
        if at is not None and at >= HEADLINE_LINES - 1:
            lines.extend(all_lines[at + 1 : at + 1 + UNDER_NAME_LINES])
    for section in resume.sections:
        if section.kind == "summary":
            body = resume.text[section.start : section.end].split("\n")
            lines.extend(body[1:2])
    return lines


def _work_lines(resume: Resume) -> list[str]:
    """Short lines of work sections, where a title sits when jobs could not be split."""
    found = []
    offset = 0
    for line in resume.text.split("\n"):
        start = offset
        offset += len(line) + 1
        words = len(line.split())
        if 0 < words <= TITLE_LINE_MAX_WORDS and section_at(resume.sections, start) in (
            WORK_SECTION_KINDS
        ):
            found.append(line)
    return found
