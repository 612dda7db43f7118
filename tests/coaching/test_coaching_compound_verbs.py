"""A compound check verb's prefix is set aside for the parse and put back on the head verb."""

from __future__ import annotations

import pytest

from hitl_resume.coaching.compound_verbs import compound_prefix, with_prefix
from hitl_resume.coaching.slots import Piece, Slots


@pytest.mark.parametrize(
    ("text", "prefix"),
    [
        ("Double-checked returns", "Double-"),
        ("spot-checked charts", "spot-"),
        ("Cross-checked invoices", "Cross-"),
        ("Double checked returns", ""),  # the typo fix hyphenates it first
        ("Re-reviewed files", "Re-"),
        ("Checked returns", ""),
    ],
)
def test_when_a_clause_opens_with_a_compound_check_verb_then_its_prefix_is_found(
    text: str, prefix: str
) -> None:
    assert compound_prefix(text) == prefix


def test_when_the_prefix_is_put_back_then_the_head_verb_is_the_compound() -> None:
    parsed = Slots(
        segment="checked returns",
        verb="check",
        verb_words=("checked",),
        pieces=(Piece("checked", " ", "check"), Piece("returns", "")),
    )
    slots = with_prefix(parsed, "Double-", "Double-checked returns")
    assert slots.segment == "Double-checked returns"
    assert slots.verb == "double-check"
    assert slots.verb_words == ("double-checked",)
    assert slots.pieces[0] == Piece("Double-checked", " ", "double-check")


def test_when_the_parse_found_no_verb_then_only_the_segment_is_restored() -> None:
    parsed = Slots(segment="checked")
    assert with_prefix(parsed, "Spot-", "Spot-checked") == Slots(segment="Spot-checked")
