"""Titles shown and searched: a real job title, never a place, phone, date, e-mail or heading."""

from __future__ import annotations

import pytest

from hitl_resume.coaching.titles import job_title
from hitl_resume.defaults import default_lexicon


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Staff Accountant", "Staff Accountant"),
        ("Senior Accountant/Financial Analyst", "Senior Accountant/Financial Analyst"),
        ("Auditor II", "Auditor II"),
        ("Sultanate of Oman", None),
        ("Prepare monthly Sales and Use Tax.", None),
        ("(555) 123-4567", None),
        ("jane.doe@example.com", None),
        ("January 2015 to Present", None),
        ("PROFESSIONAL EXPERIENCE", None),
        ("City , State", None),
        (None, None),
    ],
)
def test_when_title_is_read_then_only_job_titles_survive(
    text: str | None, expected: str | None
) -> None:
    """A plan search built on a misread title would find nothing for the person."""
    assert job_title(text, default_lexicon().title_words) == expected
