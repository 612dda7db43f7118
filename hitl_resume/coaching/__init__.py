"""Coaching: grounded governance rewrites, SOAR interview prompts and the week's plan.

The pipeline lives in ``pipeline``; this module only re-exports the public entry points.
"""

from __future__ import annotations

from hitl_resume.coaching.pipeline import coach, is_strong
from hitl_resume.coaching.results import InterviewPrompt, Plan, Rewrite

__all__ = ["InterviewPrompt", "Plan", "Rewrite", "coach", "is_strong"]
