"""Batch analysis for career coaches: folders and zips of resumes, in parallel, plus a cohort."""

from __future__ import annotations

from hitl_resume.batch.results import BatchResult, FileResult, Note
from hitl_resume.batch.runner import FORMATS, run_batch
from hitl_resume.language.lexicon_loader import ROLE_IDS

__all__ = ["FORMATS", "ROLE_IDS", "BatchResult", "FileResult", "Note", "run_batch"]
