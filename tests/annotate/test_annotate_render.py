"""LibreOffice (optional) opens and renders annotated output: comments and applied text survive."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from annotate_docs import BULLETS, all_rewrites, rich_resume_docx
from pdfminer.pdftypes import resolve1

from hitl_resume.annotate import Decision, Decisions, annotate_docx

pytest.importorskip("PIL")
# LibreOffice >= 7.4 reads filter options as JSON; ExportNotes turns comments into PDF notes.
PDF_WITH_NOTES = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (optional)")


def _to_pdf(docx_path: Path, tmp_path: Path) -> Path:
    assert SOFFICE is not None
    profile = (tmp_path / "lo-profile").as_uri()
    completed = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", PDF_WITH_NOTES,
         "--outdir", str(tmp_path), str(docx_path)],
        capture_output=True, timeout=180, check=False,
    )  # fmt: skip
    pdf = tmp_path / (docx_path.stem + ".pdf")
    assert completed.returncode == 0
    assert pdf.is_file()
    return pdf


def _text_notes(page: Any) -> int:
    """Count /Text (sticky note) annotations; pdfplumber's own ``annots`` chokes on them."""
    annots = resolve1(page.page_obj.annots) or []
    return sum(1 for a in annots if getattr(resolve1(a).get("Subtype"), "name", "") == "Text")


@pytest.mark.parametrize("accepted", [False, True])
def test_when_libreoffice_converts_output_then_pdf_has_text_and_comments(
    tmp_path: Path, accepted: bool
) -> None:
    """Both outputs convert; comments become PDF notes; applied text is on the page."""
    data = rich_resume_docx()
    rewrites = all_rewrites(data)
    decisions = Decisions(tuple(Decision(r.id, "accepted") for r in rewrites)) if accepted else None
    path = tmp_path / "annotated.docx"
    path.write_bytes(annotate_docx(data, rewrites, decisions).data)
    with pdfplumber.open(_to_pdf(path, tmp_path)) as pdf:
        text = " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)
        notes = sum(_text_notes(page) for page in pdf.pages)
    assert notes == len(rewrites)
    wanted = BULLETS.values() if accepted else BULLETS.keys()
    first_words = [" ".join(t.split()[:3]) for t in wanted]
    assert all(words in text for words in first_words)
