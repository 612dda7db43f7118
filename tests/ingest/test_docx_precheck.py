"""Hostile-DOCX rows of docs/security.md (U-06, U-09, U-18 to U-22) against the zip precheck."""

from __future__ import annotations

import functools
import io
import socket
import struct
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.oxml.parser import oxml_parser
from docx_factory import (
    document_xml_with,
    header_footer_docx,
    list_resume_docx,
    patch_declared_size,
    replace_parts,
    set_main_content_type,
    simple_resume_docx,
    table_layout_resume_docx,
    textbox_resume_docx,
)
from lxml import etree

from hitl_resume.errors import (
    CorruptFileError,
    FileTooComplexError,
    InputError,
    MacroEnabledError,
    UnsupportedTypeError,
)
from hitl_resume.ingest import limits
from hitl_resume.ingest.docx_precheck import precheck_docx
from hitl_resume.ingest.docx_reader import read_docx

DOCUMENT = "word/document.xml"
MB = 1024 * 1024


@functools.cache
def base_docx() -> bytes:
    """Build the plain resume once; every hostile fixture starts from it."""
    return simple_resume_docx()


def with_document(body_xml: str, prolog: str = "") -> bytes:
    """Return the base resume with its document.xml replaced."""
    return replace_parts(base_docx(), {DOCUMENT: document_xml_with(body_xml, prolog)})


def fastest(check: Callable[[], object], runs: int = 3) -> float:
    """Return the best wall time of ``check`` (which must raise an InputError) over a few runs."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        with pytest.raises(InputError):
            check()
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize(
    "build",
    [
        simple_resume_docx,
        table_layout_resume_docx,
        textbox_resume_docx,
        header_footer_docx,
        list_resume_docx,
    ],
)
def test_when_plain_docx_then_precheck_passes(build: Callable[[], bytes]) -> None:
    """The precheck must not refuse ordinary Word documents."""
    precheck_docx(build())


# --- U-06 macro-enabled documents and U-04 other OPC types ---------------------------------


@pytest.mark.parametrize(
    "content_type",
    [
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    ],
)
def test_when_macro_content_type_then_macro_enabled(content_type: str) -> None:
    """U-06: a .docm/.dotm is recognised from [Content_Types].xml before python-docx runs."""
    with pytest.raises(MacroEnabledError):
        precheck_docx(set_main_content_type(base_docx(), content_type))


def test_when_vba_project_member_then_macro_enabled() -> None:
    """U-06: a VBA project inside an otherwise plain docx is refused as well."""
    data = replace_parts(base_docx(), {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 fake vba"})
    with pytest.raises(MacroEnabledError):
        precheck_docx(data)


def _opc_zip(main_part: str, content_type: str) -> bytes:
    types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{main_part}" ContentType="{content_type}"/></Types>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("[Content_Types].xml", types)
        zf.writestr(main_part, "<root/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        _opc_zip(
            "xl/workbook.xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        ),
        _opc_zip(
            "ppt/presentation.xml",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
        ),
        set_main_content_type(
            simple_resume_docx(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        ),
    ],
    ids=["xlsx", "pptx", "dotx"],
)
def test_when_opc_zip_is_not_a_word_document_then_unsupported_type(data: bytes) -> None:
    """An XLSX/PPTX/DOTX renamed to .docx gets a clear type error, not a crash."""
    with pytest.raises(UnsupportedTypeError):
        precheck_docx(data)


# --- U-09 truncated and corrupt zips --------------------------------------------------------


def _stored_with_flipped_byte() -> bytes:
    """Return the resume with document.xml stored (not deflated) and one text byte changed."""
    data = replace_parts(base_docx(), {}, compression=zipfile.ZIP_STORED)
    position = data.index(b"Jordan Example")
    return data[:position] + b"K" + data[position + 1 :]


def _deflate_damaged() -> bytes:
    """Return the resume with an invalid block header in document.xml's deflate stream."""
    data = bytearray(replace_parts(base_docx(), {DOCUMENT: document_xml_with("<w:p/>" * 400)}))
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(DOCUMENT)
    name_len, extra_len = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + 30 + name_len + extra_len
    data[start : start + 4] = b"\xff\xff\xff\xff"  # deflate block type 3 does not exist
    return bytes(data)


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04 not really a zip",
        b"\x00" * 64,
        simple_resume_docx()[: len(simple_resume_docx()) // 2],
        simple_resume_docx()[:-30],
        _stored_with_flipped_byte(),
        _deflate_damaged(),
        replace_parts(simple_resume_docx(), {}, drop=("[Content_Types].xml",)),
    ],
    ids=[
        "bad-zip",
        "zeros",
        "truncated-half",
        "truncated-end",
        "bad-crc",
        "bad-deflate",
        "non-opc",
    ],
)
def test_when_zip_is_damaged_then_corrupt_file(data: bytes) -> None:
    """U-09: BadZipFile, zlib.error, CRC and missing-part failures all become corrupt_file."""
    with pytest.raises(CorruptFileError):
        precheck_docx(data)


def test_when_header_lies_about_size_then_refused() -> None:
    """B-05/U-18: a member that inflates past its declared size is never accepted."""
    data = patch_declared_size(base_docx(), DOCUMENT, file_size=100)
    with pytest.raises(InputError):
        precheck_docx(data)


# --- U-18 and U-19 zip bombs -----------------------------------------------------------------


def _bomb(member: str, size: int) -> bytes:
    """Return the resume plus ``member`` of ``size`` highly compressible bytes."""
    xml = member.endswith(".xml")
    payload = document_xml_with("<w:p/>" + " " * size) if xml else b"\x00" * size
    return replace_parts(base_docx(), {member: payload})


def _many_members(count: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        for index in range(count):
            zf.writestr(f"customXml/item{index}.bin", b"")
    return buffer.getvalue()


def _declares_image_of(size: int) -> bytes:
    """Return the resume plus a tiny image whose central-directory entry claims ``size``."""
    data = replace_parts(base_docx(), {"word/media/image1.png": b"\x89PNG" + bytes(64)})
    return patch_declared_size(data, "word/media/image1.png", size)


def _declares_total(total: int) -> bytes:
    """Return a zip whose members each stay under the size and ratio limits but sum over."""
    names = [f"word/media/image{index}.png" for index in range(3)]
    data = replace_parts(base_docx(), {name: b"\x89PNG" + bytes(64) for name in names})
    for name in names:
        data = patch_declared_size(data, name, total // 3, compress_size=total // 3 // 50)
    return data


@pytest.mark.parametrize(
    ("build", "why"),
    [
        (lambda: _bomb(DOCUMENT, 5 * MB), "document.xml ratio over 100"),
        (lambda: _bomb(DOCUMENT, 30 * MB), "document.xml over 20 MB once inflated"),
        (lambda: _bomb("customXml/unreferenced.bin", 30 * MB), "U-19 unreferenced member"),
        (lambda: _declares_image_of(2**31), "declares a 2 GB image"),
        (
            lambda: _declares_total(limits.DOCX_MAX_TOTAL_BYTES + 3 * MB),
            "declared total over 50 MB",
        ),
        (lambda: _many_members(limits.DOCX_MAX_MEMBERS + 1), "one member too many"),
        (lambda: _many_members(20_000), "20,000 members"),
    ],
    ids=["ratio", "member-size", "unreferenced", "2gb", "total", "members", "many-members"],
)
def test_when_zip_bomb_then_file_too_complex_fast(build: Callable[[], bytes], why: str) -> None:
    """U-18/U-19: the central-directory check refuses bombs in < 50 ms, before inflating."""
    data = build()
    with pytest.raises(FileTooComplexError):
        precheck_docx(data)
    assert fastest(lambda: precheck_docx(data)) < 0.05, why


def test_when_bomb_then_read_docx_never_reaches_python_docx(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """U-18: read_docx runs the precheck first, so python-docx never inflates a bomb."""

    def fail(*_args: object) -> None:
        raise AssertionError("python-docx was called")

    bomb = _bomb(DOCUMENT, 5 * MB)
    monkeypatch.setattr(docx, "Document", fail)
    with pytest.raises(FileTooComplexError):
        read_docx(bomb)


# --- U-20 and U-21 DTDs: billion laughs, quadratic blow-up, XXE ------------------------------

BILLION_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'
        for n in range(1, 10)
    )
    + "]>"
)
QUADRATIC = f'<!DOCTYPE q [<!ENTITY a "{"a" * 50_000}">]>'
BODY_USING = "<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>"


@pytest.mark.parametrize(
    "data",
    [
        with_document(BODY_USING, BILLION_LAUGHS),
        with_document("<w:p><w:r><w:t>" + "&a;" * 2_000 + "</w:t></w:r></w:p>", QUADRATIC),
        with_document("<w:p/>", "<!DOCTYPE w:document>"),
        with_document("<w:p/>", "<!doctype w:document>"),
        with_document("<w:p/>", "<!--" + "x" * 10_000 + "-->\n<!DOCTYPE w:document>"),
        replace_parts(
            simple_resume_docx(),
            {"word/_rels/document.xml.rels": b'<!DOCTYPE r [<!ENTITY e "e">]><Relationships/>'},
        ),
        replace_parts(
            simple_resume_docx(),
            {"word/styles.xml": b'<?xml version="1.0"?><!DOCTYPE s><w:styles/>'},
        ),
    ],
    ids=["billion-laughs", "quadratic", "doctype", "lowercase", "after-comment", "rels", "styles"],
)
def test_when_xml_part_has_a_dtd_then_corrupt_file_fast(data: bytes) -> None:
    """U-20: any DOCTYPE in any XML part is refused before a parser sees it, in < 0.2 s."""
    with pytest.raises(CorruptFileError):
        precheck_docx(data)
    assert fastest(lambda: read_docx(data)) < 0.2


def test_when_content_types_has_a_dtd_then_corrupt_file() -> None:
    """U-20: [Content_Types].xml is read by the precheck itself, so it is screened first."""
    types = zipfile.ZipFile(io.BytesIO(base_docx())).read("[Content_Types].xml")
    data = replace_parts(base_docx(), {"[Content_Types].xml": b"<!DOCTYPE t>" + types})
    with pytest.raises(CorruptFileError):
        precheck_docx(data)


@pytest.mark.parametrize(
    "document_xml",
    [
        document_xml_with("<w:p/>", "<!DOCTYPE w:document>").decode().encode("utf-16"),
        document_xml_with("<w:p/>", "<!DOCTYPE w:document>").decode().encode("utf-16-le"),
        b'<?xml version="1.0" encoding="UTF-7"?>+ADw-!DOCTYPE x+AD4-<w:document/>',
        b"no markup at all",
    ],
    ids=["utf-16-bom", "utf-16-le-no-bom", "utf-7", "not-xml"],
)
def test_when_dtd_hides_in_another_encoding_then_corrupt_file(document_xml: bytes) -> None:
    """U-20: a DTD cannot dodge the search by re-encoding the part (UTF-16, UTF-7)."""
    with pytest.raises(CorruptFileError):
        precheck_docx(replace_parts(base_docx(), {DOCUMENT: document_xml}))


def test_when_xxe_file_entity_then_rejected_and_secret_never_appears(tmp_path: Path) -> None:
    """U-21: an external file entity is refused; the file's contents reach no output."""
    secret = tmp_path / "hostname"
    secret.write_text("secret-host-4711")
    prolog = f'<!DOCTYPE x [<!ENTITY e SYSTEM "{secret.as_uri()}">]>'
    data = with_document("<w:p><w:r><w:t>&e;</w:t></w:r></w:p>", prolog)
    with pytest.raises(CorruptFileError) as caught:
        read_docx(data)
    assert "secret-host-4711" not in repr(caught.value.to_dict())
    assert caught.value.__cause__ is None


def test_when_precheck_is_bypassed_then_python_docx_still_drops_entities(tmp_path: Path) -> None:
    """U-21 defence in depth: python-docx's own parser does not resolve external entities."""
    secret = tmp_path / "hostname"
    secret.write_text("secret-host-4711")
    prolog = f'<!DOCTYPE x [<!ENTITY e SYSTEM "{secret.as_uri()}">]>'
    data = with_document("<w:p><w:r><w:t>before &e; after</w:t></w:r></w:p>", prolog)
    try:
        text = "".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    except Exception:  # refusing the file outright is also safe
        text = ""
    assert "secret-host-4711" not in text


def test_when_xxe_http_entity_then_no_connection_is_made() -> None:
    """U-21: an http:// entity never makes the parser connect (checked on a local listener)."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        listener.setblocking(False)
        port = listener.getsockname()[1]
        prolog = f'<!DOCTYPE x [<!ENTITY e SYSTEM "http://127.0.0.1:{port}/x">]>'
        data = with_document("<w:p><w:r><w:t>&e;</w:t></w:r></w:p>", prolog)
        with pytest.raises(CorruptFileError):
            read_docx(data)
        with pytest.raises(BlockingIOError):
            listener.accept()


# --- U-22 nesting depth ---------------------------------------------------------------------


def test_when_nesting_exceeds_256_then_corrupt_file() -> None:
    """U-22: XML nested 300 deep is refused by lxml (no huge_tree) and maps to corrupt_file."""
    deep = "<w:sdt><w:sdtContent>" * 150 + "<w:p/>" + "</w:sdtContent></w:sdt>" * 150
    with pytest.raises(CorruptFileError):
        read_docx(with_document(deep))


def test_python_docx_parser_still_stops_at_depth_256() -> None:
    """U-22 relies on libxml2's default depth limit; fail loudly if an upgrade lifts it."""

    def nested(depth: int) -> bytes:
        return ("<a>" * depth + "</a>" * depth).encode()

    etree.fromstring(nested(256), oxml_parser)
    with pytest.raises(etree.XMLSyntaxError):
        etree.fromstring(nested(257), oxml_parser)


@pytest.mark.parametrize(
    "data",
    [b"", b"PK", b"PK\x05\x06" + bytes(18), bytes(range(256)) * 4],
    ids=["empty", "magic-only", "empty-eocd", "noise"],
)
def test_when_garbage_then_only_input_errors_escape(data: bytes) -> None:
    """I-1: whatever the bytes, the precheck raises an InputError and nothing else."""
    with pytest.raises(InputError):
        precheck_docx(data)


@pytest.mark.parametrize(
    "document_xml",
    [
        document_xml_with("<w:p/>").decode().encode("utf-16"),
        document_xml_with("<w:p/>").replace(b"UTF-8", b"windows-1251"),
    ],
    ids=["utf-16", "windows-1251"],
)
def test_when_part_uses_another_safe_encoding_then_accepted(document_xml: bytes) -> None:
    """The encoding screen refuses only encodings that could hide a DTD, not UTF-16 parts."""
    precheck_docx(replace_parts(base_docx(), {DOCUMENT: document_xml}))
