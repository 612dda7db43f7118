"""Draw the zoo's document model as DOCX with python-docx (text boxes as raw DrawingML)."""

from __future__ import annotations

import io
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from layout_zoo.model import Box, Columns, Item, P, Table

# Style ids of the default template (set directly: name lookups cost 6 ms a paragraph).
_STYLES = {"name": "Title", "heading": "Heading1", "bullet": "ListBullet", "line": None}
_EMU = 12700  # EMU per point
_HEADING_PPR = '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'
_BOLD_RPR = "<w:rPr><w:b/></w:rPr>"
_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"


def _paragraph(container: Any, para: P, first: Any = None) -> None:
    """Add (or fill ``first``, a cell's empty paragraph) one paragraph with its style."""
    target = first if first is not None else container.add_paragraph()
    style = _STYLES[para.kind]
    if style is not None:
        target._p.get_or_add_pPr().style = style
    run = target.add_run(para.text)
    run.bold = para.bold or None


def _cell(cell: Any, paras: tuple[P, ...]) -> None:
    first = cell.paragraphs[0]
    for n, para in enumerate(paras):
        _paragraph(cell, para, first if n == 0 else None)


def _table(document: Any, table: Table) -> None:
    grid = document.add_table(rows=len(table.rows), cols=len(table.widths))
    if table.ruled:
        grid.style = document.styles["Table Grid"]
    for r, row in enumerate(table.rows):
        for c, paras in enumerate(row):
            _cell(grid.cell(r, c), paras)


def _box_xml(box: Box, number: int) -> str:
    """Return a page-anchored text box (DrawingML Choice, VML Fallback) holding ``box``."""
    paragraphs = "".join(
        f"<w:p>{_HEADING_PPR if p.kind == 'heading' else ''}"
        f"<w:r>{_BOLD_RPR if p.bold else ''}<w:t xml:space='preserve'>"
        f"{escape(p.text)}</w:t></w:r></w:p>"
        for p in box.paras
    )
    content = f"<w:txbxContent>{paragraphs}</w:txbxContent>"
    cx, cy = int(box.width * _EMU), int(100 * _EMU)
    return (
        f'<mc:AlternateContent {nsdecls("w", "wp", "a")} xmlns:wps="{_WPS}"'
        ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        ' xmlns:v="urn:schemas-microsoft-com:vml">'
        '<mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0"'
        f' relativeHeight="{number}" behindDoc="0" locked="0" layoutInCell="1"'
        ' allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="page"><wp:posOffset>{int(box.left * _EMU)}</wp:posOffset>'
        f'</wp:positionH><wp:positionV relativeFrom="page"><wp:posOffset>{int(box.top * _EMU)}'
        f'</wp:posOffset></wp:positionV><wp:extent cx="{cx}" cy="{cy}"/>'
        f'<wp:wrapNone/><wp:docPr id="{number}" name="Text Box {number}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{_WPS}"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>'
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
        f"<wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>"
        "</wp:anchor></w:drawing></mc:Choice>"
        f'<mc:Fallback><w:pict><v:shape style="position:absolute;width:{box.width}pt;height:100pt">'
        f"<v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>"
    )


@cache
def _blank() -> Any:
    """Return one document reused for every render (opening the template costs 30 ms)."""
    return docx.Document()


def render_docx(items: list[Item]) -> bytes:
    """Return DOCX bytes for a zoo document (the shared document's body is emptied first)."""
    document = _blank()
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    for number, item in enumerate(items, start=1):
        if isinstance(item, P):
            _paragraph(document, item)
        elif isinstance(item, Table):
            _table(document, item)
        elif isinstance(item, Box):
            anchor = document.add_paragraph()
            anchor.add_run()._r.append(parse_xml(_box_xml(item, number)))
        elif isinstance(item, Columns):
            grid = document.add_table(rows=1, cols=2)
            _cell(grid.cell(0, 0), item.left)
            _cell(grid.cell(0, 1), item.right)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
