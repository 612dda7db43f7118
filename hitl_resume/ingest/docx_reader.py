"""Turn DOCX bytes into lines in reading order, keeping the layout hints structure needs.

Resumes put text where ``Document.paragraphs`` never looks: layout tables, text boxes, headers
and content controls. The paragraphs come from the shared walk (``docx_walk``) in the order a
person reads them; headers come first, then the body, then footers (contact details often live
in the header), and a soft line break splits a paragraph into several lines ("Job title" /
"Company").

A tab becomes two spaces: it keeps "Engineer<TAB>2019 – 2021" readable, adds no glyph that is
not in the document, and lets later steps split columns on a run of two or more spaces.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

import docx

from hitl_resume.errors import CorruptFileError, InputError, ResourceLimitError
from hitl_resume.ingest.docx_precheck import precheck_docx
from hitl_resume.ingest.docx_walk import (
    RUN_TEXT,
    W_T,
    W_VAL,
    DocxWalker,
    Visit,
    W,
    runs,
)
from hitl_resume.ingest.extraction import Extraction, Line, LineOrigin
from hitl_resume.ingest.text_cleaning import clean_line

_HEADING_NAME = re.compile(r"^(title|heading [1-9])$", re.IGNORECASE)
_LIST_NAME = re.compile(r"^list (bullet|number)( [2-9])?$", re.IGNORECASE)
_FALSE_VALUES = frozenset({"0", "false", "off", "none"})
_HEADING_MAX_WORDS = 6
# Control characters break exports and spaCy; zero-width marks and soft hyphens split words.
DROPPED_CHARS: dict[int, None] = dict.fromkeys(
    cp
    for cp in (*range(0x20), *range(0x7F, 0xA0), 0x00AD, 0x200B, 0x2060, 0xFEFF, 0xFFFE, 0xFFFF)
    if chr(cp) not in "\t\n"
)
SPACE_OUT = {ord(c): " " for c in "\t\n\r"}


@dataclass(frozen=True, slots=True)
class _StyleFlags:
    """What a paragraph or character style says about the text that uses it."""

    heading: bool = False
    list_item: bool = False
    bold: bool = False


@dataclass(slots=True)
class _ParagraphText:
    """Text and bold runs of one paragraph."""

    parts: list[str] = field(default_factory=list)
    bold_runs: list[bool] = field(default_factory=list)


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
    """Turn the visits of one opened document into lines; holds its resolved styles."""

    def __init__(self, document: Any) -> None:
        self._document = document
        self._styles = _Styles(document.styles.element)

    def lines(self) -> Iterator[Line]:
        """Yield header lines, body lines, then footer lines."""
        yield from self._header_footer_lines("header")
        for visit in DocxWalker().story(self._document.element.body, "body"):
            yield from self._paragraph(visit)
        yield from self._header_footer_lines("footer")

    def _header_footer_lines(self, story: Literal["header", "footer"]) -> Iterator[Line]:
        """Yield each distinct, non-empty header (or footer) shown, section by section."""
        seen_texts: set[tuple[str, ...]] = set()
        for element in shown_story_elements(self._document, story):
            visits = DocxWalker().story(element, story)
            lines = [line for visit in visits for line in self._paragraph(visit)]
            texts = tuple(line.text for line in lines)
            if texts and texts not in seen_texts:
                seen_texts.add(texts)
                yield from lines

    def _paragraph(self, visit: Visit) -> Iterator[Line]:
        """Yield one line per soft-broken piece of a paragraph."""
        p = visit.p
        origin: LineOrigin = visit.place if visit.story == "body" else visit.story
        style_id, numbered, outline = _paragraph_properties(p)
        flags = self._styles.default if style_id is None else self._styles.flags(style_id)
        collected = _ParagraphText()
        for top in p:
            for run in runs(top):
                self._run(run, flags.bold, collected)
        raw = "".join(collected.parts)
        list_item = flags.list_item if numbered is None else numbered
        heading = flags.heading if outline is None else outline < 9
        if not heading and collected.bold_runs and all(collected.bold_runs):
            heading = len(raw.split()) <= _HEADING_MAX_WORDS
        for text in clean_lines(raw):
            yield Line(text=text, heading=heading, list_item=list_item, origin=origin)

    def _run(self, run: Any, paragraph_bold: bool, out: _ParagraphText) -> None:
        bold = _run_bold(run, self._styles, paragraph_bold)
        for child in run:
            tag = child.tag
            if tag == W_T:
                text = (child.text or "").translate(SPACE_OUT)
                out.parts.append(text)
                if text.strip():
                    out.bold_runs.append(bold)
            elif tag in RUN_TEXT:
                out.parts.append(RUN_TEXT[tag])


def clean_lines(raw: str) -> list[str]:
    """Split a paragraph on line breaks, drop XML junk characters, clean each line, drop blanks.

    The one cleaner (``clean_line``) keeps a tab as a two-space column gap.
    """
    return [text for text in map(clean_line, raw.translate(DROPPED_CHARS).split("\n")) if text]


def _on(element: Any) -> bool | None:
    """Read an OOXML on/off property: None when absent, else its value (default on)."""
    if element is None:
        return None
    return element.get(W_VAL, "1").lower() not in _FALSE_VALUES


def _paragraph_properties(p: Any) -> tuple[str | None, bool | None, int | None]:
    """Return the paragraph's style id, its own numbering on/off and its outline level."""
    ppr = p.find(W + "pPr")
    if ppr is None:
        return None, None, None
    style_el = ppr.find(W + "pStyle")
    style_id = style_el.get(W_VAL) if style_el is not None else None
    num_id = ppr.find(f"{W}numPr/{W}numId")
    numbered = None if num_id is None else num_id.get(W_VAL, "0") != "0"
    return style_id, numbered, _outline_level(ppr)


def _outline_level(ppr: Any) -> int | None:
    level = ppr.find(W + "outlineLvl")
    value = level.get(W_VAL, "") if level is not None else ""
    return int(value) if value.isascii() and value.isdigit() else None


def _run_bold(run: Any, styles: _Styles, paragraph_bold: bool) -> bool:
    """Resolve bold: the run's own w:b, then its character style, then the paragraph style."""
    rpr = run.find(W + "rPr")
    if rpr is not None:
        own = _on(rpr.find(W + "b"))
        if own is not None:
            return own
        style = rpr.find(W + "rStyle")
        if style is not None:
            return styles.flags(style.get(W_VAL)).bold or paragraph_bold
    return paragraph_bold


class _Styles:
    """Resolve style flags lazily through ``basedOn`` chains; a resume uses few of its styles."""

    def __init__(self, styles: Any) -> None:
        self._elements = {s.get(W + "styleId", ""): s for s in styles.iterchildren(W + "style")}
        self._flags: dict[str, _StyleFlags] = {}
        default = next(
            (
                style_id
                for style_id, s in self._elements.items()
                if s.get(W + "type") == "paragraph" and _on_attr(s.get(W + "default"))
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
        based_el = style.find(W + "basedOn")
        base = self.flags(based_el.get(W_VAL) if based_el is not None else None)
        name_el = style.find(W + "name")
        name = name_el.get(W_VAL, "") if name_el is not None else ""
        ppr = style.find(W + "pPr")
        outline = _outline_level(ppr) if ppr is not None else None
        num_id = ppr.find(f"{W}numPr/{W}numId") if ppr is not None else None
        if _HEADING_NAME.match(name):
            heading = True
        else:
            heading = base.heading if outline is None else outline < 9
        numbered = base.list_item if num_id is None else num_id.get(W_VAL, "0") != "0"
        bold = _on(style.find(f"{W}rPr/{W}b"))
        return _StyleFlags(
            heading=heading,
            list_item=bool(_LIST_NAME.match(name)) or numbered,
            bold=base.bold if bold is None else bold,
        )


def _on_attr(value: str | None) -> bool:
    return value is not None and value.lower() in ("1", "true", "on")
