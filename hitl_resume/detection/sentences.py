"""Cheap sentence spans over a text: lines, split again at sentence punctuation."""

from __future__ import annotations

import re
from collections.abc import Iterator

_SENTENCE_END_RE = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9•\-*(])")


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each sentence-like span; every line is at least one span."""
    offset = 0
    for line in text.split("\n"):
        line_start = offset
        offset += len(line) + 1
        cursor = 0
        for match in _SENTENCE_END_RE.finditer(line):
            piece = line[cursor : match.start()]
            if piece.strip():
                yield _trimmed(line_start + cursor, piece)
            cursor = match.end()
        piece = line[cursor:]
        if piece.strip():
            yield _trimmed(line_start + cursor, piece)


def _trimmed(start: int, piece: str) -> tuple[int, int]:
    lead = len(piece) - len(piece.lstrip())
    return start + lead, start + len(piece.rstrip())
