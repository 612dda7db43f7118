"""Result prompts quote quantities only: never a year, date, phone number or form number."""

from __future__ import annotations

import pytest

from hitl_resume.coaching.quantities import quantities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reviewed 40+ claims daily and cut rework by 15%", ("40+ claims", "15%")),
        ("Recovered $1,000,000 in overpayments in 2014", ("$1,000,000",)),
        ("Reviewed and approved twelve bank reconciliations", ("twelve",)),
        ("Processed appeals within 48 hours", ("48 hours",)),
        ("Filed Form 1099 and W-2 forms for 6 client companies", ("6 client companies",)),
        # A singular noun before a plural one is the compound's modifier, not its unit.
        ("Process 300+ vendor invoices weekly", ("300+ vendor invoices",)),
        ("Managed 25 vehicles daily", ("25 vehicles",)),
        # A range is one count; a range of years is none.
        ("Actioned 800 to 1,000 items per shift", ("800 to 1,000 items",)),
        ("Led 2016 - 2019 audit projects", ()),
        ("Promoted in 2016, 2012 and 2013", ()),
        ("Call 555-123-4567 after 12/2015", ()),
        ("Project 1: Group simulation", ()),
        ("Certified to ISO 14001 standards", ()),
        # A code's number names it ("modifier 25", "Box 14", "Bay 3"): no result to quote.
        ("Gave feedback to coders on modifier 25 usage and Box 14 entries", ()),
        ("Loaded trucks at Bay 3 for 12 stores", ("12 stores",)),
        ("Ranked 1st of 30 analysts", ("30 analysts",)),
        # A count reaches its noun through adjectives, and a scale word is said once.
        ("Audit new hire files for 99 different markets", ("99 different markets",)),
        ("Cut costs by 20 Million dollars a year", ("20 million dollars",)),
        ("Cleared 25 of 30 audits", ("25", "30 audits")),
    ],
)
def test_when_numbers_are_read_then_only_quantities_are_kept(
    text: str, expected: tuple[str, ...]
) -> None:
    """Counts, money, percentages and durations stay; labels, years and phones never do."""
    assert quantities(text) == expected
