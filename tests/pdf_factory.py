"""Build small synthetic resume PDFs with fpdf2 for tests (no real person's data).

Stable API for other tests: ``Block``, ``TableSpec``, ``make_pdf`` and the ``*_resume`` /
``*_pdf`` functions below, each returning PDF bytes. The texts they place are module constants
so tests can check what a reader returns. Coordinates are PDF points from the top-left corner of
a US Letter page (612 x 792).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from fpdf import FPDF
from PIL import Image


@dataclass(frozen=True, slots=True)
class Block:
    """Text at (x, y); ``width`` > 0 wraps it as a paragraph, or aligns it "R"/"C" in ``width``."""

    text: str
    x: float
    y: float
    width: float = 0.0
    size: float = 10.0
    bold: bool = False
    align: str = "L"
    line_height: float | None = None  # default 1.4 x size


@dataclass(frozen=True, slots=True)
class TableSpec:
    """A ruled table (every cell has a border) whose top-left corner is at (x, y)."""

    rows: tuple[tuple[str, ...], ...]
    x: float
    y: float
    col_widths: tuple[float, ...]
    size: float = 10.0
    row_height: float = 18.0


Element = Block | TableSpec


def make_pdf(
    pages: Sequence[Sequence[Element]],
    *,
    user_password: str | None = None,
    owner_password: str | None = None,
) -> bytes:
    """Render pages of blocks and tables (Helvetica, cp1252 so bullets work) to PDF bytes."""
    pdf = FPDF(unit="pt", format="letter")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_auto_page_break(auto=False)
    pdf.set_margins(0, 0, 0)
    if owner_password is not None or user_password is not None:
        pdf.set_encryption(owner_password=owner_password or "", user_password=user_password)
    for elements in pages:
        pdf.add_page()
        for element in elements:
            if isinstance(element, TableSpec):
                _draw_table(pdf, element)
            else:
                _draw_block(pdf, element)
    return bytes(pdf.output())


def _draw_block(pdf: FPDF, block: Block) -> None:
    pdf.set_font("Helvetica", "B" if block.bold else "", block.size)
    height = block.line_height or 1.4 * block.size
    pdf.set_xy(block.x, block.y)
    if block.width > 0 and block.align in ("R", "C"):
        pdf.cell(block.width, height, block.text, align=block.align)
    elif block.width > 0:
        pdf.multi_cell(block.width, height, block.text, align="L")
    else:
        pdf.cell(0 if not block.text else pdf.get_string_width(block.text) + 2, height, block.text)


def _draw_table(pdf: FPDF, spec: TableSpec) -> None:
    pdf.set_font("Helvetica", "", spec.size)
    for r, row in enumerate(spec.rows):
        x = spec.x
        for text, width in zip(row, spec.col_widths, strict=True):
            pdf.set_xy(x, spec.y + r * spec.row_height)
            pdf.cell(width, spec.row_height, text, border=1)
            x += width


# One-column resume: every line is placed on its own, so the expected output is exact.
ONE_COLUMN_LINES: tuple[tuple[str, bool], ...] = (  # (text, is heading)
    ("Jordan Example", True),
    ("jordan@example.com | 555-0100 | Springfield", False),
    ("Experience", True),
    ("Data Annotation Lead, Acme Labs 03/2019 to Current", False),
    ("• Reviewed model outputs and wrote labeling guidelines for 12 annotators", False),
    ("• Audited 5,000 flagged items per week for policy accuracy", False),
    ("Quality Analyst, Beta Corp 06/2016 to 02/2019", False),
    ("• Checked transcription quality against a rubric", False),
    ("EDUCATION", True),
    ("B.A. Linguistics, State University 2016", False),
)


def one_column_resume() -> bytes:
    """Return a one-page, one-column resume; dates are right-aligned on the title lines."""
    blocks: list[Block] = []
    y = 50.0
    for text, heading in ONE_COLUMN_LINES:
        title, _, date = _split_date(text)
        size = 20.0 if text == "Jordan Example" else 12.0 if heading else 10.0
        blocks.append(Block(title, 50, y, size=size, bold=heading and text != "EDUCATION"))
        if date:
            blocks.append(Block(date, 400, y, width=162, align="R"))
        y += size * 1.4 + (8 if heading else 2)
    return make_pdf([blocks])


def _split_date(text: str) -> tuple[str, str, str]:
    for marker in (" 03/2019", " 06/2016"):
        if marker in text:
            title, date = text.split(marker, 1)
            return title, marker, marker.strip() + date
    return text, "", ""


# Two columns side by side at the same heights; the vocabularies are disjoint on purpose.
TWO_COLUMN_LEFT = (
    "Skills",
    "Python pandas SQL spreadsheets Excel dashboards statistics sampling regression "
    "visualisation tableau scripting automation notebooks jupyter git linux bash",
    "Languages",
    "English Spanish Portuguese fluent conversational reading",
)
TWO_COLUMN_RIGHT = (
    "Experience",
    "Led a team that reviewed machine outputs every day, wrote the guidelines, trained new "
    "reviewers and reported weekly accuracy to the product owners. Built a queue for escalated "
    "items and cut the backlog by half within three months while keeping precision above target.",
    "Volunteering",
    "Mentored students at the community library on weekends.",
)


def two_column_resume() -> bytes:
    """Return a page with two equal columns of different paragraphs starting at the same height."""
    return make_pdf(
        [_columns((TWO_COLUMN_LEFT, 50, 230, 10), (TWO_COLUMN_RIGHT, 320, 240, 10), top=60)]
    )


def _columns(*columns: tuple[Sequence[str], float, float, float], top: float) -> list[Element]:
    """Lay out columns given as (texts, x, width, font size); even texts are bold headings."""
    blocks: list[Element] = []
    for texts, x, w, size in columns:
        y = top
        for k, text in enumerate(texts):
            heading = k % 2 == 0
            lines = _wrapped_lines(text, w, size, bold=heading)
            blocks.append(Block(text, x, y, width=w, size=size, bold=heading))
            y += lines * 1.4 * size + 6
    return blocks


def _wrapped_lines(text: str, width: float, size: float, *, bold: bool) -> int:
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.set_font("Helvetica", "B" if bold else "", size)
    return len(pdf.multi_cell(width, 1.4 * size, text, dry_run=True, output="LINES"))


# Narrow left sidebar (smaller font, other line pitch) and a main column.
SIDEBAR_TEXTS = (
    "CONTACT",
    "jordan@example.com 555-0100 Springfield",
    "SKILLS",
    "Labeling Triage Rubrics Escalation Calibration Sampling",
)
MAIN_TEXTS = (
    "Summary",
    "Quality reviewer with six years checking automated decisions and correcting them where "
    "they were wrong, then feeding the corrections back to the modelling team.",
    "Experience",
    "Senior reviewer at a marketplace: approved or rejected listings the classifier was unsure "
    "about, wrote the decision guide and coached a group of eight new reviewers.",
)


def sidebar_resume() -> bytes:
    """Return a page with a narrow 9 pt left sidebar and a 10.5 pt main column beside it."""
    return make_pdf([_columns((SIDEBAR_TEXTS, 36, 130, 9), (MAIN_TEXTS, 200, 370, 10.5), top=50)])


HEADER_NAME = "Jordan Example"
HEADER_CONTACT = "jordan@example.com | 555-0100 | Springfield | portfolio.example.org"


def header_two_column_resume() -> bytes:
    """Return a centred full-width name and contact line above a two-column body."""
    header: list[Element] = [
        Block(HEADER_NAME, 0, 30, width=612, size=22, bold=True, align="C"),
        Block(HEADER_CONTACT, 0, 64, width=612, align="C"),
    ]
    body = _columns((TWO_COLUMN_LEFT, 50, 230, 10), (TWO_COLUMN_RIGHT, 320, 240, 10), top=100)
    return make_pdf([header + body])


TABLE_BEFORE = "Certifications are listed below with the year they were earned."
TABLE_ROWS = (
    ("Certificate", "Issuer", "Year"),
    ("Data Labeling Pro", "LabelOrg", "2021"),
    ("Content Policy", "TrustBoard", "2020"),
    ("Audit Basics", "QA Guild", "2019"),
)
TABLE_AFTER = "References are available on request from former managers."


def table_resume() -> bytes:
    """Return a paragraph, a ruled 3 x 4 table, and a paragraph below it."""
    return make_pdf(
        [
            [
                Block("Certifications", 50, 50, size=12, bold=True),
                Block(TABLE_BEFORE, 50, 72),
                TableSpec(TABLE_ROWS, 50, 96, (180, 150, 80)),
                Block(TABLE_AFTER, 50, 96 + 18 * len(TABLE_ROWS) + 12),
            ]
        ]
    )


def many_pages_pdf(n: int) -> bytes:
    """Return an ``n``-page PDF whose page k holds the line "Page k of the document"."""
    return make_pdf([[Block(f"Page {k} of the document", 50, 50)] for k in range(1, n + 1)])


def encrypted_pdf(user_password: str | None, owner_password: str) -> bytes:
    """Return the one-column resume encrypted (RC4); ``user_password=None`` = owner-only."""
    blocks = [Block(text, 50, 50 + 20 * k) for k, (text, _) in enumerate(ONE_COLUMN_LINES)]
    return make_pdf([blocks], user_password=user_password, owner_password=owner_password)


def image_only_pdf() -> bytes:
    """Return a page holding only a filled rectangle and a small image (no text layer)."""
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.set_fill_color(200, 200, 200)
    pdf.rect(50, 50, 300, 100, style="F")
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (10, 120, 200)).save(buffer, format="PNG")
    pdf.image(buffer, x=50, y=200, w=200)
    return bytes(pdf.output())
