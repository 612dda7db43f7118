"""Read a PDF into lines in reading order, so two-column resumes don't come out interleaved.

pdfium (pypdfium2) supplies characters and ruling lines (``pdf_chars``); words are rebuilt the
way pdfplumber did (``pdf_words``), then ``pdf_layout`` finds columns and lines and ruled
tables are found by pdfplumber's table finder (``pdf_tables``). This runs in the isolated parse
child: a crash inside pdfium kills only the child, which the parent reports as a damaged file.
Every library failure is mapped to an ``InputError`` here, without the library's message.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Iterator
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from hitl_resume.errors import (
    CorruptFileError,
    EncryptedPdfError,
    InputError,
    ResourceLimitError,
    TooManyPagesError,
)
from hitl_resume.ingest.extraction import Extraction, Line
from hitl_resume.ingest.limits import MAX_PDF_PAGES
from hitl_resume.ingest.pdf_chars import read_page
from hitl_resume.ingest.pdf_lines import page_lines
from hitl_resume.ingest.pdf_tables import find_tables, has_ruling
from hitl_resume.ingest.pdf_words import build_words

#: pdfium is not thread-safe: one document at a time per process (parse children hold it alone).
_PDFIUM_LOCK = threading.Lock()

#: pdfium load errors that mean "a password or security handler is needed".
_ENCRYPTED_CODES = frozenset({pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY})


def read_pdf(data: bytes) -> Extraction:
    """Return the PDF's lines in reading order with heading hints.

    Raises:
        EncryptedPdfError: the PDF needs a user password.
        TooManyPagesError: more than ``MAX_PDF_PAGES`` pages (checked before reading text).
        ResourceLimitError: the parser ran out of memory.
        CorruptFileError: anything else the PDF library could not parse.
    """
    logging.getLogger("pdfminer").setLevel(logging.WARNING)  # the table finder's package
    # The reader makes thousands of small acyclic objects; cyclic GC passes over them (and, in
    # a forked parse child, over the inherited heap) cost about a tenth of the parse.
    with _PDFIUM_LOCK:  # read the GC state under the lock: another reader may have paused it
        collecting = gc.isenabled()
        gc.disable()
        try:
            return _read(data)
        finally:
            if collecting:
                gc.enable()


def _read(data: bytes) -> Extraction:
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code in _ENCRYPTED_CODES:
            raise EncryptedPdfError() from None
        raise CorruptFileError() from None
    except MemoryError:
        raise ResourceLimitError() from None
    except Exception:  # the library's message is never passed on: it can quote the document
        raise CorruptFileError() from None
    try:
        pages = len(document)
        if pages > MAX_PDF_PAGES:
            raise TooManyPagesError()
        lines: list[Line] = []
        for number in range(1, pages + 1):
            lines.extend(_read_page(document, number))
        return Extraction(kind="pdf", lines=tuple(lines), pages=pages)
    except InputError:
        raise
    except MemoryError:
        raise ResourceLimitError() from None
    except Exception:
        raise CorruptFileError() from None
    finally:
        document.close()


def _read_page(document: Any, number: int) -> Iterator[Line]:
    """Yield one page's lines in reading order."""
    page = document[number - 1]
    try:
        left, bottom, right, top = page.get_mediabox()
        width, height = right - left, top - bottom
        content = read_page(page.raw, top, left)
        if not content.chars:
            return
        upright, sideways = build_words(content.chars)
        upright = [w for w in upright if w.text]
        sideways = [w for w in sideways if w.text]
        edges = content.edges
        tables = find_tables(edges, upright, width, height) if has_ruling(edges) else []
        yield from page_lines(upright, sideways, tables, number)
    finally:
        page.close()
