"""Helpers shared by the web tests: CSRF tokens, synthetic resumes and coaching results."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import docx
import raw_pdf
from flask.testing import FlaskClient

from hitl_resume.analysis import Analysis
from hitl_resume.coaching.results import InterviewPrompt, Plan, Rewrite, SearchLink

NAME = "Jordan Avery"
EMAIL = "jordan.avery@example.com"
PHONE = "(555) 010-4477"
_TOKEN_RE = re.compile(r'name="csrf_token" value="([^"]+)"')
_REPORT_RE = re.compile(r'name="report" value="([^"]+)"')


def csrf_token(client: FlaskClient) -> str:
    """Load the home page and return the form's CSRF token."""
    match = _TOKEN_RE.search(client.get("/").get_data(as_text=True))
    assert match is not None
    return match.group(1)


def report_token(html: str) -> str:
    match = _REPORT_RE.search(html)
    assert match is not None
    return match.group(1)


def resume_text() -> str:
    """A synthetic resume with one explicit-AI line and transferable lines."""
    return (
        f"{NAME}\nSpringfield, IL | {EMAIL} | {PHONE}\n\nEXPERIENCE\n"
        "Senior Medical Coder | Lakeside Regional Hospital | Springfield, IL | Mar 2021 – Present\n"
        "• Review 40+ inpatient charts daily and validate ICD-10-CM and CPT codes suggested by "
        "the computer-assisted coding system before claims are submitted\n"
        "• Correct miscoded diagnoses and document the reason for each change in the coding "
        "audit log\n"
        "Customer Service Representative | Northwind Telecom | Peoria, IL | 2016 – 2018\n"
        "• Escalated unresolved complaints to tier-2 support with complete case notes\n"
        "• Reviewed billing disputes and approved account credits within policy\n"
        "\nEDUCATION\nAssociate of Applied Science, Health Information Technology, 2016\n"
        "\nSKILLS\nICD-10-CM, CPT, HCPCS, Epic, HIPAA\n"
    )


def resume_docx(text: str | None = None) -> bytes:
    """The resume (or ``text``) as a DOCX built with python-docx, one paragraph per line."""
    document = docx.Document()
    for line in (text or resume_text()).split("\n"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def with_coaching(analysis: Analysis) -> Analysis:
    """Add rewrites, SOAR prompts and a plan built from the analysis's own findings."""
    rewrites = tuple(
        Rewrite(
            id=f"R{i + 1:03d}",
            finding_id=f.id,
            role=f.role,
            original=f.text,
            proposed=f"Reviewed automated outputs and approved or corrected them: {f.text}",
            template="governance.review",
            framing="oversight",
            needs_confirmation=("the outputs came from an automated system",)
            if not f.explicit_ai
            else (),
            tense="past",
            start=f.start,
            end=f.end,
        )
        for i, f in enumerate(analysis.findings[:3])
    )
    prompts = tuple(
        InterviewPrompt(
            finding_id=f.id,
            role=f.role,
            situation="Which workflow produced the outputs you reviewed?",
            obstacle="What went wrong in one case?",
            action="How did you decide to override it?",
            result="What changed afterwards?",
            result_hint="error rate, turnaround",
        )
        for f in analysis.findings[:2]
    )
    plan = Plan(
        searches=(
            SearchLink("medical coder human-in-the-loop", "Indeed", "https://example.com/?q=x"),
            SearchLink("bad link", "Nowhere", "javascript:alert(1)"),
        ),
        rewrite_first=("Review 40+ inpatient charts",),
        linkedin_skills=("Human-in-the-loop oversight", "AI output validation"),
        look_back=("Moments you corrected an automated suggestion",),
        steps=("Search your title plus HITL", "Rewrite two bullets"),
    )
    return replace(analysis, rewrites=rewrites, interview=prompts, plan=plan)


def posting_text() -> str:
    return (
        "Coding Quality Reviewer\nResponsibilities: review AI-generated medical codes and "
        "correct errors before claims go out; document override reasoning.\n"
        "Requirements: ICD-10-CM, CPT, HIPAA, CMS guidelines.\nPreferred: Epic, NCQA.\n"
    )


def hanging_pdf() -> bytes:
    """A PDF no reader gets through within a test's time budget (seconds of tiny text)."""
    return raw_pdf.slow_text_pdf()
