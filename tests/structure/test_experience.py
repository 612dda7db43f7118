"""Experience entries and bullets across the header layouts real resumes use."""

from __future__ import annotations

import pytest

from hitl_resume.ingest.extraction import Extraction, Line
from hitl_resume.structure import build_resume

from .helpers import parse

LIVECAREER_TITLE_ABOVE = """STAFF ACCOUNTANT
Summary
Detail-oriented accountant with ten years of experience.
Experience
Staff Accountant
January 2014 to October 2014 Company Name ï¼\u200b City , State
Performed all month end functions to produce financial statements.
Reconciled the operating and payroll bank accounts, recorded sales for the month and recorded
payroll journals for every location.
Accounts Payable Clerk
March 2013 to January 2014 Company Name ï¼\u200b City , State
Entered all payables and receivables for the 7 franchise locations.
Education
Bachelor of Science : Accounting , May 2010 University of North Carolina City , State
"""

LIVECAREER_ONE_LINE = """Experience
Company Name City , State HR Manager 04/2016 to Current
Managed benefits for 300 employees.
Company Name City , State Recruiter 01/2012 to 03/2016
Sourced candidates for hourly roles.
"""

LIVECAREER_ORG_BELOW = """Work History
HR Manager 04/2016 to Current
Company Name – City , State
Managed benefits for 300 employees.
Recruiter 01/2012 to 03/2016
Company Name – City , State
Sourced candidates for hourly roles.
"""

LIVECAREER_SPLIT_DATE = """Experience
January 2016
to
Current
Company Name City , State Health Information Specialist
Processed release of protected health information.
April 2013
to
January 2016
Company Name City , State Medical Records Lead
Audited charts for completeness.
"""

PIPES = """Jane Q. Sample
jane.sample@example.com | (555) 123-4567
Professional Experience
Senior Claims Examiner | Acme Insurance | Boston, MA | Jan 2019 – Present
• Reviewed 40 automated claim decisions a day and overrode 5% of them.
• Escalated edge cases to the fraud unit.
Claims Examiner | Beta Mutual Inc. | Hartford, CT | 2015 – 2018
• Audited claims for accuracy.
"""

ORG_THEN_TITLE = """Work Experience
Acme Insurance, Boston, MA
Claims Examiner    2019 – 2021
- Reviewed claims flagged by the scoring model.
- Trained two new examiners.
"""

DATE_ALONE_BELOW = """Experience
Claims Examiner
Acme Insurance
Jan 2019 - Present
• Reviewed claims.
Claims Clerk
Beta Mutual Inc.
Mar 2016 - Dec 2018
• Filed claims.
"""

TABLE_ROWS = """Employment History
2019 – 2021
Claims Examiner
Acme Insurance
Reviewed claims flagged by the scoring model.
2016 – 2019
Claims Clerk
Beta Mutual Inc.
Filed claims.
"""


def _fields(text: str, kind: str = "pdf") -> list[tuple[str | None, ...]]:
    resume = parse(text, kind)  # type: ignore[arg-type]
    return [
        (e.title, e.organization, e.location, e.start_date, e.end_date) for e in resume.experience
    ]


def test_when_title_above_date_line_then_title_and_org_found() -> None:
    """Livecareer puts the title on its own line above 'dates Company Name – City , State'."""
    assert _fields(LIVECAREER_TITLE_ABOVE) == [
        ("Staff Accountant", "Company Name", "City , State", "2014-01", "2014-10"),
        ("Accounts Payable Clerk", "Company Name", "City , State", "2013-03", "2014-01"),
    ]


def test_when_wrapped_line_then_bullets_joined() -> None:
    """A PDF line that wraps is joined to its bullet; the span covers both lines."""
    resume = parse(LIVECAREER_TITLE_ABOVE)
    bullets = resume.experience[0].bullets
    assert len(bullets) == 2
    assert bullets[1].text.endswith("recorded payroll journals for every location.")
    assert "\n" in resume.text[bullets[1].start : bullets[1].end]


def test_when_everything_on_one_line_then_split() -> None:
    """'Company Name City , State Title dates' is split into its fields."""
    assert _fields(LIVECAREER_ONE_LINE) == [
        ("HR Manager", "Company Name", "City , State", "2016-04", "present"),
        ("Recruiter", "Company Name", "City , State", "2012-01", "2016-03"),
    ]


def test_when_org_line_below_then_joined_to_header() -> None:
    """'Title dates' then 'Company Name – City , State' form one header."""
    assert _fields(LIVECAREER_ORG_BELOW) == [
        ("HR Manager", "Company Name", "City , State", "2016-04", "present"),
        ("Recruiter", "Company Name", "City , State", "2012-01", "2016-03"),
    ]


def test_when_date_split_over_three_lines_then_one_range() -> None:
    """'January 2016' / 'to' / 'Current' on separate lines is one range."""
    assert _fields(LIVECAREER_SPLIT_DATE) == [
        ("Health Information Specialist", "Company Name", "City , State", "2016-01", "present"),
        ("Medical Records Lead", "Company Name", "City , State", "2013-04", "2016-01"),
    ]


def test_when_pipes_then_fields_and_glyph_bullets() -> None:
    """'Title | Org | Place | dates' headers with glyph bullets."""
    resume = parse(PIPES)
    assert _fields(PIPES) == [
        ("Senior Claims Examiner", "Acme Insurance", "Boston, MA", "2019-01", "present"),
        ("Claims Examiner", "Beta Mutual Inc.", "Hartford, CT", "2015", "2018"),
    ]
    first = resume.experience[0]
    assert [b.text for b in first.bullets] == [
        "Reviewed 40 automated claim decisions a day and overrode 5% of them.",
        "Escalated edge cases to the fraud unit.",
    ]
    assert first.is_current


def test_when_org_line_then_title_with_date() -> None:
    """'Org, City, ST' above 'Title    dates'."""
    assert _fields(ORG_THEN_TITLE) == [
        ("Claims Examiner", "Acme Insurance", "Boston, MA", "2019", "2021"),
    ]


def test_when_date_alone_below_title_and_org() -> None:
    """A date line below title and organization lines."""
    assert _fields(DATE_ALONE_BELOW, "docx") == [
        ("Claims Examiner", "Acme Insurance", None, "2019-01", "present"),
        ("Claims Clerk", "Beta Mutual Inc.", None, "2016-03", "2018-12"),
    ]


def test_when_table_rows_flattened_then_date_first() -> None:
    """DOCX tables flatten to 'dates' / 'title' / 'org' lines."""
    assert _fields(TABLE_ROWS, "docx") == [
        ("Claims Examiner", "Acme Insurance", None, "2019", "2021"),
        ("Claims Clerk", "Beta Mutual Inc.", None, "2016", "2019"),
    ]


def test_when_no_dates_then_org_line_starts_entry() -> None:
    """An experience section without dates still yields entries from 'Title Company – Place'."""
    text = "Work History\nSales Representative Company Name – City , State\nSold things.\n"
    assert _fields(text) == [("Sales Representative", "Company Name", "City , State", None, None)]


def test_when_education_has_dates_then_no_experience() -> None:
    """Dated lines in education never become jobs."""
    text = "Education\nState University 2010 - 2014\nTook classes in accounting and statistics.\n"
    assert parse(text).experience == ()


def test_when_other_section_has_jobs_then_entries_found() -> None:
    """An unknown hinted heading over dated jobs with bullets is parsed as experience."""
    lines = (
        Line("Where I Worked", heading=True),
        Line("Claims Examiner | Acme Insurance | 2019 – 2021"),
        Line("• Reviewed claims."),
    )
    resume = build_resume(Extraction("docx", lines))
    assert resume.sections[0].kind == "other"
    assert [e.title for e in resume.experience] == ["Claims Examiner"]


def test_when_list_items_then_each_is_a_bullet() -> None:
    """Word list paragraphs carry no glyph; each is its own bullet."""
    lines = (
        Line("Experience"),
        Line("Claims Examiner, Acme Insurance, 2019 – 2021"),
        Line("Reviewed claims", list_item=True),
        Line("approved payouts", list_item=True),
    )
    resume = build_resume(Extraction("docx", lines))
    assert [b.text for b in resume.experience[0].bullets] == ["Reviewed claims", "approved payouts"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # the first line ends on a joiner, a preposition or a comma
        (
            "Reviewed flagged claims against policy terms and",
            "escalated suspected fraud to the SIU",
        ),
        ("Audited outbound orders for mis-picks,", "returning errors to the picker"),
        # the second line opens as the rest of a phrase
        ("Supported month-end close and was involved", "in the review of vendor invoices"),
    ],
)
def test_when_a_docx_line_is_cut_mid_phrase_then_the_next_line_continues_it(
    first: str, second: str
) -> None:
    """A DOCX has no wrap width, yet authors hard-wrap lines: a lowercase line after a line cut
    mid-phrase is the rest of that bullet, not a bullet of its own."""
    lines = (
        Line("Experience"),
        Line("Claims Examiner, Acme Insurance, 2019 – 2021"),
        Line(first),
        Line(second),
    )
    resume = build_resume(Extraction("docx", lines))
    assert [b.text for b in resume.experience[0].bullets] == [f"{first} {second}"]


def test_when_docx_lines_are_whole_lowercase_items_then_each_stays_a_bullet() -> None:
    """Lowercase lines that each end a phrase ("refactoring of legacy systems") or a line
    closed by ";" are a list, not one wrapped sentence."""
    lines = (
        Line("Experience"),
        Line("Claims Examiner, Acme Insurance, 2019 – 2021"),
        Line("Responsibilities"),
        Line("new features for payment processing engine"),
        Line("refactoring of legacy systems;"),
        Line("and mentoring of interns"),
    )
    resume = build_resume(Extraction("docx", lines))
    assert [b.text for b in resume.experience[0].bullets][-3:] == [
        "new features for payment processing engine",
        "refactoring of legacy systems;",
        "and mentoring of interns",
    ]


def test_when_date_column_wraps_then_range_completed_from_next_line() -> None:
    """'June 2020 – Title, Org, City' / 'Present First bullet' is one range; 'Present' is cut."""
    text = (
        "Experience\n"
        "June 2020 – Software Engineer (Front-End), Acme Corp, Mountain View, CA, USA\n"
        "Present Built review tools for flagged model outputs.\n"
    )
    resume = parse(text)
    assert _fields(text) == [
        ("Software Engineer (Front-End)", "Acme Corp", "Mountain View, CA", "2020-06", "present"),
    ]
    assert [b.text for b in resume.experience[0].bullets] == [
        "Built review tools for flagged model outputs."
    ]


def test_when_a_docx_holds_thousands_of_cut_lines_then_they_join_into_one_bullet() -> None:
    """Hostile input (SECURITY.md: oversized text): 3,000 lines each cut after "and" are one
    bullet, built by extending one span (no re-scan per line)."""
    cut = tuple(Line("reviewed claims and") for _ in range(3_000))
    lines = (
        Line("Experience"),
        Line("Claims Examiner, Acme Insurance, 2019 – 2021"),
        Line("Checked claims and"),
        *cut,
        Line("escalated fraud"),
    )
    bullets = build_resume(Extraction("docx", lines)).experience[0].bullets
    assert len(bullets) == 1
    assert bullets[0].text.endswith("reviewed claims and escalated fraud")


def test_when_a_title_holds_a_dash_inside_parentheses_then_it_stays_whole() -> None:
    """ "Coding Auditor (Medical Coding - Profee)": the dash qualifies the title, no org follows."""
    text = (
        "Experience\n"
        "Sr. Coding Auditor (Medical Coding - Profee) | Quillfield Health | Pune | 2019 – 2022\n"
        "• Audited charts coded by a team of 14 coders\n"
    )
    entry = parse(text).experience[0]
    assert entry.title == "Sr. Coding Auditor (Medical Coding - Profee)"
    assert entry.organization == "Quillfield Health"
