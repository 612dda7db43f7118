"""Hand-built PDFs for hostile-input tests: objects written directly, xref computed."""

from __future__ import annotations

import zlib


def build_pdf(objects: list[bytes], root: int = 1) -> bytes:
    """Serialise numbered objects (1-based, in order) into a PDF with a valid xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        xref,
    )
    return bytes(out)


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def cid_font_pdf(glyphs: int = 400) -> bytes:
    """Text drawn with an Identity-H CID font that has no ToUnicode map: pdfminer emits (cid:N)."""
    codes = b"".join(b"%04X" % (20 + i % 60) for i in range(glyphs))
    content = b"BT /F1 10 Tf 50 750 Td <" + codes + b"> Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        stream(content),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /NoUnicode /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NoUnicode "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor 7 0 R /DW 500 >>",
        b"<< /Type /FontDescriptor /FontName /NoUnicode /Flags 4 /FontBBox [0 0 500 700] "
        b"/ItalicAngle 0 /Ascent 700 /Descent 0 /CapHeight 700 /StemV 80 >>",
    ]
    return build_pdf(objects)


def shared_stream_pages_pdf(pages: int) -> bytes:
    """Many pages sharing one content stream (the page-amplification file of docs/security.md)."""
    content = b"BT /F1 12 Tf 72 720 Td (Claims examiner reviewed claims daily.) Tj ET"
    first_page = 5
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        stream(content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for _ in range(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
            b"/Resources << /Font << /F1 4 0 R >> >> >>"
        )
    return build_pdf(objects)


def recursive_pages_pdf() -> bytes:
    """A /Pages node that lists itself as a kid (U-17)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    ]
    return build_pdf(objects)


def circular_xobject_pdf() -> bytes:
    """A form XObject that draws itself (U-17)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /XObject << /X1 5 0 R >> >> >>",
        stream(b"/X1 Do"),
        stream(
            b"/X1 Do",
            b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] "
            b"/Resources << /XObject << /X1 5 0 R >> >>",
        ),
    ]
    return build_pdf(objects)


def _deflate_repeated(chunk: bytes, times: int) -> bytes:
    """A zlib stream of ``chunk`` repeated, built in milliseconds.

    After a full flush the compressor keeps no history, so the compressed form of the next copy
    is identical and can be repeated; the final checksum is computed from the real data.
    """
    compressor = zlib.compressobj(9)
    first = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeat = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.flush(zlib.Z_FINISH)[:-4]
    checksum = 1
    for _ in range(times):
        checksum = zlib.adler32(chunk, checksum)
    return first + repeat * (times - 1) + tail + checksum.to_bytes(4, "big")


def flate_bomb_pdf(inflated_bytes: int) -> bytes:
    """A page whose Flate content stream inflates to ``inflated_bytes`` of spaces (U-16)."""
    chunk = 16 * 1024 * 1024
    data = _deflate_repeated(b" " * chunk, max(1, inflated_bytes // chunk))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        stream(data, b"/Filter /FlateDecode"),
    ]
    return build_pdf(objects)


def slow_text_pdf(pages: int = 10, lines_per_page: int = 2_000) -> bytes:
    """Pages packed with tiny text: seconds of word building for any reader (a slow, not
    malformed, file), and far more text than a resume, so it can never pass."""
    font = 3 + 2 * pages
    kids = b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
    ]
    line = b"(" + b"ab cd " * 16 + b") Tj"
    for i in range(pages):
        ops = [b"BT /F1 2 Tf"] + [b"1 %d Td " % (r % 700) + line for r in range(lines_per_page)]
        content = b"\n".join([*ops, b"ET"])
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (font, 4 + 2 * i)
        )
        objects.append(stream(zlib.compress(content, 9), b"/Filter /FlateDecode"))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return build_pdf(objects)
