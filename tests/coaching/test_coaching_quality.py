"""Rewrite quality: grammatical, specific to the bullet, nothing a careful coach would strike.

Each table row is a bullet pattern that once produced a bad rewrite (a dangling phrase, a copied
grammar slip, a pronoun for half a list, a tense-only change). The rule is general: a pattern
either gets a grammatical rewrite or none at all.
"""

from __future__ import annotations

import pytest

from hitl_resume.coaching.fixes import fix_typos
from hitl_resume.coaching.results import Rewrite
from hitl_resume.coaching.verify import body_problem
from hitl_resume.detection.analyzer import Analyzer
from hitl_resume.language.coaching_lexicon import load_coaching_data

from .resumes import resume
from .test_coaching_framing import coached


def one_job(bullet: str, *, current: bool = False) -> str:
    """A synthetic resume with one accounting job (an invented person and employer)."""
    dates = "2020 – Present" if current else "2016 – 2019"
    return (
        "Jordan Vale\njordan.vale@example.com\n\nEXPERIENCE\n"
        f"Staff Accountant | Quillfield Partners | Austin, TX | {dates}\n• {bullet}\n"
    )


def rewrites(analyzer: Analyzer, bullet: str, *, current: bool = False) -> tuple[Rewrite, ...]:
    """Every rewrite for the bullet; the bullet must be a finding, or the test proves nothing."""
    text = one_job(bullet, current=current)
    assert analyzer.detect(resume(text)).findings, "the bullet must be a finding"
    return coached(analyzer, text)


def proposals(analyzer: Analyzer, bullet: str, *, current: bool = False) -> list[str]:
    """Every proposed text for the bullet."""
    return [r.proposed for r in rewrites(analyzer, bullet, current=current)]


@pytest.mark.parametrize(
    ("bullet", "current", "forbidden"),
    [
        # A noun-only phrase cannot trail a pronoun: "reviewing them about the referral".
        ("Review details and expectations about the referral with patients.", True, "them about"),
        # A conjunct in another form is not copied: "and giving overrides".
        ("Assist tellers in their transactions and giving overrides as needed.", False, "giving"),
        # "and responsible for" is a slip, not a second verb.
        (
            "Assessed employee work and responsible for performance with branch operations.",
            False,
            "and responsible",
        ),
        # A slash continues the object: "approving them/billing".
        ("Review; approve all invoices/billing for process.", False, "them/"),
        # A pronoun never stands for half a list: "auditing them, general management".
        (
            "Audit policies and procedures, general management, TEAM building, and all "
            "Retail Financial Products.",
            False,
            "them, general",
        ),
        # A hyphenated prefix is no verb: "reing-computed".
        (
            "Gathered and reviewed supporting detail as well as re-computed invoices and backup "
            "documentation, and authorized invoices for payment.",
            False,
            "reing",
        ),
        # "use tax" is a noun modifier, not the verb "used".
        ("Assist with sales and use tax audits and correspondence.", False, "used tax"),
        # A verb the parser hung on the wrong clause keeps its own form.
        (
            "Established the annual budget and conducted monthly reviews to ensure finances were "
            "being properly allocated.",
            False,
            "allocating",
        ),
        # Other people's actions are not the person's: "allowing staff to ... review".
        (
            "Introduced an employee intranet allowing staff to sign up for benefits and review "
            "their personnel information.",
            False,
            "personnel information, reviewing",
        ),
        # Two participles modifying one noun stay adjectives: "rejected and warning".
        (
            "Reviewed and communicated back to product areas on rejected and warned "
            "transactions for analysis.",
            False,
            "warning",
        ),
        # "agreed upon procedures" is an audit engagement, not a verb: "agreeing upon".
        (
            "Conducted financial audits, compliance audits, and agreed upon procedures.",
            False,
            "agreeing",
        ),
        # After a kept first clause, a comma list behind the framing loses its "and".
        (
            "Advise managers on payroll issues, review vendor invoices, make payment "
            "recommendations as needed.",
            True,
            ", making",
        ),
        # A noun joined to a noun is no verb: "background and referencing checks".
        (
            "Conduct phone screens, interviews, background and reference checks for applicants.",
            False,
            "referencing",
        ),
        # A list of verbs read from its forms keeps nouns of the object: "armoring car".
        (
            "Counted, verified and handled bank deposits and armored car transactions.",
            False,
            "armoring",
        ),
        # Adjectives joined by "and" are no verbs: "federal and stating laws".
        (
            "Review federal and state laws to confirm and enforce company compliance.",
            False,
            "stating",
        ),
    ],
)
def test_when_bullet_has_a_trap_then_no_rewrite_falls_into_it(
    analyzer: Analyzer, bullet: str, current: bool, forbidden: str
) -> None:
    """Dangling phrases, copied slips, half-list pronouns and misread verbs never appear."""
    for proposed in proposals(analyzer, bullet, current=current):
        assert forbidden not in proposed, proposed


@pytest.mark.parametrize(
    ("bullet", "current"),
    [
        ("Reconcile monthly purchasing credit card statements for the office.", False),
        ("Review amortization entries processed for deferred compensation programs", False),
        ("Balances the cash drawer ensuring accuracy.", False),
        ("Reviewed and approved twelve bank reconciliations to insure accuracy.", False),
        ("Reconcile AP accruals, payroll transactions, and fixed assets.", False),
    ],
)
def test_when_rewrite_is_made_then_it_only_adds_a_framing(
    analyzer: Analyzer, bullet: str, current: bool
) -> None:
    """Every rewrite is a framing + "by" + the clause; a verb swap alone is never proposed.
    (A confirmed ending, ``tail.*``, is the clause + ", " + its ending: its own tests.)"""
    framings = [r for r in rewrites(analyzer, bullet, current=current) if r.template[:5] != "tail."]
    for proposed in (r.proposed for r in framings):
        framing, _, clause = proposed.partition(" by ")
        assert framing, proposed
        assert clause, proposed
        assert clause.split()[0].endswith("ing"), proposed
        source = fix_typos(bullet.rstrip("."), load_coaching_data().typos)
        assert body_problem(source, clause) is None, proposed


@pytest.mark.parametrize(
    "bullet",
    [
        "Authorized check signer, approved all wire transfers over $1M.",
        "Certified Wellness Program Manager, Health Coach and Corporate Health Educator.",
        "Debtors Reconciliation, Creditors Recon, Journal Review Register."
        "Proficient in these systems: Trio, Elan, Bloomberg, PayPoint, Check Vision, and CoStar.",
        "Reviewed various duties and tasks for the department as needed.",
    ],
)
def test_when_object_is_a_title_label_or_vague_then_it_is_not_framed_as_reviewed(
    analyzer: Analyzer, bullet: str
) -> None:
    """Titles, labels, names in lists and vague words are never "the human check for" them."""
    for proposed in proposals(analyzer, bullet):
        lower = proposed.lower()
        for word in ("signer", "manager", "asset register", "vision", "duties", "tasks"):
            assert f"for {word}" not in lower, proposed
            assert f"for the {word}" not in lower, proposed


@pytest.mark.parametrize(
    "bullet",
    [
        "Helped supervisors review refund requests for accuracy.",
        "Assisted with auditing expense reports for compliance with company policy.",
        "Assist with sales and use tax audits and correspondence.",
    ],
)
def test_when_bullet_helped_then_no_framing_claims_the_work(
    analyzer: Analyzer, bullet: str
) -> None:
    """Helper bullets get no rewrite: a framing would claim work the person supported."""
    assert proposals(analyzer, bullet) == []
