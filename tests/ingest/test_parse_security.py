"""Every single-upload row of docs/security.md (U-01 … U-25) through the public ``parse`` API."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import docx_factory
import pdf_factory
import pytest
import raw_pdf

import hitl_resume
from hitl_resume.errors import (
    CorruptFileError,
    EmptyFileError,
    EncryptedPdfError,
    FileTooComplexError,
    FileTooLargeError,
    InputError,
    LegacyDocError,
    MacroEnabledError,
    NoTextLayerError,
    ParseTimeoutError,
    ResourceLimitError,
    TextTooLongError,
    TooManyPagesError,
    UnreadableTextError,
    UnsupportedTypeError,
)
from hitl_resume.ingest import limits
from hitl_resume.ingest import source as ingest

RESUME_TEXT = (
    "Avery Quinn\navery.quinn@example.com | (555) 010-9999\n\nEXPERIENCE\n"
    "Claims Examiner | Prairie Health Plan | 2019 – Present\n"
    "• Reviewed 40 medical claims daily for accuracy and escalated suspected fraud.\n"
    "• Corrected coding errors and documented the reason for each change.\n"
) * 3


def _truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    ("label", "make"),
    [
        ("pdf", pdf_factory.one_column_resume),
        ("docx", docx_factory.simple_resume_docx),
        ("txt", RESUME_TEXT.encode),
    ],
)
def test_u01_when_file_is_valid_then_it_parses(label: str, make: object) -> None:
    """U-01: ordinary PDF, DOCX and TXT resumes parse into text and structure."""
    resume = hitl_resume.parse(make())  # type: ignore[operator]
    assert resume.source.kind == label
    assert len(resume.text) > 100


def test_u02_when_file_is_empty_then_no_child_is_spawned(monkeypatch: pytest.MonkeyPatch) -> None:
    """U-02: empty uploads are refused before any parser process starts."""

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("a parse child was spawned")

    monkeypatch.setattr(ingest, "run_isolated", forbidden)
    with pytest.raises(EmptyFileError):
        hitl_resume.parse(b"")


def test_u03_when_file_is_over_the_limit_then_file_too_large(tmp_path: Path) -> None:
    """U-03: bytes and paths over 5 MiB are refused without being parsed."""
    big = b"%PDF-1.4\n" + b"0" * limits.MAX_UPLOAD_BYTES
    with pytest.raises(FileTooLargeError):
        hitl_resume.parse(big)
    path = tmp_path / "big.pdf"
    path.write_bytes(big)
    with pytest.raises(FileTooLargeError):
        hitl_resume.parse(path)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (bytes(range(256)) * 8, UnsupportedTypeError),  # U-04
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), LegacyDocError),  # U-05
    ],
)
def test_u04_u05_when_type_is_unknown_or_legacy_then_refused(
    data: bytes, error: type[InputError]
) -> None:
    """U-04/U-05: random bytes and OLE2 .doc files get their own codes."""
    with pytest.raises(error):
        hitl_resume.parse(data)


def test_u06_when_docx_is_macro_enabled_then_refused() -> None:
    """U-06: the content type is read from [Content_Types].xml before python-docx."""
    docm = docx_factory.set_main_content_type(
        docx_factory.simple_resume_docx(),
        "application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    with pytest.raises(MacroEnabledError):
        hitl_resume.parse(docm)


@pytest.mark.parametrize(
    ("make", "wrong_name"),
    [(pdf_factory.one_column_resume, "cv.docx"), (docx_factory.simple_resume_docx, "cv.pdf")],
)
def test_u07_when_extension_lies_then_content_decides(
    tmp_path: Path, make: object, wrong_name: str
) -> None:
    """U-07: a PDF named .docx and a DOCX named .pdf are routed by magic bytes."""
    path = tmp_path / wrong_name
    path.write_bytes(make())  # type: ignore[operator]
    resume = hitl_resume.parse(path)
    assert resume.source.kind != wrong_name.rsplit(".", 1)[1]
    assert resume.source.name == wrong_name


@pytest.mark.parametrize(
    "data",
    [
        _truncated(pdf_factory.one_column_resume()),  # U-08
        b"%PDF-1.4\n" + bytes(range(256)) * 20,  # U-08 garbage body
        _truncated(docx_factory.simple_resume_docx()),  # U-09
        b"PK\x03\x04" + bytes(500),  # U-09 not a zip
    ],
)
def test_u08_u09_when_file_is_damaged_then_corrupt_file(data: bytes) -> None:
    """U-08/U-09: truncated or corrupt PDFs and DOCX are `corrupt_file`, never a crash."""
    with pytest.raises((CorruptFileError, NoTextLayerError)):
        hitl_resume.parse(data)


def test_u10_when_pdf_needs_a_password_then_encrypted_pdf() -> None:
    """U-10: a user password is reported, not guessed."""
    with pytest.raises(EncryptedPdfError):
        hitl_resume.parse(pdf_factory.encrypted_pdf("secret", "owner"))


def test_u11_when_pdf_has_only_an_owner_password_then_it_parses() -> None:
    """U-11: readable files are not refused for carrying permissions."""
    resume = hitl_resume.parse(pdf_factory.encrypted_pdf(None, "owner"))
    assert resume.text


def test_u12_when_pdf_is_image_only_then_no_text_layer() -> None:
    """U-12: scans are reported, not analysed as empty resumes."""
    with pytest.raises(NoTextLayerError):
        hitl_resume.parse(pdf_factory.image_only_pdf())


def test_u13_when_pdf_font_has_no_unicode_map_then_unreadable_text() -> None:
    """U-13: (cid:N) text is detected."""
    with pytest.raises(UnreadableTextError):
        hitl_resume.parse(raw_pdf.cid_font_pdf())


def test_u14_when_pdf_has_too_many_pages_then_refused() -> None:
    """U-14: page amplification stops at the page count, checked inside the child."""
    with pytest.raises(TooManyPagesError):
        hitl_resume.parse(pdf_factory.many_pages_pdf(limits.MAX_PDF_PAGES + 1))


def test_u15_when_pdf_has_thousands_of_shared_pages_then_bounded_time() -> None:
    """U-15: the 3,000-page shared-stream PDF ends within the parse timeout plus a second."""
    started = time.monotonic()
    with pytest.raises((TooManyPagesError, ParseTimeoutError)):
        hitl_resume.parse(raw_pdf.shared_stream_pages_pdf(3000))
    assert time.monotonic() - started <= limits.PARSE_TIMEOUT_SECONDS + 1


@pytest.mark.slow
def test_u16_when_pdf_stream_inflates_past_the_memory_cap_then_resource_limit() -> None:
    """U-16: a 2 GB Flate bomb hits the child's 1 GiB cap and is reported, not fatal."""
    with pytest.raises((ResourceLimitError, NoTextLayerError, CorruptFileError)):
        hitl_resume.parse(raw_pdf.flate_bomb_pdf(2 * 1024**3))


@pytest.mark.parametrize("make", [raw_pdf.recursive_pages_pdf, raw_pdf.circular_xobject_pdf])
def test_u17_when_pdf_structure_is_circular_then_fast_and_handled(make: object) -> None:
    """U-17: recursive page trees and self-drawing XObjects end quickly with an InputError."""
    started = time.monotonic()
    with pytest.raises(InputError):
        hitl_resume.parse(make())  # type: ignore[operator]
    assert time.monotonic() - started < 3


def test_u18_when_docx_part_is_a_zip_bomb_then_refused_by_precheck() -> None:
    """U-18: a highly compressed document.xml is refused from the central directory."""
    bomb = docx_factory.replace_parts(
        docx_factory.simple_resume_docx(), {"word/document.xml": b" " * (30 * 1024 * 1024)}
    )
    started = time.monotonic()
    with pytest.raises(FileTooComplexError):
        hitl_resume.parse(bomb)
    assert time.monotonic() - started < 2


def test_u19_when_docx_has_a_huge_unreferenced_member_then_refused() -> None:
    """U-19: the precheck counts members python-docx would never read."""
    data = docx_factory.patch_declared_size(
        docx_factory.replace_parts(docx_factory.simple_resume_docx(), {"junk.bin": b"x" * 100}),
        "junk.bin",
        3 * 1024**3,
    )
    with pytest.raises(FileTooComplexError):
        hitl_resume.parse(data)


@pytest.mark.parametrize(
    "prolog",
    [
        '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>',  # U-20
        '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/hostname">]>',  # U-21
        '<!DOCTYPE x [<!ENTITY e SYSTEM "http://127.0.0.1:9/x">]>',  # U-21
    ],
)
def test_u20_u21_when_docx_declares_a_doctype_then_refused_without_resolving(prolog: str) -> None:
    """U-20/U-21: entity tricks are refused before any XML is parsed; no host file leaks."""
    xml = docx_factory.document_xml_with("<w:p><w:r><w:t>&e;</w:t></w:r></w:p>", prolog)
    data = docx_factory.replace_parts(docx_factory.simple_resume_docx(), {"word/document.xml": xml})
    with pytest.raises(CorruptFileError) as caught:
        hitl_resume.parse(data)
    assert Path("/etc/hostname").read_text().strip() not in caught.value.message


def test_u22_when_docx_nests_too_deep_then_corrupt_file() -> None:
    """U-22: deeply nested XML is refused (huge_tree is never enabled)."""
    body = "<w:sdt><w:sdtContent>" * 300 + "<w:p/>" + "</w:sdtContent></w:sdt>" * 300
    data = docx_factory.replace_parts(
        docx_factory.simple_resume_docx(),
        {"word/document.xml": docx_factory.document_xml_with(body)},
    )
    with pytest.raises(CorruptFileError):
        hitl_resume.parse(data)


@pytest.mark.parametrize(
    "source",
    [
        "word " * 25_000,
        ("word " * 25_000).encode(),
        docx_factory.body_paragraphs_docx(*(["experience " * 100] * 120)),
    ],
)
def test_u23_when_text_exceeds_100k_chars_then_text_too_long(source: str | bytes) -> None:
    """U-23: spaCy never sees more than 100,000 characters."""
    with pytest.raises(TextTooLongError):
        hitl_resume.parse(source)


@pytest.mark.parametrize(
    "data",
    [
        RESUME_TEXT.encode("utf-16"),
        RESUME_TEXT.replace("–", "-").replace("•", "·").encode("latin-1"),
        RESUME_TEXT.encode().replace(b"\n", b"\x00\n", 3),
        RESUME_TEXT.encode().replace(b"Claims", b"Cl\x07ai\x1bms"),
    ],
)
def test_u24_when_txt_is_in_another_encoding_or_has_controls_then_it_is_cleaned(
    data: bytes,
) -> None:
    """U-24: UTF-16, Latin-1, NULs and control characters decode and are stripped."""
    resume = hitl_resume.parse(data)
    assert "Prairie Health Plan" in resume.text
    assert not any(ord(ch) < 32 and ch != "\n" for ch in resume.text)


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("../../x.pdf", "x.pdf"),
        ("<script>.pdf", "<script>.pdf"),
        ("C:\\Users\\me\\cv.pdf", "cv.pdf"),
        ("CON.pdf", "CON.pdf"),
        ("evil\u202egpj.pdf", "evilgpj.pdf"),
        ("резюме.pdf", "резюме.pdf"),
    ],
)
def test_u25_when_filename_is_hostile_then_only_a_clean_display_name_is_kept(
    name: str, shown: str
) -> None:
    """U-25: names are never paths; they are cleaned for display (renderers escape them)."""
    resume = hitl_resume.parse(RESUME_TEXT.encode(), filename=name)
    assert resume.source.name == shown


def test_u25_when_filename_is_very_long_then_it_is_truncated() -> None:
    """U-25: 300-character names are shortened for display."""
    resume = hitl_resume.parse(RESUME_TEXT.encode(), filename="a" * 300 + ".pdf")
    assert resume.source.name is not None
    assert len(resume.source.name) <= 80


def test_i5_when_parsing_then_no_personal_data_reaches_the_logs(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """I-5: at DEBUG, logs carry outcome codes only, never names, e-mails or file names."""
    caplog.set_level(logging.DEBUG)
    hitl_resume.parse(pdf_factory.one_column_resume(), filename="Avery_Quinn_resume.pdf")
    hitl_resume.parse(RESUME_TEXT.encode(), filename="Avery_Quinn_resume.txt")
    with pytest.raises(EncryptedPdfError):
        hitl_resume.parse(pdf_factory.encrypted_pdf("pw", "o"), filename="Avery_Quinn.pdf")
    # Only the package's own records: the test's PDF generator (fpdf) logs the clock
    # ("D:20261207155532Z"), which holds "555" at some minutes of the day.
    logged = "\n".join(
        f"{record.name} {record.getMessage()}"
        for record in caplog.records
        if record.name.startswith("hitl_resume")
    )
    assert "outcome=" in logged
    for secret in ("Avery", "Quinn", "avery.quinn@example.com", "555", "Jordan Example"):
        assert secret not in logged
