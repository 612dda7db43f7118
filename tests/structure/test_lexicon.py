"""The headings and title-word lexicons validate on load and name file and line on errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from hitl_resume.language.jsonl_reader import LexiconError
from hitl_resume.language.lexicon_schema import bundled_lexicon_dir as lexicon_dir
from hitl_resume.language.structure_lexicon import (
    HEADING_KINDS,
    load_heading_entries,
    load_headings,
    load_title_words,
)


def test_packaged_lexicons_load() -> None:
    """The shipped files are valid and cover every kind."""
    entries = load_heading_entries(lexicon_dir() / "headings.jsonl")
    assert {e.kind for e in entries} == HEADING_KINDS
    assert "manager" in load_title_words(lexicon_dir() / "title_words.jsonl")


GOOD = '{"id": "heading.skills", "kind": "skills", "phrases": ["skills"]}'


@pytest.mark.parametrize(
    ("lines", "problem"),
    [
        (
            [GOOD, '{"id": "heading.skills", "kind": "skills", "phrases": ["tools"]}'],
            "duplicate id",
        ),
        (
            [GOOD, '{"id": "heading.education", "kind": "education", "phrases": ["Skills"]}'],
            "lowercase",
        ),
        (
            [GOOD, '{"id": "heading.education", "kind": "education", "phrases": ["skills"]}'],
            "duplicate phrase",
        ),
        (
            [GOOD, '{"id": "heading.education", "kind": "education", "phrases": [], "x": 1}'],
            "unknown key",
        ),
        ([GOOD, '{"id": "heading.x", "kind": "x", "phrases": ["x"]}'], "kind"),
        (
            [GOOD, '{"id": "heading.education", "kind": "education", "phrases": "education"}'],
            "list",
        ),
        ([GOOD, '{"id": "h", "kind": "education", "phrases": ["education"]}'], "heading.<kind>"),
        ([GOOD, "{not json"], "invalid JSON"),
    ],
)
def test_when_heading_line_is_bad_then_error_names_line(
    tmp_path: Path, lines: list[str], problem: str
) -> None:
    """Each malformed line raises LexiconError with the file and line number."""
    path = tmp_path / "headings.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_headings(path)
    assert info.value.line == 2
    assert info.value.path == str(path)
    assert problem in info.value.problem


def test_when_custom_lexicon_then_used(tmp_path: Path) -> None:
    """A user lexicon replaces the packaged headings."""
    path = tmp_path / "headings.jsonl"
    path.write_text('{"id": "heading.experience", "kind": "experience", "phrases": ["jobs"]}')
    assert load_headings(path).kind_of("jobs") == "experience"


def test_when_title_words_duplicate_then_error(tmp_path: Path) -> None:
    """Duplicate title words are rejected with their line."""
    path = tmp_path / "title_words.jsonl"
    path.write_text('{"id": "a", "words": ["clerk"]}\n{"id": "b", "words": ["clerk"]}\n')
    with pytest.raises(LexiconError, match=":2:"):
        load_title_words(path)
