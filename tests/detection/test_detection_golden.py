"""Golden analyses of synthetic resumes, one per role: any lexicon or weight change shows here.

Run ``pytest --update-golden`` (or UPDATE_GOLDEN=1) to rewrite them, then review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from hitl_resume.api import analyze
from hitl_resume.detection.analyzer import Analyzer

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
RESUMES = sorted((GOLDEN / "resumes").glob("*.txt"))


def _summary(result: Any) -> dict[str, Any]:
    """The detection part of an analysis, without volatile fields."""
    data = result.to_dict()
    return {
        "top_role": data["top_role"],
        "roles": [{k: r[k] for k in ("id", "score", "level")} for r in data["roles"]],
        "findings": [
            {k: f[k] for k in ("role", "signals", "explicit_ai", "text", "section", "entry")}
            for f in data["findings"]
        ],
        "experience": [
            {k: e[k] for k in ("title", "organization", "start_date", "end_date")}
            for e in data["resume"]["experience"]
        ],
    }


@pytest.mark.parametrize("path", RESUMES, ids=[p.stem for p in RESUMES])
def test_when_a_synthetic_resume_is_analysed_then_it_matches_its_golden_file(
    analyzer: Analyzer, path: Path, update_golden: bool
) -> None:
    """Each role's synthetic resume keeps its findings and scores, and tops its own role."""
    summary = _summary(analyze(path.read_text("utf-8"), analyzer=analyzer))
    golden = GOLDEN / "analysis" / f"{path.stem}.json"
    if update_golden or not golden.exists():
        golden.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", "utf-8")
    assert summary == json.loads(golden.read_text("utf-8"))
    assert summary["top_role"] == path.stem


def test_when_golden_resumes_exist_then_every_role_has_one() -> None:
    """Golden coverage: one synthetic resume per role id."""
    assert {p.stem for p in RESUMES} == {
        "customer_service", "tax_financial", "healthcare_quality", "trust_safety",
        "hr_recruiting", "legal_compliance", "dispatch_operations",
    }  # fmt: skip
