"""Type sniffing by magic bytes (docs/security.md U-02, U-04, U-05, U-07)."""

from __future__ import annotations

import pytest

from hitl_resume.errors import EmptyFileError, InputError, LegacyDocError, UnsupportedTypeError
from hitl_resume.ingest.file_types import sniff


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n...", "pdf"),
        (b"\x00\x00junk before %PDF-1.4 header", "pdf"),
        (b"PK\x03\x04rest-of-zip", "docx"),
        (b"Plain resume text\nwith lines\n", "txt"),
        ("Caf\u00e9 r\u00e9sum\u00e9".encode("latin-1"), "txt"),
        ("r\u00e9sum\u00e9".encode("utf-16"), "txt"),
        ("Name Surname\nExperience".encode("utf-16-le"), "txt"),
        (b"\xef\xbb\xbfBOM text", "txt"),
    ],
)
def test_when_magic_is_known_then_kind_is_returned(data: bytes, expected: str) -> None:
    """Type comes from content, whatever the file is called."""
    assert sniff(data) == expected


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyFileError),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, LegacyDocError),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, UnsupportedTypeError),
        (bytes(range(256)) * 4, UnsupportedTypeError),
        (b"Rar!\x1a\x07\x00", UnsupportedTypeError),
    ],
)
def test_when_content_is_not_a_resume_format_then_input_error(
    data: bytes, error: type[InputError]
) -> None:
    """Unknown, legacy and binary files get their own codes before any parser runs."""
    with pytest.raises(error):
        sniff(data)
