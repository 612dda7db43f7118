"""Turn DOCX bytes into lines in reading order, keeping the layout hints structure needs.

Resumes put text where ``Document.paragraphs`` never looks: layout tables, text boxes, headers
and content controls. This reader walks the WordprocessingML tree itself so that every piece
of text is seen once, in the order a person reads it:

* headers first, then the body, then footers (contact details often live in the header);
* a table row by row, each cell whole, so a sidebar cell never interleaves with the main cell;
* a text box right after the paragraph that anchors it (Word stores each text box twice, as
  ``mc:Choice`` and ``mc:Fallback``; only one branch is read);
* a soft line break splits a paragraph into several lines ("Job title" / "Company").

A tab becomes two spaces: it keeps "Engineer<TAB>2019 – 2021" readable, adds no glyph that is
not in the document, and lets later steps split columns on a run of two or more spaces.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import docx

from hitl_resume.errors import CorruptFileError, InputError, ResourceLimitError
from hitl_resume.ingest.docx_positions import page_position
from hitl_resume.ingest.docx_precheck import precheck_docx
from hitl_resume.ingest.extraction import Extraction, Line, LineOrigin
from hitl_resume.ingest.text_cleaning import clean_line

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
W_P, W_TBL, W_TR, W_TC, W_R, W_T = (_W + t for t in ("p", "tbl", "tr", "tc", "r", "t"))
W_SDT, W_SDT_CONTENT, W_CUSTOM_XML = _W + "sdt", _W + "sdtContent", _W + "customXml"
W_TXBX_CONTENT, W_VAL = _W + "txbxContent", _W + "val"
MC_ALTERNATE, MC_CHOICE, MC_FALLBACK = _MC + "AlternateContent", _MC + "Choice", _MC + "Fallback"

# Inline wrappers whose runs are visible text (hyperlinks, tracked insertions, simple fields).
_INLINE_WRAPPERS = frozenset(
    _W + t for t in ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "dir")
) | {_W + "bdo", W_SDT_CONTENT}
_RUN_TEXT = {_W + "tab": "\t", _W + "ptab": "\t", _W + "br": "\n", _W + "cr": "\n"}
_RUN_TEXT[_W + "noBreakHyphen"] = "-"
_SHAPES = frozenset({_W + "drawing", _W + "pict", _W + "object", MC_ALTERNATE})

_HEADING_NAME = re.compile(r"^(title|heading [1-9])$", re.IGNORECASE)
_LIST_NAME = re.compile(r"^list (bullet|number)( [2-9])?$", re.IGNORECASE)
_FALSE_VALUES = frozenset({"0", "false", "off", "none"})
_HEADING_MAX_WORDS = 6
# Control characters break exports and spaCy; zero-width marks and soft hyphens split words.
_DROP: dict[int, None] = dict.fromkeys(
    cp
    for cp in (*range(0x20), *range(0x7F, 0xA0), 0x00AD, 0x200B, 0x2060, 0xFEFF, 0xFFFE, 0xFFFF)
    if chr(cp) not in "\t\n"
)
_SPACE_OUT = {ord(c): " " for c in "\t\n\r"}


@dataclass(frozen=True, slots=True)
class _StyleFlags:
    """What a paragraph or character style says about the text that uses it."""

    heading: bool = False
    list_item: bool = False
    bold: bool = False


@dataclass(slots=True)
class _ParagraphText:
    """Text and bold runs of one paragraph, plus the text boxes it anchors."""

    parts: list[str] = field(default_factory=list)
    bold_runs: list[bool] = field(default_factory=list)
    textboxes: list[Any] = field(default_factory=list)


def shown_story_elements(document: Any, origin: str) -> list[Any]:
    """Return the root element of each header (or footer) part a reader sees, once each.

    A section without its own definition shows the previous section's ("linked"); a
    first-page or even-page variant counts only when its section or settings ask for it.
    ``annotate`` walks the same list, so what it edits is what the reader read.
    """
    even_pages = bool(document.settings.odd_and_even_pages_header_footer)
    definitions: dict[str, Any] = {}
    seen_parts: set[int] = set()
    elements: list[Any] = []
    for section in document.sections:
        for kind in ("first_page_", "", "even_page_"):
            story = getattr(section, f"{kind}{origin}")
            if not story.is_linked_to_previous:
                try:
                    definitions[kind] = story.part
                except KeyError:  # a reference to a missing part: nothing to read there
                    definitions.pop(kind, None)
        shown = ["first_page_"] if section.different_first_page_header_footer else []
        shown += ["", "even_page_"] if even_pages else [""]
        for kind in shown:
            part = definitions.get(kind)
            element = getattr(part, "element", None)
            if element is None or id(part) in seen_parts:
                continue
            seen_parts.add(id(part))
            elements.append(element)
    return elements


def read_docx(data: bytes) -> Extraction:
    """Return the lines of a DOCX resume in reading order.

    Args:
        data: the uploaded bytes; ``precheck_docx`` runs first.

    Raises:
        InputError: from the precheck; ``CorruptFileError`` when python-docx cannot read the
            file (including XML nested deeper than 256 levels); ``ResourceLimitError`` on
            MemoryError.
    """
    precheck_docx(data)
    try:
        document = docx.Document(io.BytesIO(data))
        return Extraction(kind="docx", lines=tuple(_DocumentWalker(document).lines()), pages=1)
    except InputError:
        raise
    except MemoryError:
        raise ResourceLimitError() from None
    except Exception:  # python-docx, lxml and zipfile errors embed names and text: drop them.
        raise CorruptFileError() from None


class _DocumentWalker:
    """Walk one opened document; holds the resolved styles it needs for flags."""

    def __init__(self, document: Any) -> None:
        self._document = document
        self._styles = _Styles(document.styles.element)
        # Page-anchored body text boxes: (top, left, flow position, lines), set per body walk.
        self._floating: list[tuple[int, int, int, list[Line]]] | None = None
        self._flow_count = 0

    def lines(self) -> Iterator[Line]:
        """Yield header lines, body lines, then footer lines."""
        yield from self._header_footer_lines("header")
        yield from self._body_lines()
        yield from self._header_footer_lines("footer")

    def _body_lines(self) -> list[Line]:
        """Return the body's lines; page-anchored text boxes come in page order, not XML order.

        Word stores a floating text box in whatever paragraph anchors it, so a CV built of boxes
        ("EXPERIENCE" in a left box, the jobs in a right box) lists them in any order. Those
        placed relative to the page or margin are read top to bottom, left to right, all at
        the place of the first one.
        """
        self._floating = []
        flow: list[Line] = []
        for line in self._blocks(self._document.element.body, "body"):
            flow.append(line)
            self._flow_count = len(flow)
        if not self._floating:
            return flow
        at = min(place for _, _, place, _ in self._floating)
        boxes = [line for *_, lines in sorted(self._floating) for line in lines]
        return flow[:at] + boxes + flow[at:]

    def _header_footer_lines(self, origin: LineOrigin) -> Iterator[Line]:
        """Yield each distinct, non-empty header (or footer) shown, section by section."""
        seen_texts: set[tuple[str, ...]] = set()
        for element in shown_story_elements(self._document, origin):
            lines = list(self._blocks(element, origin))
            texts = tuple(line.text for line in lines)
            if texts and texts not in seen_texts:
                seen_texts.add(texts)
                yield from lines

    def _blocks(self, container: Any, origin: LineOrigin) -> Iterator[Line]:
        """Yield the lines of block content (paragraphs, tables, content controls) in order."""
        for child in container:
            tag = child.tag
            if tag == W_P:
                yield from self._paragraph(child, origin)
            elif tag == W_TBL:
                yield from self._table(child, _nested_origin(origin, "table"))
            elif tag in (W_SDT, W_CUSTOM_XML, MC_ALTERNATE):
                inner = _unwrap(child)
                if inner is not None:
                    yield from self._blocks(inner, origin)

    def _table(self, table: Any, origin: LineOrigin) -> Iterator[Line]:
        """Yield a table row by row, each cell whole, nested tables in place."""
        for row in _children(table, W_TR):
            for cell in _children(row, W_TC):
                # Word shows a vertically merged cell's text in its first cell only; python-docx
                # repeats that first cell for the others, which is the duplicate to avoid.
                if _is_merge_continuation(cell):
                    continue
                yield from self._blocks(cell, origin)

    def _paragraph(self, p: Any, origin: LineOrigin) -> Iterator[Line]:
        """Yield one line per soft-broken piece of a paragraph, then its text boxes."""
        style_id, numbered, outline = _paragraph_properties(p)
        flags = self._styles.default if style_id is None else self._styles.flags(style_id)
        collected = _ParagraphText()
        self._inline(p, flags.bold, collected)
        raw = "".join(collected.parts)
        list_item = flags.list_item if numbered is None else numbered
        heading = flags.heading if outline is None else outline < 9
        if not heading and collected.bold_runs and all(collected.bold_runs):
            heading = len(raw.split()) <= _HEADING_MAX_WORDS
        for text in clean_lines(raw):
            yield Line(text=text, heading=heading, list_item=list_item, origin=origin)
        for textbox in collected.textboxes:
            box = self._blocks(textbox, _nested_origin(origin, "textbox"))
            position = page_position(textbox) if origin == "body" else None
            if position is None or self._floating is None:
                yield from box
            else:
                self._floating.append((*position, self._flow_count, list(box)))

    def _inline(self, element: Any, paragraph_bold: bool, out: _ParagraphText) -> None:
        """Collect the visible text of runs, descending through links, fields and controls."""
        for child in element:
            tag = child.tag
            if tag == W_R:
                self._run(child, paragraph_bold, out)
            elif tag in _INLINE_WRAPPERS:
                self._inline(child, paragraph_bold, out)
            elif tag in (W_SDT, MC_ALTERNATE):
                inner = _unwrap(child)
                if inner is not None:
                    self._inline(inner, paragraph_bold, out)

    def _run(self, run: Any, paragraph_bold: bool, out: _ParagraphText) -> None:
        bold = _run_bold(run, self._styles, paragraph_bold)
        for child in run:
            tag = child.tag
            if tag == W_T:
                text = (child.text or "").translate(_SPACE_OUT)
                out.parts.append(text)
                if text.strip():
                    out.bold_runs.append(bold)
            elif tag in _RUN_TEXT:
                out.parts.append(_RUN_TEXT[tag])
            elif tag in _SHAPES:
                out.textboxes.extend(_find_textboxes(child))


def clean_lines(raw: str) -> list[str]:
    """Split a paragraph on line breaks, drop XML junk characters, clean each line, drop blanks.

    The one cleaner (``clean_line``) keeps a tab as a two-space column gap.
    """
    return [text for text in map(clean_line, raw.translate(_DROP).split("\n")) if text]


def _nested_origin(outer: LineOrigin, inner: LineOrigin) -> LineOrigin:
    """Keep header/footer origin for everything inside them; otherwise the innermost wins."""
    return outer if outer in ("header", "footer") else inner


def _unwrap(element: Any) -> Any:
    """Return the content of a wrapper: sdtContent, customXml itself, or one mc branch."""
    tag = element.tag
    if tag == W_SDT:
        return element.find(W_SDT_CONTENT)
    if tag == MC_ALTERNATE:
        choice = element.find(MC_CHOICE)
        return choice if choice is not None else element.find(MC_FALLBACK)
    return element


def _children(element: Any, wanted: str) -> Iterator[Any]:
    """Yield rows or cells, looking through content-control and custom-XML wrappers."""
    for child in element:
        if child.tag == wanted:
            yield child
        elif child.tag in (W_SDT, W_CUSTOM_XML):
            inner = _unwrap(child)
            if inner is not None:
                yield from _children(inner, wanted)


def _find_textboxes(element: Any) -> Iterator[Any]:
    """Yield each w:txbxContent under a shape once, reading one branch of mc:AlternateContent."""
    if element.tag == W_TXBX_CONTENT:
        yield element
        return
    if element.tag == MC_ALTERNATE:
        branch = _unwrap(element)
        if branch is not None:
            for child in branch:
                yield from _find_textboxes(child)
        return
    for child in element:
        if isinstance(child.tag, str):
            yield from _find_textboxes(child)


def _is_merge_continuation(cell: Any) -> bool:
    merge = cell.find(f"{_W}tcPr/{_W}vMerge")
    return merge is not None and merge.get(W_VAL, "continue") != "restart"


def _on(element: Any) -> bool | None:
    """Read an OOXML on/off property: None when absent, else its value (default on)."""
    if element is None:
        return None
    return element.get(W_VAL, "1").lower() not in _FALSE_VALUES


def _paragraph_properties(p: Any) -> tuple[str | None, bool | None, int | None]:
    """Return the paragraph's style id, its own numbering on/off and its outline level."""
    ppr = p.find(_W + "pPr")
    if ppr is None:
        return None, None, None
    style_el = ppr.find(_W + "pStyle")
    style_id = style_el.get(W_VAL) if style_el is not None else None
    num_id = ppr.find(f"{_W}numPr/{_W}numId")
    numbered = None if num_id is None else num_id.get(W_VAL, "0") != "0"
    return style_id, numbered, _outline_level(ppr)


def _outline_level(ppr: Any) -> int | None:
    level = ppr.find(_W + "outlineLvl")
    value = level.get(W_VAL, "") if level is not None else ""
    return int(value) if value.isascii() and value.isdigit() else None


def _run_bold(run: Any, styles: _Styles, paragraph_bold: bool) -> bool:
    """Resolve bold: the run's own w:b, then its character style, then the paragraph style."""
    rpr = run.find(_W + "rPr")
    if rpr is not None:
        own = _on(rpr.find(_W + "b"))
        if own is not None:
            return own
        style = rpr.find(_W + "rStyle")
        if style is not None:
            return styles.flags(style.get(W_VAL)).bold or paragraph_bold
    return paragraph_bold


class _Styles:
    """Resolve style flags lazily through ``basedOn`` chains; a resume uses few of its styles."""

    def __init__(self, styles: Any) -> None:
        self._elements = {s.get(_W + "styleId", ""): s for s in styles.iterchildren(_W + "style")}
        self._flags: dict[str, _StyleFlags] = {}
        default = next(
            (
                style_id
                for style_id, s in self._elements.items()
                if s.get(_W + "type") == "paragraph" and _on_attr(s.get(_W + "default"))
            ),
            None,
        )
        self.default = self.flags(default)

    def flags(self, style_id: str | None) -> _StyleFlags:
        """Return the flags of a paragraph (or character) style; empty flags when unknown."""
        if style_id is None or style_id not in self._elements:
            return _StyleFlags()
        if style_id not in self._flags:
            self._flags[style_id] = _StyleFlags()  # placeholder breaks basedOn cycles
            self._flags[style_id] = self._resolve(self._elements[style_id])
        return self._flags[style_id]

    def _resolve(self, style: Any) -> _StyleFlags:
        based_el = style.find(_W + "basedOn")
        base = self.flags(based_el.get(W_VAL) if based_el is not None else None)
        name_el = style.find(_W + "name")
        name = name_el.get(W_VAL, "") if name_el is not None else ""
        ppr = style.find(_W + "pPr")
        outline = _outline_level(ppr) if ppr is not None else None
        num_id = ppr.find(f"{_W}numPr/{_W}numId") if ppr is not None else None
        if _HEADING_NAME.match(name):
            heading = True
        else:
            heading = base.heading if outline is None else outline < 9
        numbered = base.list_item if num_id is None else num_id.get(W_VAL, "0") != "0"
        bold = _on(style.find(f"{_W}rPr/{_W}b"))
        return _StyleFlags(
            heading=heading,
            list_item=bool(_LIST_NAME.match(name)) or numbered,
            bold=base.bold if bold is None else bold,
        )


def _on_attr(value: str | None) -> bool:
    return value is not None and value.lower() in ("1", "true", "on")
