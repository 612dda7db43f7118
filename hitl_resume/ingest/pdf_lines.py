"""Turn a page's words (and ruled tables) into ``Line``s in reading order with heading hints.

Shared by the pdfium reader and the pdfplumber reference reader, so both give the structure
step lines built by the same rules.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from hitl_resume.ingest.extraction import Line
from hitl_resume.ingest.pdf_layout import (
    TableBlock,
    TextLine,
    Word,
    body_size,
    join_words,
    order_page,
)

HEADING_SIZE_RATIO = 1.15  # a heading's font is at least this much larger than the body ...
HEADING_SIZE_DELTA = 1.0  # ... and at least this many points larger
MAX_BOLD_HEADING_WORDS = 6
MAX_CAPS_HEADING_WORDS = 5
CAPS_RATIO = 0.8


def page_lines(
    upright: Sequence[Word],
    sideways: Sequence[Word],
    tables: Sequence[TableBlock],
    number: int,
) -> Iterator[Line]:
    """Yield one page's lines: the column flow and tables, then rotated words on their own."""
    body = body_size(upright or sideways)
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


def _line(text_line: TextLine, body: float, page: int) -> Line | None:
    """Build a ``Line`` with its heading hint; ``None`` when it has no text."""
    text = " ".join(join_words(text_line.words).split())
    if not text:
        return None
    return Line(
        text=text,
        heading=is_heading(text_line.words, text, body),
        origin="table" if text_line.table else "body",
        page=page,
    )


def is_heading(words: tuple[Word, ...], text: str, body: float) -> bool:
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
