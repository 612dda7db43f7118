"""Section headings: lexicon matching, layout hints and the header area."""

from __future__ import annotations

import pytest

from hitl_resume.defaults import default_lexicon
from hitl_resume.ingest.extraction import Extraction, Line
from hitl_resume.structure import build_resume
from hitl_resume.structure.headings import classify_heading

from .helpers import parse


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Work Experience", "experience"),
        ("PROFESSIONAL EXPERIENCE:", "experience"),
        ("— Employment History —", "experience"),
        ("Education & Training", "education"),
        ("Skills", "skills"),
        ("Core Qualifications", "skills"),
        ("Skill Highlights", "highlights"),
        ("Licenses and Certifications", "certifications"),
        ("Volunteer Experience", "volunteer"),
        ("Honors & Awards", "awards"),
        ("Additional Information", "additional_information"),
        ("Professional Summary", "summary"),
    ],
)
def test_when_lexicon_phrase_then_kind(line: str, kind: str) -> None:
    """Headings match case-insensitively, ignoring edge punctuation, with '&' as 'and'."""
    assert classify_heading(line, False, default_lexicon().headings) == kind


@pytest.mark.parametrize(
    ("line", "hint", "kind"),
    [
        ("Experience with claims systems and audits.", False, None),
        ("Gained experience in audits, reviews", True, None),
        ("Where I Worked", True, "other"),
        ("Where I Worked", False, None),
        ("reviewed claims", True, None),
    ],
)
def test_when_not_a_lexicon_heading_then_hint_decides(
    line: str, hint: bool, kind: str | None
) -> None:
    """Unknown lines are headings ('other') only with a layout hint and a heading's shape."""
    assert classify_heading(line, hint, default_lexicon().headings) == kind


def test_when_text_before_first_heading_then_contact_section() -> None:
    """The header area before the first heading is the contact section."""
    resume = parse("Jane Sample\njane@example.com\nSummary\nClaims examiner.\nSkills\nExcel")
    assert [(s.kind, s.heading) for s in resume.sections] == [
        ("contact", ""),
        ("summary", "Summary"),
        ("skills", "Skills"),
    ]
    summary = resume.sections[1]
    assert resume.text[summary.start : summary.end] == "Summary\nClaims examiner."


def test_when_caps_hinted_lines_inside_titlecase_resume_then_not_headings() -> None:
    """ALL-CAPS hinted skill lines are not sections when the real headings are Title Case."""
    lines = (
        Line("Summary"),
        Line("Claims examiner."),
        Line("Skills"),
        Line("EVENT PLANNING", heading=True),
        Line("Experience"),
        Line("Claims Examiner 2019 - 2021"),
    )
    resume = build_resume(Extraction("pdf", lines))
    assert [s.kind for s in resume.sections] == ["summary", "skills", "experience"]


def test_when_a_job_heads_its_list_achievements_then_the_experience_section_goes_on() -> None:
    """ "Achievements:" under a job is its list's label; the next jobs stay in Experience. An
    ACHIEVEMENTS section set apart in capitals after Experience is still its own section."""
    text = (
        "Imani Vale\nimani@example.com\n\nPROFESSIONAL EXPERIENCE\n\n"
        "Senior Recruiter\nRuthmere Logistics, Fallow Quay | May 2021 – Present\n"
        "Achievements:\n- Cut time-to-hire from 41 to 27 days\n"
        "Responsibilities:\n- Review candidates auto-rejected by the ATS screening tool\n\n"
        "Recruiter\nMarchwood Staffing, Eddercombe | Sep 2017 – Apr 2021\n"
        "Achievements:\n- Placed 120+ candidates per year\n\n"
        "ACHIEVEMENTS\n- Recruiter of the Quarter, 2019\n\n"
        "EDUCATION\nBA Psychology, University of Drennick, 2015\n"
    )
    resume = parse(text)
    assert [e.title for e in resume.experience] == ["Senior Recruiter", "Recruiter"]
    assert [s.kind for s in resume.sections][-2:] == ["accomplishments", "education"]
