"""A line no framing fits gets one step of human control after it, always with its question."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hitl_resume.coaching.confirm_tails import says_twice
from hitl_resume.coaching.pipeline import MAX_TAILS
from hitl_resume.coaching.results import Rewrite
from hitl_resume.detection.analyzer import Analyzer
from hitl_resume.language.coaching_lexicon import (
    COACHING_FILES,
    check_coaching_lexicon,
    load_coaching_data,
)
from hitl_resume.language.lexicon_schema import bundled_lexicon_dir

from .resumes import resume
from .test_coaching_rewrites import rewrites_for

_PAST = "January 2014 to October 2016"
_CURRENT = "March 2019 to Present"


def _resume(title: str, dates: str, *bullets: str) -> str:
    lines = "\n".join(f"• {bullet}" for bullet in bullets)
    return (
        f"Jane Doe\nExperience\n{title}\n{dates}\nAcme Corp - Springfield, IL\n{lines}\n"
        "Education\nBS Accounting, 2010\n"
    )


def _only(analyzer: Analyzer, title: str, dates: str, bullet: str) -> Rewrite | None:
    rewrites = rewrites_for(analyzer, _resume(title, dates, bullet))
    assert len(rewrites) <= 1
    return rewrites[0] if rewrites else None


@pytest.mark.parametrize(
    ("title", "dates", "bullet", "proposed", "question"),
    [
        (
            "Staff Accountant",
            _PAST,
            "Reconciled bank statements and ledger accounts",
            "Reconciled bank statements and ledger accounts, tracing and correcting the"
            " discrepancies found",
            "Did you trace and correct the discrepancies yourself?",
        ),
        # a past job's duty written in the present is put in the past, the question too
        (
            "Payroll Specialist",
            _PAST,
            "Reconcile payroll journals and time cards",
            "Reconciled payroll journals and time cards, tracing and correcting the"
            " discrepancies found",
            "Did you trace and correct",
        ),
        (
            "Customer Service Representative",
            _PAST,
            "Resolved customer questions, issues and complaints",
            "Resolved customer questions, issues and complaints, escalating those that needed a"
            " supervisor's decision",
            "Did you pass the ones you could not settle yourself to a supervisor?",
        ),
        # a current job keeps the present, in the ending and in the question
        (
            "Customer Service Representative",
            _CURRENT,
            "Resolve customer complaints regarding sales and service",
            "Resolve customer complaints regarding sales and service, escalating those that need"
            " a supervisor's decision",
            "Do you pass the ones you cannot settle yourself to a supervisor?",
        ),
        (
            "Accounts Payable Clerk",
            _PAST,
            "Processed vendor payments per company approval policy",
            "Processed vendor payments per company approval policy, holding any payment with"
            " errors until corrected",
            "Did you hold back any payment with errors until it was fixed?",
        ),
        (
            "Internal Auditor",
            _PAST,
            "Headed the quarterly bank audit",
            "Headed the quarterly bank audit, tracing and correcting the discrepancies found",
            "Did you trace and correct the discrepancies the audit found yourself?",
        ),
        (
            "HR Generalist",
            _PAST,
            "Conducted investigations of harassment and discrimination complaints",
            "Conducted investigations of harassment and discrimination complaints, documenting"
            " the findings and the reasoning behind each outcome",
            "Did you write up the findings",
        ),
    ],
)
def test_when_no_framing_fits_then_the_line_gets_an_ending_and_its_question(
    analyzer: Analyzer, title: str, dates: str, bullet: str, proposed: str, question: str
) -> None:
    rewrite = _only(analyzer, title, dates, bullet)
    assert rewrite is not None
    assert rewrite.proposed == proposed
    assert rewrite.alternative is None
    assert len(rewrite.needs_confirmation) == 1
    assert rewrite.needs_confirmation[0].startswith(question)
    assert rewrite.clause == bullet


@pytest.mark.parametrize(
    ("title", "bullet"),
    [
        # the line already says what the ending would add
        ("Staff Accountant", "Reconciled bank statements and researched discrepancies"),
        ("Customer Service Representative", "Resolved customer complaints and escalated refunds"),
        ("Accounts Payable Clerk", "Processed vendor payments and corrected coding errors"),
        # filler the ending would be built on
        ("Night Auditor", "Reconciled guest accounts as assigned"),
        ("HR Generalist", "Conducted investigations related to harassment, discrimination, etc"),
        # the original says one thing twice (an ending keeps its repetition)
        (
            "Cashier",
            "Processed all financial transactions including the verification and processing of"
            " credit card transactions",
        ),
        # already closes on a participle
        ("Cashier", "Balanced cash receipts daily, ensuring accuracy"),
        # several kinds of object: "holding any ... with errors" would name only one
        ("Clerk", "Processed applications, payments and refunds per approval policy"),
        # too long a line: "those" would be far from its noun
        (
            "Customer Service Representative",
            "Resolved customer complaints about late deliveries, broken furniture, lost parts,"
            " wrong colors and slow refunds across our three regional showrooms each week",
        ),
        # the ending would follow a later verb's phrase it does not fit
        (
            "Payroll Clerk",
            "Reconcile timecards against the payroll register and edit missed punches",
        ),
        # the original's missing article ("a quality assurance audit")
        ("Internal Auditor", "Performed quality assurance audit to promote accurate records"),
        # "those" would have two antecedents, or one far back
        ("Patient Advocate", "Resolved billing problems that could affect patient care"),
        (
            "HR Generalist",
            "Identify, evaluate, and resolve human relations, staff morale, work performance,"
            " attendance and organizational productivity concerns across all plant shifts",
        ),
        # no verb of the person's opening list takes an ending
        ("Staff Accountant", "Prepared vendor payments per company approval policy"),
    ],
)
def test_when_the_line_cannot_carry_an_ending_then_none_is_offered(
    analyzer: Analyzer, title: str, bullet: str
) -> None:
    text = _resume(title, _PAST, bullet)
    assert analyzer.detect(resume(text)).findings  # a finding a rewrite could rest on
    rewrite = _only(analyzer, title, _PAST, bullet)
    assert rewrite is None or not rewrite.template.startswith("tail.")


def test_when_a_pasted_line_runs_long_then_it_gets_no_ending(analyzer: Analyzer) -> None:
    """SECURITY.md: a hostile run-on never carries an ending ("those" would have no noun)."""
    bullet = "Resolved customer complaints " + "and billing questions " * 400
    text = _resume("Customer Service Representative", _PAST, bullet)
    assert analyzer.detect(resume(text)).findings
    rewrites = rewrites_for(analyzer, text)
    assert not any(r.template.startswith("tail.") for r in rewrites)


def test_when_a_framing_fits_then_it_wins_over_an_ending(analyzer: Analyzer) -> None:
    rewrite = _only(
        analyzer, "Claims Examiner", _PAST, "Reviewed and approved medical claims for payment"
    )
    assert rewrite is not None
    assert not rewrite.template.startswith("tail.")


def test_when_many_lines_could_end_so_then_each_ending_is_used_once_and_few_are(
    analyzer: Analyzer,
) -> None:
    text = _resume(
        "Staff Accountant",
        _PAST,
        "Reconciled bank statements and ledger accounts",
        "Reconciled payroll journals and time cards",
        "Resolved vendor questions and billing disputes",
        "Processed vendor payments per company approval policy",
        "Headed the quarterly inventory audit",
    )
    tails = [r.template for r in rewrites_for(analyzer, text) if r.template.startswith("tail.")]
    assert len(tails) == MAX_TAILS
    assert len(set(tails)) == len(tails)


def test_when_every_ending_is_read_then_it_ranks_below_every_framing() -> None:
    data = load_coaching_data()
    assert max(t.priority for t in data.tails) < min(t.priority for t in data.rewrites)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Verified client information to ensure proper insurance information", True),
        ("Processed transactions including the processing of refunds", True),
        ("Reconciled bank statements and ledger accounts", False),
        # short words may come back
        ("Resolved and closed the cases of the day", False),
    ],
)
def test_when_a_line_names_a_word_twice_then_it_says_so(text: str, expected: bool) -> None:
    assert says_twice(text) is expected


def _copy_coaching_files(directory: Path, *, leave_out: str = "") -> None:
    for name in COACHING_FILES:
        if name != leave_out:
            text = (bundled_lexicon_dir() / name).read_text("utf-8")
            (directory / name).write_text(text, "utf-8")


def test_when_a_lexicon_predates_the_endings_then_it_loads_and_offers_none(
    tmp_path: Path,
) -> None:
    _copy_coaching_files(tmp_path, leave_out="confirm_tails.jsonl")
    assert check_coaching_lexicon(tmp_path) == []
    assert load_coaching_data(tmp_path).tails == ()


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("framing", "upsell", "'framing' must be one of"),
        ("verbs", [], "'verbs' must be a non-empty list"),
        ("text", "escalating to {manager}", "unknown slot {manager}"),
        ("priority", "high", "'priority'"),
    ],
)
def test_when_an_ending_is_malformed_then_check_names_file_and_line(
    tmp_path: Path, field: str, value: object, problem: str
) -> None:
    _copy_coaching_files(tmp_path)
    path = tmp_path / "confirm_tails.jsonl"
    lines = path.read_text("utf-8").splitlines()
    number, first = next((n, line) for n, line in enumerate(lines, 1) if line.startswith("{"))
    record = json.loads(first)
    record[field] = value
    lines[number - 1] = json.dumps(record)
    path.write_text("\n".join(lines) + "\n", "utf-8")
    problems = check_coaching_lexicon(tmp_path)
    assert any(p.startswith(f"confirm_tails.jsonl:{number}:") and problem in p for p in problems)
