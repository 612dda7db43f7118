"""The pdfplumber reader: the reference the pdfium reader (``pdf_reader``) is measured against.

It was the project's PDF reader until pdfium took over the text layer (about 20x faster, same
words); it stays selectable for side-by-side benchmarks and equivalence tests. Every library
failure is mapped to an ``InputError``, without the library's message (it may quote the file).
"""

from __future__ import annotations

import io
import logging
import unicodedata
from collections.abc import Iterator
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError

from hitl_resume.errors import (
    CorruptFileError,
    EncryptedPdfError,
    InputError,
    ResourceLimitError,
    TooManyPagesError,
)
from hitl_resume.ingest.extraction import Extraction, Line
from hitl_resume.ingest.limits import MAX_PDF_PAGES
from hitl_resume.ingest.pdf_chars import BOLD_MARKERS
from hitl_resume.ingest.pdf_layout import Word
from hitl_resume.ingest.pdf_lines import page_lines
from hitl_resume.ingest.pdf_tables import tables_from

_WORD_OPTIONS: dict[str, Any] = {
    "extra_attrs": ["size", "fontname"],
    "keep_blank_chars": False,
    "use_text_flow": False,
}


def read_pdf_plumber(data: bytes) -> Extraction:
    """Return the PDF's lines in reading order with heading hints, read by pdfplumber.

    Raises:
        EncryptedPdfError: the PDF needs a user password.
        TooManyPagesError: more than ``MAX_PDF_PAGES`` pages (checked before reading text).
        ResourceLimitError: the parser ran out of memory.
        CorruptFileError: anything else the PDF library could not parse.
    """
    logging.getLogger("pdfminer").setLevel(logging.WARNING)
    opened = False
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            opened = True
            pages = pdf.pages
            if len(pages) > MAX_PDF_PAGES:
                raise TooManyPagesError()
            lines: list[Line] = []
            for number, page in enumerate(pages, start=1):
                lines.extend(_read_page(page, number))
            return Extraction(kind="pdf", lines=tuple(lines), pages=len(pages))
    except InputError:
        raise
    except MemoryError:
        raise ResourceLimitError() from None
    except RecursionError:
        raise CorruptFileError() from None
    except Exception as exc:
        # The library's message is never passed on: it can quote the document.
        if _is_encryption_error(exc) or (not opened and b"/Encrypt" in data):
            raise EncryptedPdfError() from None
        raise CorruptFileError() from None


def _is_encryption_error(exc: BaseException) -> bool:
    """Tell whether pdfminer's encryption error is anywhere in the (wrapped) exception chain."""
    seen: set[int] = set()
    stack: list[BaseException] = [exc]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, PDFEncryptionError):
            return True
        # pdfplumber wraps pdfminer's exception as the first argument of PdfminerException.
        stack.extend(a for a in current.args if isinstance(a, BaseException))
        stack.extend(e for e in (current.__cause__, current.__context__) if e is not None)
    return False


def _read_page(page: Any, number: int) -> Iterator[Line]:
    """Yield one page's lines in reading order."""
    if not page.chars:
        return
    upright: list[Word] = []
    sideways: list[Word] = []
    for raw in page.extract_words(**_WORD_OPTIONS):
        word = _word(raw)
        if word is not None:
            (upright if raw.get("upright", True) else sideways).append(word)
    tables = []
    if _has_ruling(page):
        found = ((t.bbox, [r.cells for r in t.rows]) for t in page.find_tables())
        tables = tables_from(found, upright, float(page.width) * float(page.height))
    yield from page_lines(upright, sideways, tables, number)


def _word(raw: dict[str, Any]) -> Word | None:
    """Convert a pdfplumber word dict, dropping words that are only whitespace or controls."""
    text = _clean(str(raw.get("text", "")))
    if not text:
        return None
    fontname = str(raw.get("fontname", ""))
    return Word(
        text=text,
        x0=float(raw["x0"]),
        x1=float(raw["x1"]),
        top=float(raw["top"]),
        bottom=float(raw["bottom"]),
        size=float(raw.get("size") or 0.0),
        bold=any(m in fontname.lower() for m in BOLD_MARKERS),
        font=fontname,
    )


def _clean(text: str) -> str:
    """Replace control characters (\\x0c, NUL, ...) with spaces and collapse whitespace."""
    chars = (" " if unicodedata.category(c) == "Cc" else c for c in text)
    return " ".join("".join(chars).split())


def _has_ruling(page: Any) -> bool:
    """Tell whether the page has enough ruled edges for a table (skips the table finder)."""
    edges = page.edges
    vertical = sum(1 for e in edges if e.get("orientation") == "v")
    return vertical >= 2 and len(edges) - vertical >= 2


def extract_pdf_plumber(data: bytes) -> Extraction:
    """``readers.extract_file`` for a PDF read by pdfplumber (a parse-child target)."""
    from hitl_resume.ingest.readers import finish

    return finish(read_pdf_plumber(data))
