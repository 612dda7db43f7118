"""Pasted Markdown and HTML postings are shown as the text a reader sees."""

from __future__ import annotations

import pytest

from hitl_resume.api import clean_posting_text
from hitl_resume.ingest.html_text import looks_like_markdown, markdown_to_text

MARKDOWN = """# [Senior Data Analyst](https://jobs.example.com/123)

**Example Co** · Remote

## Requirements
- 3+ years of **SQL** and _Python_
* Experience with [Tableau](https://tableau.example) or `Power BI`
---
Write to first_last@example.com about snake_case names.
"""


def test_when_a_markdown_posting_is_pasted_then_marks_and_urls_are_gone() -> None:
    """`# [Title](https://…)` shows as "Title"; bullets, bold and code lose their marks."""
    text = clean_posting_text(MARKDOWN)
    lines = text.split("\n")
    assert lines[0] == "Senior Data Analyst"
    assert "Requirements" in lines
    assert "• 3+ years of SQL and Python" in lines
    assert "• Experience with Tableau or Power BI" in lines
    assert "https://" not in text
    assert "#" not in text
    assert "**" not in text


def test_when_underscores_sit_inside_words_then_they_are_kept() -> None:
    """Emails and identifiers are not emphasis."""
    assert "first_last@example.com" in markdown_to_text(MARKDOWN)
    assert "snake_case" in markdown_to_text(MARKDOWN)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (MARKDOWN, True),
        ("Analyst\nReview claims for accuracy.\n- Excel\n", False),
        ("Use C# and F# daily. Price: 5 * 3.", False),
    ],
)
def test_when_text_is_plain_then_it_is_not_treated_as_markdown(text: str, expected: bool) -> None:
    """Only texts with real Markdown marks are rewritten; plain postings stay as pasted."""
    assert looks_like_markdown(text) is expected
