"""Offsets and robustness: every span points at its text; odd input never raises and is fast."""

from __future__ import annotations

import time

import pytest

from hitl_resume.ingest.extraction import Extraction, Line
from hitl_resume.models import Resume
from hitl_resume.structure import build_resume, normalize_space

from .helpers import parse
from .test_experience import LIVECAREER_SPLIT_DATE, LIVECAREER_TITLE_ABOVE, PIPES, TABLE_ROWS

MIXED = (
    "Jane Sample\njane@example.com\nSkills\nExcel, Word, Claims\n"
    + PIPES
    + LIVECAREER_TITLE_ABOVE
    + "Skill Highlights\n● Auditing\n● Coding\n"
)


def assert_offsets(resume: Resume) -> None:
    """Check the offsets contract of hitl_resume.structure for every element."""
    text = resume.text
    for section in resume.sections:
        assert text[section.start : section.start + len(section.heading)] == section.heading
        assert 0 <= section.start <= section.end <= len(text)
    for entry in resume.experience:
        assert 0 <= entry.start <= entry.end <= len(text)
        for bullet in entry.bullets:
            assert normalize_space(text[bullet.start : bullet.end]) == bullet.text
            assert entry.start <= bullet.start
            assert bullet.end <= entry.end
            span = text[bullet.start : bullet.end]
            if "\n" not in span and "  " not in span:
                assert span == bullet.text
    for school in resume.education:
        assert normalize_space(text[school.start : school.end]) == school.text
    for skill in resume.skills:
        assert normalize_space(text[skill.start : skill.end]) == skill.name


@pytest.mark.parametrize("source", [MIXED, PIPES, LIVECAREER_SPLIT_DATE, TABLE_ROWS])
def test_offsets_hold_for_every_element(source: str) -> None:
    """Every start/end indexes Resume.text and covers exactly the element's text."""
    resume = parse(source)
    assert resume.experience
    assert_offsets(resume)


def test_text_is_the_joined_cleaned_lines() -> None:
    """Resume.text joins cleaned lines with newlines; mojibake and controls are repaired,
    and a tab stays a column gap of two spaces so header splitters can use it."""
    resume = parse("Company Name â€“ City , State\x0c\nA\tB  ")
    assert resume.text == "Company Name – City , State\nA  B"
    assert resume.source.chars == len(resume.text)


WEIRD = [
    [],
    [""],
    ["   ", "\n", "\x00\x0c"],
    ["x" * 100_000],
    ["word " * 20_000],
    ["Experience"] * 50,
    ["-----", "•", "• ", "|||", "....", "2019 - 2021", "((((", "@@@"],
    ["Experience", "2019 - 2021", "2019 - 2021", "Present"],
    ["Experience", "January 2016", "to"],
    ["Education", "2010", "B.S."],
    ["Skills", ",,,,", ";;", "| | |"],
]


@pytest.mark.parametrize("lines", WEIRD)
def test_when_weird_input_then_no_exception(lines: list[str]) -> None:
    """Empty, giant and punctuation-only input parses without raising."""
    resume = build_resume(Extraction("txt", tuple(Line(t) for t in lines)))
    assert_offsets(resume)


def test_when_ten_thousand_lines_then_fast() -> None:
    """Ten thousand lines stay linear: a guard against quadratic blow-ups, not a benchmark."""
    lines = tuple(Line(t) for t in (PIPES * 600).split("\n")[:10_000])
    began = time.perf_counter()
    resume = build_resume(Extraction("pdf", lines))
    assert time.perf_counter() - began < 5.0
    assert len(resume.experience) > 100
