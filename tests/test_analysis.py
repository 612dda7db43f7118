"""``from_dict`` is the exact inverse of ``to_dict`` on every result type (web tokens use it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hitl_resume.analysis import Analysis
from hitl_resume.api import analyze
from hitl_resume.models import Resume

EXAMPLE = Path(__file__).resolve().parents[1] / "hitl_resume" / "examples" / "example_resume.txt"
POSTING = (
    "Claims Quality Reviewer\nRequirements\nReview AI-generated claim decisions and escalate "
    "exceptions. Experience with medical coding and HIPAA required.\n"
)


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return analyze(EXAMPLE.read_text(encoding="utf-8"), postings=[POSTING])


def test_when_an_analysis_is_rebuilt_from_its_dict_then_it_serialises_identically(
    analysis: Analysis,
) -> None:
    """A report token carries ``to_dict()``; the download must rebuild the same analysis."""
    data = analysis.to_dict()
    assert data["rewrites"]
    assert data["matches"]
    assert data["findings"]
    rebuilt = Analysis.from_dict(data)
    assert rebuilt.to_dict() == data
    assert rebuilt.findings == analysis.findings
    assert rebuilt.rewrites == analysis.rewrites


def test_when_a_resume_is_rebuilt_from_its_dict_then_it_is_equal(analysis: Analysis) -> None:
    """The parse JSON round-trips to an equal ``Resume`` (offsets and all)."""
    assert Resume.from_dict(analysis.resume.to_dict()) == analysis.resume


def test_when_a_key_is_missing_then_from_dict_raises_key_error(analysis: Analysis) -> None:
    """A damaged document fails loudly instead of producing a half-empty analysis."""
    data = analysis.to_dict()
    del data["findings"][0]["role"]
    with pytest.raises(KeyError):
        Analysis.from_dict(data)
