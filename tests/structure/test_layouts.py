"""Layouts seen in real resumes, as synthetic text: each must yield the same job entry."""

from __future__ import annotations

from typing import Literal

import pytest

from hitl_resume.ingest.extraction import Extraction, Line
from hitl_resume.structure import build_resume

from .helpers import parse

JOB = ("Claims Examiner", "Acme Insurance Ltd")

# (layout, text after an "Experience" heading, expected start, expected end)
HEADERS = [
    ("title at org", "Claims Examiner at Acme Insurance Ltd | Jan 2019 – Present",
     "2019-01", "present"),
    ("title @ org", "Claims Examiner @ Acme Insurance Ltd, 2016-Present", "2016", "present"),
    ("org | title", "Acme Insurance Ltd | Claims Examiner | 03/2019 - 11/2021",
     "2019-03", "2021-11"),
    ("org – title", "Acme Insurance Ltd – Claims Examiner\nJune 2020 – now", "2020-06", "present"),
    ("tab", "Claims Examiner\tAcme Insurance Ltd\t2020, June – 2022, May", "2020-06", "2022-05"),
    ("range before", "since 2019\nClaims Examiner, Acme Insurance Ltd", "2019", "present"),
    ("apostrophe", "Claims Examiner, Acme Insurance Ltd\nNov'18 – Till date", "2018-11", "present"),
    ("stacked ends", "2019, March  Acme Insurance Ltd\n2021, May  Claims Examiner",
     "2019-03", "2021-05"),
    ("europass", "[ 01/03/2019 – 28/02/2021 ]\nClaims Examiner\nAcme Insurance Ltd – Dubai, UAE",
     "2019-03", "2021-02"),
    ("gap for a lost dash", "Claims Examiner, Acme Insurance Ltd\n04/2019  07/2021",
     "2019-04", "2021-07"),
    ("linkedin", "Acme Insurance Ltd\nClaims Examiner\nMarch 2019 - Present (5 years 2 months)\n"
     "Dubai, United Arab Emirates", "2019-03", "present"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "text", "start", "end"), HEADERS, ids=[h[0] for h in HEADERS])
def test_header_layouts_read_the_same_job(name: str, text: str, start: str, end: str) -> None:
    """Title and employer in either order, any separator, dates before, after or between."""
    resume = parse(f"Experience\n{text}\n• Reviewed 40 claims a day for accuracy\n", "docx")
    assert [(e.title, e.organization) for e in resume.experience] == [JOB], name
    entry = resume.experience[0]
    assert (entry.start_date, entry.end_date) == (start, end)
    assert [b.text for b in entry.bullets] == ["Reviewed 40 claims a day for accuracy"]


@pytest.mark.parametrize(
    ("line", "kind", "content"),
    [
        ("WORK  Acme Insurance Ltd  Claims Examiner", "experience", "Acme Insurance Ltd"),
        ("EXPERIENCE Led the claims review team", "experience", "Led the claims review team"),
        ("Professional Experience: Claims Examiner, 2021 – now", "experience", "Claims Examiner"),
        ("Work experience 04/2022 – 07/2022", "experience", "04/2022 – 07/2022"),
        ("Skills  Python, SQL", "skills", "Python, SQL"),
    ],
)
def test_heading_sharing_a_line_with_content_opens_its_section(
    line: str, kind: str, content: str
) -> None:
    """A left-column heading on the same line as content still opens the section."""
    resume = parse(f"Jordan Example\n{line}\nMore text here\n", "docx")
    section = resume.sections[-1]
    assert section.kind == kind
    assert resume.text[section.start : section.end].split("\n")[0].strip() != ""
    assert content in resume.text[section.start : section.end]


def test_row_of_column_headings_counts_as_experience() -> None:
    """A flattened row "PROFESSIONAL SUMMARY  EDUCATION  EXPERIENCE" holds the jobs."""
    text = (
        "PROFESSIONAL SUMMARY  EDUCATION  RELEVANT EXPERIENCE\n"
        "Claims Examiner\nAcme Insurance Ltd\nMarch 2021 - present\n"
    )
    resume = parse(text, "docx")
    assert [e.title for e in resume.experience] == ["Claims Examiner"]


def test_field_block_with_personal_details_and_declaration() -> None:
    """Designation/Company/Duration blocks are jobs; personal details and declarations never."""
    text = (
        "Work Experience\nDesignation: Customer Service Executive\n"
        "Company: Emirates Telecom LLC, Dubai, UAE\nDuration: Nov'18 – Till date\n"
        "Responsibilities:\n- Handled 80 customer calls a day\n- Resolved billing complaints\n"
        "Date of Birth: 12/03/1988\nNationality: Indian\nMarital Status: Married\n"
        "Phone 0091 98765 43210\nPassport No. K1234567\n"
        "Declaration\nI hereby declare that the above information is true.\nDubai\n"
    )
    resume = parse(text, "docx")
    assert [(e.title, e.organization, e.location) for e in resume.experience] == [
        ("Customer Service Executive", "Emirates Telecom LLC", "Dubai, UAE")
    ]
    entry = resume.experience[0]
    assert (entry.start_date, entry.end_date) == ("2018-11", "present")
    assert [b.text for b in entry.bullets] == [
        "Handled 80 customer calls a day",
        "Resolved billing complaints",
    ]
    assert resume.sections[-1].kind == "additional_information"


def test_table_cells_label_then_value() -> None:
    """A two-column table read cell by cell: label line, then value line."""
    lines = [
        "Experience", "Company", "Acme Insurance Ltd", "Position", "Claims Examiner",
        "Period", "2019 – 2021", "Duties", "Reviewed claims for accuracy",
    ]  # fmt: skip
    resume = build_resume(Extraction("docx", tuple(Line(t, origin="table") for t in lines)))
    assert [(e.title, e.organization, e.start_date) for e in resume.experience] == [
        ("Claims Examiner", "Acme Insurance Ltd", "2019")
    ]


@pytest.mark.parametrize(
    "line",
    ["Date of Birth: 01/02/1990", "Marital Status Single", "Phone 0091 98765 43210", "Dubai"],
)
def test_personal_data_line_is_never_a_job_title(line: str) -> None:
    """A personal detail next to a date never becomes a job's title."""
    text = f"Experience\nClaims Examiner, Acme Insurance Ltd, 2019 – 2021\n{line}\nJan 2015\n"
    titles = [e.title for e in parse(text, "docx").experience]
    assert line not in titles
    assert titles[0] == "Claims Examiner"


def test_functional_resume_keeps_skill_groups_and_reads_the_short_history() -> None:
    """Skills groups without dates are no jobs; the dated history lines are."""
    text = (
        "Core Competencies\nClaims review\n• Reviewed claims for accuracy\n"
        "Employment History\nClaims Examiner, Acme Insurance Ltd (2019 – 2021)\n"
    )
    resume = parse(text, "docx")
    assert [(e.title, e.organization, e.bullets) for e in resume.experience] == [
        ("Claims Examiner", "Acme Insurance Ltd", ())
    ]


def test_old_europass_label_column_read_as_fields() -> None:
    """Europass label column: Dates / Occupation or position held / Name and address of
    employer / Type of business or sector (dropped) / Main activities and responsibilities."""
    lines = [
        "Work experience", "Dates", "March 2019 – present", "Occupation or position held",
        "Claims Examiner", "Main activities and responsibilities", "Reviewed claims for accuracy",
        "Name and address of employer", "Acme Insurance Ltd, Dubai, UAE",
        "Type of business or sector", "Insurance",
    ]  # fmt: skip
    resume = build_resume(Extraction("docx", tuple(Line(t, origin="table") for t in lines)))
    assert [(e.title, e.organization, e.start_date, e.end_date) for e in resume.experience] == [
        ("Claims Examiner", "Acme Insurance Ltd", "2019-03", "present")
    ]
    assert [b.text for b in resume.experience[0].bullets] == ["Reviewed claims for accuracy"]


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_numbered_field_blocks_then_a_numbered_one_line_job(kind: Literal["docx", "pdf"]) -> None:
    """ "1. Company Name: …" field blocks and "2. Org – Title (dates)" lines are both jobs;
    "EDUCATIONAL QUALIFICATION" ends them and personal details never join them."""
    text = (
        "PROFESSIONAL EXPERIENCE\n1. Company Name: ABC Logistics Pvt. Ltd., Chennai\n"
        "Designation: Operations Executive\nPeriod: June 2016 to Till Date\n"
        "Job Responsibilities:\n• Coordinated vehicle placement\n"
        "2. XYZ Freight Services – Executive Dispatch (Jan 2014 – May 2016)\n"
        "• Prepared daily dispatch plans\nEDUCATIONAL QUALIFICATION\nB.Com, University of Madras\n"
        "PERSONAL DETAILS\nFather's Name : K. Kumar\nDate of Birth : 12-05-1990\n"
    )
    got = [
        (e.title, e.organization, e.start_date, e.end_date, [b.text for b in e.bullets])
        for e in parse(text, kind).experience
    ]
    assert got == [
        ("Operations Executive", "ABC Logistics Pvt. Ltd.", "2016-06", "present",
         ["Coordinated vehicle placement"]),
        ("Executive Dispatch", "XYZ Freight Services", "2014-01", "2016-05",
         ["Prepared daily dispatch plans"]),
    ]  # fmt: skip


def test_table_with_a_row_of_column_headings_gives_one_job_a_row() -> None:
    """ "S.No | Organization | Designation | Duration" then a row per job, read cell by cell."""
    cells = [
        "Work Experience", "S.No", "Organization", "Designation", "Duration",
        "1", "Acme Insurance Ltd", "Claims Examiner", "Jan 2019 – Present",
        "2", "Beta Logistics Pvt Ltd", "Dispatcher", "Jun 2015 – Dec 2018",
        "Education", "B.Com, University of Madras",
    ]  # fmt: skip
    resume = build_resume(Extraction("docx", tuple(Line(t, origin="table") for t in cells)))
    assert [(e.title, e.organization, e.start_date, e.end_date) for e in resume.experience] == [
        ("Claims Examiner", "Acme Insurance Ltd", "2019-01", "present"),
        ("Dispatcher", "Beta Logistics Pvt Ltd", "2015-06", "2018-12"),
    ]
