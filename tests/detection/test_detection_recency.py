"""Who the person is now: recent jobs weigh more, ties go to evidence, customer issues count."""

from __future__ import annotations

import pytest

from hitl_resume.api import analyze
from hitl_resume.detection import weights as w
from hitl_resume.detection.analyzer import Analyzer
from hitl_resume.detection.recency import job_factors, scaled_kind
from hitl_resume.detection.results import Contribution, RoleAssessment, top_role
from hitl_resume.models import ExperienceEntry


def _entry(start: str | None, end: str | None) -> ExperienceEntry:
    return ExperienceEntry("Clerk", "Acme", None, start, end, (), 0, 0)


def _expected(years_before: float) -> float:
    return round(max(w.RECENCY_FLOOR, 1 - w.RECENCY_DECAY_PER_YEAR * years_before), 2)


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        # a current job and one that ended when it began: both count fully
        ([("2019-01", "present"), ("2015-01", "2019-01")], [1.0, 1.0]),
        # a job that ended three years before the latest one counts less
        ([("2020-01", "2023-01"), ("2015-01", "2020-01")], [1.0, _expected(3.0)]),
        # a job of twenty years ago never counts less than the floor
        ([("2018-06", "Current"), ("1995-06", "1998-06")], [1.0, w.RECENCY_FLOOR]),
        # a year without a month is read as mid-year
        ([("2016", "2020"), ("2010", "2014")], [1.0, _expected(6.0)]),
        # undated jobs count fully: nothing says they are old
        ([(None, None), (None, None)], [1.0, 1.0]),
        ([("2020-01", "present"), (None, None)], [1.0, 1.0]),
    ],
)
def test_when_jobs_have_dates_then_older_ones_get_smaller_factors(
    dates: list[tuple[str | None, str | None]], expected: list[float]
) -> None:
    """The recency factor follows the documented formula of ``weights`` for each date shape."""
    factors = job_factors([_entry(start, end) for start, end in dates])
    assert [factors[i] for i in range(len(dates))] == pytest.approx(expected)


def test_scaled_kind_names_the_factor_only_when_it_scales() -> None:
    """Explanations show when a contribution was scaled, and stay unchanged when not."""
    assert scaled_kind("finding", 1.0) == "finding"
    assert scaled_kind("job title", 0.5) == "job title (earlier job ×0.50)"


CAREER = """Jordan Example
jordan@example.com

EXPERIENCE
{recent_title} | {recent_org} | Jan 2016 – Present
{recent_bullets}
{old_title} | {old_org} | Jan 1998 – Dec 2003
{old_bullets}
"""

FAMILIES = {
    "customer_service": (
        "Customer Service Representative",
        "Telco One",
        [
            "Resolved billing disputes and customer complaints on inbound calls",
            "Escalated unresolved customer issues to supervisors with case notes",
        ],
    ),
    "tax_financial": (
        "Bookkeeper",
        "Main Street Books",
        [
            "Reconciled bank statements and reviewed general ledger entries",
            "Audited accounts payable invoices and corrected coding errors",
            "Verified payroll journal entries against timesheets",
        ],
    ),
    "hr_recruiting": (
        "HR Generalist",
        "Northwind Staffing",
        [
            "Screened candidates and reviewed background checks before offers",
            "Audited employment eligibility forms and onboarding files for compliance",
            "Investigated employee relations complaints and documented findings",
        ],
    ),
}


@pytest.mark.parametrize(
    ("recent", "old"),
    [
        ("customer_service", "tax_financial"),
        ("hr_recruiting", "tax_financial"),
        ("customer_service", "hr_recruiting"),
    ],
)
def test_when_an_old_job_has_more_bullets_then_the_current_job_still_decides(
    analyzer: Analyzer, recent: str, old: str
) -> None:
    """A career of the last decade outweighs a longer bullet list from twenty years ago."""
    recent_title, recent_org, recent_bullets = FAMILIES[recent]
    old_title, old_org, old_bullets = FAMILIES[old]
    text = CAREER.format(
        recent_title=recent_title,
        recent_org=recent_org,
        recent_bullets="\n".join(f"• {b}" for b in recent_bullets),
        old_title=old_title,
        old_org=old_org,
        old_bullets="\n".join(f"• {b}" for b in old_bullets),
    )
    result = analyze(text, analyzer=analyzer)
    top = result.top_role()
    assert top is not None
    assert top.id == recent
    old_role = next(r for r in result.roles if r.id == old)
    assert any("earlier job ×" in c.kind for c in old_role.contributions)
    assert old_role.score == round(sum(c.points for c in old_role.contributions))


def _role(role_id: str, score: int, points: list[float]) -> RoleAssessment:
    contributions = tuple(Contribution(f"e{i}", "finding", "x", p) for i, p in enumerate(points))
    return RoleAssessment(role_id, role_id, score, w.level_for(score), (), contributions)


@pytest.mark.parametrize(
    ("first", "second", "winner"),
    [
        # both clamped at 100: the larger unclamped sum wins, whatever the lexicon order
        (_role("tax_financial", 100, [60, 50]), _role("hr_recruiting", 100, [60, 70]), "hr"),
        (_role("hr_recruiting", 100, [60, 70]), _role("tax_financial", 100, [60, 50]), "hr"),
        # equal sums: the stronger single piece of evidence wins
        (_role("tax_financial", 40, [20, 20]), _role("hr_recruiting", 40, [30, 10]), "hr"),
    ],
)
def test_when_roles_tie_then_the_stronger_evidence_wins(
    first: RoleAssessment, second: RoleAssessment, winner: str
) -> None:
    """Ties are settled by the evidence behind the scores, not by the order roles are listed."""
    top = top_role([first, second])
    assert top is not None
    assert top.id.startswith(winner)


@pytest.mark.parametrize(
    "bullet",
    [
        "Resolved customer billing disputes within one call",
        "Investigated customer complaints about delayed refunds",
        "Researched and solved customer account issues across several systems",
        "Troubleshot customer issues with online banking and escalated outages",
    ],
)
def test_when_a_bullet_handles_customer_issues_then_it_is_customer_service_evidence(
    analyzer: Analyzer, bullet: str
) -> None:
    """Resolving, researching and investigating customer issues is the family's review work."""
    text = (
        f"Sam Example\n\nEXPERIENCE\nAccount Associate | Acme Mobile | 2019 – Present\n• {bullet}\n"
    )
    result = analyze(text, analyzer=analyzer)
    assert [f.role for f in result.findings] == ["customer_service"]


def test_when_software_applications_are_supported_then_it_is_not_recruiting(
    analyzer: Analyzer,
) -> None:
    """Bare "applications" names software as often as job applications: it is no HR evidence."""
    text = (
        "Pat Example\n\nEXPERIENCE\nSupport Engineer | Acme Software | 2019 – Present\n"
        "• Reviewed production applications and escalated defects to the core team\n"
    )
    result = analyze(text, analyzer=analyzer)
    assert all(f.role != "hr_recruiting" for f in result.findings)
    hr = next(r for r in result.roles if r.id == "hr_recruiting")
    assert hr.level == "none"
