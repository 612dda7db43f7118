"""Checks people write without a check verb at the head: their own reconciliation or matching
that hands what it found to someone else, and a light verb whose noun names the test
("Conducted monthly testing of ..."). Each is a catch chain: the human checkpoint."""

from __future__ import annotations

import pytest

from hitl_resume.coaching.articles import add_articles
from hitl_resume.detection.analyzer import Analyzer

from .test_coaching_framing import framed, one_bullet


@pytest.mark.parametrize(
    ("title", "bullet", "current", "proposed"),
    [
        # The person's own books, then what the reconciliation found goes to someone else.
        (
            "Staff Accountant",
            "Reconciled vendor statements to the AP ledger and reported discrepancies to the"
            " controller.",
            False,
            "Acted as the human checkpoint by reconciling vendor statements to the AP ledger and"
            " reporting discrepancies to the controller",
        ),
        (
            "Accounts Receivable Clerk",
            "Matched customer payments to open invoices, researched short pays and escalated"
            " disputed balances to collections.",
            False,
            "Acted as the human checkpoint by matching customer payments to open invoices,"
            " researching short pays and escalating disputed balances to collections",
        ),
        # Alerts, tickets and complaints reviewed and passed on are triage: nothing is held back,
        # so no quality gate (both list-10 readers), and "checkpoint" would repeat "review".
        (
            "Compliance Analyst",
            "Review alerts and case files and escalate suspicious activity to the BSA officer",
            True,
            "Act as the human triage point by reviewing alerts and case files and escalating"
            " suspicious activity to the BSA officer",
        ),
        (
            "Help Desk Analyst",
            "Monitored support tickets and escalated outages to Tier 2",
            False,
            "Acted as the human triage point by monitoring support tickets and escalating"
            " outages to Tier 2",
        ),
        # What a moderator's check catches: violating content.
        (
            "Content Moderator",
            "Monitored live streams and removed violating content, escalating threats of"
            " self-harm to the specialist team",
            False,
            "Acted as the human checkpoint by monitoring live streams and removing violating"
            " content, escalating threats of self-harm to the specialist team",
        ),
        # A British spelling of a chain verb ("authorising") is the same verb.
        (
            "Claims Handler",
            "Assessing motor and home insurance claims, checking policy cover and authorising"
            " settlements up to £10,000",
            False,
            "Acted as the human decision point by assessing motor and home insurance claims,"
            " checking policy cover and authorising settlements up to £10,000",
        ),
        # "bank" names a kind of the plural "accounts": no "the" goes before it.
        (
            "Full Charge Bookkeeper",
            "Reconciled bank and credit card accounts monthly for 12 small business clients and"
            " flagged unexplained transactions to owners",
            False,
            "Acted as the human checkpoint by reconciling bank and credit card accounts monthly"
            " for 12 small business clients and flagging unexplained transactions to owners",
        ),
        # A light verb whose noun is the test leads the chain like the verb "test".
        (
            "Compliance Analyst",
            "Perform monthly testing of marketing materials for regulatory compliance and"
            " document exceptions",
            True,
            "Act as the human checkpoint by performing monthly testing of marketing materials for"
            " regulatory compliance and documenting exceptions",
        ),
        (
            "Payroll Clerk",
            "Tested payroll changes before each run and reported errors to the payroll manager",
            False,
            "Acted as the human checkpoint by testing payroll changes before each run and"
            " reporting errors to the payroll manager",
        ),
        # The client Controller is whom the findings were discussed with, not a service party
        # of the test itself.
        (
            "Staff Auditor",
            "Tested internal controls over revenue recognition, documented exceptions in"
            " workpapers and discussed findings with client Controller",
            False,
            "Acted as the human checkpoint by testing internal controls over revenue"
            " recognition, documenting exceptions in workpapers and discussing findings with"
            " client Controller",
        ),
        # Holding what the match caught is the checkpoint's act too.
        (
            "Accounts Payable Clerk",
            "Matched supplier invoices to purchase orders and receipts, held mismatched invoices"
            " and chased budget holders for sign-off before payment runs.",
            False,
            "Acted as the human checkpoint by matching supplier invoices to purchase orders and"
            " receipts, holding mismatched invoices and chasing budget holders for sign-off"
            " before payment runs",
        ),
        # "Carrying out KYC checks": the light verb's noun is the check; a potential match is
        # what it stops.
        (
            "KYC Analyst",
            "Carrying out KYC checks on new corporate clients, verifying ownership documents,"
            " screening against sanctions lists and escalating potential matches to the MLRO.",
            False,
            "Acted as the quality gate by carrying out KYC checks on new corporate clients,"
            " verifying ownership documents, screening against sanctions lists and escalating"
            " potential matches to the MLRO",
        ),
    ],
)
def test_when_a_check_hands_on_what_it_found_then_the_line_is_the_checkpoint(
    analyzer: Analyzer, title: str, bullet: str, current: bool, proposed: str
) -> None:
    found = framed(analyzer, one_bullet(bullet, title=title, current=current))
    assert [r.proposed for r in found] == [proposed]


@pytest.mark.parametrize(
    ("title", "bullet"),
    [
        # Own books with nothing passed on: no check to frame.
        ("Staff Accountant", "Reconciled vendor statements to the AP ledger monthly."),
        # Writing one's own entries is no check, whatever is reported after it.
        ("Staff Accountant", "Prepared journal entries and reported errors to the controller."),
        # A light verb whose noun is no check ("meetings") leads nothing.
        (
            "Compliance Analyst",
            "Conducted monthly meetings with branch staff and reported exceptions to the"
            " Compliance Manager.",
        ),
    ],
)
def test_when_no_check_leads_the_hand_off_then_no_checkpoint(
    analyzer: Analyzer, title: str, bullet: str
) -> None:
    found = framed(analyzer, one_bullet(bullet, title=title))
    assert not [r for r in found if "checkpoint" in r.proposed]


def test_when_a_singular_noun_modifies_a_later_plural_then_it_takes_no_article() -> None:
    countable = {"bank", "account", "ledger"}
    assert add_articles("reconciling bank and credit card accounts", countable) == (
        "reconciling bank and credit card accounts"
    )


def test_when_two_singular_nouns_are_joined_then_the_first_still_takes_its_article() -> None:
    countable = {"bank", "account", "ledger"}
    assert add_articles("reconciling ledger and bank statement", countable) == (
        "reconciling the ledger and bank statement"
    )


def test_when_a_kept_ing_clause_lists_a_second_ing_verb_then_no_split_is_framed(
    analyzer: Analyzer,
) -> None:
    """ "Assigned codes ..., querying unclear documentation ..., and applied human judgment":
    re-tensing only the first verb of the kept clause leaves its list half past, half -ing."""
    bullet = (
        "Assigning ICD-10 and OPCS-4 codes from discharge summaries, querying unclear"
        " documentation with consultants and correcting coding errors picked up during audit"
    )
    found = framed(analyzer, one_bullet(bullet, title="Clinical Coder"))
    assert not [r for r in found if "querying" in r.proposed and "Assigned" in r.proposed]


@pytest.mark.parametrize(
    ("title", "bullet", "proposed"),
    [
        # "by 30%" is a measure, not a second "by" of means after the framing's.
        (
            "Customer Experience Associate",
            "Overrode automated order cancellations when customers provided valid proof of"
            " payment, cutting wrongful cancellations by 30% in six months.",
            "Acted as the human decision point by overriding automated order cancellations when"
            " customers provided valid proof of payment, cutting wrongful cancellations by 30%"
            " in six months",
        ),
        # "by around 20%" is a measure too.
        (
            "Payroll and HR Assistant",
            "I checked timesheets against rotas each week and corrected overtime errors before"
            " payroll ran, cutting pay queries by around 20%.",
            "Acted as the quality gate by checking timesheets against rotas each week and"
            " correcting overtime errors before payroll ran, cutting pay queries by around 20%",
        ),
        # Reversing what the automation got wrong is what the watch caught.
        (
            "Community Moderator",
            "Responsible for monitoring forums and chats, issuing warnings, reversing incorrect"
            " auto-bans and keeping a log of every moderation action taken.",
            "Acted as the human checkpoint by monitoring forums and chats, issuing warnings,"
            " reversing incorrect auto-bans and keeping a log of every moderation action taken",
        ),
        # A check before the next step of the work holds it back: the quality gate.
        (
            "HR Assistant",
            "Checking timesheets and absence records before sending them over to payroll each"
            " month.",
            "Acted as the quality gate by checking timesheets and absence records before sending"
            " them over to payroll each month",
        ),
        # Matching invoices is a validation; following up on what it caught is the checkpoint.
        (
            "Accounts Payable Clerk",
            "Matched invoices to purchase orders and receiving reports and followed up with"
            " purchasing on any discrepancies.",
            "Acted as the human checkpoint by matching invoices to purchase orders and receiving"
            " reports and following up with purchasing on any discrepancies",
        ),
    ],
)
def test_when_a_line_overrides_measures_or_holds_its_check_then_it_is_framed(
    analyzer: Analyzer, title: str, bullet: str, proposed: str
) -> None:
    found = framed(analyzer, one_bullet(bullet, title=title))
    assert [r.proposed for r in found] == [proposed]


@pytest.mark.parametrize(
    "bullet",
    [
        "Escalated customer complaints to the supervisor.",
        # Earlier readers marked a judgment framing on customers' complaints vague even with
        # "unresolved" or "complex" before them.
        "Escalating complex complaints and vulnerable customers to team leaders or the relevant"
        " department.",
    ],
)
def test_when_complaints_are_only_passed_on_then_no_judgment_is_claimed(
    analyzer: Analyzer, bullet: str
) -> None:
    found = framed(analyzer, one_bullet(bullet, title="Customer Service Representative"))
    assert found == ()


def test_when_a_flag_opens_the_line_then_it_is_no_quality_gate(analyzer: Analyzer) -> None:
    """Both list-21 readers: flagging and reporting suspected fraud is detection and
    escalation; nothing is held back, so "quality gate" does not fit."""
    bullet = (
        "Flagged suspicious transactions and reported possible check fraud to the branch manager."
    )
    found = framed(analyzer, one_bullet(bullet, title="Bank Teller"))
    assert not [r for r in found if "quality gate" in r.proposed]


def test_when_the_kept_result_speaks_in_the_first_person_then_no_rewrite_copies_it(
    analyzer: Analyzer,
) -> None:
    """Both list-21 readers marked "which brought our denial rate down" (first person kept)."""
    bullet = (
        "Reviewed denied claims and corrected coding errors before resubmitting, which brought"
        " our denial rate down from 12% to about 7%."
    )
    found = framed(analyzer, one_bullet(bullet, title="Medical Billing Specialist"))
    assert not [r for r in found if " our " in r.proposed]
