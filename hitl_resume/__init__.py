"""hitl_resume: find, name and prove human-in-the-loop experience in resumes and postings.

Library first: ``parse``, ``analyze`` and ``analyze_posting`` are the API; the CLI and the web
app are thin layers over them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hitl_resume.errors import InputError

if TYPE_CHECKING:
    from hitl_resume.analysis import Analysis
    from hitl_resume.api import analyze, analyze_posting
    from hitl_resume.models import Resume
    from hitl_resume.parsing import parse

__all__ = ["Analysis", "InputError", "Resume", "analyze", "analyze_posting", "parse"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """Import the heavy API lazily so ``import hitl_resume`` stays cheap (parse children)."""
    if name == "parse":
        from hitl_resume.parsing import parse

        return parse
    if name in {"analyze", "analyze_posting"}:
        from hitl_resume import api

        return getattr(api, name)
    if name == "Analysis":
        from hitl_resume.analysis import Analysis

        return Analysis
    if name == "Resume":
        from hitl_resume.models import Resume

        return Resume
    raise AttributeError(name)
