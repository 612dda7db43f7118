"""Tell a Flate bomb from a damaged PDF: how far the file's compressed streams inflate.

Run only after the reader failed or found no text, so readable PDFs pay nothing. Streams are
inflated in bounded chunks and the count stops at the limit, so checking a 3 GB bomb costs a
fraction of a second and almost no memory (docs/security.md U-16).
"""

from __future__ import annotations

import re
import zlib

_STREAM = re.compile(rb"stream\r?\n")
_CHUNK = 64 * 1024


def _looks_zlib(head: bytes) -> bool:
    return len(head) >= 2 and head[0] & 0x0F == 8 and ((head[0] << 8) | head[1]) % 31 == 0


def inflates_past(data: bytes, limit: int) -> bool:
    """Return whether the zlib streams of ``data`` inflate to more than ``limit`` bytes in all."""
    total = 0
    for match in _STREAM.finditer(data):
        start = match.end()
        if not _looks_zlib(data[start : start + 2]):
            continue
        end = data.find(b"endstream", start)
        body = memoryview(data)[start : end if end != -1 else len(data)]
        inflater = zlib.decompressobj()
        pending = bytes(body)
        try:
            while pending and not inflater.eof and total <= limit:
                total += len(inflater.decompress(pending, _CHUNK))
                pending = inflater.unconsumed_tail
        except zlib.error:
            continue  # a damaged stream inflates no further
        if total > limit:
            return True
    return False
