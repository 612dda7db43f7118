"""Findings: which resume lines count as HITL evidence, for which role, and why."""

from __future__ import annotations

import pytest

from hitl_resume.api import analyze
from hitl_resume.detection.analyzer import Analyzer


def _resume(title: str, employer: str, bullets: list[str], extra: str = "") -> str:
    lines = [
        "Casey Example",
        "casey@example.com",
        "",
        "EXPERIENCE",
        f"{title} | {employer} | Jan 2020 – Present",
        *[f"• {b}" for b in bullets],
    ]
    return "\n".join(lines) + ("\n" + extra if extra else "") + "\n"


@pytest.mark.parametrize(
    ("title", "employer", "bullet", "role", "signal"),
    [
        (
            "Medical Coder",
            "Lakeside Hospital",
            "Reviewed charts and corrected codes",
            "healthcare_quality",
            "review",
        ),
        (
            "Utilization Review Nurse",
            "Prairie Health Plan",
            "Reviewed prior authorization requests against criteria",
            "healthcare_quality",
            "review",
        ),
        (
            "911 Dispatcher",
            "County Emergency Communications",
            "Reviewed incoming calls and escalated priority incidents to supervisors",
            "dispatch_operations",
            "escalate",
        ),
        (
            "Production Scheduler",
            "Acme Manufacturing",
            "Revised production schedules when material shortages occurred",
            "dispatch_operations",
            "modify",
        ),
        (
            "Paralegal",
            "Smith & Lee LLP",
            "Reviewed contracts for missing clauses and flagged issues to attorneys",
            "legal_compliance",
            "review",
        ),
        (
            "AML Analyst",
            "First Bank",
            "Investigated alerts on suspicious transactions and escalated cases for SAR filing",
            "legal_compliance",
            "escalate",
        ),
        # moderating content is reviewing it (a panel or a meeting is no content)
        (
            "Content Moderator",
            "Brightline Media",
            "Moderated user-generated content according to community guidelines",
            "trust_safety",
            "review",
        ),
        (
            "Payroll Auditor",
            "Northwind Corp",
            "Audited payroll records and corrected discrepancies before payment",
            "tax_financial",
            "audit",
        ),
        (
            "Tax Preparer",
            "Main Street Tax",
            "Reviewed tax returns for accuracy before filing",
            "tax_financial",
            "review",
        ),
        (
            "Recruiter",
            "Talent Partners",
            "Screened resumes and escalated unusual candidate decisions to the hiring manager",
            "hr_recruiting",
            "escalate",
        ),
        (
            "Content Moderator",
            "Social App Inc",
            "Reviewed flagged posts against community guidelines and escalated edge cases",
            "trust_safety",
            "review",
        ),
        (
            "Customer Service Representative",
            "Northwind Telecom",
            "Escalated unresolved complaints to tier-2 support with case notes",
            "customer_service",
            "escalate",
        ),
        (
            "Retail Associate",
            "Express Pharmacy",
            "Issued credits and made exceptions to customer policies when justified",
            "customer_service",
            "override",
        ),
    ],
)
def test_when_a_bullet_shows_hitl_work_then_a_finding_names_role_and_signal(
    analyzer: Analyzer, title: str, employer: str, bullet: str, role: str, signal: str
) -> None:
    """Coverage: each family's typical review work is recognised with the right role and signal."""
    result = analyze(_resume(title, employer, [bullet]), analyzer=analyzer)
    assert result.findings, f"no finding for {bullet!r}"
    finding = result.findings[0]
    assert finding.role == role
    assert signal in finding.signals
    assert finding.text == bullet
    assert result.resume.text[finding.start : finding.end].strip() == bullet
    assert finding.explanation
    assert finding.contributions


@pytest.mark.parametrize(
    ("title", "employer", "bullet", "role", "signal"),
    [
        (
            "Accounts Payable Clerk",
            "Northwind Foods",
            "Went through every invoice the matching tool marked as matched and put a hold on the"
            " ones that did not line up",
            "tax_financial",
            "approve",
        ),
        (
            "Quality Analyst - Contact Centre",
            "Eirgrid Energy",
            "Re-checked call scores that team leaders gave and changed them where the recording"
            " did not support the mark",
            "customer_service",
            "review",
        ),
        (
            "Paralegal",
            "Smith & Lee LLP",
            "Went back over the redlines from the other side and caught changes they did not"
            " call out",
            "legal_compliance",
            "validate",
        ),
        (
            "Dispensary Technician",
            "Harbour Pharmacy",
            "Checked labels against the original prescription before passing to the pharmacist"
            " for final check",
            "healthcare_quality",
            "review",
        ),
        (
            "Medical Coding Auditor",
            "Lakeside Hospital",
            "Kept a log of recurring errors and presented the top five at the monthly huddle",
            "healthcare_quality",
            "feedback",
        ),
        (
            "Paralegal",
            "Smith & Lee LLP",
            "Noted why each deviation from the clause checklist was accepted or sent to the"
            " attorney",
            "legal_compliance",
            "document_reasoning",
        ),
    ],
)
def test_when_a_bullet_says_its_check_in_plain_words_then_it_is_found(
    analyzer: Analyzer, title: str, employer: str, bullet: str, role: str, signal: str
) -> None:
    """Applicants who never learned the words still went through, caught, held and noted why."""
    result = analyze(_resume(title, employer, [bullet]), analyzer=analyzer)
    assert [f.role for f in result.findings] == [role]
    assert signal in result.findings[0].signals


def test_when_going_through_names_no_work_checked_then_no_finding(analyzer: Analyzer) -> None:
    """ "Went through training" is no check: only "through every/each/all ..." is."""
    result = analyze(
        _resume("Pharmacy Assistant", "Harbour Pharmacy", ["Went through training on stock"]),
        analyzer=analyzer,
    )
    assert result.findings == ()


def test_when_the_title_names_the_role_then_a_plain_bullet_counts_for_it(
    analyzer: Analyzer,
) -> None:
    """Job titles are evidence: a Medical Coder's "reviewed charts" is healthcare quality."""
    result = analyze(
        _resume("Medical Coder", "Acme", ["Reviewed daily work for errors"]), analyzer=analyzer
    )
    assert [f.role for f in result.findings] == ["healthcare_quality"]
    kinds = {c.kind for c in result.findings[0].contributions}
    assert "job title" in kinds


@pytest.mark.parametrize(
    ("negated", "affirmed"),
    [
        ("Did not review tickets; answered phones only", "Reviewed tickets; answered phones"),
        ("Never escalated tickets to supervisors", "Escalated tickets to supervisors"),
        (
            "Handled customer calls without escalation to management",
            "Handled customer calls with escalation to management",
        ),
    ],
)
def test_when_the_signal_is_negated_then_no_finding(
    analyzer: Analyzer, negated: str, affirmed: str
) -> None:
    """Negation cues before a signal cancel it; the same line affirmed is a finding."""
    title, employer = "Customer Service Representative", "Northwind"
    assert not analyze(_resume(title, employer, [negated]), analyzer=analyzer).findings
    assert analyze(_resume(title, employer, [affirmed]), analyzer=analyzer).findings


def test_when_hitl_words_appear_in_interests_then_no_finding(analyzer: Analyzer) -> None:
    """Non-experience sections never create findings."""
    text = _resume(
        "Barista",
        "Corner Cafe",
        ["Prepared drinks and kept the counter clean"],
        extra="\nINTERESTS\nReviewing medical claims and auditing tax returns for fun",
    )
    result = analyze(text, analyzer=analyzer)
    assert result.findings == ()


@pytest.mark.parametrize(
    ("bullet", "explicit"),
    [
        ("Validated codes suggested by the computer-assisted coding system", True),
        ("Reviewed AI-generated chatbot replies before they reached customers", True),
        ("Corrected bounding boxes drawn by the pre-labeling model and flagged errors", True),
        ("Screened resumes auto-ranked by the ATS and reviewed rejected applicants", True),
        ("Reviewed claims for accuracy and escalated exceptions", False),
    ],
)
def test_when_a_bullet_names_an_ai_system_then_the_finding_is_explicit(
    analyzer: Analyzer, bullet: str, explicit: bool
) -> None:
    """Explicit evidence needs the resume itself to name an AI or automated system."""
    result = analyze(
        _resume("Claims Specialist", "Prairie Health Plan", [bullet]), analyzer=analyzer
    )
    assert result.findings
    assert result.findings[0].explicit_ai is explicit
    assert ("Explicit" in result.findings[0].explanation) is explicit


def test_when_scores_are_computed_then_each_is_the_sum_of_its_explanation(
    analyzer: Analyzer, example_text: str
) -> None:
    """Role scores are explainable sums (capped at 100) with a level and their findings."""
    result = analyze(example_text, analyzer=analyzer)
    assert [r.id for r in result.roles] == [
        "customer_service", "tax_financial", "healthcare_quality", "trust_safety",
        "hr_recruiting", "legal_compliance", "dispatch_operations",
    ]  # fmt: skip
    for role in result.roles:
        assert role.score == min(100, round(sum(c.points for c in role.contributions)))
        assert set(role.finding_ids) <= {f.id for f in result.findings}
    top = result.top_role()
    assert top is not None
    assert top.id == "healthcare_quality"
    assert top.level == "strong"


@pytest.mark.parametrize(
    ("bullet", "expected"),
    [
        ("Received exceeds-expectations ratings on performance reviews", False),
        ("Reported to the Audit Manager on daily tasks", False),
        ("Reviewed performance reviews for consistency before HR sign-off", True),
        # A verb signal after a determiner, or inside an accounting name, describes a thing.
        ("Posted entries to the correct project and general ledger account", False),
        ("Maintained certified payroll and fixed assets for all job sites", False),
        ("Corrected posting errors in the general ledger account", True),
        # After a number, a hyphen, a preposition or another past verb it names a thing too.
        ("Cashed checks and issued receipts to walk-in patrons", False),
        ("Processed over 150 checks weekly for the payroll office", False),
        ("Ensured the court-approved payroll plans were followed", False),
        ("Mailed documentation for corrected claims to the payroll office", False),
        ("Identified payroll errors and corrected claims before release", True),
        ("Adjusted payroll rankings with documented reasons", True),
    ],
)
def test_when_a_signal_word_only_names_a_thing_then_it_is_not_behaviour(
    analyzer: Analyzer, bullet: str, expected: bool
) -> None:
    """'performance reviews' or 'Audit Manager' name things; only doing the review counts."""
    result = analyze(_resume("HR Generalist", "Bayside Logistics", [bullet]), analyzer=analyzer)
    assert bool(result.findings) is expected


@pytest.mark.parametrize(
    ("line", "term_found"),
    [
        ("Member of Phi Theta Kappa honor society", False),
        ("Protected PHI in every chart review", True),
    ],
)
def test_when_a_short_acronym_is_title_cased_then_it_is_a_name_not_the_term(
    analyzer: Analyzer, line: str, term_found: bool
) -> None:
    """'Phi Theta Kappa' is not protected health information; 'PHI' is."""
    doc = analyzer.nlp.make_doc(line)
    texts = {h.text for h in analyzer.index.hits(doc)}
    assert ("PHI" in texts or "Phi" in texts) is term_found


@pytest.mark.parametrize(
    ("line", "signal", "found"),
    [
        ("Flagged recurring chatbot errors to the product team", "escalate", True),
        ("Queried physicians when documentation did not support the diagnosis", "escalate", True),
        ("Annotated chat transcripts for the intent classifier", "feedback", True),
        ("Labeled images for a computer vision model", "feedback", True),
        ("Caught errors in vendor invoices before payment", "validate", True),
        # QA scoring, search rating, sanctions dispositions and controls testing.
        ("Scored recorded calls against the QA checklist", "review", True),
        ("Rated search results for relevance and page quality", "feedback", True),
        ("Cleared potential name matches from the OFAC screening tool", "approve", True),
        ("Tested internal controls over revenue recognition", "audit", True),
        ("Made final call on escalated child safety cases", "approve", True),
        ("Stepped in when the chatbot gave customers wrong answers", "override", True),
        ("Took over conversations from the chatbot when it misrouted customers", "override", True),
        ("Tested new features before each release", "audit", False),
        # The classifier flagged the posts; the person reviewed them.
        ("Reviewed posts flagged by the automated classifier", "escalate", False),
        ("Answered replies flagged as uncertain", "escalate", False),
    ],
)
def test_when_a_line_flags_queries_or_labels_then_the_behaviour_is_found(
    analyzer: Analyzer, line: str, signal: str, found: bool
) -> None:
    """Moderation, coding and AI-training lines name escalation and feedback in their own
    verbs; a participle of the system's own act is not the person's."""
    doc = analyzer.nlp.make_doc(line)
    kinds = {h.entry.kind for h in analyzer.index.hits(doc) if h.entry.category == "signal"}
    assert (signal in kinds) is found


@pytest.mark.parametrize("marker", ["-", "–", "*", "•"])
def test_when_bullets_open_with_a_dash_then_their_first_verb_still_counts(
    analyzer: Analyzer, marker: str
) -> None:
    """ "- Escalating suspected fraud cases": a bullet's dash is no hyphen of a compound
    ("court-approved"); plain-text and converted CVs mark every line with one."""
    text = (
        "Casey Example\ncasey@example.com\n\nEXPERIENCE\n"
        "Claims Analyst | Nordhaven Insurance | 2019 – Present\n"
        f"{marker} Escalating suspected fraud cases to the SIU team\n"
        f"{marker} Checking repair estimates against policy coverage before payment\n"
    )
    result = analyze(text, analyzer=analyzer)
    signals = {s for f in result.findings for s in f.signals}
    assert {"escalate", "review"} <= signals
