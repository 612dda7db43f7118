"""Property tests on the layout zoo: every layout of one person reads back the same jobs.

The zoo renders each synthetic person into every layout family (``layouts.py``) as DOCX and
PDF; parsing must give the jobs the person holds (title, employer, dates, bullets) whatever the
layout, no personal detail as a job title, and the same top role in every layout.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

import pytest

import hitl_resume
from hitl_resume.ingest.readers import extract_file
from hitl_resume.models import Resume
from hitl_resume.structure import build_resume, normalize_space
from hitl_resume.structure.field_labels import is_personal
from layout_zoo.generate import ZooCase, expected_entries, read_entries, zoo_cases
from layout_zoo.people import PEOPLE

CASES = zoo_cases(sample=True)
ROLE_PEOPLE = tuple(p.key for n, p in enumerate(PEOPLE) if n % 2 == 0)


@cache
def _parsed(case_id: str) -> Resume:
    case = next(c for c in CASES if c.id == case_id)
    return build_resume(extract_file(case.data))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_every_layout_reads_the_persons_jobs(case: ZooCase) -> None:
    """Title, employer, dates and bullets come back the same in every layout and format."""
    got = read_entries(_parsed(case.id), case.layout.precision)
    assert got == expected_entries(case.person, case.layout)


def test_no_personal_detail_is_a_job_title() -> None:
    """Date of Birth, Passport, Phone and the like are never read as a job title."""
    titles = [
        (case.id, entry.title)
        for case in CASES
        for entry in _parsed(case.id).experience
        if entry.title and is_personal(entry.title)
    ]
    assert titles == []


def test_offsets_index_the_text_in_every_layout() -> None:
    """Every section, entry and bullet offset points at its own text in ``Resume.text``."""
    for case in CASES:
        resume = _parsed(case.id)
        text = resume.text
        for section in resume.sections:
            assert text[section.start : section.start + len(section.heading)] == section.heading
        for entry in resume.experience:
            assert 0 <= entry.start <= entry.end <= len(text), case.id
            for bullet in entry.bullets:
                assert normalize_space(text[bullet.start : bullet.end]) == bullet.text, case.id
                assert entry.start <= bullet.start <= bullet.end <= entry.end, case.id


def test_the_zoo_covers_twelve_layout_families_in_docx_and_pdf() -> None:
    """The zoo is the corpus the parser is developed against: keep it wide."""
    families = {case.layout.name for case in CASES}
    assert len(families) >= 12
    assert {case.fmt for case in CASES} == {"docx", "pdf"}
    assert any("table" in name for name in families)
    assert "text_boxes" in families


@pytest.mark.parametrize("key", ROLE_PEOPLE)
def test_every_layout_of_a_person_gives_the_same_top_role(key: str) -> None:
    """The top role (via ``hitl_resume.analyze``) depends on the work, not the layout."""
    tops: dict[str | None, list[str]] = defaultdict(list)
    person = next(p for p in PEOPLE if p.key == key)
    for case in CASES:
        if case.person.key == key:
            top = hitl_resume.analyze(_parsed(case.id)).top_role()
            tops[top.id if top else None].append(case.id)
    assert set(tops) == {person.role}, dict(tops)
