"""Articles: a bare countable noun phrase gets "the"; idioms, plurals and possessives do not."""

from __future__ import annotations

import pytest

from hitl_resume.coaching.articles import add_articles, bare_possessive

COUNTABLE = frozenset({"ledger", "account", "department", "register", "team", "manager", "bank"})
PEOPLE = frozenset({"manager"})


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        (
            "Review general ledger to ensure accuracy",
            "Review the general ledger to ensure accuracy",
        ),
        (
            "Reviewed and approved time cards for processing by payroll department",
            "Reviewed and approved time cards for processing by the payroll department",
        ),
        (
            "Reconciled Child Support Fee check register daily",
            "Reconciled the Child Support Fee check register daily",
        ),
        ("Thoroughly reviewed general ledger", "Thoroughly reviewed the general ledger"),
        # The object of a later verb of the clause, after "and".
        (
            "Audited vendor files, and reconciled bank account monthly",
            "Audited vendor files, and reconciled the bank account monthly",
        ),
        # A capitalised phrase after "to" is a noun phrase, a title-cased job in it one thing.
        (
            "Escalate high-risk clients to EDD team",
            "Escalate high-risk clients to the EDD team",
        ),
        (
            "Flagged violations to Safety Manager",
            "Flagged violations to the Safety Manager",
        ),
        # A person at the end of a phrase after "to" makes it a noun phrase.
        (
            "Flagged suspicious checks to branch manager",
            "Flagged suspicious checks to the branch manager",
        ),
        # A name, a unit named as a proper noun, or a tier stays as written.
        ("Escalated high-risk cases to Legal", "Escalated high-risk cases to Legal"),
        ("Escalated outages to Tier 2", "Escalated outages to Tier 2"),
        # Plurals, determiners, possessives and mass nouns are left alone.
        ("Reconciled mutual fund accounts", "Reconciled mutual fund accounts"),
        # "feed" only ends like a participle: the phrase runs on to its plural head.
        ("Checked bank feed rules", "Checked bank feed rules"),
        ("Reconciled the bank account", "Reconciled the bank account"),
        ("Audited customer's bank account", "Audited customer's bank account"),
        ("Audited payroll for each department", "Audited payroll for each department"),
        # A verb after a preposition starts no noun phrase.
        (
            "Responsible for maintaining general ledger",
            "Responsible for maintaining general ledger",
        ),
        # "to" may start an infinitive ("to balance general ledger"): never a trigger.
        (
            "Adjusted entries to balance general ledger",
            "Adjusted entries to balance general ledger",
        ),
        # A line that opens with its own determiner keeps it once ("The the report" was shown).
        (
            "The general ledger from the finance system flags payments over tolerance",
            "The general ledger from the finance system flags payments over tolerance",
        ),
    ],
)
def test_when_a_countable_noun_is_bare_then_it_gets_the(clause: str, expected: str) -> None:
    """Only phrases ending in a countable singular noun, after the verbs or a preposition."""
    assert add_articles(clause, COUNTABLE, PEOPLE) == expected


@pytest.mark.parametrize(
    ("clause", "slip"),
    [
        ("Audited customer's bank accounts", "customer's"),
        ("Reviewed each customer's account history", None),
        ("Verified the client's identity", None),
        ("Reviewed customers' accounts", None),
    ],
)
def test_when_a_countable_possessive_has_no_determiner_then_it_is_a_slip(
    clause: str, slip: str | None
) -> None:
    """ "customer's" alone most likely means "customers'"; with a determiner it is fine."""
    assert bare_possessive(clause, frozenset({"customer", "client", "account"})) == slip
