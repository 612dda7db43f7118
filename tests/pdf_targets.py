"""Parse-child targets for the pdfium tests (module level, so the child can import them)."""

from __future__ import annotations

from hitl_resume.ingest.pdf_native import NATIVE


def crash_inside_pdfium(data: bytes) -> int:
    """Make libpdfium read a bogus text-page handle: a segfault in C, as a hostile file might."""
    return int(NATIVE.count_chars(0x10 + len(data)))
