"""A line carried only by a light signal ("resolved", "researched") is found, not framed."""

from __future__ import annotations

from hitl_resume.api import analyze

RESUME = """Sam Example
sam@example.com

EXPERIENCE
Customer Service Representative
Acme Bank, Springfield, IL  2019 - Present
- Resolved customer complaints regarding sales and service
- Approved refund requests and escalated suspected fraud to the fraud team
"""


def test_when_only_a_light_signal_carries_a_line_then_it_gets_no_rewrite() -> None:
    """Framing "resolved complaints" as oversight oversells front-line work (rubric: vague)."""
    analysis = analyze(RESUME)
    originals = [r.original for r in analysis.rewrites if not r.template.startswith("tail.")]
    assert not any(o.startswith("Resolved customer complaints") for o in originals)
    assert any(o.startswith("Approved refund requests") for o in originals)
