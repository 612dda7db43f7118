"""Skills splitting and education entries."""

from __future__ import annotations

from .helpers import parse


def test_when_comma_list_wraps_then_items_kept_whole() -> None:
    """A comma list wrapped over lines keeps 'Microsoft Access' whole and dedupes case-blind."""
    resume = parse("Skills\naccounting, payroll, Microsoft\nAccess, Payroll; QuickBooks")
    assert [s.name for s in resume.skills] == [
        "accounting",
        "payroll",
        "Microsoft Access",
        "QuickBooks",
    ]


def test_when_bullets_and_pipes_then_split() -> None:
    """Glyph lines and '|' separate skills; short lines stay whole."""
    resume = parse("Highlights\n• Claims review | Auditing\n• Data entry\nTeam player")
    assert [s.name for s in resume.skills] == [
        "Claims review",
        "Auditing",
        "Data entry",
        "Team player",
    ]


def test_skill_offsets_point_at_the_name() -> None:
    """Every skill's span holds exactly its name (single-line items)."""
    resume = parse("Skills\n• Claims review | Auditing\nTeam player")
    for skill in resume.skills:
        assert resume.text[skill.start : skill.end] == skill.name


def test_when_degree_and_school_then_entry() -> None:
    """Degree, institution and graduation date are read from education lines."""
    resume = parse(
        "Education\nBachelor of Science : Accounting , May 2010 University of North Carolina\n"
        "MBA, State College, 2012 - 2014"
    )
    first, second = resume.education
    assert first.degree == "Bachelor of Science"
    assert first.institution == "University of North Carolina"
    assert (first.start_date, first.end_date) == (None, "2010-05")
    assert second.degree == "MBA"
    assert second.institution == "State College"
    assert (second.start_date, second.end_date) == ("2012", "2014")
