"""Slot filling: verbs, object and frequency come from the bullet."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from hitl_resume.coaching.segments import (
    find_numbers,
    parse_text,
    select_segment,
    strip_weak_opening,
)
from hitl_resume.coaching.slots import extract_slots
from hitl_resume.coaching.verbs import verb_index
from hitl_resume.language.coaching_lexicon import load_coaching_data
from hitl_resume.language.inflect import gerund, past

if TYPE_CHECKING:
    from spacy.language import Language

    from hitl_resume.coaching.slots import Slots


def slots_of(nlp: Language, text: str) -> Slots:
    """Parse one clause the way ``coach`` does."""
    parsed = parse_text(text)
    return extract_slots(nlp(parsed), text, len(parsed) - len(text), verb_index(nlp))


@pytest.mark.parametrize(
    ("bullet", "verb", "obj", "count", "frequency"),
    [
        ("Review 40+ inpatient charts daily", "review", "inpatient charts", "40+", "daily"),
        ("Examined medical claims for accuracy", "examine", "medical claims", None, None),
        ("Resolved 60 billing inquiries per day", "resolve", "billing inquiries", "60", "per day"),
        ("Audited vendor invoices weekly", "audit", "vendor invoices", None, "weekly"),
        ("Approved, denied or pended claims", "approve", "claims", None, None),
        (
            "Flagged suspicious transactions for the compliance team",
            "flag",
            "suspicious transactions",
            None,
            None,
        ),
    ],
)
def test_when_bullet_has_verb_and_object_then_slots_hold_them(
    nlp: Language, bullet: str, verb: str, obj: str, count: str | None, frequency: str | None
) -> None:
    """The parser finds the bullet's verb, what was reviewed, its count and frequency."""
    slots = slots_of(nlp, bullet)
    assert (slots.verb, slots.object, slots.object_count, slots.frequency) == (
        verb,
        obj,
        count,
        frequency,
    )


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Reviewed 40+ charts and cut errors by 15%", ("40+", "15%")),
        ("Trained three new coders", ("three",)),
        ("Validated ICD-10 codes for tier-2 cases", ()),
        ("Approved payments under $10,000", ("$10,000",)),
    ],
)
def test_when_text_has_numbers_then_all_are_found(text: str, numbers: tuple[str, ...]) -> None:
    """Numbers include words and symbols, but not the digits inside codes like ICD-10."""
    assert find_numbers(text) == numbers


@pytest.mark.parametrize(
    ("bullet", "expected"),
    [
        ("Responsible for reviewing vendor invoices", "reviewing vendor invoices"),
        ("Assisted with auditing expense reports", "auditing expense reports"),
        ("Used Excel to track escalated tickets", "track escalated tickets"),
        ("Reviewed claims", "Reviewed claims"),
    ],
)
def test_when_bullet_opens_weakly_then_opening_is_removed(bullet: str, expected: str) -> None:
    """Weak openings are stripped so the rewrite can start with the real verb."""
    stripped = strip_weak_opening(bullet, load_coaching_data().weak)
    assert stripped is not None
    assert stripped[0] == expected


def test_when_bullet_is_a_run_on_then_the_signal_piece_is_chosen() -> None:
    """Merged lines are split and the piece holding the signal is rewritten."""
    text = "Managed front desk staff. Reviewed insurance claims for errors; filed reports"
    assert select_segment(text, "Reviewed") == "Reviewed insurance claims for errors"


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # A piece that opens with a lowercase "o" keeps it: it is the word's first letter.
        (
            "Exceeded monthly goals; opened and maintained deposit accounts",
            "maintained",
            "opened and maintained deposit accounts",
        ),
        ("Managed the desk; oversee the audit team", "audit", "oversee the audit team"),
        # An "o" standing alone is a bullet glyph and goes.
        ("Ran the desk; o Reviewed claims", "Reviewed", "Reviewed claims"),
    ],
)
def test_when_a_piece_opens_with_an_o_then_only_a_glyph_is_dropped(
    text: str, anchor: str, expected: str
) -> None:
    """ "pened and maintained": a word's first letter was once read as a list glyph."""
    assert select_segment(text, anchor) == expected


@pytest.mark.parametrize(
    ("lemma", "past_form", "ing_form"),
    [
        ("review", "reviewed", "reviewing"),
        ("flag", "flagged", "flagging"),
        ("audit", "audited", "auditing"),
        ("submit", "submitted", "submitting"),
        ("verify", "verified", "verifying"),
        ("oversee", "oversaw", "overseeing"),
        ("lead", "led", "leading"),
        ("triage", "triaged", "triaging"),
    ],
)
def test_when_verb_is_inflected_then_spelling_is_right(
    lemma: str, past_form: str, ing_form: str
) -> None:
    """Past and -ing forms follow English spelling (doubling, irregulars)."""
    assert (past(lemma), gerund(lemma)) == (past_form, ing_form)


def test_when_an_ing_line_is_too_short_for_a_list_then_no_twin_is_made() -> None:
    """ "I was " with nothing or one word after it: no later -ing verb, and nothing fails."""
    from hitl_resume.coaching.segments import gerund_twin

    assert gerund_twin("I was ") is None
    assert gerund_twin("I was reviewing") is None
    assert gerund_twin("I was checking and flagging") == "I was checking and flags"


def test_when_a_hostile_ing_list_is_twinned_then_each_later_verb_changes_in_place() -> None:
    """A pasted 5,000-item -ing list: one left-to-right pass, every later -ing verb put in the
    third person, the word count kept (the twin's parse is laid over the bullet word by word)."""
    from hitl_resume.coaching.segments import gerund_twin

    parsed = "I was reviewing claims" + " and flagging errors" * 5000
    twin = gerund_twin(parsed)
    assert twin is not None
    assert len(twin.split()) == len(parsed.split())
    assert twin.count(" and flags errors") == 5000
