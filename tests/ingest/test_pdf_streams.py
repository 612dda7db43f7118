"""U-16: a PDF whose streams inflate past the limit is a bomb (``resource_limit``), not damaged."""

from __future__ import annotations

import raw_pdf

from hitl_resume.errors import CorruptFileError, ResourceLimitError
from hitl_resume.ingest.pdf_streams import inflates_past
from hitl_resume.ingest.source import damage_error


def test_when_streams_inflate_past_the_limit_then_it_is_a_bomb() -> None:
    """Counting stops at the limit: a 64 MB inflation is caught against a 16 MB limit."""
    bomb = raw_pdf.flate_bomb_pdf(64 * 1024 * 1024)
    assert inflates_past(bomb, 16 * 1024 * 1024)
    assert not inflates_past(bomb, 128 * 1024 * 1024)


def test_when_a_pdf_is_small_or_damaged_then_it_is_not_a_bomb() -> None:
    """Ordinary and broken streams never count as bombs."""
    normal = raw_pdf.flate_bomb_pdf(1024)  # one 16 MB chunk of spaces
    assert not inflates_past(normal, 32 * 1024 * 1024)
    broken = normal.replace(b"stream\n", b"stream\n\x78\x9c\xff\xff", 1)
    assert not inflates_past(broken, 1)


def test_when_a_crashed_parse_is_classified_then_only_bombs_are_resource_limit() -> None:
    """The parent decides after a crash: bomb → ``resource_limit``, else ``corrupt_file``."""
    assert isinstance(damage_error(b"%PDF-1.4\n%%EOF"), CorruptFileError)
    assert isinstance(damage_error(b"PK\x03\x04junk"), CorruptFileError)
    assert isinstance(damage_error(raw_pdf.flate_bomb_pdf(300 * 1024 * 1024)), ResourceLimitError)
