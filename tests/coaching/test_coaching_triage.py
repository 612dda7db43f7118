"""A person who answers or watches and passes on what needs someone else is the human triage
point or checkpoint of the whole line."""

from __future__ import annotations

import pytest

from hitl_resume.detection.analyzer import Analyzer

from .resumes import resume
from .test_coaching_framing import coached, one_bullet


@pytest.mark.parametrize(
    ("title", "bullet", "proposed"),
    [
        (
            "Help Desk Technician",
            "Resolved help desk tickets and escalated hardware issues to Tier 2.",
            "Acted as the human triage point by resolving help desk tickets and escalating"
            " hardware issues to Tier 2",
        ),
        (
            "Customer Service Representative",
            "Investigated customer complaints and referred fraud cases to the security team.",
            "Acted as the human triage point by investigating customer complaints and referring"
            " fraud cases to the security team",
        ),
        (
            "Fleet Safety Coordinator",
            "Monitored driver logs and flagged hours-of-service violations to Safety Manager.",
            "Acted as the human checkpoint by monitoring driver logs and flagging hours-of-service"
            " violations to the Safety Manager",
        ),
        (
            "Compliance Officer",
            "Monitored employee trading accounts and escalated policy breaches to the compliance"
            " officer.",
            "Acted as the human checkpoint by monitoring employee trading accounts and escalating"
            " policy breaches to the compliance officer",
        ),
        # a denial is a decision as much as an approval
        (
            "Claims Supervisor",
            "Reviewed and denied claims that did not meet policy terms.",
            "Acted as the human decision point by reviewing and denying claims that did not meet"
            " policy terms",
        ),
        (
            "AML Analyst",
            "Monitored transactions for suspicious activity and filed SARs.",
            "Acted as the human checkpoint by monitoring transactions for suspicious activity and"
            " filing SARs",
        ),
    ],
)
def test_when_a_line_answers_or_watches_and_hands_on_then_it_is_framed_whole(
    analyzer: Analyzer, title: str, bullet: str, proposed: str
) -> None:
    assert [r.proposed for r in coached(analyzer, one_bullet(bullet, title=title))] == [proposed]


def test_when_the_line_takes_actions_then_it_is_no_triage(analyzer: Analyzer) -> None:
    """ "Taking enforcement actions" is a decision, not the sorting of incoming work."""
    bullet = "Took enforcement actions and escalated high-risk cases to Legal."
    found = coached(analyzer, one_bullet(bullet, title="Trust and Safety Analyst"))
    assert all(r.template != "rewrite.triage.first_line" for r in found)


def test_when_a_current_job_line_keeps_a_past_clause_then_it_gets_no_rewrite(
    analyzer: Analyzer,
) -> None:
    """A current job's rewrite is in the present; "Review and deny claims that did not meet
    policy terms" would keep the past inside (both coaches marked it E)."""
    bullet = "Reviewed and denied claims that did not meet policy terms."
    past = coached(analyzer, one_bullet(bullet, title="Claims Supervisor"))
    current = coached(analyzer, one_bullet(bullet, title="Claims Supervisor", current=True))
    assert [r.template for r in past] == ["rewrite.decision.point"]
    assert current == ()


@pytest.mark.parametrize(
    ("bullet", "proposed"),
    [
        (
            "Adjusted delivery routes for weather and road closures.",
            "Applied human judgment by adjusting delivery routes for weather and road closures",
        ),
        (
            "Modified driver schedules to cover call-outs and late loads.",
            "Applied human judgment by modifying driver schedules to cover call-outs and late"
            " loads",
        ),
    ],
)
def test_when_a_planner_changes_a_schedule_for_the_day_then_the_plan_is_asked_about(
    analyzer: Analyzer, bullet: str, proposed: str
) -> None:
    """The dispatch pattern: adjusting a schedule or route for what the plan did not know, with
    the software-made plan asked about, never claimed."""
    found = coached(analyzer, one_bullet(bullet, title="Dispatcher"))
    assert [r.proposed for r in found] == [proposed]
    assert found[0].alternative is not None
    assert (
        found[0]
        .needs_confirmation[0]
        .startswith("Confirm: did scheduling, routing or order-management software")
    )


def test_when_a_change_is_not_to_a_schedule_then_it_is_no_judgment_on_the_plan(
    analyzer: Analyzer,
) -> None:
    text = one_bullet("Adjusted claims due to coding changes.", title="Medical Biller")
    assert analyzer.detect(resume(text)).findings  # a line the framing could have fired on
    assert all(r.template != "rewrite.schedule.judgment" for r in coached(analyzer, text))
