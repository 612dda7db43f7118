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
        split = _upright_words if is_upright else _sideways_words
        for line in _lines(list(run), is_upright):
            target.extend(split(line))
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


def _upright_words(line: list[Char]) -> list[Word]:
    """Split a line at whitespace and where pdfplumber would: a step back, a gap, a new line.

    The line is sorted by x0, so a word's x0 is its first glyph's; its other bounds are kept
    as the glyphs come (this loop runs once per glyph of every page).
    """
    words: list[Word] = []
    parts: list[str] = []
    first: Char | None = None
    prev_x0 = prev_x1 = prev_top = 0.0
    right = top_min = bottom_max = 0.0
    for char in line:
        text, x0, x1, top, bottom, _size, _font, _bold, _upright, space = char
        if not text or text.isspace():
            if first is not None:
                words.append(_word(parts, first, right, top_min, bottom_max))
            first = None
            continue
        if first is not None and (
            space or x0 < prev_x0 or x0 > prev_x1 + X_TOLERANCE or abs(top - prev_top) > Y_TOLERANCE
        ):
            words.append(_word(parts, first, right, top_min, bottom_max))
            first = None
        if first is None:
            first, parts = char, [text]
            right, top_min, bottom_max = x1, top, bottom
        else:
            parts.append(text)
            right, top_min, bottom_max = max(right, x1), min(top_min, top), max(bottom_max, bottom)
        prev_x0, prev_x1, prev_top = x0, x1, top
    if first is not None:
        words.append(_word(parts, first, right, top_min, bottom_max))
    return words


def _word(parts: list[str], first: Char, x1: float, top: float, bottom: float) -> Word:
    return Word(
        text=_clean_text("".join(parts)),
        x0=first.x0,
        x1=x1,
        top=top,
        bottom=bottom,
        size=first.size,
        bold=first.bold,
        font=first.font,
    )


def _clean_text(text: str) -> str:
    """Expand ligatures; turn control characters into spaces and collapse whitespace."""
    if max(text) >= _FIRST_LIGATURE:
        text = "".join([LIGATURES.get(c, c) for c in text])
    if not text.isprintable():
        text = " ".join(
            "".join(" " if unicodedata.category(c) == "Cc" else c for c in text).split()
        )
    return text


def _sideways_words(line: list[Char]) -> Iterator[Word]:
    """The same split for rotated text, along its top-to-bottom direction."""
    current: list[Char] = []
    for char in line:
        if char.text.isspace() or not char.text:
            if current:
                yield _merge(current)
            current = []
            continue
        if current and (char.space_before or _begins_word(current[-1], char, upright=False)):
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
    texts, x0s, x1s, tops, bottoms = tuple(zip(*chars, strict=True))[:5]
    first = chars[0]
    return Word(
        text=_clean_text("".join(texts)),
        x0=min(x0s),
        x1=max(x1s),
        top=min(tops),
        bottom=max(bottoms),
        size=first.size,
        bold=first.bold,
        font=first.font,
    )
