"""Splitting a sentence before a later signal verb keeps the first clause as written."""

from __future__ import annotations

import pytest

from hitl_resume.coaching.split import prefix_fits, signal_split

SIGNAL_VERBS = {"reconcile": ("audit",), "review": ("review",), "escalate": ("escalate",)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Prepared journal entries and reconciled bank accounts",
            ("Prepared journal entries", "Reconciled bank accounts"),
        ),
        (
            "Answered customer calls and escalated billing complaints to supervisors",
            ("Answered customer calls", "Escalated billing complaints to supervisors"),
        ),
        ("Prepared and reviewed monthly statements", None),  # shared object: no split
        ("Prepared, reviewed and filed tax returns", None),  # a verb list, not clauses
        ("Reviewed invoices and prepared journal entries", None),  # first verb carries it
        ("Processed refunds", None),  # nothing later carries a signal
    ],
)
def test_when_a_later_clause_carries_the_signal_then_only_it_is_split_off(
    text: str, expected: tuple[str, str] | None
) -> None:
    """Only a whole first clause (verb and object) is kept apart; a shared object never is."""
    split = signal_split(text, SIGNAL_VERBS, frozenset({"prepared", "reviewed"}))
    assert (None if split is None else (split.prefix, split.clause)) == expected


@pytest.mark.parametrize(
    ("prefix", "tense", "fits"),
    [
        ("Prepared journal entries", "past", True),
        ("Prepare journal entries", "past", False),
        ("Prepare journal entries", "present", True),
    ],
)
def test_when_the_kept_clause_has_another_tense_then_it_does_not_fit(
    prefix: str, tense: str, fits: bool
) -> None:
    """A framing in the past beside a kept clause in the present would mix tenses."""
    assert prefix_fits(prefix, tense) is fits  # type: ignore[arg-type]


def test_when_a_manner_adverb_stands_before_the_signal_verb_then_the_split_keeps_it() -> None:
    """ "... board and manually reassigned loads": the adverb goes with the framed clause, and
    a base-form noun after a past verb ("the board") is the first clause's object."""
    split = signal_split(
        "Monitored the load board and manually reassigned loads to other drivers",
        {"reassign": ("modify",)},
        frozenset({"monitor", "board", "reassign"}),
    )
    assert split is not None
    assert split.prefix == "Monitored the load board"
    assert split.clause == "Manually reassigned loads to other drivers"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The first verb keeps the person's own books: the check is the later clause.
        (
            "Reconcile bank feeds monthly and investigate variances over threshold",
            ("Reconcile bank feeds monthly", "Investigate variances over threshold"),
        ),
        # Without the own-work list the first verb's signal frames the whole sentence.
        ("Reconciled bank feeds monthly and reviewed variances over threshold", None),
    ],
)
def test_when_the_first_verb_is_own_work_then_the_later_signal_clause_is_split_off(
    text: str, expected: tuple[str, str] | None
) -> None:
    """A reconciliation is the person's own bookkeeping (no framing rests on it), so the line
    is split before the clause that checks something, as if the first verb had no signal."""
    verbs = {**SIGNAL_VERBS, "investigate": ("review",)}
    own = {"reconcile"} if text.startswith("Reconcile ") else set()
    split = signal_split(text, verbs, frozenset({"reconcile", "review"}), own)
    assert (None if split is None else (split.prefix, split.clause)) == expected


def test_when_the_text_opens_with_a_glyph_then_the_split_reads_on_without_failing() -> None:
    """ "• Resolve customer complaints or answer ...": a glyph the layout left on the line."""
    text = "• Resolve customer complaints and escalate billing disputes to supervisors"
    known = frozenset({"resolve", "escalate"})
    assert signal_split(text, SIGNAL_VERBS, known) is None  # no verb opens it: nothing kept
    split = signal_split(text[2:], SIGNAL_VERBS, known)
    assert split is not None
    assert split.clause.startswith("Escalate billing disputes")
