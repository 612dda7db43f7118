"""Draw the zoo's document model as PDF with fpdf2 (Helvetica, cp1252 for dashes and bullets)."""

from __future__ import annotations

from fpdf import FPDF

from layout_zoo.model import Box, Columns, Item, P, Table

_LEFT, _WIDTH = 50.0, 512.0
_SIZES = {"name": 16.0, "heading": 12.0, "line": 10.0, "bullet": 10.0}


def _font(pdf: FPDF, para: P, scale: float = 1.0) -> float:
    size = _SIZES[para.kind] * scale
    pdf.set_font("Helvetica", "B" if para.bold or para.kind in ("name", "heading") else "", size)
    return size * 1.35


def _para(pdf: FPDF, para: P, x: float, width: float, scale: float = 1.0) -> None:
    """Draw one paragraph at the cursor's y, wrapping within ``width``."""
    height = _font(pdf, para, scale)
    if para.kind == "heading":
        pdf.set_y(pdf.get_y() + 4)
    if "\t" in para.text:
        y = pdf.get_y()
        for stop, part in zip(para.stops, para.text.split("\t"), strict=False):
            if part:
                pdf.set_xy(stop, y)
                pdf.cell(pdf.get_string_width(part) + 2, height, part)
        pdf.set_xy(x, y + height)
        return
    text = f"• {para.text}" if para.kind == "bullet" else para.text
    indent = 12.0 if para.kind == "bullet" else 0.0
    pdf.set_x(x + indent)
    pdf.multi_cell(width - indent, height, text, align="L")
    pdf.set_x(x)


def _table(pdf: FPDF, table: Table) -> None:
    for row in table.rows:
        top, bottom, x = pdf.get_y(), pdf.get_y(), _LEFT
        for paras, width in zip(row, table.widths, strict=True):
            pdf.set_xy(x, top)
            for para in paras:
                _para(pdf, para, x + 3, width - 6)
            bottom = max(bottom, pdf.get_y())
            x += width
        if table.ruled:
            x = _LEFT
            for width in table.widths:
                pdf.rect(x, top, width, bottom - top + 2)
                x += width
        pdf.set_xy(_LEFT, bottom + 4)


def _columns(pdf: FPDF, columns: Columns) -> None:
    top = pdf.get_y()
    for paras, x, width in (
        (columns.left, 30.0, columns.left_width - 20),
        (columns.right, 30.0 + columns.left_width, 552.0 - columns.left_width),
    ):
        pdf.set_xy(x, top)
        for para in paras:
            _para(pdf, para, x, width, scale=0.9)


def render_pdf(items: list[Item]) -> bytes:
    """Return PDF bytes for a zoo document (US Letter, points)."""
    pdf = FPDF(unit="pt", format="letter")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_margins(_LEFT, 40, 50)
    pdf.set_auto_page_break(auto=True, margin=40)
    pdf.add_page()
    for item in items:
        if isinstance(item, P):
            _para(pdf, item, _LEFT, _WIDTH)
        elif isinstance(item, Table):
            _table(pdf, item)
        elif isinstance(item, Columns):
            _columns(pdf, item)
        elif isinstance(item, Box):
            pdf.set_xy(item.left, item.top)
            for para in item.paras:
                _para(pdf, para, item.left, item.width)
    return bytes(pdf.output())
