"""Turn uploaded bytes into an ``Extraction``; this module is what parse children run."""

from __future__ import annotations

from collections.abc import Callable

from hitl_resume.errors import CorruptFileError, ResourceLimitError, TextTooLongError
from hitl_resume.ingest import limits
from hitl_resume.ingest.docx_reader import read_docx
from hitl_resume.ingest.extraction import Extraction, FileKind, Line
from hitl_resume.ingest.file_types import sniff
from hitl_resume.ingest.pdf_reader import read_pdf
from hitl_resume.ingest.pdf_streams import inflates_past
from hitl_resume.ingest.text_cleaning import clean_line, decode_text


def extract_pdf(data: bytes) -> Extraction:
    """Read a PDF (run in the parse child); lines come back cleaned and size-checked.

    A PDF the reader could not read, or read no text from, is a decompression bomb when its
    streams inflate past ``MAX_PDF_INFLATED_BYTES``: ``resource_limit``, not "damaged" (U-16).
    """
    try:
        extraction = read_pdf(data)
    except CorruptFileError:
        if inflates_past(data, limits.MAX_PDF_INFLATED_BYTES):
            raise ResourceLimitError() from None
        raise
    if not extraction.lines and inflates_past(data, limits.MAX_PDF_INFLATED_BYTES):
        raise ResourceLimitError()
    return finish(extraction)


def extract_docx(data: bytes) -> Extraction:
    """Read a DOCX (run in the parse child); lines come back cleaned and size-checked."""
    return finish(read_docx(data))


def extract_txt(data: bytes) -> Extraction:
    """Decode a text file (no child needed); lines come back cleaned and size-checked."""
    return finish(text_to_extraction(decode_text(data)))


#: The reader for each sniffed kind; the caller sniffs once and picks (and isolates) its reader.
EXTRACTORS: dict[FileKind, Callable[[bytes], Extraction]] = {
    "pdf": extract_pdf,
    "docx": extract_docx,
    "txt": extract_txt,
}


def extract_file(data: bytes) -> Extraction:
    """Sniff ``data`` and run the matching reader in this process (benchmarks, workers)."""
    return EXTRACTORS[sniff(data)](data)


def text_to_extraction(text: str) -> Extraction:
    """Split plain text into lines (pasted text and TXT files)."""
    if len(text) > limits.MAX_TEXT_CHARS * 4:
        raise TextTooLongError()
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    lines = tuple(Line(text=line) for line in text.split("\n"))
    return Extraction(kind="txt", lines=lines, pages=1)


def finish(extraction: Extraction) -> Extraction:
    """Clean every line, drop empty ones and enforce the text-size limit (U-23)."""
    lines: list[Line] = []
    total = 0
    for line in extraction.lines:
        cleaned = clean_line(line.text)
        if not cleaned:
            continue
        total += len(cleaned) + 1
        if total > limits.MAX_TEXT_CHARS:
            raise TextTooLongError()
        if cleaned == line.text:
            lines.append(line)
        else:
            lines.append(Line(cleaned, line.heading, line.list_item, line.origin, line.page))
    return Extraction(kind=extraction.kind, lines=tuple(lines), pages=extraction.pages)
