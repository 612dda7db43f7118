"""Group education-section lines into entries and read degree, institution and dates."""

from __future__ import annotations

import re
from collections.abc import Sequence

from hitl_resume.models import EducationEntry
from hitl_resume.structure.bullets import glyph_length
from hitl_resume.structure.dates import find_dates
from hitl_resume.structure.text import TextLine, normalize_space

_FIELD = r"(?:\s+(?:of|in)\s+(?:[A-Z][\w&'-]*\s?){1,4})?"
_DEGREE = re.compile(
    rf"\b(?:Bachelor(?:'s|s)?{_FIELD}|Master(?:'s|s)?{_FIELD}|Associate(?:'s|s)?{_FIELD}"
    rf"|Doctor(?:ate)?{_FIELD}|High School Diploma|High School|GED|Diploma|Certificate{_FIELD}"
    rf"|Certification)(?:\s+Degree)?(?!\w)"
    r"|(?<![\w.,] )(?<!\w)(?:Ph\.?\s?D|M\.?B\.?A|B\.?B\.?A|B\.?Sc?|M\.?Sc?|B\.?A|M\.?A|B\.?Eng"
    r"|M\.?Eng|J\.?D|M\.?D|A\.?A\.?S|A\.?A|A\.?S|LL\.?[BM]|B\.?F\.?A|M\.?F\.?A|M\.?P\.?H|R\.?N"
    r"|M\.?S\.?N|B\.?S\.?N)\.?(?!\w)",
)
_INSTITUTION = re.compile(
    r"(?:[A-Z][\w.&'-]*\s+(?:(?:of|at|for|the|and|&)\s+)?){0,5}"
    r"(?:University|College|Institute|School|Academy|Polytechnic|Conservatory|Seminary|Universidad)"
    r"(?:\s+(?:of|at|for|in)(?:\s+the)?(?:\s+[A-Z][\w.&'-]*){1,4})?",
)


def _entry(rows: Sequence[TextLine], full_text: str) -> EducationEntry | None:
    start = rows[0].content_start + glyph_length(rows[0].text)
    end = rows[-1].end
    text = normalize_space(full_text[start:end])
    if not text:
        return None
    degree = _DEGREE.search(text)
    institution = _INSTITUTION.search(text)
    dates = find_dates(text)
    ranged = next((d for d in dates if d.kind == "range"), None)
    if ranged is not None:
        start_date, end_date = ranged.start_date, ranged.end_date
    elif dates:
        start_date, end_date = None, dates[-1].end_date
    else:
        start_date = end_date = None
    return EducationEntry(
        text=text,
        institution=institution.group().strip() if institution else None,
        degree=degree.group().strip() if degree else None,
        start_date=start_date,
        end_date=end_date,
        start=start,
        end=end,
    )


def find_education(body: Sequence[TextLine], full_text: str) -> list[EducationEntry]:
    """Return education entries: a new one starts when a degree or school repeats."""
    groups: list[list[TextLine]] = []
    has_degree = has_school = False
    for line in body:
        if line.blank:
            continue
        degree = _DEGREE.search(line.text) is not None
        school = _INSTITUTION.search(line.text) is not None
        glyph = glyph_length(line.text) > 0 or line.list_item
        if not groups or (degree and has_degree) or (school and has_school) or glyph:
            groups.append([line])
            has_degree, has_school = degree, school
        else:
            groups[-1].append(line)
            has_degree, has_school = has_degree or degree, has_school or school
    entries = [_entry(group, full_text) for group in groups]
    return [e for e in entries if e is not None]


def names_degree(text: str) -> bool:
    """Return whether text names a degree or an institution (an education line, not a job)."""
    return _DEGREE.search(text) is not None or _INSTITUTION.search(text) is not None


# Words that only a degree line uses (unlike "Associate", which is also a job title).
_DEGREE_WORD = re.compile(
    r"\b(?:bachelor(?:'s|s)?|master(?:'s|s)?|degree|diploma|ph\.?\s?d|b\.?\s?sc|m\.?\s?sc|mba)\b",
    re.IGNORECASE,
)


def is_degree_line(text: str) -> bool:
    """Return whether a line names a degree ("Master's degree, Computer Science")."""
    return _DEGREE_WORD.search(text) is not None
