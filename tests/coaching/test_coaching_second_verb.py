"""A second past verb before a noun phrase is a verb ("Reviewed and approved expense reports"),
and a label before the line ("Duties:") is no frame around it."""

from __future__ import annotations

import pytest

from hitl_resume.coaching.segments import present_twin
from hitl_resume.detection.analyzer import Analyzer

from .test_coaching_framing import coached, one_bullet


@pytest.mark.parametrize(
    ("parsed", "expected"),
    [
        (
            "I reviewed and approved expense reports for accuracy",
            "I reviewed and approves expense reports for accuracy",
        ),
        ("I reviewed and denied disability claims", "I reviewed and denies disability claims"),
        ("I reviewed, coded and processed invoices", "I reviewed, coded and processes invoices"),
        # no third-person form of the same length: nothing to swap in
        ("I audited and corrected payroll records", None),
        # one verb only, or no subject the parser reads
        ("I approved expense reports", None),
        ("reviewed and approved expense reports", None),
    ],
)
def test_when_a_second_past_verb_leads_a_noun_phrase_then_its_twin_keeps_the_length(
    parsed: str, expected: str | None
) -> None:
    twin = present_twin(parsed)
    assert twin == expected
    assert twin is None or len(twin) == len(parsed)


def test_when_a_hostile_list_runs_long_then_the_twin_is_still_found_in_place() -> None:
    """SECURITY.md: a pasted run of thousands of list items is read once, left to right."""
    parsed = "I " + "checked, " * 5000 + "coded and approved expense reports"
    twin = present_twin(parsed)
    assert twin is not None
    assert twin.endswith("coded and approves expense reports")
    assert len(twin) == len(parsed)


@pytest.mark.parametrize(
    ("bullet", "proposed"),
    [
        # the small model reads "approved expense reports" as an adjective and loses the object
        (
            "Reviewed and approved expense reports for accuracy.",
            "Acted as the human decision point by reviewing and approving expense reports for"
            " accuracy",
        ),
        (
            "Reviewed and approved purchase orders.",
            "Acted as the human decision point by reviewing and approving purchase orders",
        ),
        (
            "Reviewed and approved journal entries prepared by staff accountants.",
            "Acted as the human decision point by reviewing and approving journal entries"
            " prepared by staff accountants",
        ),
        # a label is dropped and the line after it framed as written
        (
            "Duties: Reviewed and approved purchase orders.",
            "Acted as the human decision point by reviewing and approving purchase orders",
        ),
        (
            "Responsibilities: Reviewed and approved expense reports for accuracy.",
            "Acted as the human decision point by reviewing and approving expense reports for"
            " accuracy",
        ),
    ],
)
def test_when_a_line_reads_as_written_then_its_rewrite_keeps_every_verb(
    analyzer: Analyzer, bullet: str, proposed: str
) -> None:
    assert [r.proposed for r in coached(analyzer, one_bullet(bullet))] == [proposed]
