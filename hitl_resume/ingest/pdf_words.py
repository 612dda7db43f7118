"""Rebuild words from a page's characters, the way pdfplumber's ``extract_words`` does.

Characters come in content order. Runs sharing orientation, font and size are split into
lines (tops within a tolerance) and each line, read left to right, into words at whitespace
and at gaps wider than the tolerance. Pure geometry on ``Char``s, so it is tested on hand-made
boxes and the layout rules downstream see the same words as before the switch to pdfium.
"""

from __future__ import annotations

import itertools
import operator
import unicodedata
from collections.abc import Iterator, Sequence

from hitl_resume.ingest.pdf_chars import Char
from hitl_resume.ingest.pdf_layout import Word

X_TOLERANCE = 3.0  # points between glyphs of one word (pdfplumber's default)
Y_TOLERANCE = 3.0  # points between tops of glyphs on one line
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}
_FIRST_LIGATURE = min(LIGATURES)


def build_words(chars: Sequence[Char]) -> tuple[list[Word], list[Word]]:
    """Return (upright words, sideways words) in extraction order."""
    upright: list[Word] = []
    sideways: list[Word] = []
    for (is_upright, _size, _font), run in itertools.groupby(chars, key=_run_key):
        target = upright if is_upright else sideways
        for line in _lines(list(run), is_upright):
            target.extend(_words(line, is_upright))
    return upright, sideways


_run_key = operator.attrgetter("upright", "size", "font")


def _lines(chars: list[Char], upright: bool) -> Iterator[list[Char]]:
    """Cluster chars whose line coordinate (top, or x0 when rotated) chain within tolerance."""
    key = operator.attrgetter("top" if upright else "x0")
    ordered = sorted(chars, key=key)
    line: list[Char] = []
    last = 0.0
    for char in ordered:
        value = key(char)
        if line and value > last + Y_TOLERANCE:
            yield _along(line, upright)
            line = []
        line.append(char)
        last = value
    if line:
        yield _along(line, upright)


def _along(line: list[Char], upright: bool) -> list[Char]:
    return sorted(line, key=operator.attrgetter("x0" if upright else "top"))


def _words(line: list[Char], upright: bool) -> Iterator[Word]:
    current: list[Char] = []
    for char in line:
        if char.text.isspace() or not char.text:
            if current:
                yield _merge(current)
            current = []
            continue
        if current and (char.space_before or _begins_word(current[-1], char, upright)):
            yield _merge(current)
            current = []
        current.append(char)
    if current:
        yield _merge(current)


def _begins_word(prev: Char, char: Char, upright: bool) -> bool:
    """pdfplumber's test: a step backwards, a gap over the tolerance, or another line."""
    if upright:
        start, end, at, prev_line, line = prev.x0, prev.x1, char.x0, prev.top, char.top
    else:
        start, end, at, prev_line, line = prev.top, prev.bottom, char.top, prev.x0, char.x0
    return at < start or at > end + X_TOLERANCE or abs(line - prev_line) > Y_TOLERANCE


def _merge(chars: list[Char]) -> Word:
    text = "".join([c.text for c in chars])
    if max(text) >= _FIRST_LIGATURE:
        text = "".join([LIGATURES.get(c, c) for c in text])
    if not text.isprintable():
        text = " ".join(
            "".join(" " if unicodedata.category(c) == "Cc" else c for c in text).split()
        )
    first = chars[0]
    x0 = min([c.x0 for c in chars])
    x1 = max([c.x1 for c in chars])
    top = min([c.top for c in chars])
    bottom = max([c.bottom for c in chars])
    return Word(
        text=text,
        x0=x0,
        x1=x1,
        top=top,
        bottom=bottom,
        size=first.size,
        bold=first.bold,
        font=first.font,
    )
