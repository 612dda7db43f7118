"""The user's own Word file back: rewrites as comments, accepted ones applied, formatting kept."""

from __future__ import annotations

from hitl_resume.annotate.annotator import AnnotateResult, RewriteOutcome, annotate_docx
from hitl_resume.annotate.comments import AUTHOR, INITIALS
from hitl_resume.annotate.decisions import Decision, Decisions, DecisionsError, load_decisions

__all__ = [
    "AUTHOR",
    "INITIALS",
    "AnnotateResult",
    "Decision",
    "Decisions",
    "DecisionsError",
    "RewriteOutcome",
    "annotate_docx",
    "load_decisions",
]
