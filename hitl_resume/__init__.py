"""hitl_resume: find, name and prove human-in-the-loop experience in resumes and postings."""

from __future__ import annotations

from hitl_resume.errors import InputError

__all__ = ["InputError"]
__version__ = "0.1.0"
