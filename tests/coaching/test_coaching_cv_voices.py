"""Checks as contact-centre, KYC and moderation CVs write them: a light verb before two
acronyms and a review noun, a verb with its preposition before the next verb of the list, a
"re-" verb, a list of nouns whose last item opens with a word that is also a verb."""

from __future__ import annotations

import pytest

from hitl_resume.detection.analyzer import Analyzer

from .test_coaching_framing import coached, one_bullet


@pytest.mark.parametrize(
    ("title", "bullet", "current", "proposed"),
    [
        # "CDD and EDD reviews": the light verb carries the review; the acronyms name the files.
        (
            "KYC Analyst",
            "Conducted KYC and AML reviews for new corporate clients",
            False,
            "Provided human oversight by conducting KYC and AML reviews for new corporate clients",
        ),
        # "Listened to and scored": one list; scoring calls is the lexicon's review phrase.
        (
            "Quality Analyst",
            "Listened to and scored recorded calls against the QA scorecard",
            False,
            "Provided human oversight by listening to and scoring recorded calls against the QA"
            " scorecard",
        ),
        (
            "Quality Analyst",
            "Listen to and score recorded calls against the QA scorecard",
            True,
            "Provide human oversight by listening to and scoring recorded calls against the QA"
            " scorecard",
        ),
        # "profile" read as a second verb cut the list; a second parse keeps it whole.
        (
            "Content Moderator",
            "Reviewed reported posts, comments and profile photos against community guidelines",
            False,
            "Provided human oversight by reviewing reported posts, comments and profile photos"
            " against community guidelines",
        ),
        # "the AP Supervisor" names a role after its determiner: no second sentence glued on.
        (
            "Accounts Payable Clerk",
            "Escalated duplicate invoices to the AP Supervisor for review",
            False,
            "Applied human judgment by escalating duplicate invoices to the AP Supervisor for"
            " review",
        ),
        # "leave" read as a verb in another form than the list's is the time off, kept as written.
        (
            "HR Officer",
            "Checking the overtime and leave captured by supervisors against clock cards and"
            " correcting before sending to payroll",
            False,
            "Acted as the quality gate by checking the overtime and leave captured by supervisors"
            " against clock cards and correcting before sending to payroll",
        ),
        # "and also pick": the verb after "and also" is the list's, put in the -ing form.
        (
            "Audit and Compliance Officer",
            "Review each flagged payment and also pick a random sample of the ones not flagged",
            True,
            "Provide human oversight by reviewing each flagged payment and also picking a random"
            " sample of the ones not flagged",
        ),
        # A spaced dash before a clause with its own subject starts a second statement.
        (
            "KYC Analyst",
            "Clearing or escalating hits from the name screening engine - most were false"
            " positives on common names",
            False,
            "Applied human judgment by clearing or escalating hits from the name screening engine",
        ),
        # A dash pair around a list is no second statement: the purpose after it stays.
        (
            "Claims Examiner",
            "Reviewed claims - auto, property and liability - for accuracy before payment",
            False,
            "Acted as the quality gate by reviewing claims - auto, property and liability - for"
            " accuracy before payment",
        ),
        # "Re-reviewing" is the compound verb "re-review", not a label.
        (
            "Coding Auditor",
            "Re-reviewing the codes that were suggested for each chart against the physician"
            " documentation",
            False,
            "Provided human oversight by re-reviewing the codes that were suggested for each"
            " chart against the physician documentation",
        ),
    ],
)
def test_when_a_cv_writes_its_check_in_its_own_voice_then_the_line_is_framed(
    analyzer: Analyzer, title: str, bullet: str, current: bool, proposed: str
) -> None:
    found = coached(analyzer, one_bullet(bullet, title=title, current=current))
    assert [r.proposed for r in found] == [proposed]


@pytest.mark.parametrize(
    ("bullet", "current", "proposed"),
    [
        # The manner adverb stays with the line the ending follows.
        (
            "Quickly responded to and resolved customer billing issues",
            False,
            "Quickly responded to and resolved customer billing issues, escalating those that"
            " needed a supervisor's decision",
        ),
        # "those" points back to the nearer noun the ending names ("customer issues").
        (
            "Answered inbound calls and resolved customer issues in a timely manner",
            False,
            "Answered inbound calls and resolved customer issues in a timely manner, escalating"
            " those that needed a supervisor's decision",
        ),
        # "Fielded and resolved": a call-handling verb opens the list the ending follows.
        (
            "Fielded and resolved customer complaints about late deliveries",
            True,
            "Field and resolve customer complaints about late deliveries, escalating those that"
            " need a supervisor's decision",
        ),
    ],
)
def test_when_a_contact_centre_line_names_no_hand_off_then_the_ending_asks_for_one(
    analyzer: Analyzer, bullet: str, current: bool, proposed: str
) -> None:
    found = coached(
        analyzer, one_bullet(bullet, title="Customer Service Representative", current=current)
    )
    assert [r.proposed for r in found] == [proposed]
    assert found[0].needs_confirmation


@pytest.mark.parametrize(
    "bullet",
    [
        # "... in letters to government departments, escalating those" reads as the departments.
        "Resolved clients' tax problems after defending their case in letters to government"
        " departments",
        # "resolved all ..., escalating those ..." contradicts itself.
        "Resolved all customer billing issues in a timely manner",
    ],
)
def test_when_those_would_point_wrong_then_no_escalation_ending_is_offered(
    analyzer: Analyzer, bullet: str
) -> None:
    found = coached(analyzer, one_bullet(bullet, title="Customer Service Representative"))
    assert [r.proposed for r in found] == []


@pytest.mark.parametrize(
    "bullet",
    [
        # "there" for "their": a rewrite would keep the slip.
        "Went back over the redlines from the other side and caught changes they did not call"
        " out in there cover email",
        # A contraction written without its apostrophe, and in the present inside a past job.
        "Re-reviewed the codes suggested for each chart and corrected the codes where"
        " documentation dont support the level of service",
    ],
)
def test_when_the_line_keeps_a_slip_then_no_rewrite_copies_it(
    analyzer: Analyzer, bullet: str
) -> None:
    found = coached(analyzer, one_bullet(bullet, title="Paralegal"))
    assert [r.proposed for r in found] == []


def test_when_a_participle_names_the_goods_then_it_keeps_its_form(analyzer: Analyzer) -> None:
    """ "shortages or damaged goods": "damaged" describes the goods, never "damaging" them."""
    bullet = (
        "Verified outbound orders against pick lists and held shipments with shortages or"
        " damaged goods"
    )
    found = coached(analyzer, one_bullet(bullet, title="Warehouse Supervisor"))
    assert [r.proposed for r in found] == [
        "Acted as the quality gate by verifying outbound orders against pick lists and holding"
        " shipments with shortages or damaged goods"
    ]


@pytest.mark.parametrize(
    ("title", "bullet", "current"),
    [
        # "and re-plan work" would stay in its base form beside "overriding".
        (
            "Transport Planner",
            "Override RouteWise allocations when vehicles are off the road for maintenance and"
            " re-plan work manually",
            True,
        ),
        # "..., put vendor payments on hold" would stay past beside "matching".
        (
            "Accounts Payable Clerk",
            "Matched invoices to purchase orders and receiving reports, put vendor payments on"
            " hold when amounts didn't match",
            False,
        ),
        # "Ensure accuracy" names an outcome: "oversight by ensuring accuracy" is a label.
        ("Bookkeeper", "Ensure accuracy of all transactions posted to the bank", True),
        # Covering the line is staffing: no decision framing spans it.
        (
            "Teller Supervisor",
            "Created weekly teller schedules, approved time off and covered the line during peak"
            " hours",
            False,
        ),
    ],
)
def test_when_the_framed_list_would_read_wrong_then_no_framing_is_made(
    analyzer: Analyzer, title: str, bullet: str, current: bool
) -> None:
    found = coached(analyzer, one_bullet(bullet, title=title, current=current))
    assert [r.proposed for r in found if not r.template.startswith("tail.")] == []


@pytest.mark.parametrize(
    ("title", "bullet", "current", "proposed"),
    [
        # A record kept "so the auditors can see why": the reason is what it is for; the
        # framing says no "audit" the line already says in "auditors".
        (
            "Payroll Officer",
            "I document every manual adjustment in the payroll notes so the auditors can see why"
            " it was changed",
            True,
            "Keep a decision trail by documenting every manual adjustment in the payroll notes so"
            " the auditors can see why it was changed",
        ),
        (
            "Customer Service Representative",
            "Putting complete notes on every ticket so the next agent knows why the refund was"
            " denied or approved",
            True,
            "Keep a decision audit trail by putting complete notes on every ticket so the next"
            " agent knows why the refund was denied or approved",
        ),
    ],
)
def test_when_a_record_says_why_then_it_is_the_decision_trail(
    analyzer: Analyzer, title: str, bullet: str, current: bool, proposed: str
) -> None:
    found = coached(analyzer, one_bullet(bullet, title=title, current=current))
    assert [r.proposed for r in found] == [proposed]
