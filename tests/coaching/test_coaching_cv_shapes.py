"""Lines as applicants write them beyond the one layout family: a first-person CV voice, a
weak verb that hands work on, own bookkeeping before a check, a list the parse half read."""

from __future__ import annotations

import pytest

from hitl_resume.coaching.split import tensed_prefix
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
        # A duty frame over an -ing list: the check is split off as in the bare -ing line.
        (
            "Rota Coordinator",
            "Responsible for building weekly shift rotas, checking them against working time"
            " rules and approving shift swaps",
            False,
            "Built weekly shift rotas, checked them against working time rules and acted as the"
            " human decision point by approving shift swaps",
        ),
        # A light check with an accuracy purpose splits the line as a check verb would.
        (
            "HR Administrator",
            "Scheduled interviews, collected interviewer feedback and checked offer letters for"
            " correct salary details",
            False,
            "Scheduled interviews, collected interviewer feedback and provided human oversight"
            " by checking offer letters for correct salary details",
        ),
        # "Fact check" written as two words is the compound check verb.
        (
            "Search Quality Rater",
            "Fact check claims in model answers against reliable sources and mark down responses"
            " that contain made up citations",
            True,
            "Provide human oversight by fact-checking claims in model answers against reliable"
            " sources and marking down responses that contain made up citations",
        ),
        # A particle after "them" closes a phrasal verb: the sentence is not cut off.
        (
            "Payroll Administrator",
            "Checked timesheets from site managers for errors and queried discrepancies before"
            " keying them in",
            False,
            "Acted as the quality gate by checking timesheets from site managers for errors and"
            " querying discrepancies before keying them in",
        ),
        # Shipping paperwork checked before billing is a work product held back.
        (
            "Freight Dispatcher",
            "Reviewed BOLs and PODs before sending them to billing so invoices went out right",
            False,
            "Acted as the quality gate by reviewing BOLs and PODs before sending them to billing"
            " so invoices went out right",
        ),
        # "&" joins two clauses as "and" does; the check after it is framed.
        (
            "Payroll Administrator",
            "Ran the variance report each month & investigated any net pay change over 10%"
            " before payroll was signed off",
            False,
            "Ran the variance report each month and applied human judgment by investigating any"
            " net pay change over 10% before payroll was signed off",
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


@pytest.mark.parametrize(
    ("title", "bullet", "proposed"),
    [
        # A later -ing verb the small model read as an adjective gets a second parse.
        (
            "Customer Service Representative",
            "Handling customer complaints and escalating unresolved cases to the team leader",
            "Acted as the human triage point by handling customer complaints and escalating"
            " unresolved cases to the team leader",
        ),
        (
            "Accounts Payable Specialist",
            "Reviewing and approving expense reports",
            "Acted as the human decision point by reviewing and approving expense reports",
        ),
        # An -ing word after the opening verb modifies the object: no label.
        (
            "Compliance Analyst",
            "Reviewing marketing materials and advertisements for compliance with regulatory"
            " requirements prior to release",
            "Acted as the quality gate by reviewing marketing materials and advertisements for"
            " compliance with regulatory requirements prior to release",
        ),
        # "routed" is "rout" or "route": the chain counts both.
        (
            "Medical Records Clerk",
            "Checked charts for missing signatures and routed them to providers",
            "Acted as the quality gate by checking charts for missing signatures and routing"
            " them to providers",
        ),
    ],
)
def test_when_a_list_is_written_in_ing_verbs_then_every_verb_is_read(
    analyzer: Analyzer, title: str, bullet: str, proposed: str
) -> None:
    """CVs write duties as -ing phrases as often as past verbs; each verb of the list counts."""
    assert [r.proposed for r in coached(analyzer, one_bullet(bullet, title=title))] == [proposed]


@pytest.mark.parametrize(
    ("title", "bullet", "expected"),
    [
        # Reading records to prepare one's own returns is no oversight of anyone's work.
        (
            "Tax Preparer",
            "Reviewed financial records, such as income statements and documentation of"
            " expenditures to determine forms needed to prepare tax returns",
            [],
        ),
        # Determining the extent of liability is a judgment, not oversight of police reports.
        (
            "Claims Adjuster",
            "Reviewed police reports, medical treatment records, medical bills, or physical"
            " property damage to determine the extent of liability",
            [
                "Applied human judgment by reviewing police reports, medical treatment records,"
                " medical bills, or physical property damage to determine the extent of liability"
            ],
        ),
    ],
)
def test_when_the_purpose_names_the_persons_own_work_or_a_judgment_then_the_framing_follows(
    analyzer: Analyzer, title: str, bullet: str, expected: list[str]
) -> None:
    found = coached(analyzer, one_bullet(bullet, title=title))
    assert [r.proposed for r in found if not r.template.startswith("tail.")] == expected


def test_when_a_participle_names_partners_then_the_check_is_no_meeting(analyzer: Analyzer) -> None:
    """ "Reviewed variances with finance management" is a meeting; "Revise schedules ...,
    collaborating with management" is the person's own revision, framed."""
    bullet = (
        "Revise production schedules when required due to design changes or material shortages,"
        " collaborating with management and engineering."
    )
    found = coached(analyzer, one_bullet(bullet, title="Production Planning Clerk"))
    assert [r.template for r in found] == ["rewrite.schedule.judgment"]
    meeting = "Reviewed variances with finance management and corrected entries."
    assert not coached(analyzer, one_bullet(meeting, title="Production Planning Clerk"))


def test_when_risk_is_analysed_for_applications_then_the_judgment_is_framed(
    analyzer: Analyzer,
) -> None:
    """The product after "risk for" may sit eight words on ("... new business applications")."""
    bullet = (
        "Reviewed and analyzed risk for Commercial CGL and Workers' Comp new business applications"
        " and renewals"
    )
    found = coached(analyzer, one_bullet(bullet, title="Commercial Lines Underwriter"))
    assert [r.proposed for r in found] == [
        "Applied human judgment by reviewing and analyzing risk for Commercial CGL and Workers'"
        " Comp new business applications and renewals"
    ]


@pytest.mark.parametrize(
    ("title", "bullet", "proposed"),
    [
        # Watching and taking down what breaks the rules is a checkpoint on the content.
        (
            "Social Media Moderator",
            "Duties included monitoring comments and deleting spam",
            "Acted as the human checkpoint by monitoring comments and deleting spam",
        ),
        (
            "Fleet Dispatcher",
            "Monitored driver ELD logs for hours of service violations and pulled drivers off"
            " loads",
            "Acted as the human checkpoint by monitoring driver ELD logs for hours of service"
            " violations and pulling drivers off loads",
        ),
        # Flagging for someone else's review after resolving what one can is triage.
        (
            "Pharmacy Technician",
            "Resolved insurance rejections and prior auth issues and flagged drug interaction"
            " alerts from the pharmacy system for the pharmacist to review",
            "Acted as the human triage point by resolving insurance rejections and prior auth"
            " issues and flagging drug interaction alerts from the pharmacy system for the"
            " pharmacist to review",
        ),
    ],
)
def test_when_a_watch_ends_in_a_takedown_or_a_flag_then_the_chain_is_framed(
    analyzer: Analyzer, title: str, bullet: str, proposed: str
) -> None:
    assert [r.proposed for r in coached(analyzer, one_bullet(bullet, title=title))] == [proposed]


@pytest.mark.parametrize(
    ("bullet", "proposed"),
    [
        # A check that ends in a flag is a quality gate; "checkpoint" would say "check" twice.
        (
            "Double-checked client documents and flagged missing 1099s",
            [
                "Acted as the quality gate by double-checking client documents and flagging missing"
                " 1099s"
            ],
        ),
        # "routed to providers": the original leaves out what it routed; no framing keeps that.
        ("Checked charts for missing signatures and routed to providers for completion", []),
    ],
)
def test_when_a_check_hands_its_finds_on_then_the_gate_names_them(
    analyzer: Analyzer, bullet: str, proposed: list[str]
) -> None:
    found = coached(analyzer, one_bullet(bullet, title="Records Specialist"))
    assert [r.proposed for r in found if not r.template.startswith("tail.")] == proposed


def test_when_a_moderator_removes_what_breaks_the_rules_then_the_checkpoint_is_framed(
    analyzer: Analyzer,
) -> None:
    bullet = "Moderated live chat and forum posts, removing spam and abusive messages"
    found = coached(analyzer, one_bullet(bullet, title="Community Moderator"))
    assert [r.proposed for r in found] == [
        "Acted as the human checkpoint by moderating live chat and forum posts, removing spam and"
        " abusive messages"
    ]


@pytest.mark.parametrize(
    ("title", "bullet", "proposed"),
    [
        # A check that ends in the fix is a quality gate as much as one that ends in a referral.
        (
            "Payroll Officer",
            "Checked timesheets against rosters and corrected errors before the payroll run",
            [
                "Acted as the quality gate by checking timesheets against rosters and correcting"
                " errors before the payroll run"
            ],
        ),
        (
            "Accounts Assistant",
            "Checking supplier invoices against purchase orders and resolving discrepancies with"
            " suppliers",
            [
                "Acted as the quality gate by checking supplier invoices against purchase orders"
                " and resolving discrepancies with suppliers"
            ],
        ),
        # What the gate stops may be a risk rather than an error.
        (
            "KYC Analyst",
            "Verified customer identity documents and escalated high-risk customers to the"
            " compliance manager",
            [
                "Acted as the quality gate by verifying customer identity documents and escalating"
                " high-risk customers to the compliance manager"
            ],
        ),
        # Marketing materials are a work product a check can stand on.
        (
            "Compliance Officer",
            "Reviewed marketing materials for compliance with FCA rules before publication",
            [
                "Acted as the quality gate by reviewing marketing materials for compliance with FCA"
                " rules before publication"
            ],
        ),
        # "resulted to": the original's slip, which a framing would keep.
        (
            "Medical Records Specialist",
            "Identified record errors and resolved issues to eradicate discrepancies which"
            " resulted to optimal audit readiness",
            [],
        ),
    ],
)
def test_when_a_check_ends_in_a_fix_or_a_risk_then_it_is_a_quality_gate(
    analyzer: Analyzer, title: str, bullet: str, proposed: list[str]
) -> None:
    found = coached(analyzer, one_bullet(bullet, title=title))
    assert [r.proposed for r in found if not r.template.startswith("tail.")] == proposed


@pytest.mark.parametrize(
    ("bullet", "proposed", "alternative"),
    [
        # Shifts and dispatched jobs are schedules; changing them is the person's judgment.
        (
            "Dispatched engineers to jobs and reassigned jobs when engineers ran late",
            "Dispatched engineers to jobs and applied human judgment by reassigning jobs when"
            " engineers ran late",
            None,
        ),
    ],
)
def test_when_a_plan_is_changed_for_events_then_the_judgment_is_framed(
    analyzer: Analyzer, bullet: str, proposed: str, alternative: str | None
) -> None:
    found = coached(analyzer, one_bullet(bullet, title="Operations Scheduler"))
    assert [(r.proposed, r.alternative) for r in found] == [(proposed, alternative)]


def test_when_the_person_made_the_plan_they_change_then_no_judgment_framing_is_added(
    analyzer: Analyzer,
) -> None:
    """Both list-18 readers: "apply human judgment by adjusting shifts when staff call in sick"
    on a rota the person built themselves is filler (V)."""
    bullet = "Built weekly rotas and adjusted shifts when staff called in sick"
    found = coached(analyzer, one_bullet(bullet, title="Operations Scheduler"))
    assert [r.proposed for r in found if not r.template.startswith("tail.")] == []


def test_when_the_clause_says_by_near_the_framing_then_no_by_framing_stutters(
    analyzer: Analyzer,
) -> None:
    """ "Acted as the human triage point by handling queries by phone and email" (list 18, G)."""
    stutter = "Handled inbound customer queries by phone and email and escalated complaints"
    found = coached(analyzer, one_bullet(stutter, title="Customer Service Advisor"))
    assert [r.proposed for r in found if not r.template.startswith("tail.")] == []
    # the same line without the "by" of means is framed: the refusal is the stutter's alone
    plain = "Handled inbound customer queries and escalated complaints to the team leader"
    found = coached(analyzer, one_bullet(plain, title="Customer Service Advisor"))
    assert [r.template for r in found] == ["rewrite.triage.first_line"]


@pytest.mark.parametrize(
    ("bullet", "proposed"),
    [
        # An -ing kept clause takes the job's tense with the framing after it.
        (
            "Preparing billing statements and auditing student files",
            "Prepared billing statements and provided human oversight by auditing student files",
        ),
        # Three words carry a clause split off after a kept first clause.
        (
            "Prepared billing statements and audited student files",
            "Prepared billing statements and provided human oversight by auditing student files",
        ),
    ],
)
def test_when_a_check_follows_own_work_in_a_cv_list_then_only_the_check_is_framed(
    analyzer: Analyzer, bullet: str, proposed: str
) -> None:
    found = coached(analyzer, one_bullet(bullet, title="Billing Clerk"))
    assert [r.proposed for r in found] == [proposed]


@pytest.mark.parametrize(
    ("title", "bullet", "proposed"),
    [
        # A noun-phrase duty frame is dropped like "Duties included".
        (
            "Claims Examiner",
            "Key responsibilities included reviewing claims, approving payments and escalating"
            " suspected fraud to the SIU",
            "Acted as the quality gate by reviewing claims, approving payments and escalating"
            " suspected fraud to the SIU",
        ),
        # "them" after a kept first clause are that clause's claims: a work product.
        (
            "Claims Examiner",
            "Received new claims and reviewed them for missing information before payment",
            "Received new claims and acted as the quality gate by reviewing them for missing"
            " information before payment",
        ),
        # A three-way match is a validation (detection lexicon), framed as oversight.
        (
            "Accounts Payable Clerk",
            "Performed three-way matching of invoices, purchase orders and receipts",
            "Provided human oversight by performing three-way matching of invoices,"
            " purchase orders and receipts",
        ),
        # Every -ing item of a kept list takes the job's tense with the first.
        (
            "Purchase Ledger Clerk",
            "Coding around 400 supplier invoices a week, querying discrepancies with"
            " suppliers and authorising payments up to £5,000.",
            "Coded around 400 supplier invoices a week, queried discrepancies with suppliers"
            " and acted as the human decision point by authorising payments up to £5,000",
        ),
        # Processing that ends in an authorisation is the decision chain, as in US spelling.
        (
            "Purchase Ledger Clerk",
            "Processing around 400 supplier invoices a week, querying discrepancies with"
            " suppliers and authorising payments up to £5,000.",
            "Acted as the human decision point by processing around 400 supplier invoices a week,"
            " querying discrepancies with suppliers and authorising payments up to £5,000",
        ),
        # "customer" names the queries' kind here, not a party the check was held with.
        (
            "Claims Handler",
            "Checked claims with customer signatures missing and returned them to the broker",
            "Acted as the quality gate by checking claims with customer signatures missing and"
            " returning them to the broker",
        ),
        # Querying the consultant is the clinical coder's escalation.
        (
            "Clinical Coder",
            "Querying consultants when documentation was unclear and correcting coding errors",
            "Applied human judgment by querying consultants when documentation was unclear and"
            " correcting coding errors",
        ),
    ],
)
def test_when_a_cv_frames_its_duties_or_refers_back_then_the_check_is_still_framed(
    analyzer: Analyzer, title: str, bullet: str, proposed: str
) -> None:
    found = coached(analyzer, one_bullet(bullet, title=title))
    assert [r.proposed for r in found if not r.template.startswith("tail.")] == [proposed]


@pytest.mark.parametrize(("current", "framed_count"), [(True, 1), (False, 0)])
def test_when_an_ing_line_holds_a_present_time_clause_then_only_a_current_job_frames_it(
    analyzer: Analyzer, current: bool, framed_count: int
) -> None:
    """A past rewrite of "reassigning jobs when drivers run late" would keep "run" beside
    "Monitored": the line is left as written for a past job, framed for a current one."""
    bullet = (
        "Monitoring driver locations, reassigning jobs when drivers run late and escalating"
        " missed pickups to the operations manager"
    )
    found = coached(analyzer, one_bullet(bullet, title="Dispatcher", current=current))
    assert len([r for r in found if "run late" in r.proposed]) == framed_count


def test_when_the_check_is_held_with_guests_then_it_stays_service(analyzer: Analyzer) -> None:
    """A review held with guests over the phone is service, whatever follows the party."""
    bullet = "Reviewed charges with guests over the phone and corrected billing errors"
    assert coached(analyzer, one_bullet(bullet, title="Front Desk Agent")) == ()


def test_when_the_line_only_deals_with_complaints_then_no_triage_inflates_it(
    analyzer: Analyzer,
) -> None:
    """List 20's careful reader rejected "Acted as the human triage point by dealing with
    customer complaints ...": "dealing with" is too vague a duty to carry the framing."""
    bullet = "Dealing with customer complaints and escalating unresolved cases to the team leader"
    found = coached(analyzer, one_bullet(bullet, title="Customer Service Advisor"))
    assert not [r for r in found if "triage" in r.proposed]


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        (
            "Scheduling interviews, collecting interviewer feedback",
            "Scheduled interviews, collected interviewer feedback",
        ),
        ("Planning daily delivery routes", "Planned daily delivery routes"),
        # "billing" with nothing after it may be a noun: the clause stays as written.
        ("Processing payroll, billing", "Processing payroll, billing"),
    ],
)
def test_when_a_kept_ing_list_takes_the_job_tense_then_each_item_verb_changes(
    prefix: str, expected: str
) -> None:
    assert tensed_prefix(prefix, "past") == expected


def test_when_a_kept_ing_list_is_pasted_thousands_long_then_it_is_tensed_in_one_pass() -> None:
    """Hostile input (SECURITY.md: oversized text): 5,000 -ing items are tensed, not refused,
    and the work stays linear in the length of the clause."""
    prefix = "Checking invoices" + ", checking invoices" * 5_000
    tensed = tensed_prefix(prefix, "past")
    assert tensed.count("checked invoices") == 5_000
    assert tensed.startswith("Checked invoices")
