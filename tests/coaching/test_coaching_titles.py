"""Titles shown and searched: a real job title, never a place, phone, date, e-mail or heading."""

from __future__ import annotations

import pytest

from hitl_resume.coaching.titles import job_title
from hitl_resume.defaults import default_lexicon


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Staff Accountant", "Staff Accountant"),
        ("Senior Accountant/Financial Analyst", "Senior Accountant/Financial Analyst"),
        ("Auditor II", "Auditor II"),
        ("Sultanate of Oman", None),
        ("Prepare monthly Sales and Use Tax.", None),
        ("(555) 123-4567", None),
        ("jane.doe@example.com", None),
        ("January 2015 to Present", None),
        ("PROFESSIONAL EXPERIENCE", None),
        ("City , State", None),
        (None, None),
    ],
)
def test_when_title_is_read_then_only_job_titles_survive(
    text: str | None, expected: str | None
) -> None:
    """A plan search built on a misread title would find nothing for the person."""
    assert job_title(text, default_lexicon().title_words) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Staff Accountant Houston", "Staff Accountant"),
        ("Senior Accountant - Dubai", "Senior Accountant"),
        ("HR Officer, Lagos, Nigeria", "HR Officer"),
        ("Tax Associate New York", "Tax Associate"),
        ("Claims Examiner | Chicago", "Claims Examiner"),
        ("Claims Examiner in Chicago", "Claims Examiner"),
        ("Loan Officer Dallas TX", "Loan Officer"),
        ("Workforce Planning Manager Pennsylvania", "Workforce Planning Manager"),
        ("Accountant, Kuwait City", "Accountant"),
        ("Compliance Officer - Ho Chi Minh City, Vietnam", "Compliance Officer"),
        ("Dubai Branch Manager", "Branch Manager"),
        # Words that are also towns stay: they are words of the title first.
        ("Police Officer", "Police Officer"),
        ("Union Representative", "Union Representative"),
        ("Reading Specialist", "Reading Specialist"),
        ("Mobile Banker", "Mobile Banker"),
        ("Director of Finance", "Director of Finance"),
        ("Director Of Operations", "Director Of Operations"),
        ("Sultanate of Oman", None),
        # A closing parenthetical qualifies the title and is no part of it.
        ("Search Quality Rater (Remote, Contract)", "Search Quality Rater"),
        ("Customer Service Advisor (Call Centre)", "Customer Service Advisor"),
    ],
)
def test_when_a_title_carries_a_place_then_the_place_is_cut_off(
    text: str, expected: str | None
) -> None:
    """A search for "Staff Accountant Houston HITL" holds a place (issue 11: never)."""
    lexicon = default_lexicon()
    assert job_title(text, lexicon.title_words, lexicon.places) == expected


def test_when_a_place_sits_inside_a_title_then_it_is_no_title() -> None:
    lexicon = default_lexicon()
    assert job_title("Houston Claims Examiner Lead", lexicon.title_words, lexicon.places) is None


def test_when_the_header_left_a_place_on_the_title_then_no_plan_search_holds_it() -> None:
    from hitl_resume import analyze
    from hitl_resume.language.gazetteer import holds_place

    text = (
        "Jane Doe\nExperience\nStaff Accountant Houston\nJanuary 2019 to Present\n"
        "Acme Corp\nReviewed and approved vendor invoices for payment.\n"
        "Education\nBS Accounting, 2010\n"
    )
    analysis = analyze(text)
    queries = [link.query for link in analysis.plan.searches]
    assert queries
    places = default_lexicon().places
    assert not [q for q in queries if holds_place(q, places)]
    assert any(q.startswith("Staff Accountant ") for q in queries)


def test_when_a_title_is_a_hostile_run_of_places_then_it_is_refused_quickly() -> None:
    """A header of 100,000 place names is no title, and reading it stays linear."""
    import time

    lexicon = default_lexicon()
    started = time.perf_counter()
    assert job_title("Dubai " * 100_000 + "Manager", lexicon.title_words, lexicon.places) is None
    assert time.perf_counter() - started < 5


def test_when_a_title_is_hostile_brackets_and_spaces_then_it_is_read_in_one_pass() -> None:
    """A header of 50,000 spaces before a closing bracket, or 20,000 opening brackets, is no
    title; reading it never backtracks (docs/security.md: bounded work on hostile input)."""
    lexicon = default_lexicon()
    for text in (" " * 50_000 + ")", "(" * 20_000 + " Claims Examiner)"):
        assert job_title(text, lexicon.title_words, lexicon.places) is None
    assert job_title("Clerk (" + " " * 50_000, lexicon.title_words, lexicon.places) == "Clerk"
