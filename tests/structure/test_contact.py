"""Contact details from the header area, with the whole text as fallback."""

from __future__ import annotations

import pytest

from .helpers import parse


@pytest.mark.parametrize(
    ("phone_line", "phone"),
    [
        ("(555) 123-4567", "(555) 123-4567"),
        ("Phone: +44 20 7946 0958", "+44 20 7946 0958"),
        ("555.123.4567", "555.123.4567"),
        ("Cell 555-123-4567", "555-123-4567"),
        ("+1 555 123 4567", "+1 555 123 4567"),
    ],
)
def test_when_phone_format_then_found(phone_line: str, phone: str) -> None:
    """US and international phone formats are recognised."""
    resume = parse(f"Jane Sample\n{phone_line}\nSummary\nClaims examiner since 2015.")
    assert resume.contact.phone == phone


def test_when_header_then_name_email_links() -> None:
    """Name is the first name-like line; links keep http(s) and lose trailing punctuation."""
    resume = parse(
        "Curriculum Vitae\nJane Q. Sample\njane.sample@example.com\n"
        "linkedin.com/in/jane-sample, https://github.com/jsample.\nSummary\nExaminer."
    )
    contact = resume.contact
    assert contact.name == "Jane Q. Sample"
    assert contact.email == "jane.sample@example.com"
    assert contact.links == (
        "https://linkedin.com/in/jane-sample",
        "https://github.com/jsample",
    )


def test_when_contact_at_bottom_then_found_in_whole_text() -> None:
    """E-mail and phone at the end of the document are still found."""
    resume = parse("Summary\nExaminer.\nContact\nreach me: j.s@example.org, 555-123-4567")
    assert resume.contact.email == "j.s@example.org"
    assert resume.contact.phone == "555-123-4567"
    assert resume.contact.name is None


@pytest.mark.parametrize("line", ["Resume", "STAFF ACCOUNTANT", "Company Name City , State"])
def test_when_header_line_is_not_a_name_then_none(line: str) -> None:
    """Titles and resume labels are not names."""
    assert parse(f"{line}\nSummary\nExaminer.").contact.name is None


def test_when_ftp_link_then_ignored() -> None:
    """Only http, https and mailto links are kept."""
    resume = parse("Jane Sample\nftp://files.example.com/cv\nSummary\nExaminer.")
    assert resume.contact.links == ()


def test_when_name_has_heading_hint_then_still_contact() -> None:
    """Big-font name and target title above the first known heading stay in the header area."""
    from hitl_resume.ingest.extraction import Extraction, Line
    from hitl_resume.structure import build_resume

    lines = (
        Line("Springfield, IL, USA"),
        Line("Jane Sample", heading=True),
        Line("Claims Examiner", heading=True),
        Line("Summary", heading=True),
        Line("Examiner."),
    )
    resume = build_resume(Extraction("pdf", lines))
    assert resume.contact.name == "Jane Sample"
    assert [s.kind for s in resume.sections] == ["contact", "summary"]


@pytest.mark.parametrize(
    "phone",
    ["+91 98765 43210", "0091 98765 43210", "+44 7700 900123", "+7 (912) 345-67-89",
     "+971-4-1234567", "050-1234567", "+65 8123 4567"],
)  # fmt: skip
def test_when_phone_is_international_then_found(phone: str) -> None:
    """Gulf, South Asian, European and Russian formats are phones too."""
    resume = parse(f"Jordan Example\nPhone: {phone} | jordan@example.com\nExperience\n")
    assert resume.contact.phone == phone


def test_when_only_years_then_no_phone() -> None:
    """A run of years is not a phone number."""
    assert parse("Jordan Example\nAcme 2015 - 2019 2020\n").contact.phone is None
