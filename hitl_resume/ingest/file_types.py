"""Decide what an upload is from its first bytes, never its name (docs/security.md U-04..U-07)."""

from __future__ import annotations

from typing import Literal

from hitl_resume.errors import EmptyFileError, LegacyDocError, UnsupportedTypeError

Sniffed = Literal["pdf", "docx", "txt"]

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_KNOWN_BINARY_MAGICS = (
    b"\x89PNG",
    b"\xff\xd8\xff",  # JPEG
    b"GIF8",
    b"Rar!",
    b"7z\xbc\xaf",
    b"\x1f\x8b",  # gzip
    b"BZh",
    b"\x7fELF",
    b"MZ",
    b"{\\rtf",
)


def sniff(data: bytes) -> Sniffed:
    """Return the kind of ``data`` or raise the matching ``InputError``.

    PDF and ZIP magic may sit after a few bytes of junk in real files, so the first kilobyte is
    searched for ``%PDF-``. ZIP files are assumed to be DOCX here; the DOCX precheck refuses other
    OOXML or plain zips.
    """
    if not data:
        raise EmptyFileError()
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(_ZIP_MAGICS):
        return "docx"
    if data.startswith(_OLE2_MAGIC):
        raise LegacyDocError()
    if data.startswith(_KNOWN_BINARY_MAGICS):
        raise UnsupportedTypeError()
    if data.startswith(_BOMS) or _looks_like_text(head):
        return "txt"
    raise UnsupportedTypeError()


def _looks_like_text(head: bytes) -> bool:
    """Plain text has almost no bytes below 0x20 other than whitespace (NULs allowed for UTF-16)."""
    if not head:
        return False
    if head.count(b"\x00") > len(head) // 4 and _is_utf16_without_bom(head):
        return True
    allowed = {9, 10, 12, 13}
    controls = sum(1 for b in head if b < 32 and b not in allowed)
    return controls <= max(1, len(head) // 100)


def _is_utf16_without_bom(head: bytes) -> bool:
    """Detect BOM-less UTF-16: NULs fall on every other byte."""
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    half = len(head) // 2
    return half > 0 and (even > half * 0.8 or odd > half * 0.8)
