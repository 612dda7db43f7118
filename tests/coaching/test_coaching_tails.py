"""A result after a line's last comma is cut off for framing and put back word for word."""

from __future__ import annotations

import pytest

from hitl_resume.coaching.tails import result_tail
from hitl_resume.defaults import default_lexicon


@pytest.fixture(scope="module")
def result_verbs() -> frozenset[str]:
    return default_lexicon().coaching.result_verbs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Audited moderator decisions each week, accuracy improved from 91% to 96%",
            ("Audited moderator decisions each week", "; ", "accuracy improved from 91% to 96%"),
        ),
        (
            "Checked closed cases for missing evidence, team error rate dropped from 12% to 4%",
            (
                "Checked closed cases for missing evidence",
                "; ",
                "team error rate dropped from 12% to 4%",
            ),
        ),
        (
            "Audited carrier invoices and disputed overcharges, recovering $40K+ in a year",
            (
                "Audited carrier invoices and disputed overcharges",
                ", ",
                "recovering $40K+ in a year",
            ),
        ),
        (
            "Reviewed reported posts against community guidelines, 800+ items per shift",
            ("Reviewed reported posts against community guidelines", ", ", "800+ items per shift"),
        ),
        # A relative clause keeps its comma: "; which" is no sentence.
        (
            "Reviewed denied claims and corrected coding errors, which brought the denial rate"
            " down from 12% to 7%",
            (
                "Reviewed denied claims and corrected coding errors",
                ", ",
                "which brought the denial rate down from 12% to 7%",
            ),
        ),
        # No quantity: nothing a person could cite, so nothing is cut.
        ("Audited moderator decisions each week, accuracy improved a lot", None),
        # A list item, not a result: the clause's own verbs.
        ("Reviewed claims for accuracy, approved 40 payments", None),
        # The clause's own verb list goes on after the comma ("disputed ... and saved").
        (
            "Reviewed carrier invoices against rate confirmations, disputed overcharges and saved"
            " $60K",
            None,
        ),
        # A list of objects whose last item holds a number.
        ("Reviewed invoices, receipts and 1099 forms", None),
        # Too short a clause before the comma to stand alone.
        ("Audited files, accuracy improved to 99%", None),
        # A capitalised subject is a name or a new sentence, not a result ("Team A rose 5%").
        ("Audited moderator decisions each week, Team Alpha rose 5%", None),
        # Parentheses and semicolons: the sentence has its own structure.
        ("Audited moderator decisions (weekly), accuracy improved to 96%", None),
    ],
)
def test_when_a_line_ends_in_a_result_then_it_is_cut_off_with_its_joint(
    result_verbs: frozenset[str], text: str, expected: tuple[str, str, str] | None
) -> None:
    tail = result_tail(text, result_verbs)
    found = None if tail is None else (tail.clause, tail.joint, tail.result)
    assert found == expected
