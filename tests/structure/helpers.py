"""Build synthetic extractions for structure tests."""

from __future__ import annotations

from hitl_resume.ingest.extraction import Extraction, FileKind, Line
from hitl_resume.models import Resume
from hitl_resume.structure import build_resume


def extraction(text: str, kind: FileKind = "pdf") -> Extraction:
    """Return an extraction with one Line per line of ``text``."""
    return Extraction(kind, tuple(Line(t) for t in text.split("\n")))


def parse(text: str, kind: FileKind = "pdf") -> Resume:
    """Parse synthetic resume text."""
    return build_resume(extraction(text, kind))
