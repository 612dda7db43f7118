"""Reject hostile DOCX zips from the central directory before python-docx inflates anything.

python-docx reads every referenced part fully into memory, so a small zip can ask for gigabytes
(docs/security.md U-18, U-19). This check reads only the central directory for sizes and then makes
bounded reads of the XML parts to refuse DTDs (U-20, U-21), macro documents (U-06) and zips that
are not Word documents (U-09, U-04).

Nesting depth (U-22) is left to lxml: python-docx's parser is built without ``huge_tree``, and
libxml2 then refuses any element deeper than 256 levels; ``read_docx`` maps that to
``CorruptFileError`` and ``tests/test_docx_precheck.py`` pins the limit.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable

from lxml import etree

from hitl_resume.errors import (
    CorruptFileError,
    FileTooComplexError,
    InputError,
    MacroEnabledError,
    UnsupportedTypeError,
)
from hitl_resume.ingest import limits

CONTENT_TYPES_NAME = "[Content_Types].xml"
VBA_PROJECT_NAME = "word/vbaproject.bin"

_CT_PREFIX = "application/vnd.openxmlformats-officedocument.wordprocessingml."
WORD_MAIN_TYPES = frozenset({_CT_PREFIX + "document.main+xml"})
WORD_MACRO_TYPES = frozenset(
    {
        "application/vnd.ms-word.document.macroenabled.main+xml",
        "application/vnd.ms-word.template.macroenabledtemplate.main+xml",
        "application/vnd.ms-office.vbaproject",
    }
)
# A .dotx main part: python-docx refuses templates, so we do too, with a clear code.
WORD_TEMPLATE_TYPES = frozenset({_CT_PREFIX + "template.main+xml"})

_CENTRAL_DIR_SIGNATURE = b"PK\x01\x02"
_DOCTYPE = re.compile(rb"<!doctype", re.IGNORECASE)
_XML_DECL_ENCODING = re.compile(
    r"""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""", re.IGNORECASE
)
# Encodings in which "<!DOCTYPE" is found by a plain search (ASCII-compatible single-byte ones,
# and UTF-16/32 once decoded). Anything else (UTF-7, ISO-2022, EBCDIC) could hide a DTD from the
# search, and Word never writes it.
_SAFE_ENCODING = re.compile(
    r"^(utf-?8|utf-?(16|32)(-?[lb]e)?|(us-)?ascii|iso[-_]?8859[-_]\d+|latin-?\d"
    r"|(windows|cp)-?125\d|koi8-[a-z]+)$",
    re.IGNORECASE,
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00", "utf-16-le"),
    (b"\x00<", "utf-16-be"),
)
# Same safe settings as python-docx's own parser, plus no DTD and no network (docs/security.md).
_SAFE_PARSER = etree.XMLParser(
    resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False
)


def precheck_docx(data: bytes) -> None:
    """Raise an ``InputError`` unless ``data`` is a plain DOCX that is safe to hand to python-docx.

    Args:
        data: the uploaded bytes (already sniffed as a zip by the caller).

    Raises:
        CorruptFileError: not a readable zip, no ``[Content_Types].xml``, bad CRC or deflate
            data, an XML part with a DTD or an unexpected encoding.
        FileTooComplexError: too many members, a member or the total too large once unpacked,
            or a suspicious compression ratio.
        MacroEnabledError: a macro-enabled main document or a VBA project.
        UnsupportedTypeError: an OPC zip that is not a Word document (XLSX, PPTX, DOTX).
    """
    try:
        _precheck(data)
    except InputError:
        raise
    except Exception:  # zipfile, zlib and lxml raise many types; all mean a damaged file.
        raise CorruptFileError() from None


def _precheck(data: bytes) -> None:
    # Each central-directory entry starts with this signature, so the count is an upper bound
    # on the members; it spares zipfile from parsing 60,000 entries before we can refuse them.
    # The margin allows for signatures inside stored members (an embedded workbook is a zip);
    # the exact count is checked right after.
    if data.count(_CENTRAL_DIR_SIGNATURE) > limits.DOCX_MAX_MEMBERS * 2:
        raise FileTooComplexError()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        infos = zf.infolist()
        _check_declared_sizes(infos)
        names = {info.filename.lower(): info for info in infos}
        content_types = names.get(CONTENT_TYPES_NAME.lower())
        if content_types is None:
            raise CorruptFileError()
        overrides, defaults = _read_content_types(_read_xml_member(zf, content_types))
        declared = set(overrides.values()) | set(defaults.values())
        if declared & WORD_MACRO_TYPES or VBA_PROJECT_NAME in names:
            raise MacroEnabledError()
        if not declared & WORD_MAIN_TYPES:
            raise UnsupportedTypeError()
        read_total = 0
        for info in _xml_members(infos, overrides, defaults):
            read_total += len(_read_xml_member(zf, info))
            if read_total > limits.DOCX_MAX_TOTAL_BYTES:
                raise FileTooComplexError()


def _check_declared_sizes(infos: list[zipfile.ZipInfo]) -> None:
    """Apply the member-count, size, total and ratio limits to the central directory."""
    if len(infos) > limits.DOCX_MAX_MEMBERS:
        raise FileTooComplexError()
    total = 0
    for info in infos:
        size = info.file_size
        if size > limits.DOCX_MAX_MEMBER_BYTES:
            raise FileTooComplexError()
        total += size
        if total > limits.DOCX_MAX_TOTAL_BYTES:
            raise FileTooComplexError()
        if size > limits.DOCX_RATIO_MIN_BYTES and (
            info.compress_size <= 0 or size / info.compress_size > limits.DOCX_MAX_RATIO
        ):
            raise FileTooComplexError()


def _read_content_types(raw: bytes) -> tuple[dict[str, str], dict[str, str]]:
    """Return (part name → content type, extension → content type), all lower-cased."""
    root = etree.fromstring(raw, _SAFE_PARSER)
    overrides: dict[str, str] = {}
    defaults: dict[str, str] = {}
    for el in root:
        if not isinstance(el.tag, str):
            continue
        local = etree.QName(el).localname
        content_type = (el.get("ContentType") or "").strip().lower()
        if local == "Override":
            overrides[(el.get("PartName") or "").lstrip("/").lower()] = content_type
        elif local == "Default":
            defaults[(el.get("Extension") or "").lower()] = content_type
    return overrides, defaults


def _is_xml_type(content_type: str) -> bool:
    return content_type.endswith(("+xml", "/xml"))


def _xml_members(
    infos: Iterable[zipfile.ZipInfo], overrides: dict[str, str], defaults: dict[str, str]
) -> Iterable[zipfile.ZipInfo]:
    """Yield every member lxml may parse: by name (.xml, .rels) or by declared content type."""
    for info in infos:
        name = info.filename.lower()
        if info.is_dir() or name == CONTENT_TYPES_NAME.lower():
            continue
        base = name.rpartition("/")[2]
        extension = base.rpartition(".")[2] if "." in base else ""
        content_type = overrides.get(name) or defaults.get(extension, "")
        if name.endswith((".xml", ".rels")) or _is_xml_type(content_type):
            yield info


def _read_xml_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """Read one XML member with a size cap and refuse it if it carries a DTD."""
    cap = limits.DOCX_MAX_MEMBER_BYTES
    with zf.open(info) as member:
        raw = member.read(cap + 1)  # reading to the end also verifies the CRC
    if len(raw) > cap:
        raise FileTooComplexError()
    _reject_dtd(raw)
    return raw


def _reject_dtd(raw: bytes) -> None:
    """Raise ``CorruptFileError`` if an XML part declares a DTD, in any encoding lxml accepts.

    The whole part is searched, not a prefix: comments may legally precede a DOCTYPE.
    """
    if not raw:
        return
    codec = _bom_codec(raw)
    if codec is None:
        if _DOCTYPE.search(raw):
            raise CorruptFileError()
        head = raw[:512].decode("latin-1").lstrip("\ufeff\xef\xbb\xbf \t\r\n")
    else:
        text = raw.decode(codec, errors="replace")
        if "<!doctype" in text.lower():
            raise CorruptFileError()
        head = text[:512].lstrip("\ufeff \t\r\n")
    if not head.startswith("<"):
        raise CorruptFileError()
    match = _XML_DECL_ENCODING.match(head)
    if match and not _SAFE_ENCODING.match(match.group(1)):
        raise CorruptFileError()


def _bom_codec(raw: bytes) -> str | None:
    """Return the codec for a UTF-16/32 part (by BOM or NUL pattern), None for 8-bit text."""
    for prefix, codec in _BOMS:
        if raw.startswith(prefix):
            return codec
    return None
