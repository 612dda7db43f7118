"""Date-range parsing: the forms resumes use, and numbers that must not become dates."""

from __future__ import annotations

import pytest

from hitl_resume.structure.dates import find_dates, find_range, normalize_date

RANGES = [
    ("Jan 2019 – Present", "2019-01", "present"),
    ("January 2019 - Current", "2019-01", "present"),
    ("2019-2021", "2019", "2021"),
    ("2019 – 2021", "2019", "2021"),
    ("03/2018 to Current", "2018-03", "present"),
    ("3/2018 - 11/2020", "2018-03", "2020-11"),
    ("Mar. 2018 — Dec 2020", "2018-03", "2020-12"),
    ("Spring 2019 - Fall 2020", "2019", "2020"),
    ("2018 to present", "2018", "present"),
    ("Since 2015", "2015", "present"),
    ("06/2014 to 08/2015", "2014-06", "2015-08"),
    ("07/15 - 10/16", "2015-07", "2016-10"),
    ("Sept 2017 through Now", "2017-09", "present"),
    ("June 2010 to date", "2010-06", "present"),
    ("January 15, 2019 - March 3, 2020", "2019-01", "2020-03"),
    ("Aug '07 - Dec '08", "2007-08", "2008-12"),
    ("Claims Examiner 04/2016 to Current", "2016-04", "present"),
    ("Feb 2012 until Today", "2012-02", "present"),
]


@pytest.mark.parametrize(("text", "start", "end"), RANGES)
def test_when_range_then_normalised(text: str, start: str, end: str) -> None:
    """Every common range form yields normalised start and end."""
    found = find_range(text)
    assert found is not None
    assert (found.start_date, found.end_date) == (start, end)
    assert text[found.start : found.end].strip()


SINGLES = [
    ("May 2020", "2020-05", "month"),
    ("Graduated December 2010", "2010-12", "month"),
    ("2011", "2011", "year"),
    ("05/2012", "2012-05", "month"),
]


@pytest.mark.parametrize(("text", "value", "kind"), SINGLES)
def test_when_single_date_then_month_or_year(text: str, value: str, kind: str) -> None:
    """A lone date is found with its precision."""
    dates = find_dates(text)
    assert [(d.start_date, d.kind) for d in dates] == [(value, kind)]


NOT_DATES = [
    "(555) 123-4567",
    "+44 20 7946 0958",
    "555.123.4567",
    "401(k)",
    "2,000 claims per month",
    "Boston, MA 02139",
    "24/7 support",
    "Managed $2019 in petty cash",
    "Room 1999-B",
    "1,950 files",
    "ISO 27001",
    "3.2018x",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_when_number_is_not_a_date_then_nothing_found(text: str) -> None:
    """Phone numbers, counts, codes and zip codes are not dates."""
    assert find_dates(text) == []


def test_when_range_runs_backwards_then_rejected() -> None:
    """An end year before the start year is not a range."""
    assert find_range("2021-2019") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("Present", "present"), ("currently", "present"), ("Fall 2020", "2020"), ("bogus", None)],
)
def test_normalize_date(text: str, value: str | None) -> None:
    """Single expressions normalise to present, a year or None."""
    assert normalize_date(text) == value


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("December 2 019 - p resent", "2019-12", "present"),
        ("June 2 019 - D ecember 2 019", "2019-06", "2019-12"),
        ("2020, June – 2022, May", "2020-06", "2022-05"),
        ("04/2022  07/2022", "2022-04", "2022-07"),
        ("2019.09 - 2021.05", "2019-09", "2021-05"),
        ("1998/2004", "1998", "2004"),
        ("01/03/2016 – 28/02/2019", "2016-03", "2019-02"),
        ("01/03/2019 – Current", "2019-03", "present"),
        ("03/15/2019 - 04/20/2020", "2019-03", "2020-04"),
        ("Jun-2015 to Dec-2018", "2015-06", "2018-12"),
        ("15th June 2015 to 30th Dec 2018", "2015-06", "2018-12"),
        ("Aug. 2016 - Till Now", "2016-08", "present"),
        ("2018 – Continue", "2018", "present"),
        ("2019 onwards", "2019", "present"),
        ("Jan/2019 - Dec/2020", "2019-01", "2020-12"),
    ],
)
def test_when_range_written_outside_us_habits_then_read(text: str, start: str, end: str) -> None:
    """Year-first, day-first, gap-separated and letter-split (PDF-to-Word) ranges are read."""
    found = find_range(text)
    assert found is not None
    assert (found.start_date, found.end_date) == (start, end)
