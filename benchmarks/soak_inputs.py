"""Hostile and benign inputs for ``soak.py``, built in memory (synthetic, no real resumes).

Kept apart from the probes so each file stays small: PDFs written object by object, multipart
bodies by hand (no client library), and a zip of never-finishing PDFs like the issue's.
"""

from __future__ import annotations

import io
import json
import uuid
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "hitl_resume" / "examples" / "example_resume.txt"


def resume_text() -> str:
    """The bundled synthetic example resume."""
    return EXAMPLE.read_text(encoding="utf-8")


def _pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _page_pdf(content: bytes) -> bytes:
    data = zlib.compress(content, 9)
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def text_pdf(text: str) -> bytes:
    """A one-page PDF showing ``text`` line by line (a benign upload)."""
    lines = [line.encode("latin-1", "replace") for line in text.splitlines()[:60]]
    ops = [b"BT /F1 9 Tf 40 760 Td 11 TL"]
    for line in lines:
        escaped = line.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        ops.append(b"(" + escaped + b") '")
    ops.append(b"ET")
    return _page_pdf(b"\n".join(ops))


def hanging_pdf(operations: int = 4_000_000) -> bytes:
    """A ~10 kB PDF whose one page is millions of no-op operators: pdfminer needs minutes."""
    return _page_pdf(b"BT /F1 12 Tf 72 720 Td (Reviewer) Tj ET\n" + b"q Q\n" * operations)


def flate_bomb_pdf(inflated: int = 3 * 1024**3) -> bytes:
    """A page whose content stream inflates to ``inflated`` bytes of spaces (the 3 GB bomb)."""
    chunk = 16 * 1024 * 1024
    compressor = zlib.compressobj(9)
    first = compressor.compress(b" " * chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeat = compressor.compress(b" " * chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.flush(zlib.Z_FINISH)[:-4]
    times = max(1, inflated // chunk)
    checksum = 1
    for _ in range(times):
        checksum = zlib.adler32(b" " * chunk, checksum)
    data = first + repeat * (times - 1) + tail + checksum.to_bytes(4, "big")
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
        ]
    )


def hanging_zip(copies: int = 6) -> bytes:
    """The issue's batch probe: ``copies`` hanging PDFs plus one good file, zipped."""
    buffer = io.BytesIO()
    hanging = hanging_pdf()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(copies):
            archive.writestr(f"hang-{number}.pdf", hanging)
        archive.writestr("good.txt", resume_text())
    return buffer.getvalue()


Field = tuple[str, str | tuple[str, bytes]]


def multipart(fields: list[Field]) -> tuple[bytes, str]:
    """Encode (name, text) and (name, (filename, bytes)) fields; returns (body, content type)."""
    boundary = uuid.uuid4().hex
    out = bytearray()
    for name, value in fields:
        out += f"--{boundary}\r\n".encode()
        if isinstance(value, tuple):
            filename, data = value
            out += (
                f'Content-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n"
            ).encode()
            out += data
        else:
            out += f'Content-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            out += value.encode("utf-8")
        out += b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return bytes(out), f"multipart/form-data; boundary={boundary}"


def deep_json(depth: int = 1000) -> bytes:
    """JSON nested ``depth`` levels deep (``RecursionError`` bait)."""
    return b'{"text": ' + b"[" * depth + b"]" * depth + b"}"


def maximal_paste() -> list[Field]:
    """A 99k-character resume and five 99k-character postings: inside every limit."""
    base = resume_text().encode("ascii", "replace").decode("ascii")  # 1 byte per character
    big = (base * (99_000 // len(base) + 1))[:99_000]
    posting = ("Review AI-generated claims and escalate exceptions. " * 2000)[:99_000]
    return [("resume_text", big)] + [("posting", posting) for _ in range(5)]


def json_body(document: object) -> bytes:
    return json.dumps(document).encode("utf-8")
