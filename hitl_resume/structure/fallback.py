"""Find jobs outside experience sections when a layout hid them (columns read as one text).

Flattened two-column CVs put job entries under whatever heading the other column shows
("EDUCATION", the header area). When no experience section yields an entry, every other
section is read for dated entries whose header names a job title and no degree.
"""

from __future__ import annotations

from collections.abc import Sequence

from hitl_resume.models import ExperienceEntry
from hitl_resume.structure.education import names_degree
from hitl_resume.structure.experience import find_entries
from hitl_resume.structure.paragraphs import Layout
from hitl_resume.structure.sections import SectionSpan
from hitl_resume.structure.vocabulary import title_words

# Sections whose dated lines are never jobs.
_NEVER_JOBS = frozenset({"references"})
# A skills column beside the jobs: a dated, titled job there is a column read across.
_UNDATED_KINDS = frozenset({"skills"})


def _job_like(entry: ExperienceEntry) -> bool:
    """Return whether an entry reads as a job: dated, no degree or school in its header, and
    a title word or a real range (columns read across can push the title out of reach)."""
    if entry.start_date is None or (entry.title is None and entry.organization is None):
        return False
    header = f"{entry.title or ''} {entry.organization or ''}"
    if names_degree(header):
        return False
    words = {w.strip(".,()/").lower() for w in header.split()}
    return bool(words & title_words()) or entry.end_date != entry.start_date


def _titled_range(entry: ExperienceEntry) -> bool:
    """Return whether an entry has a title naming a job and a date range."""
    words = {w.strip(".,()/").lower() for w in (entry.title or "").split()}
    ranged = entry.start_date is not None and entry.end_date not in (None, entry.start_date)
    named = entry.organization is not None and bool(words & title_words())
    return ranged and named and not names_degree(entry.title or "")


def hidden_entries(
    spans: Sequence[SectionSpan], full_text: str, layout: Layout, *, found: bool
) -> list[ExperienceEntry]:
    """Return job-like entries in sections not headed as experience.

    With jobs ``found`` already, only a titled, dated job under a heading that never holds
    dates (skills, languages: a column read across) counts; without, any job-like entry.
    """
    entries: list[ExperienceEntry] = []
    for span in spans:
        if span.kind in _NEVER_JOBS or span.kind == "experience":
            continue
        if found and span.kind not in _UNDATED_KINDS:
            continue
        keep = _titled_range if found else _job_like
        entries.extend(e for e in find_entries(span.body, full_text, layout) if keep(e))
    return entries
