"""Synthetic batch inputs for the batch tests: resumes, broken files and hostile zips.

Everything is built here from the bundled synthetic example resume and the test factories;
no real person's data.
"""

from __future__ import annotations

import csv
import io
import stat
import zipfile
from pathlib import Path

from docx_factory import body_paragraphs_docx
from pdf_factory import one_column_resume

REPO_ROOT = Path(__file__).resolve().parents[2]
RESUME_TEXT = (REPO_ROOT / "hitl_resume" / "examples" / "example_resume.txt").read_text("utf-8")
BROKEN_PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not a PDF body"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\0")


def txt_resume(variant: str = "") -> bytes:
    """The example resume as UTF-8 text; ``variant`` adds a line so the content hash differs."""
    return (RESUME_TEXT + (f"\nNote: {variant}\n" if variant else "")).encode("utf-8")


def docx_resume() -> bytes:
    """The example resume as a DOCX, one paragraph per line."""
    return body_paragraphs_docx(*[line for line in RESUME_TEXT.splitlines() if line.strip()])


def pdf_resume() -> bytes:
    """A one-column synthetic resume PDF."""
    return one_column_resume()


def make_zip(members: list[tuple[str | zipfile.ZipInfo, bytes]], *, stored: bool = False) -> bytes:
    """Build a zip in memory; a ``ZipInfo`` member keeps its own attributes (links, folders)."""
    buffer = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()


def symlink_info(name: str) -> zipfile.ZipInfo:
    """A zip entry marked as a symbolic link in its external attributes."""
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


def read_csv(path: Path) -> list[list[str]]:
    """Read a batch CSV back with the csv module (it is written UTF-8 with a BOM)."""
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def assert_formula_safe(rows: list[list[str]]) -> None:
    """No cell may start (even after spaces) with a spreadsheet formula trigger."""
    for row in rows:
        for cell in row:
            assert not cell.lstrip(" ").startswith(FORMULA_TRIGGERS), cell
