"""Clean-up, assisted and signal-noun families: strong-verb bullets from the bullet's own words."""

from __future__ import annotations

import pytest

from hitl_resume.coaching import coach
from hitl_resume.coaching.grounding import GroundingGuard, resume_employers
from hitl_resume.coaching.results import Rewrite
from hitl_resume.coaching.rewrites import starts_weak, word_count
from hitl_resume.coaching.segments import strip_weak_opening
from hitl_resume.detection.analyzer import Analyzer
from hitl_resume.language.coaching_lexicon import load_coaching_data

from .resumes import resume

OVERSTATING = ("managed", "owned", "led ", "directed", "oversaw", "ran ")


def one_bullet(bullet: str, *, current: bool = False) -> str:
    """A synthetic resume with one job and one bullet (an invented person and employer)."""
    dates = "2020 – Present" if current else "2016 – 2019"
    return (
        "Jordan Vale\njordan.vale@example.com\n\nEXPERIENCE\n"
        f"Operations Associate | Quillfield Partners | Austin, TX | {dates}\n• {bullet}\n"
    )


def coached(analyzer: Analyzer, text: str) -> tuple[Rewrite, ...]:
    """Detection then coaching, as ``analyze`` runs them."""
    parsed = resume(text)
    detection = analyzer.detect(parsed)
    rewrites, _, _ = coach(
        parsed, detection.findings, detection.roles, nlp=analyzer.nlp, lexicon=analyzer.lexicon
    )
    return rewrites


@pytest.mark.parametrize(
    ("bullet", "current", "expected"),
    [
        (
            "Upon receipt of material, I then would verify proper certification of the material "
            "and label it as required.",
            False,
            "Verified proper certification of the material and labeled it as required",
        ),
        (
            "Review of tax documents and vendor invoices for accuracy.",
            False,
            "Served as the human accuracy check for tax documents and vendor invoices, "
            "reviewing them for accuracy",
        ),
        (
            "Management of escalated cases with billing discrepancies for enterprise customers.",
            False,
            "Managed escalated cases with billing discrepancies for enterprise customers",
        ),
        (
            "Conducted monthly audits of client files to make sure that fees matched signed "
            "agreements.",
            False,
            "Provided human oversight by conducting monthly audits of client files to make sure "
            "that fees matched signed agreements",
        ),
        (
            "Assisted on audits of vendor invoices.",
            False,
            "Supported audits of vendor invoices",
        ),
        (
            "Helped customers by phone; referred billing disputes to the billing manager.",
            False,
            "Acted as the human check on billing disputes, referring them to the billing manager",
        ),
        (
            "Coordinate and review month-end journal entries.",
            True,
            "Serve as the human accuracy check for month-end journal entries, coordinating and "
            "reviewing them",
        ),
    ],
)
def test_when_bullet_is_messy_then_rewrite_is_a_clean_strong_bullet(
    analyzer: Analyzer, bullet: str, current: bool, expected: str
) -> None:
    """First-person prose, nominal openings and helper verbs become grammatical bullets."""
    proposed = [r.proposed for r in coached(analyzer, one_bullet(bullet, current=current))]
    assert expected in proposed


@pytest.mark.parametrize(
    "bullet",
    [
        "Helped supervisors review refund requests for accuracy.",
        "Assisted with auditing expense reports for compliance with company policy.",
        "Assisted on audits of vendor invoices.",
    ],
)
def test_when_bullet_says_helped_then_rewrite_never_claims_ownership(
    analyzer: Analyzer, bullet: str
) -> None:
    """ "Helped"/"Assisted" may become "Supported ...", never "Managed" or "Served as the check"."""
    rewrites = coached(analyzer, one_bullet(bullet))
    assert rewrites
    for rewrite in rewrites:
        assert rewrite.proposed.startswith("Supported"), rewrite.proposed
        assert not rewrite.proposed.lower().startswith(OVERSTATING)


@pytest.mark.parametrize(
    ("bullet", "forbidden"),
    [
        ("Conducted monthly audits of client files for fee accuracy.", "audit readiness"),
        ("Reviewed vendor invoices and approved payments.", "review process by reviewing"),
        ("Escalated safety incidents to the operations manager.", "escalation path"),
    ],
)
def test_when_bullet_does_the_work_then_weak_framings_are_not_used(
    analyzer: Analyzer, bullet: str, forbidden: str
) -> None:
    """Audits the person conducted are not "audit readiness"; escalating is not "managing"."""
    for rewrite in coached(analyzer, one_bullet(bullet)):
        assert forbidden not in rewrite.proposed.lower()


@pytest.mark.parametrize(
    "bullet",
    [
        "Teller activities include cashing checks and verifying customer identification.",
        "Upon receipt of material, I then would verify proper certification of the material.",
        "Review of 40 vendor invoices weekly at Quillfield Partners for SOX accuracy.",
        "Balances the cash drawer and verifies deposits for accuracy.",
        "Management of escalated cases with billing discrepancies for enterprise customers.",
        "Conducting reference and security checks for 30 job applicants each month.",
    ],
)
def test_when_family_rewrites_tempting_bullet_then_guard_and_rules_hold(
    analyzer: Analyzer, bullet: str
) -> None:
    """Every family obeys the guard, opens strongly and fits 40 words, whatever it rewrote."""
    text = one_bullet(bullet) + "• Processed claims through the automated claims system\n"
    parsed = resume(text)
    guard = GroundingGuard(analyzer.lexicon, resume_employers(parsed))
    weak = load_coaching_data().weak
    for rewrite in coached(analyzer, text):
        assert guard.allows(rewrite.original, rewrite.proposed, rewrite.needs_confirmation)
        assert not starts_weak(rewrite.proposed, weak)
        assert word_count(rewrite.proposed) <= 40
        if "automat" in rewrite.proposed.lower() and "automat" not in rewrite.original.lower():
            assert rewrite.needs_confirmation


@pytest.mark.parametrize(
    ("segment", "remainder", "opening"),
    [
        ("Teller activities include cashing checks", "cashing checks", "Teller activities include"),
        ("Duties included reconciling ledgers", "reconciling ledgers", "Duties included"),
        (
            "I have to not only purchase the parts but also validate the paperwork",
            "purchase the parts and validate the paperwork",
            "I have to",
        ),
        ("Review of tax documents", "review tax documents", "review of"),
        ("Management on escalated cases", "manage escalated cases", "management on"),
        ("Assisted on audits as needed", "audits as needed", "assisted on"),
        ("Reviewed claims", "Reviewed claims", None),
    ],
)
def test_when_opening_is_a_frame_then_it_is_removed(
    segment: str, remainder: str, opening: str | None
) -> None:
    """Duty-line, first-person and nominal openings give way to the bullet's own verb."""
    stripped = strip_weak_opening(segment, load_coaching_data().weak)
    assert stripped is not None
    assert stripped[:2] == (remainder, opening)


@pytest.mark.parametrize(
    "bullet",
    [
        "Reconcile fixed asset system with general ledger.",
        "Reconcile accounts receivable general ledger account.",
    ],
)
def test_when_object_is_singular_then_it_has_an_article_or_is_left_alone(
    analyzer: Analyzer, bullet: str
) -> None:
    """ "for fixed asset system" never appears without its article."""
    for rewrite in coached(analyzer, one_bullet(bullet)):
        assert "for fixed asset" not in rewrite.proposed
        assert "it receivable" not in rewrite.proposed
