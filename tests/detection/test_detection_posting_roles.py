"""Posting roles: the job's own title and duties decide, not the company blurb or small print."""

from __future__ import annotations

from hitl_resume.api import analyze_posting
from hitl_resume.detection.analyzer import Analyzer


def test_when_a_bulletin_ends_with_an_eeo_sentence_then_it_is_not_hr_evidence(
    analyzer: Analyzer,
) -> None:
    """ "An equal employment opportunity employer" describes hiring, not an HR job."""
    text = (
        "Storekeeper\n\nDuties\nReceives, stores and issues materials and keeps stock records.\n"
        "The City of Los Angeles is an equal employment opportunity employer.\n"
    )
    result = analyze_posting(text, analyzer=analyzer)
    hr = next(r for r in result.roles if r.id == "hr_recruiting")
    assert all("equal employment" not in c.text.lower() for c in hr.contributions)
    top = result.top_role()
    assert top is not None
    assert top.id == "dispatch_operations"


def test_when_role_words_sit_in_the_company_overview_then_they_count_a_quarter(
    analyzer: Analyzer,
) -> None:
    """The company blurb ("we build payroll software") does not make the job a payroll job."""
    blurb = "Company overview\nWe build payroll and tax software for accountants.\n"
    duties = "Duties\nAnswer customer calls and resolve customer complaints.\n"
    result = analyze_posting(f"Support Specialist\n\n{blurb}\n{duties}", analyzer=analyzer)
    top = result.top_role()
    assert top is not None
    assert top.id == "customer_service"
    tax = next(r for r in result.roles if r.id == "tax_financial")
    customer = next(r for r in result.roles if r.id == "customer_service")
    assert tax.score < customer.score


def test_when_the_title_names_an_onet_occupation_then_its_contribution_cites_the_code(
    analyzer: Analyzer,
) -> None:
    """A title only O*NET knows still names the role, and the explanation says so."""
    result = analyze_posting("Ground Handling Agent\n\nDuties\nLoad bags.\n", analyzer=analyzer)
    dispatch = next(r for r in result.roles if r.id == "dispatch_operations")
    assert any("O*NET" in c.text for c in dispatch.contributions) or any(
        c.kind == "posting title" for c in dispatch.contributions
    )
