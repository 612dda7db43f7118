"""DOCX lines come out once each, in reading order, with the layout hints structure needs."""

from __future__ import annotations

import io
import time
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx_factory import (
    CONTACT_LINE,
    EMAIL,
    FOOTER_LINE,
    NAME,
    TEXTBOX_LINES,
    body_paragraphs_docx,
    document_xml_with,
    header_footer_docx,
    list_resume_docx,
    replace_parts,
    simple_resume_docx,
    table_layout_resume_docx,
    textbox_resume_docx,
    textbox_xml,
)

from hitl_resume.errors import CorruptFileError, InputError, ResourceLimitError
from hitl_resume.ingest.docx_reader import clean_lines, read_docx
from hitl_resume.ingest.extraction import Line


def texts(lines: tuple[Line, ...]) -> list[str]:
    return [line.text for line in lines]


def read_body(body_xml: str) -> list[str]:
    """Read a resume whose document.xml body is ``body_xml``."""
    data = replace_parts(simple_resume_docx(), {"word/document.xml": document_xml_with(body_xml)})
    return texts(read_docx(data).lines)


def test_when_simple_resume_then_paragraphs_in_order_with_flags() -> None:
    """Body paragraphs keep their order; tabs become two spaces; soft breaks split lines."""
    extraction = read_docx(simple_resume_docx())
    assert extraction.kind == "docx"
    assert extraction.pages == 1
    got = [(line.text, line.heading, line.list_item, line.origin) for line in extraction.lines]
    assert got == [
        (NAME, True, False, "body"),
        (f"{EMAIL} | +1 555 0100", False, False, "body"),
        ("Experience", True, False, "body"),
        ("Annotation Lead  2019 – 2021", False, False, "body"),
        ("Acme Labs", False, False, "body"),
        ("Remote", False, False, "body"),
        (
            "Reviewed model outputs with a team of twelve labelers and wrote the review "
            "guidelines.",
            False,
            False,
            "body",
        ),
        ("SKILLS", True, False, "body"),
        ("Built a human review queue for flagged predictions in production.", False, False, "body"),
        ("Python and SQL", False, False, "body"),
    ]


def _styled_docx() -> bytes:
    """Return paragraphs whose heading status comes from outline levels and style inheritance."""
    document = docx.Document()
    section = document.styles.add_style("Section Head", WD_STYLE_TYPE.PARAGRAPH)
    section.base_style = document.styles["Heading 2"]
    plain = document.styles.add_style("Job Line", WD_STYLE_TYPE.PARAGRAPH)
    plain.base_style = document.styles["Normal"]
    bold_char = document.styles.add_style("Strong Run", WD_STYLE_TYPE.CHARACTER)
    bold_char.font.bold = True
    document.add_paragraph("Work History", style="Section Head")
    outlined = document.add_paragraph("Education")
    outlined._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="0"/>'))
    document.add_paragraph("Annotation Lead", style="Job Line")
    document.add_paragraph().add_run("Certifications", style="Strong Run")
    not_bold = document.add_paragraph()
    not_bold.add_run("Volunteering").bold = False
    return _save(document)


def _save(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Work History", True),  # style based on Heading 2
        ("Education", True),  # outline level 0 on a Normal paragraph
        ("Annotation Lead", False),  # custom style based on Normal
        ("Certifications", True),  # bold through a character style, short
        ("Volunteering", False),  # explicitly not bold
    ],
)
def test_when_heading_comes_from_style_chain_then_flagged(text: str, heading: bool) -> None:
    """Headings are found through basedOn chains, outline levels and character styles."""
    lines = {line.text: line for line in read_docx(_styled_docx()).lines}
    assert lines[text].heading is heading


@pytest.mark.parametrize(
    ("text", "list_item"),
    [
        ("Skills", False),
        ("Python", True),
        ("Annotation QA", True),
        ("Cut review time by 30%", True),
        ("Trained 12 labelers", True),
        ("Wrote the labeling guide", True),
        ("• Typed bullet, not a Word list", False),
        ("Not numbered", False),
    ],
)
def test_when_list_paragraphs_then_flagged(text: str, list_item: bool) -> None:
    """Word lists (style or w:numPr) are list items; a typed bullet glyph is not."""
    lines = {line.text: line for line in read_docx(list_resume_docx()).lines}
    assert lines[text].list_item is list_item


def test_when_list_numbering_is_removed_then_not_a_list_item() -> None:
    """numId 0 on a List Bullet paragraph turns its numbering off."""
    document = docx.Document()
    paragraph = document.add_paragraph("Plain now", style="List Bullet")
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="0"/></w:numPr>')
    )
    (line,) = read_docx(_save(document)).lines
    assert not line.list_item


SIDEBAR = ["Contact", EMAIL, "Skills", "Python", "Annotation QA"]
MAIN = [
    "Profile",
    "Human-in-the-loop lead who turns reviewer feedback into better models.",
    "Certifications",
    "Certified Annotation Specialist",
]


def test_when_two_column_layout_table_then_left_cell_whole_then_right_cell() -> None:
    """A sidebar | main layout table reads as the whole sidebar, then the whole main cell."""
    got = texts(read_docx(table_layout_resume_docx()).lines)
    start = got.index("Contact")
    assert got[start : start + len(SIDEBAR) + len(MAIN)] == SIDEBAR + MAIN


def test_when_row_per_job_table_then_dates_stay_with_their_job() -> None:
    """Each dates | job row is read together, so dates sit right before their job."""
    lines = read_docx(table_layout_resume_docx()).lines
    got = texts(lines)
    start = got.index("2019 – 2021")
    assert got[start:] == [
        "2019 – 2021",
        "Annotation Lead",
        "Acme Labs",
        "Led a team of 12 labelers",
        "2014 – 2019",
        "Data Labeler",
        "Beta Corp",
        "Labeled 40k images",
        "Intern",
        "Beta Corp",
        "Audited label quality",
    ]
    assert all(line.origin == "table" for line in lines[start:])
    assert [line.list_item for line in lines[start:]].count(True) == 3


def test_when_cells_are_merged_then_their_text_appears_once() -> None:
    """Merged cells (across and down) must not repeat, although python-docx's cells API does."""
    data = table_layout_resume_docx()
    got = texts(read_docx(data).lines)
    assert got.count(NAME) == 1
    assert got.count("2014 – 2019") == 1
    table = docx.Document(io.BytesIO(data)).tables[0]
    assert [cell.text for cell in table.rows[0].cells] == [NAME, NAME]  # why we dedupe


def test_when_nested_table_then_read_in_place() -> None:
    """A table inside a cell is read where it sits, before the rest of the outer row."""
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    left = outer.cell(0, 0)
    left.text = "Outer left"
    left.add_table(rows=1, cols=2).rows[0].cells[0].text = "Inner"
    outer.cell(0, 1).text = "Outer right"
    assert texts(read_docx(_save(document)).lines) == ["Outer left", "Inner", "Outer right"]


def test_when_text_box_then_read_once_right_after_its_anchor() -> None:
    """Word's two copies of a text box (Choice and Fallback) yield one, after the anchor."""
    lines = read_docx(textbox_resume_docx()).lines
    got = texts(lines)
    anchor = got.index("Profile summary anchors a text box")
    assert got[anchor + 1 : anchor + 3] == list(TEXTBOX_LINES)
    assert got[anchor + 3] == "Experience"
    for text in TEXTBOX_LINES:
        assert got.count(text) == 1
    assert [line.origin for line in lines[anchor + 1 : anchor + 3]] == ["textbox", "textbox"]


@pytest.mark.parametrize("branch", ["mc:Choice", "mc:Fallback"])
def test_when_only_one_branch_exists_then_text_box_still_read(branch: str) -> None:
    """A shape with a single branch (some producers) still gives its text exactly once."""
    xml = textbox_xml(("Only box",))
    other = "mc:Fallback" if branch == "mc:Choice" else "mc:Choice"
    start, end = xml.index(f"<{other}"), xml.index(f"</{other}>") + len(f"</{other}>")
    body = f"<w:p><w:r><w:t>Anchor</w:t></w:r><w:r>{xml[:start] + xml[end:]}</w:r></w:p>"
    assert read_body(body) == ["Anchor", "Only box"]


def test_when_contact_details_in_header_then_first_and_footer_last() -> None:
    """Header lines come before the body, footers after; repeated headers appear once."""
    lines = read_docx(header_footer_docx()).lines
    assert (lines[0].text, lines[0].origin) == (CONTACT_LINE, "header")
    assert (lines[-1].text, lines[-1].origin) == (FOOTER_LINE, "footer")
    assert texts(lines).count(CONTACT_LINE) == 1
    assert texts(lines)[1:-1] == [
        "Experience",
        "Annotation Lead at Acme Labs",
        "Education",
        "BSc Statistics",
    ]


def test_when_first_page_header_is_off_then_it_is_not_read() -> None:
    """A first-page header counts only when the section shows a different first page."""
    document = docx.Document()
    section = document.sections[0]
    section.first_page_header.paragraphs[0].text = "Hidden first-page header"
    section.header.paragraphs[0].text = "Shown header"
    document.add_paragraph("Body")
    assert texts(read_docx(_save(document)).lines) == ["Shown header", "Body"]
    section.different_first_page_header_footer = True
    assert texts(read_docx(_save(document)).lines)[:2] == [
        "Hidden first-page header",
        "Shown header",
    ]


@pytest.mark.parametrize(
    ("body_xml", "expected"),
    [
        (
            '<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r><w:hyperlink w:anchor="x">'
            "<w:r><w:t>portfolio</w:t></w:r></w:hyperlink></w:p>",
            ["See portfolio"],
        ),
        (
            '<w:p><w:fldSimple w:instr="PAGE"><w:r><w:t>Field result</w:t></w:r></w:fldSimple>'
            "</w:p>",
            ["Field result"],
        ),
        (
            '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>'
            'HYPERLINK "https://example.com"</w:instrText></w:r><w:r><w:fldChar '
            'w:fldCharType="separate"/></w:r><w:r><w:t>example.com</w:t></w:r><w:r><w:fldChar '
            'w:fldCharType="end"/></w:r></w:p>',
            ["example.com"],
        ),
        (
            '<w:p><w:ins w:id="1" w:author="a"><w:r><w:t>Inserted</w:t></w:r></w:ins>'
            '<w:del w:id="2" w:author="a"><w:r><w:delText>Deleted</w:delText></w:r></w:del></w:p>',
            ["Inserted"],
        ),
        (
            "<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>Block control</w:t></w:r></w:p>"
            "</w:sdtContent></w:sdt><w:p><w:sdt><w:sdtContent><w:r><w:t>Inline control</w:t>"
            "</w:r></w:sdtContent></w:sdt></w:p>",
            ["Block control", "Inline control"],
        ),
        (
            "<w:p><w:r><w:t>Tab</w:t><w:tab/><w:tab/><w:t>gap</w:t><w:br/><w:t>next</w:t>"
            "<w:cr/><w:t>line</w:t><w:noBreakHyphen/><w:t>x</w:t></w:r></w:p>",
            ["Tab  gap", "next", "line-x"],
        ),
        ("<w:p><w:r><w:t>  </w:t></w:r></w:p><w:p/>", []),
    ],
    ids=[
        "hyperlink",
        "simple-field",
        "complex-field",
        "tracked",
        "content-controls",
        "breaks",
        "empty",
    ],
)
def test_when_inline_markup_then_visible_text_only(body_xml: str, expected: list[str]) -> None:
    """Hyperlinks, fields, insertions and content controls show; field codes and deletions don't."""
    assert read_body(body_xml) == expected


def test_when_control_characters_in_text_then_removed() -> None:
    """C1 controls, zero-width marks and soft hyphens never reach Line.text."""
    data = body_paragraphs_docx("Lead\x85Engineer", "Zero\u200bwidth", "soft\u00adhyphen", "\x9f")
    assert texts(read_docx(data).lines) == ["LeadEngineer", "Zerowidth", "softhyphen"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\x00b\x0cc\x0bd\x1fe\x7f", ["abcde"]),
        ("Title\t\t2019 – 2021", ["Title  2019 – 2021"]),
        ("\tIndented\t", ["Indented"]),
        ("Job Title\nCompany\n\n", ["Job Title", "Company"]),
        ("many    spaces\u00a0and\u2003em", ["many  spaces and em"]),
        ("\ufeff\ufffe\uffff", []),
    ],
)
def test_clean_lines_table(raw: str, expected: list[str]) -> None:
    """Line.text holds no control characters, single spaces, two spaces for a tab or a wide
    gap (a column), no blanks."""
    assert clean_lines(raw) == expected


def test_when_python_docx_fails_then_corrupt_file_without_its_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """I-5/I-6: a library error (which may embed a candidate's name) is replaced, not chained."""

    def fail(*_args: object) -> None:
        raise ValueError("file 'Jane Candidate.docx' is not a Word file")

    data = simple_resume_docx()
    monkeypatch.setattr(docx, "Document", fail)
    with pytest.raises(CorruptFileError) as caught:
        read_docx(data)
    assert "Jane" not in caught.value.message
    assert caught.value.__cause__ is None


def test_when_memory_runs_out_then_resource_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """A MemoryError inside python-docx becomes resource_limit, not a crash."""

    def fail(*_args: object) -> None:
        raise MemoryError

    data = simple_resume_docx()
    monkeypatch.setattr(docx, "Document", fail)
    with pytest.raises(ResourceLimitError):
        read_docx(data)


def test_when_package_relationships_missing_then_corrupt_file() -> None:
    """A zip that passes the precheck but that python-docx cannot open is corrupt_file."""
    data = replace_parts(simple_resume_docx(), {}, drop=("_rels/.rels",))
    with pytest.raises(CorruptFileError):
        read_docx(data)


def test_reading_a_resume_is_fast() -> None:
    """U-01 budget: a resume reads in well under the 30 ms target (loose bound for slow CI)."""
    data = table_layout_resume_docx()
    read_docx(data)
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        read_docx(data)
        best = min(best, time.perf_counter() - start)
    assert best < 0.1


@pytest.mark.shared_data
def test_when_real_world_docx_files_then_only_input_errors(shared_data: Path) -> None:
    """Third-party DOCX files (python-docx fixtures, public office files) never crash the reader."""
    robustness = shared_data / "robustness"
    files = sorted(
        [
            *robustness.glob("python-docx-test-files/**/*.docx"),
            *robustness.glob("la-city-legacy-office/*.docx"),
        ]
    )
    if not files:
        pytest.skip("no DOCX files in ../shared/data/robustness")
    read = 0
    for path in files:
        try:
            read_docx(path.read_bytes())
            read += 1
        except InputError:
            pass
    assert read > len(files) // 2


def test_when_text_boxes_are_placed_on_the_page_then_read_in_page_order() -> None:
    """Boxes anchored to the page read top to bottom, left to right, not in XML order.

    A CV built of boxes stores "EXPERIENCE" (left column) after the jobs (right column) in
    the XML; read in XML order the jobs would land under the previous section.
    """
    from layout_zoo.model import Box, P
    from layout_zoo.render_docx import render_docx

    boxes = [
        Box((P("Claims Examiner"), P("Acme Insurance Ltd")), top=300, left=190, width=300),
        Box((P("EXPERIENCE"),), top=300, left=30, width=120),
        Box((P("Reviewed claims daily."),), top=160, left=190, width=300),
        Box((P("PROFILE"),), top=160, left=30, width=120),
    ]
    data = render_docx([P("Jordan Example", "name"), *boxes, P("Footer text")])
    assert texts(read_docx(data).lines) == [
        "Jordan Example",
        "PROFILE",
        "Reviewed claims daily.",
        "EXPERIENCE",
        "Claims Examiner",
        "Acme Insurance Ltd",
        "Footer text",
    ]
