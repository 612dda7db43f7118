"""The grounding guard: rewrites may not add numbers, employers, tools, frameworks or AI claims."""

from __future__ import annotations

import pytest

from hitl_resume.coaching import coach
from hitl_resume.coaching.grounding import GroundingGuard
from hitl_resume.detection.analyzer import Analyzer
from hitl_resume.language.lexicon_loader import Lexicon

from .resumes import TEMPTING, resume

EMPLOYERS = ("Maple Grove Medical Center", "Bluefin Outfitters")


@pytest.mark.parametrize(
    ("original", "proposed", "confirm", "kind"),
    [
        ("Reviewed claims for accuracy", "Reviewed 40 claims for accuracy", (), "number"),
        ("Reviewed claims for accuracy", "Reviewed three claims", (), "number"),
        ("Reviewed claims", "Reviewed claims under HIPAA rules", (), "framework"),
        ("Reviewed claims", "Reviewed claims to CMS and NCQA standards", (), "framework"),
        ("Audited ledgers", "Audited ledgers for SOX compliance", (), "framework"),
        ("Reviewed claims", "Reviewed AI-generated claims", (), "ai"),
        ("Reviewed claims", "Reviewed claims flagged by an automated workflow", (), "ai"),
        ("Reviewed claims", "Reviewed claims from the algorithm", (), "ai"),
        ("Reviewed claims", "Reviewed claims at Maple Grove Medical Center", (), "employer"),
        ("Reviewed tickets", "Reviewed tickets in Salesforce", (), "tool"),
    ],
)
def test_when_fact_is_not_in_bullet_then_guard_rejects(
    lexicon: Lexicon, original: str, proposed: str, confirm: tuple[str, ...], kind: str
) -> None:
    """Every kind of ungrounded fact is caught, whatever the template tried to add."""
    guard = GroundingGuard(lexicon, EMPLOYERS)
    kinds = {v.kind for v in guard.violations(original, proposed, confirm)}
    assert kind in kinds


@pytest.mark.parametrize(
    ("original", "proposed", "confirm"),
    [
        (
            "Reviewed 40+ claims daily",
            "Served as the human check for claims, reviewing 40+ daily",
            (),
        ),
        ("Checked claims against CMS guidelines", "Reviewed claims against CMS guidelines", ()),
        ("Reviewed chatbot answers", "Corrected chatbot answers before release", ()),
        (
            "Reviewed claims",
            "Reviewed claims produced by an automated workflow",
            ("Confirm: the claims came from an automated workflow",),
        ),
        ("Trained three new coders", "Strengthened review by training three new coders", ()),
    ],
)
def test_when_fact_is_grounded_or_confirmed_then_guard_allows(
    lexicon: Lexicon, original: str, proposed: str, confirm: tuple[str, ...]
) -> None:
    """Facts from the bullet itself, or listed for confirmation, are allowed."""
    assert GroundingGuard(lexicon, EMPLOYERS).allows(original, proposed, confirm)


def test_when_neighbours_hold_tempting_facts_then_no_rewrite_borrows_them(
    analyzer: Analyzer,
) -> None:
    """Numbers, employers, frameworks and "automated" elsewhere in the resume never leak in."""
    parsed = resume(TEMPTING)
    detection = analyzer.detect(parsed)
    rewrites, _, _ = coach(
        parsed, detection.findings, detection.roles, nlp=analyzer.nlp, lexicon=analyzer.lexicon
    )
    assert rewrites, "the tempting resume should still get rewrites"
    guard = GroundingGuard(analyzer.lexicon, (*EMPLOYERS, "Harbor Ridge Health"))
    for rewrite in rewrites:
        assert guard.allows(rewrite.original, rewrite.proposed, rewrite.needs_confirmation)
        for word in ("HIPAA", "NCQA", "SOX", "Harbor Ridge", "1,200", "99%"):
            if word not in rewrite.original:
                assert word not in rewrite.proposed
        if "automat" in rewrite.proposed.lower():
            assert rewrite.needs_confirmation
