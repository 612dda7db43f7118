"""From a user's source (path, bytes or pasted text) to a checked ``Extraction``.

File bytes are parsed in an isolated child (``isolation``); pasted text and TXT need no parser
and are decoded in-process. Every path ends in the same size and text-quality checks.
"""

from __future__ import annotations

import logging
import stat
import time
from pathlib import Path

from hitl_resume.errors import (
    CorruptFileError,
    EmptyFileError,
    EmptyTextError,
    FileTooLargeError,
    InputError,
    ResourceLimitError,
    UnsupportedTypeError,
)
from hitl_resume.ingest import limits
from hitl_resume.ingest.extraction import Extraction
from hitl_resume.ingest.file_types import sniff
from hitl_resume.ingest.isolation import run_isolated
from hitl_resume.ingest.pdf_streams import inflates_past
from hitl_resume.ingest.readers import EXTRACTORS, finish, text_to_extraction
from hitl_resume.ingest.text_cleaning import decode_text
from hitl_resume.ingest.text_quality import check_text_quality

log = logging.getLogger(__name__)

Source = Path | bytes | str


def read_source_bytes(path: Path) -> bytes:
    """Read a regular file, refusing FIFOs/devices and anything over the upload limit."""
    try:
        info = path.stat()
    except OSError:
        raise CorruptFileError("We couldn't open this file.") from None
    if not stat.S_ISREG(info.st_mode):
        raise UnsupportedTypeError()
    if info.st_size > limits.MAX_UPLOAD_BYTES:
        raise FileTooLargeError()
    try:
        with path.open("rb") as handle:
            data = handle.read(limits.MAX_UPLOAD_BYTES + 1)
    except OSError:
        raise CorruptFileError("We couldn't open this file.") from None
    if len(data) > limits.MAX_UPLOAD_BYTES:
        raise FileTooLargeError()
    return data


def read_posting_file(path: Path) -> str:
    """Read a job posting file (text or saved HTML), decoded like a TXT resume."""
    return decode_text(read_source_bytes(path))


def extract(source: Source, *, isolated: bool = True) -> Extraction:
    """Return the checked extraction of ``source``; raise ``InputError`` for bad input.

    ``isolated=False`` parses in this process (for callers that already run inside a limited
    worker, such as batch workers).
    """
    started = time.monotonic()
    outcome = "ok"
    try:
        if isinstance(source, str):
            extraction = extract_text(source)
        else:
            data = read_source_bytes(source) if isinstance(source, Path) else source
            extraction = extract_bytes(data, isolated=isolated)
        text = "\n".join(line.text for line in extraction.lines)
        check_text_quality(text, kind=extraction.kind, pages=extraction.pages)
        return extraction
    except InputError as exc:
        outcome = exc.code
        raise
    finally:
        log.info("extract outcome=%s seconds=%.3f", outcome, time.monotonic() - started)


def extract_text(text: str) -> Extraction:
    """Pasted text: cleaned and size-checked, no child process needed."""
    if not text.strip():
        raise EmptyTextError()
    return finish(text_to_extraction(text))


def extract_bytes(data: bytes, *, isolated: bool = True) -> Extraction:
    """Uploaded bytes: sniffed here (no child for empty, oversize or unknown files)."""
    if not data:
        raise EmptyFileError()
    if len(data) > limits.MAX_UPLOAD_BYTES:
        raise FileTooLargeError()
    kind = sniff(data)
    extractor = EXTRACTORS[kind]
    if not isolated or kind == "txt":
        return extractor(data)
    try:
        return run_isolated(extractor, data)
    except CorruptFileError:
        raise damage_error(data) from None


def damage_error(data: bytes) -> InputError:
    """The error for file bytes whose parse child crashed or called them damaged.

    A PDF library may crash outright on the memory cap, so a PDF whose streams inflate past
    ``MAX_PDF_INFLATED_BYTES`` is a decompression bomb (``resource_limit``, U-16); anything
    else stays ``corrupt_file``.
    """
    if sniff(data) == "pdf" and inflates_past(data, limits.MAX_PDF_INFLATED_BYTES):
        return ResourceLimitError()
    return CorruptFileError()
