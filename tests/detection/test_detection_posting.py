"""Posting analysis: HITL phrases (explicit or not), keywords by section, HTML input, limits."""

from __future__ import annotations

import pytest

from hitl_resume.api import analyze_posting
from hitl_resume.detection.analyzer import Analyzer
from hitl_resume.errors import EmptyTextError, TextTooLongError

POSTING = """Claims Quality Reviewer
About the role
You will review AI-generated claim summaries and correct errors before payment.
You will also review claims for accuracy and escalate suspected fraud.
Minimum qualifications
Experience with ICD-10 and CPT coding.
Strong attention to detail.
Preferred qualifications
Certified Professional Coder (CPC).
Experience with Epic.
"""


@pytest.mark.parametrize(
    ("sentence", "explicit"),
    [
        ("Review AI-generated outputs and approve or reject them.", True),
        ("Evaluate chatbot responses for accuracy and tone.", True),
        ("You will continuously evaluate the AI against quality criteria.", True),
        ("Review claims for accuracy and completeness.", False),
        ("Design, train, and evaluate machine learning models for ranking.", False),
        ("Build AI models and review pull requests from teammates.", False),
        ("Rate and rank model responses for accuracy and helpfulness.", True),
        ("Evaluate chatbot answers against our style guide.", True),
        ("Validate auto-generated classifications before they are published.", True),
        ("Quality-check machine translations for fluency.", True),
        ("Compare two AI responses and choose the better one.", True),
        ("Annotate and label model outputs for safety.", True),
        ("Fact-check answers produced by our AI assistant.", True),
        ("Score chatbot conversations for helpfulness.", True),
        ("Check the classifications suggested by the model and override wrong ones.", True),
        ("Review the results with the model owners.", False),
        ("Our team reviews outputs of the finance model every month.", False),
        ("Review the answers given by candidates in the interview.", False),
        ("Review code and mentor engineers building AI features.", False),
        ("You will review pull requests for our machine learning platform.", False),
        ("Review and approve purchase orders in SAP.", False),
        ("Develop models and rank candidates for the data science team.", False),
    ],
)
def test_when_a_sentence_asks_for_review_then_explicit_ai_depends_on_its_object(
    analyzer: Analyzer, sentence: str, explicit: bool
) -> None:
    """Explicit means reviewing AI output however phrased; building AI, naming a system of
    record or reviewing ordinary work is not."""
    result = analyze_posting(f"Analyst\n{sentence}\n", analyzer=analyzer)
    phrases = [p for p in result.hitl_phrases if p.text == sentence]
    assert any(p.explicit_ai for p in phrases) is explicit


def test_when_keywords_sit_under_sections_then_required_and_preferred_follow(
    analyzer: Analyzer,
) -> None:
    """Keywords under 'Minimum qualifications' are required; under 'Preferred' they are not."""
    result = analyze_posting(POSTING, analyzer=analyzer)
    by_text = {k.text.lower(): k for k in result.keywords}
    assert by_text["icd-10"].required is True
    assert by_text["epic"].required is False
    for keyword in result.keywords:
        assert POSTING[keyword.start : keyword.end] == keyword.text


def test_when_posting_names_the_role_then_it_is_the_top_role(analyzer: Analyzer) -> None:
    """The title and vocabulary decide the posting's role pattern."""
    result = analyze_posting(POSTING, analyzer=analyzer)
    top = result.top_role()
    assert top is not None
    assert top.id == "healthcare_quality"
    assert result.to_dict()["top_role"] == "healthcare_quality"


def test_when_posting_is_html_then_it_is_reduced_to_text(analyzer: Analyzer) -> None:
    """Pasted HTML is analysed as text: scripts dropped, tags never re-emitted (T-01, E-09)."""
    html = (
        "<html><head><style>p{}</style><base href='http://x'></head><body><h1>Dispatcher</h1>"
        "<p>Review AI-optimized routes before they go live.</p>"
        "<script>alert(1)</script></body></html>"
    )
    result = analyze_posting(html, analyzer=analyzer)
    assert "<" not in result.text
    assert "alert" not in result.text
    assert result.hitl_phrases[0].explicit_ai is True


@pytest.mark.parametrize(
    ("text", "error"), [("  \n ", EmptyTextError), ("x " * 60_000, TextTooLongError)]
)
def test_when_posting_is_empty_or_huge_then_input_error(
    analyzer: Analyzer, text: str, error: type[Exception]
) -> None:
    """T-04/T-05: empty and oversize postings are refused with their codes."""
    with pytest.raises(error):
        analyze_posting(text, analyzer=analyzer)


def test_when_posting_has_control_characters_then_they_are_cleaned(analyzer: Analyzer) -> None:
    """T-03: NULs, controls and lone surrogates never reach the analysis."""
    result = analyze_posting(
        "Recruiter\x00\nReview\ud800 candidate slates\x0b weekly.\n", analyzer=analyzer
    )
    assert "\x00" not in result.text
    assert "\ud800" not in result.text


BULLETIN = """FLEET DISPATCHER
Class Code: 1234

DUTIES
A Fleet Dispatcher reviews routes proposed by the routing software and reassigns drivers.

SELECTION PROCESS
Applications will be reviewed by the personnel department to ensure minimum qualifications.
Candidates will be interviewed by the HR recruiter; the eligible list and job offer follow
equal employment opportunity rules and the Americans with Disabilities Act.

NOTES:
Experience with Microsoft Excel is reviewed during the selection interview.
"""


def test_when_a_bulletin_has_hiring_boilerplate_then_only_the_job_counts(
    analyzer: Analyzer,
) -> None:
    """Selection-process and EEO text describe hiring, not the job: no role, phrase or keyword."""
    result = analyze_posting(BULLETIN, analyzer=analyzer)
    top = result.top_role()
    assert top is not None
    assert top.id == "dispatch_operations"
    assert all("Applications will be reviewed" not in p.text for p in result.hitl_phrases)
    assert any("routing software" in p.text for p in result.hitl_phrases)
    assert all(k.text.lower() != "microsoft excel" for k in result.keywords)
