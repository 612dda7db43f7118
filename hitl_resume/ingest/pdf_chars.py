"""Read a PDF page's characters and ruling lines through pdfium's C API (via pypdfium2).

pdfium reads a page's text layer in a few milliseconds where pdfminer takes over a hundred, but
its plain text glues words together; so only per-character facts are taken from it (glyph,
loose box, font size and name) and words are rebuilt by ``pdf_words``. Coordinates are turned
into PDF points with ``top`` growing downwards, like pdfplumber's, so the layout code is shared.
The hot calls use private ctypes prototypes that return plain integers (``pdf_native``).
"""

from __future__ import annotations

import ctypes
from bisect import bisect_right
from dataclasses import dataclass
from itertools import repeat
from typing import Any, NamedTuple

from hitl_resume.ingest.pdf_edges import Edge, object_edges
from hitl_resume.ingest.pdf_native import NATIVE, Handle, handle

REPLACEMENT = "\ufffd"
BOLD_WEIGHT = 600  # pdfium reports the font's weight (400 regular, 700 bold) when it knows it
BOLD_MARKERS = ("bold", "black", "heavy")  # "semibold" contains "bold"
MAP_CHECKS = 64  # glyphs of a font checked for a missing Unicode map before trusting it
_FONT_NAME_BYTES = 128
_LINE_END_HYPHEN = 0x02  # pdfium's code for a hyphen that ends a line (the file has "-")
_BREAK_CHARS = frozenset(" \t\n\r\xa0\u3000")  # whitespace ends a word
_TEXT, _PATH, _FORM = 1, 2, 5  # FPDF_PAGEOBJ_* kinds


class Char(NamedTuple):
    """One glyph with the facts words and heading hints need (a tuple: pages have thousands)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str
    bold: bool
    upright: bool
    space_before: bool = False  # whitespace (in the text layer or a dropped space glyph) before it


@dataclass(frozen=True, slots=True)
class PageContent:
    """What the reader needs from one page: its characters in content order and ruling lines."""

    chars: tuple[Char, ...]
    edges: tuple[Edge, ...]


def read_page(page: Any, top: float, left: float = 0.0) -> PageContent:
    """Return the page's characters and ruling lines in top-down page coordinates.

    A glyph without a Unicode mapping that pdfium could not recover (it returns the raw code)
    becomes U+FFFD, so the text-quality check sees it instead of silent garbage. Some PDF
    writers draw each space as its own text object, which pdfium's text layer drops; such gaps
    still end a word.
    """
    page_ptr = handle(page)
    total = NATIVE.count_objects(page_ptr)
    objects = list(map(NATIVE.page_object, repeat(Handle(page_ptr), total), range(total)))
    textpage = NATIVE.load_text(page_ptr)
    chars: list[Char] = []
    places: list[int] = []
    if textpage:
        try:
            ordinals = {obj: index for index, obj in enumerate(objects) if obj}
            chars = _chars(textpage, top, left, ordinals, places)
        finally:
            NATIVE.close_text(textpage)
    edges: list[Edge] = []
    dropped: list[int] = []
    used = [0]
    shift = (1.0, 0.0, 0.0, 1.0, -left, 0.0)
    for index in sorted(set(range(len(objects))).difference(places)):
        obj = objects[index]
        kind = NATIVE.object_type(obj) if obj else 0
        if kind == _TEXT:
            dropped.append(index)
        elif kind in (_PATH, _FORM):
            object_edges(obj, kind == _FORM, shift, top, edges, used)
    return PageContent(tuple(_mark_dropped_spaces(chars, places, dropped)), tuple(edges))


def _chars(
    textpage: int, height: float, left: float, ordinals: dict[int, int], places: list[int]
) -> list[Char]:
    """The text layer's glyphs; ``places`` gets each one's page-object ordinal (-1: in a form)."""
    rect = NATIVE.rect()
    rect_ref = ctypes.byref(rect)
    styles: dict[tuple[int, int], tuple[float, str, bool, bool]] = {}
    new = tuple.__new__
    fonts: dict[int, tuple[str, bool]] = {}  # per text page: font handles die with it
    checked: dict[int, int] = {}  # per font: glyphs checked for a missing Unicode map
    trusted: set[int] = set()  # fonts whose first MAP_CHECKS glyphs all mapped
    chars: list[Char] = []
    get_box, get_object = NATIVE.glyph_box, NATIVE.glyph_object
    get_font, unmapped = NATIVE.handle_font, NATIVE.unicode_map_error
    page = Handle(textpage)
    append, place = chars.append, places.append
    count = NATIVE.count_chars(textpage)
    text = _page_text(textpage, count)
    space = False
    for index in range(count):
        glyph = text[index]
        if glyph in _BREAK_CHARS:
            space = True
            continue
        if "\ud800" <= glyph < "\ue000" or glyph == "\ufffe":
            glyph = _glyph(NATIVE.get_unicode(textpage, index))
        if not get_box(page, index, rect_ref):
            continue
        handle_obj = get_object(page, index)
        obj = handle_obj.value or 0
        font_ptr = (get_font(handle_obj) or 0) if obj else 0
        rtop, rbottom = rect.top, rect.bottom
        # The loose box's height is the font's line height at its size and scale, so with the
        # font it keys the style: size, matrix and name are read once per style, not per glyph.
        key = (font_ptr, int((rtop - rbottom) * 100.0 + 0.5))
        style = styles.get(key)
        if style is None:
            style = styles[key] = _style(font_ptr, textpage, index, fonts)
        if font_ptr not in trusted:
            seen = checked.get(font_ptr, 0)
            if unmapped(textpage, index) == 1:
                checked[font_ptr] = -MAP_CHECKS * 1000  # this font has gaps: check every glyph
                # No ToUnicode entry: pdfium often recovers the character from the font itself;
                # a raw code (a control or private-use character) is unreadable, not text.
                if not glyph.isprintable() or "\ue000" <= glyph <= "\uf8ff":
                    glyph = REPLACEMENT
            elif seen + 1 >= MAP_CHECKS:
                trusted.add(font_ptr)
            else:
                checked[font_ptr] = seen + 1
        # tuple.__new__ skips NamedTuple's Python-level constructor (thousands per page).
        append(
            new(
                Char,
                (
                    glyph,
                    rect.left - left,
                    rect.right - left,
                    height - rtop,
                    height - rbottom,
                    *style,
                    space,
                ),
            )
        )
        place(ordinals.get(obj, -1))
        space = False
    return chars


def _mark_dropped_spaces(chars: list[Char], places: list[int], dropped: list[int]) -> list[Char]:
    """Flag the char that follows a text object pdfium dropped (a glyph-less space).

    Works per dropped object: the next object that has chars gives the char to flag, when the
    char before it (in content order) came from an object before the dropped one.
    """
    if not dropped or not chars:
        return chars
    # object ordinal -> index of its first char (built reversed, so the first index wins)
    first = dict(zip(reversed(places), range(len(places) - 1, -1, -1), strict=True))
    first.pop(-1, None)
    ordered = sorted(first)
    for gap in dropped:
        k = bisect_right(ordered, gap)
        if k == len(ordered):
            continue
        index = first[ordered[k]]
        if index > 0 and 0 <= places[index - 1] < gap:
            chars[index] = tuple.__new__(Char, (*chars[index][:-1], True))  # space_before
    return chars


def _page_text(textpage: int, count: int) -> str:
    """All the text page's characters in one call, one ``str`` character per char index."""
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    written = NATIVE.get_text(textpage, 0, count, buffer)
    text = buffer.raw[: max(0, written - 1) * 2].decode("utf-16-le", "surrogatepass")
    if len(text) == count:
        return text
    # Characters beyond the BMP take two UTF-16 units: read those pages a char at a time.
    return "".join(_glyph(NATIVE.get_unicode(textpage, i)) for i in range(count))


def _glyph(code: int) -> str:
    """The character for a UTF-32 code pdfium returned; invalid codes become U+FFFD."""
    if code == _LINE_END_HYPHEN:
        return "-"
    if 0 <= code < 0x110000 and not 0xD800 <= code < 0xE000:
        return chr(code)
    return REPLACEMENT


def _style(
    font_ptr: int, textpage: int, index: int, fonts: dict[int, tuple[str, bool]]
) -> tuple[float, str, bool, bool]:
    """Size (scaled by the text matrix, like pdfminer's), font name, boldness and uprightness."""
    matrix = NATIVE.matrix()
    a = d = 1.0
    b = c = 0.0
    if NATIVE.char_matrix(textpage, index, ctypes.byref(matrix)):
        a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
    scale = (c * c + d * d) ** 0.5 if abs(a * d) >= abs(b * c) else (a * a + b * b) ** 0.5
    nominal = float(NATIVE.char_font_size(textpage, index))
    font, bold = fonts.get(font_ptr) or _font(font_ptr, textpage, index, fonts)
    upright = a * d > 0 and abs(b) < 1e-3 and abs(c) < 1e-3
    return (nominal * (scale or 1.0), font, bold, upright)


def _font(
    font_ptr: int, textpage: int, index: int, fonts: dict[int, tuple[str, bool]]
) -> tuple[str, bool]:
    """The font's base name and boldness, looked up once per font of the text page."""
    buffer = ctypes.create_string_buffer(_FONT_NAME_BYTES)
    flags = ctypes.c_int(0)
    length = NATIVE.char_font_info(textpage, index, buffer, _FONT_NAME_BYTES, ctypes.byref(flags))
    name = buffer.value.decode("utf-8", "replace") if 0 < length <= _FONT_NAME_BYTES else ""
    weight = NATIVE.char_font_weight(textpage, index)
    found = (name, weight >= BOLD_WEIGHT or any(m in name.lower() for m in BOLD_MARKERS))
    if font_ptr:
        fonts[font_ptr] = found
    return found
