"""Read a PDF into lines in reading order, so two-column resumes don't come out interleaved.

pdfplumber gives word boxes; ``pdf_layout`` finds columns and lines. Every library failure is
mapped to an ``InputError`` here, without the library's message (it may quote the file).
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
from hitl_resume.ingest.pdf_layout import (
    TableBlock,
    TextLine,
    Word,
    body_size,
    group_rows,
    join_words,
    order_page,
)

BOLD_MARKERS = ("bold", "black", "heavy")  # "semibold" contains "bold"
HEADING_SIZE_RATIO = 1.15  # a heading's font is at least this much larger than the body ...
HEADING_SIZE_DELTA = 1.0  # ... and at least this many points larger
MAX_BOLD_HEADING_WORDS = 6
MAX_CAPS_HEADING_WORDS = 5
CAPS_RATIO = 0.8
MAX_TABLE_CELL_ROWS = 6  # a "cell" with more text rows is a ruled box around a section
MAX_TABLE_PAGE_SHARE = 0.6  # a "table" covering more of the page is the page's frame

_WORD_OPTIONS: dict[str, Any] = {
    "extra_attrs": ["size", "fontname"],
    "keep_blank_chars": False,
    "use_text_flow": False,
}


def read_pdf(data: bytes) -> Extraction:
    """Return the PDF's lines in reading order with heading hints.

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
    body = body_size(upright or sideways)
    tables = _tables(page, upright) if _has_ruling(page) else []
    claimed = {id(w) for t in tables for row in t.rows for w in row}
    flow = [w for w in upright if id(w) not in claimed]
    for text_line in order_page(flow, tables):
        line = _line(text_line, body, number)
        if line is not None:
            yield line
    for word in sideways:  # rotated text: kept, but outside the column flow
        line = _line(TextLine((word,)), body, number)
        if line is not None:
            yield line


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


def _tables(page: Any, words: list[Word]) -> list[TableBlock]:
    """Find ruled tables with at least two rows and columns; give each row its cells' words."""
    blocks: list[TableBlock] = []
    page_area = float(page.width) * float(page.height)
    for table in page.find_tables():
        x0, top, x1, bottom = (float(v) for v in table.bbox)
        if (x1 - x0) * (bottom - top) > MAX_TABLE_PAGE_SHARE * page_area:
            continue
        rows: list[tuple[Word, ...]] = []
        columns = 0
        plausible = True
        for row in table.rows:
            cells = sorted((c for c in row.cells if c is not None), key=lambda c: c[0])
            columns = max(columns, len(cells))
            row_words: list[Word] = []
            for cell in cells:
                inside = [w for w in words if _inside(w, cell)]
                text_rows = group_rows(inside)
                if len(text_rows) > MAX_TABLE_CELL_ROWS:
                    plausible = False
                for text_row in text_rows:
                    row_words.extend(
                        sorted((w for w in text_row if isinstance(w, Word)), key=lambda w: w.x0)
                    )
            rows.append(tuple(row_words))
        if plausible and columns >= 2 and len(table.rows) >= 2:
            blocks.append(TableBlock(x0, x1, top, bottom, tuple(rows)))
    return blocks


def _inside(word: Word, bbox: tuple[float, float, float, float]) -> bool:
    """Tell whether the word's centre lies in the box."""
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]


def _line(text_line: TextLine, body: float, page: int) -> Line | None:
    """Build a ``Line`` with its heading hint; ``None`` when it has no text."""
    text = " ".join(join_words(text_line.words).split())
    if not text:
        return None
    return Line(
        text=text,
        heading=_is_heading(text_line.words, text, body),
        origin="table" if text_line.table else "body",
        page=page,
    )


def _is_heading(words: tuple[Word, ...], text: str, body: float) -> bool:
    """Guess a heading: clearly larger font, short all-bold line, or short ALL CAPS line."""
    chars = sum(len(w.text) for w in words)
    size = sum(w.size * len(w.text) for w in words) / chars if chars else 0.0
    if size >= body * HEADING_SIZE_RATIO and size - body >= HEADING_SIZE_DELTA:
        return True
    tokens = text.split()
    wordy = [w for w in words if any(c.isalnum() for c in w.text)]
    if wordy and len(tokens) <= MAX_BOLD_HEADING_WORDS and all(w.bold for w in wordy):
        return True
    letters = [c for c in text if c.isalpha()]
    return (
        len(tokens) <= MAX_CAPS_HEADING_WORDS
        and len(letters) >= 2
        and sum(c.isupper() for c in letters) >= CAPS_RATIO * len(letters)
    )
