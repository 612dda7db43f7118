"""Put a PDF page's words into reading order: find column gutters, then lines within columns.

Pure geometry on small frozen dataclasses (no pdfplumber here), so the layout rules can be
tested on hand-made word boxes. Coordinates are PDF points with ``top`` growing downwards.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from statistics import median

BIN = 2.0  # points per bit of a row's horizontal coverage mask
MIN_GUTTER_POINTS = 10.0  # a column gutter is at least this wide ...
GUTTER_SIZE_FACTOR = 1.2  # ... and at least this many times the body font size
MIN_BAND_ROWS = 3  # a gutter must stay clear over at least this many rows
SPARSE_SIDE_RATIO = 0.6  # a side with at most this share of the other's rows may be a label column
BOTTOM_GAP_FACTOR = 1.6  # a last lone row this far below the band's usual pitch is not in it
LARGER_FONT_RATIO = 1.15  # a side set this much larger is a header, not a date column
MAX_DEPTH = 4  # nested column splits (columns inside columns) before reading rows as they are
NO_SPACE_GAP = 0.1  # words closer than this many font sizes are one token split by a font change


@dataclass(frozen=True, slots=True)
class Word:
    """One pdfplumber word with the font facts the heading hint needs."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    font: str = ""


@dataclass(frozen=True, slots=True)
class TableBlock:
    """A ruled table found on the page: its rows of cell texts, kept apart from the column flow."""

    x0: float
    x1: float
    top: float
    bottom: float
    rows: tuple[tuple[Word, ...], ...]


Item = Word | TableBlock
Row = list[Item]


@dataclass(frozen=True, slots=True)
class TextLine:
    """One output line: its words left to right, and whether it is a table row."""

    words: tuple[Word, ...]
    table: bool = False


def body_size(words: Sequence[Word]) -> float:
    """Return the page's body font size: the median word size weighted by character count."""
    pairs = sorted((w.size, len(w.text)) for w in words if w.text)
    total = sum(count for _, count in pairs)
    if not total:
        return 10.0
    if total % 2:
        return _nth_size(pairs, total // 2)
    return (_nth_size(pairs, total // 2 - 1) + _nth_size(pairs, total // 2)) / 2


def _nth_size(pairs: list[tuple[float, int]], n: int) -> float:
    """The size of the n-th character (0-based) when every word counts once per character."""
    seen = 0
    for size, count in pairs:
        seen += count
        if n < seen:
            return size
    return pairs[-1][0]


def join_words(words: Sequence[Word]) -> str:
    """Join words left to right with single spaces, except where a font change split one token.

    pdfplumber ends a word at a space character, a wide gap or (with ``extra_attrs``) a change
    of font; only the last can split one token, and then the glyphs nearly touch.
    """
    parts: list[str] = []
    prev: Word | None = None
    for word in words:
        if prev is not None:
            font_change = (prev.font, prev.size) != (word.font, word.size)
            touching = word.x0 - prev.x1 < NO_SPACE_GAP * max(prev.size, word.size)
            if not (font_change and touching):
                parts.append(" ")
        parts.append(word.text)
        prev = word
    return "".join(parts)


def group_rows(items: Sequence[Item]) -> list[Row]:
    """Cluster items into rows sharing a baseline; a table is always a row of its own."""
    rows: list[Row] = []
    current: Row = []
    ref_bottom = 0.0
    tolerance = 0.0
    for item in sorted(items, key=lambda i: (i.bottom, i.x0)):
        if isinstance(item, TableBlock):
            if current:
                rows.append(current)
                current = []
            rows.append([item])
            continue
        if current and item.bottom - ref_bottom <= tolerance:
            current.append(item)
            continue
        if current:
            rows.append(current)
        current = [item]
        ref_bottom = item.bottom
        tolerance = max(1.0, 0.3 * item.size)
    if current:
        rows.append(current)
    return rows


def order_page(words: Sequence[Word], tables: Sequence[TableBlock] = ()) -> list[TextLine]:
    """Return the page's lines in reading order: bands of columns top-down, left column first."""
    items: list[Item] = [*words, *tables]
    if not items:
        return []
    gutter = max(MIN_GUTTER_POINTS, GUTTER_SIZE_FACTOR * body_size(words))
    out: list[TextLine] = []
    _order_region(group_rows(items), gutter, 0, out)
    return out


def _emit_row(row: Row, out: list[TextLine]) -> None:
    """Append one row as a line (or a table's rows as lines)."""
    words = sorted((i for i in row if isinstance(i, Word)), key=lambda w: w.x0)
    if words:
        out.append(TextLine(tuple(words)))
    for item in row:
        if isinstance(item, TableBlock):
            out.extend(TextLine(cells, table=True) for cells in item.rows if cells)


def _order_region(rows: list[Row], gutter: float, depth: int, out: list[TextLine]) -> None:
    """Emit rows in reading order, splitting runs of rows that share a clear vertical gutter."""
    if depth >= MAX_DEPTH or len(rows) < MIN_BAND_ROWS:
        for row in rows:
            _emit_row(row, out)
        return
    x0 = min(i.x0 for row in rows for i in row)
    cov = [_row_mask(row, x0) for row in rows]
    width = max(m.bit_length() for m in cov)
    full = (1 << width) - 1
    free = [full & ~m for m in cov]
    min_bits = max(2, int(gutter / BIN))
    i = 0
    while i < len(rows):
        end, clear, used = _grow(i, free, cov, min_bits)
        if end - i + 1 < MIN_BAND_ROWS:
            _emit_row(rows[i], out)
            i += 1
            continue
        # A first row that narrows the gutter a lot (a centred name over both columns) is
        # read on its own, above the columns.
        end2, clear2, used2 = _grow(i + 1, free, cov, min_bits)
        if end2 >= end and _widest(clear2, used2, min_bits)[1] >= (
            _widest(clear, used, min_bits)[1] + min_bits
        ):
            _emit_row(rows[i], out)
            i += 1
            continue
        lo, hi = _widest(clear, used, min_bits)[0]
        split_x = x0 + (lo + hi) / 2 * BIN
        band = _trim_bottom(rows[i : end + 1], split_x, end < len(rows) - 1)
        _emit_band(band, split_x, gutter, depth, out)
        i += len(band)


def _row_mask(row: Row, x0: float) -> int:
    """Return the bits of the horizontal bins that the row's items cover."""
    mask = 0
    for item in row:
        lo = int((item.x0 - x0) / BIN)
        hi = int((item.x1 - x0) / BIN)
        mask |= ((1 << (hi + 1)) - 1) ^ ((1 << lo) - 1)
    return mask


def _grow(start: int, free: list[int], cov: list[int], min_bits: int) -> tuple[int, int, int]:
    """Extend a band from ``start`` while an interior gutter stays clear; return its end row."""
    if start >= len(free):
        return start - 1, 0, 0
    clear, used, end = free[start], cov[start], start
    for k in range(start + 1, len(free)):
        clear2, used2 = clear & free[k], used | cov[k]
        if _widest(clear2, used2, min_bits)[1] == 0:
            break
        clear, used, end = clear2, used2, k
    return end, clear, used


def _widest(clear: int, used: int, min_bits: int) -> tuple[tuple[int, int], int]:
    """Return the widest clear run with covered bins on both sides, and its width in bits."""
    if not used:
        return (0, 0), 0
    low = (used & -used).bit_length() - 1
    high = used.bit_length() - 1
    interior = clear & ((1 << high) - 1) & ~((1 << (low + 1)) - 1)
    best, best_len = (0, 0), 0
    while interior:
        lo = (interior & -interior).bit_length() - 1
        shifted = interior >> lo
        run = (shifted ^ (shifted + 1)).bit_length() - 1
        if run > best_len:
            best, best_len = (lo, lo + run - 1), run
        interior &= ~(((1 << run) - 1) << lo)
    return (best, best_len) if best_len >= min_bits else ((0, 0), 0)


def _sides(row: Row, split_x: float) -> tuple[bool, bool]:
    """Return whether the row has content left and right of the split."""
    left = any((i.x0 + i.x1) / 2 < split_x for i in row)
    right = any((i.x0 + i.x1) / 2 >= split_x for i in row)
    return left, right


def _trim_bottom(band: list[Row], split_x: float, ended_by_row: bool) -> list[Row]:
    """Drop a lone last row far below the rest of its side (the next section's heading)."""
    if not ended_by_row or len(band) <= MIN_BAND_ROWS:
        return band
    last = band[-1]
    left, right = _sides(last, split_x)
    if left == right:
        return band
    side = 0 if left else 1
    previous = next((r for r in reversed(band[:-1]) if _sides(r, split_x)[side]), None)
    if previous is None:
        return band
    pitches = [_top(b) - _top(a) for a, b in pairwise(band)]
    if _top(last) - _top(previous) > BOTTOM_GAP_FACTOR * median(pitches):
        return band[:-1]
    return band


def _top(row: Row) -> float:
    return min(i.top for i in row)


def _emit_band(
    band: list[Row], split_x: float, gutter: float, depth: int, out: list[TextLine]
) -> None:
    """Emit a band either as whole rows (tables, label or date columns) or column by column."""
    sides = [_sides(row, split_x) for row in band]
    both = sum(1 for s in sides if all(s))
    left_rows = sum(1 for s in sides if s[0])
    right_rows = sum(1 for s in sides if s[1])
    left_only = left_rows - both
    right_only = right_rows - both
    left = [[i for i in row if (i.x0 + i.x1) / 2 < split_x] for row in band]
    right = [[i for i in row if (i.x0 + i.x1) / 2 >= split_x] for row in band]
    whole_rows = (
        both == len(band)  # every row has both sides: a borderless table or an aligned list
        or (  # dates or labels on the left, each beside a line of the main text
            left_only == 0
            and left_rows <= SPARSE_SIDE_RATIO * right_rows
            and not _larger(left, right)
        )
        or (  # dates on the right end of some lines
            right_only == 0
            and right_rows <= SPARSE_SIDE_RATIO * left_rows
            and not _larger(right, left)
        )
    )
    if whole_rows:
        for row in band:
            _emit_row(row, out)
        return
    _order_region([r for r in left if r], gutter, depth + 1, out)
    _order_region([r for r in right if r], gutter, depth + 1, out)


def _larger(side: list[Row], other: list[Row]) -> bool:
    """Tell whether a side's text is set clearly larger than the other's (a name, not dates)."""
    mine = [i.size for row in side for i in row if isinstance(i, Word)]
    theirs = [i.size for row in other for i in row if isinstance(i, Word)]
    return bool(mine and theirs) and max(mine) > LARGER_FONT_RATIO * median(theirs)
