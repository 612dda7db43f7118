"""Detect scans, (cid:…) fonts and garbage text (docs/security.md U-12, U-13)."""

from __future__ import annotations

import pytest

from hitl_resume.errors import InputError, NoTextLayerError, UnreadableTextError
from hitl_resume.ingest.text_quality import check_text_quality

GOOD = (
    "Claims examiner with five years of experience reviewing medical claims for accuracy and "
    "compliance. Escalated suspected fraud to the investigations unit and trained new staff on "
    "the audit checklist used by the team in the office. "
) * 3


def _shifted(text: str) -> str:
    """Imitate pypdfium2's silent garbage: every letter shifted by 29 code points ("+HOOR")."""
    return "".join(chr(ord(ch) - 29) if ch.isalpha() else ch for ch in text)


def test_when_text_is_ordinary_prose_then_it_passes() -> None:
    """A normal resume paragraph is accepted."""
    check_text_quality(GOOD, kind="pdf", pages=1)


@pytest.mark.parametrize(
    ("text", "kind", "pages", "error"),
    [
        ("", "pdf", 1, NoTextLayerError),
        ("Page 1", "pdf", 1, NoTextLayerError),
        (GOOD[:260], "pdf", 8, NoTextLayerError),
        (" ".join(["(cid:43)(cid:12)"] * 40) + " " + GOOD, "pdf", 1, UnreadableTextError),
        (GOOD + "\ufffd" * 20, "pdf", 1, UnreadableTextError),
        (_shifted(GOOD), "pdf", 1, UnreadableTextError),
        ("   \n  ", "txt", 1, NoTextLayerError),
    ],
)
def test_when_text_is_not_real_text_then_it_is_reported(
    text: str, kind: str, pages: int, error: type[InputError]
) -> None:
    """Each extraction failure that looks like success gets its own code."""
    with pytest.raises(error):
        check_text_quality(text, kind=kind, pages=pages)  # type: ignore[arg-type]


def test_when_pasted_text_is_short_then_it_is_not_a_scan() -> None:
    """The scanned-PDF length rule applies to PDFs only."""
    check_text_quality("Dispatcher. Reviewed routes daily.", kind="txt", pages=1)


def test_when_text_is_in_another_script_then_it_passes() -> None:
    """Word-likeness must not reject non-Latin resumes."""
    check_text_quality(
        "Менеджер по работе с клиентами. Проверка заявок. " * 10, kind="txt", pages=1
    )
