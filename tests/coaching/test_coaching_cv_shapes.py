"""Lines as applicants write them beyond the one layout family: a first-person CV voice, a
weak verb that hands work on, own bookkeeping before a check, a list the parse half read."""

from __future__ import annotations

import pytest

from hitl_resume.detection.analyzer import Analyzer

from .test_coaching_framing import coached, one_bullet


@pytest.mark.parametrize(
    ("title", "bullet", "current", "proposed"),
    [
        # A bare "I" is the CV's voice: the line reads as its verb phrase.
        (
            "Claims Examiner",
            "I reviewed insurance claims and approved payments.",
            False,
            "Acted as the quality gate by reviewing insurance claims and approving payments",
        ),
        # "Handled" is weak alone; with a hand-off after it the line is triage.
        (
            "Customer Service Representative",
            "Handled customer complaints and escalated unresolved cases to the team leader.",
            False,
            "Acted as the human triage point by handling customer complaints and escalating"
            " unresolved cases to the team leader",
        ),
        # A reconciliation is the person's own books; the check after it is framed alone.
        (
            "Staff Accountant",
            "Reconcile 25 balance sheet accounts monthly and investigate variances over"
            " threshold before close",
            True,
            "Reconcile 25 balance sheet accounts monthly and apply human judgment by"
            " investigating variances over threshold before close",
        ),
        # The parse read "screened" as a modifier; the list is all past, so it is mended.
        (
            "Talent Acquisition Specialist",
            "Reviewed resumes and phone screened 25+ applicants weekly for Warehouse and Driver"
            " roles",
            False,
            "Applied human judgment by reviewing resumes and phone screening 25+ applicants"
            " weekly for Warehouse and Driver roles",
        ),
    ],
)
def test_when_a_cv_writes_a_check_its_own_way_then_the_line_is_framed(
    analyzer: Analyzer, title: str, bullet: str, current: bool, proposed: str
) -> None:
    found = coached(analyzer, one_bullet(bullet, title=title, current=current))
    assert [r.proposed for r in found] == [proposed]


@pytest.mark.parametrize(
    "bullet",
    [
        # "I would then verify": a habit in prose keeps its frame and gets no rewrite.
        "Upon receipt of the claims, I would then verify the coverage.",
        # A weak verb with no hand-off after it stays unframed.
        "Handled inbound calls for the billing department.",
        # A base form in a past list is the person's slip: refused, never copied.
        "Reviewed invoices, approve payments and filed the records.",
    ],
)
def test_when_the_line_gives_no_clean_check_then_no_framing_is_made(
    analyzer: Analyzer, bullet: str
) -> None:
    found = coached(analyzer, one_bullet(bullet, title="Accounts Payable Clerk"))
    assert [r.proposed for r in found if not r.template.startswith("tail.")] == []
