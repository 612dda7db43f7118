"""Batch outputs without analysis: formula-safe CSV cells, report names, the cohort view."""

from __future__ import annotations

import io
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from batch_fixtures import assert_formula_safe, read_csv

from hitl_resume.batch.cohort import render_cohort_markdown, render_cohort_svg
from hitl_resume.batch.outputs import (
    REPORT_NAME,
    formula_safe,
    report_stem,
    summary_header,
    write_summaries,
)
from hitl_resume.batch.progress import BarProgress, format_summary, make_progress
from hitl_resume.batch.results import BatchResult, FileResult, Note, count_errors
from hitl_resume.language.lexicon_loader import ROLE_IDS

EXPECTED_HEADER = [
    "file",
    "status",
    "error_code",
    "top_role",
    "top_score",
    "score_customer_service",
    "score_tax_financial",
    "score_healthcare_quality",
    "score_trust_safety",
    "score_hr_recruiting",
    "score_legal_compliance",
    "score_dispatch_operations",
]


def _ok(index: int, file: str, top: str, missing: tuple[str, ...] = ()) -> FileResult:
    levels = tuple((role, "strong" if role == top else "none") for role in ROLE_IDS)
    return FileResult(
        index=index,
        file=file,
        sha256=f"{index:064x}",
        status="ok",
        scores=tuple((role, 80 if role == top else 0) for role in ROLE_IDS),
        levels=levels,
        labels=(("trust_safety", "Trust <&> safety"),),
        top_role=top,
        top_score=80,
        match_score=40,
        missing=(missing,),
    )


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd", "'+cmd"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("\0x", "'\0x"),
        ("   =HYPERLINK()", "'   =HYPERLINK()"),
        ("cv=1.pdf", "cv=1.pdf"),
        ("80", "80"),
        ("", ""),
    ],
)
def test_when_a_cell_starts_with_a_trigger_then_it_is_prefixed(cell: str, expected: str) -> None:
    """E-03: triggers, also after leading spaces, are neutralised; other cells are unchanged."""
    assert formula_safe(cell) == expected


def test_when_header_is_built_then_it_follows_design_md() -> None:
    """docs/output.md fixes the column order; match_score only when a posting is given."""
    assert summary_header(False) == EXPECTED_HEADER
    assert summary_header(True) == [*EXPECTED_HEADER, "match_score"]


@pytest.mark.parametrize(
    "file",
    ["cv.pdf", "../../etc/passwd", "=cmd|' /C calc'!A0.pdf", "résumé final.docx", ".hidden", ""],
)
def test_when_report_names_are_derived_then_they_are_safe_and_unique(file: str) -> None:
    """Report file names come from the display name and content hash, never a raw path."""
    taken: set[str] = set()
    first = report_stem(file, "ab" * 32, taken)
    second = report_stem(file, "ab" * 32, taken)
    assert first != second
    for stem in (first, second):
        assert REPORT_NAME.match(f"{stem}.json")
        assert "/" not in stem
        assert not stem.startswith(".")


def test_when_summaries_are_written_then_hostile_names_are_neutralised(tmp_path: Path) -> None:
    """B-10: summary.csv and errors.csv read back cell by cell with no formula trigger."""
    files = (
        _ok(0, "=HYPERLINK(1).pdf", "trust_safety"),
        FileResult(1, "+evil.pdf", "0" * 64, "error", "corrupt_file", "-damaged"),
    )
    batch = BatchResult(tmp_path, files, (Note("@link", "skipped", "=x"),), 1.0, 1, total=2)
    write_summaries(batch, with_match=True)
    summary = read_csv(tmp_path / "summary.csv")
    assert summary[0] == [*EXPECTED_HEADER, "match_score"]
    assert summary[1][:5] == ["'=HYPERLINK(1).pdf", "ok", "", "trust_safety", "80"]
    assert summary[2] == ["'+evil.pdf", "error", "corrupt_file", *[""] * 10]
    errors = read_csv(tmp_path / "errors.csv")
    assert errors == [
        ["file", "error_code", "message"],
        ["'@link", "skipped", "'=x"],
        ["'+evil.pdf", "corrupt_file", "'-damaged"],
    ]
    assert_formula_safe(summary + errors)


def test_when_cohort_is_rendered_then_counts_and_missing_keywords_add_up() -> None:
    """The coach's table: levels per role, top roles and the most commonly missing keywords."""
    files = [
        _ok(0, "a.pdf", "trust_safety", ("escalation", "SQL")),
        _ok(1, "b.pdf", "trust_safety", ("sql",)),
        _ok(2, "c.pdf", "hr_recruiting", ()),
        FileResult(3, "d.pdf", "0" * 64, "error", "empty_file", "empty"),
    ]
    text = render_cohort_markdown(files)
    assert "3 resumes analysed, 1 could not be read" in text
    assert "| Trust <&> safety | 2 | 0 | 0 | 1 |" in text.replace("\\<", "<").replace("\\>", ">")
    assert "| sql | 2 of 3 |" in text
    assert "| escalation | 1 of 3 |" in text


def test_when_cohort_chart_is_drawn_then_it_is_valid_svg_with_escaped_labels() -> None:
    """Labels come from data: the SVG must parse and hold them as text, not markup."""
    svg = render_cohort_svg([_ok(0, "a.pdf", "trust_safety"), _ok(1, "b.pdf", "")])
    root = ET.fromstring(svg)
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "Trust <&> safety" in texts
    assert "No clear pattern" in texts


class _Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("tqdm_installed", [True, False])
def test_when_on_a_terminal_then_a_bar_is_drawn(
    monkeypatch: pytest.MonkeyPatch, tqdm_installed: bool
) -> None:
    """A terminal gets a bar (tqdm, or the small fallback when tqdm is missing)."""
    if not tqdm_installed:
        monkeypatch.setitem(sys.modules, "tqdm", None)
    stream = _Terminal()
    progress = make_progress(None, 2, stream)
    assert isinstance(progress, BarProgress)
    progress.advance(_ok(0, "a.pdf", "trust_safety"))
    progress.advance(_ok(1, "b.pdf", ""))
    progress.close()
    assert "2/2" in stream.getvalue()


def test_when_summarised_then_counts_codes_and_speed_are_shown(tmp_path: Path) -> None:
    """The closing summary names ok count, errors by code, time and files per second."""
    files = (
        _ok(0, "a.pdf", "trust_safety"),
        FileResult(1, "b.pdf", "0" * 64, "error", "timeout", "slow"),
        FileResult(2, "c.pdf", "1" * 64, "error", "timeout", "slow"),
    )
    batch = BatchResult(tmp_path, files, (), 2.0, 2, total=3, error_counts=count_errors(files))
    text = format_summary(batch)
    assert "1 of 3 files analysed" in text
    assert "timeout: 2" in text
    assert "1.50 files/s" in text
