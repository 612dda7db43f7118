"""The one walk over a DOCX tree in reading order, shared by the reader and the annotator.

Resumes put text where ``Document.paragraphs`` never looks: layout tables, text boxes, headers
and content controls. The walk visits every paragraph a person reads, once, in order:

* a table row by row, each cell whole (a vertically merged cell once), nested tables in place;
* content controls, custom XML and ``mc:AlternateContent`` looked through (one branch only:
  Word stores each text box twice, as ``mc:Choice`` and ``mc:Fallback``);
* a text box right after the paragraph that anchors it, except body text boxes placed relative
  to the page or margin: those come in page order (top to bottom, left to right), all at the
  place of the first one, because a CV built of boxes lists them in any XML order.

``docx_reader`` turns each visited paragraph into lines; ``annotate`` edits and comments on the
same paragraphs, so what it changes is what the reader read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from hitl_resume.ingest.docx_positions import page_position

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
W_P, W_TBL, W_TR, W_TC, W_R, W_T = (W + t for t in ("p", "tbl", "tr", "tc", "r", "t"))
W_SDT, W_SDT_CONTENT, W_CUSTOM_XML = W + "sdt", W + "sdtContent", W + "customXml"
W_TXBX_CONTENT, W_VAL = W + "txbxContent", W + "val"
MC_ALTERNATE, MC_CHOICE, MC_FALLBACK = _MC + "AlternateContent", _MC + "Choice", _MC + "Fallback"

#: Inline wrappers whose runs are visible text (hyperlinks, tracked insertions, simple fields).
INLINE_WRAPPERS = frozenset(
    W + t for t in ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "dir")
) | {W + "bdo", W_SDT_CONTENT}
#: Run children that stand for one character of text.
RUN_TEXT = {W + "tab": "\t", W + "ptab": "\t", W + "br": "\n", W + "cr": "\n"}
RUN_TEXT[W + "noBreakHyphen"] = "-"
#: Run children that may hold a text box.
SHAPES = frozenset({W + "drawing", W + "pict", W + "object", MC_ALTERNATE})

Story = Literal["header", "body", "footer"]
Place = Literal["body", "table", "textbox"]


@dataclass(frozen=True, slots=True)
class Visit:
    """One paragraph in reading order and where it sits.

    ``anchor`` is set inside text boxes: the paragraph hosting the outermost box and its child
    that holds the shape (comments on box text are anchored there).
    """

    p: Any
    story: Story
    place: Place
    anchor: tuple[Any, Any] | None = None


def unwrap(element: Any) -> Any:
    """Return the content of a wrapper: sdtContent, customXml itself, or one mc branch."""
    tag = element.tag
    if tag == W_SDT:
        return element.find(W_SDT_CONTENT)
    if tag == MC_ALTERNATE:
        choice = element.find(MC_CHOICE)
        return choice if choice is not None else element.find(MC_FALLBACK)
    return element


def children(element: Any, wanted: str) -> Iterator[Any]:
    """Yield rows or cells, looking through content-control and custom-XML wrappers."""
    for child in element:
        if child.tag == wanted:
            yield child
        elif child.tag in (W_SDT, W_CUSTOM_XML):
            inner = unwrap(child)
            if inner is not None:
                yield from children(inner, wanted)


def is_merge_continuation(cell: Any) -> bool:
    """Word shows a vertically merged cell's text in its first cell only."""
    merge = cell.find(f"{W}tcPr/{W}vMerge")
    return merge is not None and merge.get(W_VAL, "continue") != "restart"


def runs(element: Any) -> Iterator[Any]:
    """Yield the runs read under one paragraph child, in order (through links, fields, controls)."""
    tag = element.tag
    if tag == W_R:
        yield element
    elif tag in INLINE_WRAPPERS:
        for child in element:
            yield from runs(child)
    elif tag in (W_SDT, MC_ALTERNATE):
        inner = unwrap(element)
        if inner is not None:
            for child in inner:
                yield from runs(child)


class DocxWalker:
    """Visit the paragraphs of one story (header, body or footer part) in reading order.

    ``on_alternate`` sees every ``mc:AlternateContent`` the walk looks through (the annotator
    pairs the two copies of a text box there).
    """

    def __init__(self, on_alternate: Callable[[Any], None] | None = None) -> None:
        self._on_alternate = on_alternate
        self._floating: list[tuple[int, int, int, list[Visit]]] | None = None
        self._visits: list[Visit] = []

    def story(self, element: Any, story: Story) -> list[Visit]:
        """Return the visits of one story root (``w:body``, ``w:hdr`` or ``w:ftr``)."""
        self._visits = []
        self._floating = [] if story == "body" else None
        self._blocks(element, story, "body", None)
        if not self._floating:
            return self._visits
        at = min(place for _, _, place, _ in self._floating)
        boxes = [visit for *_, visits in sorted(self._floating) for visit in visits]
        return self._visits[:at] + boxes + self._visits[at:]

    def _blocks(
        self, container: Any, story: Story, place: Place, anchor: tuple[Any, Any] | None
    ) -> None:
        for child in container:
            tag = child.tag
            if tag == W_P:
                self._paragraph(child, story, place, anchor)
            elif tag == W_TBL:
                inner: Place = "textbox" if place == "textbox" else "table"
                for row in children(child, W_TR):
                    for cell in children(row, W_TC):
                        if not is_merge_continuation(cell):
                            self._blocks(cell, story, inner, anchor)
            elif tag in (W_SDT, W_CUSTOM_XML, MC_ALTERNATE):
                if tag == MC_ALTERNATE and self._on_alternate is not None:
                    self._on_alternate(child)
                content = unwrap(child)
                if content is not None:
                    self._blocks(content, story, place, anchor)

    def _paragraph(
        self, p: Any, story: Story, place: Place, anchor: tuple[Any, Any] | None
    ) -> None:
        self._visits.append(Visit(p, story, place, anchor))
        for top in p:
            for run in runs(top):
                for shape in (child for child in run if child.tag in SHAPES):
                    for box in self._textboxes(shape):
                        self._textbox(box, story, anchor or (p, top))

    def _textbox(self, box: Any, story: Story, anchor: tuple[Any, Any]) -> None:
        floating = self._floating
        position = page_position(box) if floating is not None else None
        if floating is None or position is None:
            self._blocks(box, story, "textbox", anchor)
            return
        flow, self._visits, self._floating = self._visits, [], None  # boxes inside read in place
        self._blocks(box, story, "textbox", anchor)
        inside, self._visits, self._floating = self._visits, flow, floating
        floating.append((*position, len(flow), inside))

    def _textboxes(self, element: Any) -> Iterator[Any]:
        """Yield each w:txbxContent under a shape once (one branch of mc:AlternateContent)."""
        if element.tag == W_TXBX_CONTENT:
            yield element
            return
        if element.tag == MC_ALTERNATE:
            if self._on_alternate is not None:
                self._on_alternate(element)
            branch = unwrap(element)
            if branch is not None:
                for child in branch:
                    yield from self._textboxes(child)
            return
        for child in element:
            if isinstance(child.tag, str):
                yield from self._textboxes(child)
