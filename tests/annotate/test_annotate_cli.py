"""The annotate command: argument handling, summary, errors and the written file."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
import pytest
from annotate_docs import BULLETS, MIXED, all_rewrites, rich_resume_docx
from click.testing import CliRunner

import hitl_resume.api
from hitl_resume.cli.annotate import annotate_command
from hitl_resume.coaching.results import Rewrite

pytest.importorskip("PIL")


@dataclass(frozen=True)
class _Role:
    id: str
    label: str


@dataclass(frozen=True)
class _FakeAnalysis:
    rewrites: tuple[Rewrite, ...]
    roles: tuple[_Role, ...] = field(default=(_Role("trust_safety", "Trust & Safety"),))


@pytest.fixture
def resume(tmp_path: Path) -> Path:
    path = tmp_path / "cv.docx"
    path.write_bytes(rich_resume_docx())
    return path


@pytest.fixture
def fake_analyze(monkeypatch: pytest.MonkeyPatch, resume: Path) -> list[Rewrite]:
    """Replace the (slow, lexicon-dependent) analysis with known rewrites."""
    rewrites = all_rewrites(resume.read_bytes())

    def analyze(source: Any, **_: Any) -> _FakeAnalysis:
        assert isinstance(source, bytes)
        return _FakeAnalysis(tuple(rewrites))

    monkeypatch.setattr(hitl_resume.api, "analyze", analyze)
    return rewrites


def test_when_no_decisions_then_every_rewrite_becomes_a_comment(
    resume: Path, fake_analyze: list[Rewrite], tmp_path: Path
) -> None:
    """The summary counts comments; the output carries one per rewrite with the role label."""
    out = tmp_path / "out.docx"
    result = CliRunner().invoke(annotate_command, [str(resume), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{len(fake_analyze)} comment(s), 0 rewrite(s) applied" in result.output
    comments = list(docx.Document(io.BytesIO(out.read_bytes())).comments)
    assert len(comments) == len(fake_analyze)
    assert any("Supports the role: Trust & Safety" in c.text for c in comments)


def test_when_decisions_given_then_accepted_ones_are_applied(
    resume: Path, fake_analyze: list[Rewrite], tmp_path: Path
) -> None:
    """--decisions applies accepted rewrites and leaves rejected ones out."""
    first, second = fake_analyze[0], fake_analyze[1]
    decisions = tmp_path / "decisions.json"
    decisions.write_text(
        json.dumps(
            {
                "decisions": [
                    {"rewrite_id": first.id, "decision": "accepted"},
                    {"rewrite_id": second.id, "decision": "rejected"},
                ]
            }
        )
    )
    out = tmp_path / "out.docx"
    args = [str(resume), "-o", str(out), "--decisions", str(decisions)]
    result = CliRunner().invoke(annotate_command, args)
    assert result.exit_code == 0, result.output
    assert "1 rewrite(s) applied, 1 rejected, 0 skipped" in result.output
    texts = [p.text for p in docx.Document(io.BytesIO(out.read_bytes())).paragraphs]
    assert BULLETS[MIXED] in texts


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"decisions": [{"rewrite_id": "nope", "decision": "accepted"}]}', '"nope"'),
        ('{"decisions": [{"rewrite_id": "rw-1", "decision": "yes"}]}', "is not a decision"),
        ("not json", "not valid JSON"),
    ],
)
def test_when_decisions_are_bad_then_exit_1_with_message(
    resume: Path,
    fake_analyze: list[Rewrite],
    tmp_path: Path,
    content: str,
    message: str,
) -> None:
    """A bad decisions file stops the command before anything is written."""
    decisions = tmp_path / "d.json"
    decisions.write_text(content)
    out = tmp_path / "out.docx"
    args = [str(resume), "-o", str(out), "--decisions", str(decisions)]
    result = CliRunner().invoke(annotate_command, args)
    assert result.exit_code == 1
    assert "error [bad_decisions]" in result.output
    assert message in result.output
    assert not out.exists()


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"%PDF-1.4 not really", "not_docx"),
        (b"plain text resume\n", "not_docx"),
        (b"", "empty_file"),
    ],
)
def test_when_input_is_not_docx_then_refused(tmp_path: Path, content: bytes, code: str) -> None:
    """PDF and text resumes are refused with a pointer to analyze; the type is sniffed."""
    path = tmp_path / "cv.docx"
    path.write_bytes(content)
    result = CliRunner().invoke(annotate_command, [str(path), "-o", str(tmp_path / "o.docx")])
    assert result.exit_code == 1
    assert f"error [{code}]" in result.output


def test_when_output_is_the_input_then_usage_error(resume: Path) -> None:
    """The user's original is never overwritten."""
    result = CliRunner().invoke(annotate_command, [str(resume), "-o", str(resume)])
    assert result.exit_code == 2


def test_when_real_analysis_runs_then_output_opens(resume: Path, tmp_path: Path) -> None:
    """End to end with the real analyzer: exit 0 and a DOCX python-docx opens."""
    out = tmp_path / "out.docx"
    result = CliRunner().invoke(annotate_command, [str(resume), "-o", str(out)])
    assert result.exit_code == 0, result.output
    docx.Document(io.BytesIO(out.read_bytes()))
    if "No suggestions" in result.output:
        assert out.read_bytes() == resume.read_bytes()
