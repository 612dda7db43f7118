"""The fixes a rewrite may make: swapped letters, a stray pair comma, a missing "the"."""

from __future__ import annotations

import pytest

from hitl_resume.coaching.fixes import fix_clause

COUNTABLE = frozenset({"amount", "ledger"})


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        (
            "Audited vendor files, and reconciled amount owed to the state",
            "Audited vendor files and reconciled the amount owed to the state",
        ),
        ("Recieved and posted payments in ledger", "Received and posted payments in the ledger"),
        # A list of three keeps its serial comma; a noun after "and" is no second verb.
        (
            "Reviewed claims, coded charts, and approved payments",
            "Reviewed claims, coded charts, and approved payments",
        ),
        ("Reconciled accounts, and balances", "Reconciled accounts, and balances"),
    ],
)
def test_when_a_clause_has_an_obvious_slip_then_it_is_fixed(clause: str, expected: str) -> None:
    """Only slips no reader would keep are fixed; everything else stays as written."""
    assert fix_clause(clause, "", frozenset(), COUNTABLE)[0] == expected


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # Two capitalised words joined by "and" are names the writer chose: both stay.
        (
            "Screened applicants for Warehouse and Driver roles",
            "Screened applicants for Warehouse and Driver roles",
        ),
        # One stray capital between lowercase words is lowered.
        ("Review Amortization entries monthly", "Review amortization entries monthly"),
    ],
)
def test_when_capitals_come_in_a_pair_then_neither_is_lowered(clause: str, expected: str) -> None:
    """Lowering one word of "Warehouse and Driver roles" left the pair uneven."""
    assert fix_clause(clause, "", frozenset(), COUNTABLE)[0] == expected
