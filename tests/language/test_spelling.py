"""Spelling slips: swapped letters are found and fixed; domain words and names are left alone."""

from __future__ import annotations

import pytest

from hitl_resume.language.spelling import Slip, slips


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Recieved and posted vendor payments", [Slip("Recieved", "Received")]),
        ("Verified all invoices were recieved on time", [Slip("recieved", "received")]),
        # Domain words the dictionary lacks: plurals, verb forms with a known sibling.
        ("Approved, denied or pended claims and payables", []),
        ("Reconciled timecards and chargebacks during the close", []),
        # Names after the first word are never checked ("Lotus" is one swap from "Louts").
        ("Maintained Lotus Notes databases for Petrologs", []),
        # Short words and words with an apostrophe are left alone.
        ("Reviewed teh claims' notes", []),
    ],
)
def test_when_a_word_has_swapped_letters_then_it_is_a_slip(text: str, expected: list[Slip]) -> None:
    """Only a word the dictionary lacks, one swap away from exactly one word it knows."""
    assert slips(text) == expected


def test_when_a_word_is_in_the_vocabulary_then_it_is_no_slip() -> None:
    """The project's lexicon words are domain vocabulary, never typos."""
    assert slips("Recieved claims", vocabulary={"recieved"}) == []


def test_when_a_letter_run_is_huge_then_it_is_no_word() -> None:
    """A pasted hash or glued text is never checked: the swap search on a 100,000-letter run
    would build 100,000 strings of that length (SECURITY.md: work must not outgrow the text)."""
    assert slips("Reviewed " + "ab" * 50_000 + " claims") == []
    assert slips("Reviewed " + "x" * 31 + " claims") == []


@pytest.mark.parametrize(
    ("text", "fixes"),
    [
        ("Verified signatures on withdrawls", {"withdrawls": "withdrawals"}),
        ("when the documentation didnt support it", {"didnt": "didn't"}),
        # Real words and domain words the dictionary lacks stay as written.
        ("Reviewed pended claims, timecards and payables", {}),
        ("Approved carrier detention and lumper charges", {}),  # a trade's word, not "lumpier"
    ],
)
def test_when_a_letter_or_apostrophe_is_left_out_then_the_slip_is_fixed(
    text: str, fixes: dict[str, str]
) -> None:
    """A coach marks a rewrite that copies "withdrawls" or "didnt" as keeping the original's
    error (rubric K); one left-out letter with a single dictionary fix is a typo."""
    assert {s.word: s.fix for s in slips(text)} == fixes


@pytest.mark.parametrize(
    ("text", "fixes"),
    [
        ("refering questionable items to the branch manager", {"refering": "referring"}),
        ("flagged errors that occured during intake", {"occured": "occurred"}),
        # British spellings double the consonant; they are no slips.
        ("travelled to branches and cancelled duplicate labelled orders", {}),
        ("audited, edited and credited accounts", {}),
    ],
)
def test_when_a_verb_leaves_its_consonant_single_then_the_slip_is_fixed(
    text: str, fixes: dict[str, str]
) -> None:
    """ "refering" copied into a rewrite is the original's error kept (rubric K); lemminflect
    lists it as a second spelling, but its preferred form doubles the consonant."""
    assert {s.word: s.fix for s in slips(text)} == fixes
