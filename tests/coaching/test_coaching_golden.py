"""Golden coaching output for synthetic resumes: every template or lexicon change shows as a diff.

Run ``pytest --update-golden`` (or UPDATE_GOLDEN=1) to rewrite tests/golden/coaching/*.json,
then review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hitl_resume.coaching import coach
from hitl_resume.detection.analyzer import Analyzer

from .resumes import SAMPLES, TEMPTING, resume

GOLDEN_DIR = Path(__file__).resolve().parents[1] / "golden" / "coaching"
CASES = {**SAMPLES, "tempting": TEMPTING}


@pytest.mark.parametrize("name", sorted(CASES))
def test_when_sample_is_coached_then_output_matches_golden(
    analyzer: Analyzer, name: str, update_golden: bool
) -> None:
    """Rewrites, SOAR prompts and plan stay exactly as reviewed."""
    parsed = resume(CASES[name])
    detection = analyzer.detect(parsed)
    rewrites, interview, plan = coach(
        parsed, detection.findings, detection.roles, nlp=analyzer.nlp, lexicon=analyzer.lexicon
    )
    actual = {
        "rewrites": [r.to_dict() for r in rewrites],
        "interview": [p.to_dict() for p in interview],
        "plan": plan.to_dict(),
    }
    path = GOLDEN_DIR / f"{name}.json"
    if update_golden:
        GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", "utf-8")
    assert path.is_file(), f"missing golden file; run pytest --update-golden ({path.name})"
    assert json.loads(path.read_text("utf-8")) == actual
