"""Build synthetic DOCX resumes (and broken zips) in memory for tests.

Every builder returns the bytes of a complete .docx made with python-docx, with raw XML added
where python-docx has no API (text boxes). The people, e-mails and phone numbers are invented
(``example.com``, 555 numbers). Other test modules import these functions: keep names,
signatures and the documented content stable.
"""

from __future__ import annotations

import io
import struct
import zipfile
from typing import Any

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

NAME = "Jordan Example"
EMAIL = "jordan.example@example.com"
PHONE = "+1 555 0100"
CONTACT_LINE = f"{NAME} | {EMAIL} | {PHONE}"


def _save(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def simple_resume_docx() -> bytes:
    """Return a one-column resume: Title, headings, a bold short line, a tab and a soft break.

    Body paragraphs, in order:
    ``Jordan Example`` (Title) · contact line · ``Experience`` (Heading 1) ·
    ``Annotation Lead<TAB>2019 – 2021`` · ``Acme Labs<BR>Remote`` (soft line break) ·
    a long sentence · ``SKILLS`` (Normal, all bold) · a long all-bold sentence (not a heading) ·
    ``Python and SQL`` with only ``Python`` bold (not a heading).
    """
    document = docx.Document()
    document.add_paragraph(NAME, style="Title")
    document.add_paragraph(f"{EMAIL} | {PHONE}")
    document.add_paragraph("Experience", style="Heading 1")
    document.add_paragraph("Annotation Lead\t2019 – 2021")
    org = document.add_paragraph()
    run = org.add_run("Acme Labs")
    run.add_break()
    org.add_run("Remote")
    document.add_paragraph(
        "Reviewed model outputs with a team of twelve labelers and wrote the review guidelines."
    )
    document.add_paragraph().add_run("SKILLS").bold = True
    document.add_paragraph().add_run(
        "Built a human review queue for flagged predictions in production."
    ).bold = True
    mixed = document.add_paragraph()
    mixed.add_run("Python").bold = True
    mixed.add_run(" and SQL")
    return _save(document)


def table_layout_resume_docx() -> bytes:
    """Return a resume laid out with two tables.

    Table 1 (layout): row 0 is one cell merged across both columns holding ``Jordan Example``;
    row 1 is a sidebar cell (``Contact``, e-mail, ``Skills``, ``Python``, ``Annotation QA``) and
    a main cell (``Profile``, a sentence, ``Certifications``, ``Certified Annotation
    Specialist``).
    Table 2 (one row per job, dates | title/org/bullets): ``2019 – 2021`` | ``Annotation
    Lead``, ``Acme Labs``, bullet ``Led a team of 12 labelers``; then ``2014 – 2019`` merged
    vertically over two rows | ``Data Labeler``, ``Beta Corp``, bullet ``Labeled 40k images``;
    and ``Intern``, ``Beta Corp``, bullet ``Audited label quality``.
    """
    document = docx.Document()
    layout = document.add_table(rows=2, cols=2)
    layout.cell(0, 0).merge(layout.cell(0, 1)).text = NAME
    sidebar, main = layout.cell(1, 0), layout.cell(1, 1)
    _fill_cell(sidebar, ["Contact", EMAIL, "Skills", "Python", "Annotation QA"])
    _fill_cell(
        main,
        [
            "Profile",
            "Human-in-the-loop lead who turns reviewer feedback into better models.",
            "Certifications",
            "Certified Annotation Specialist",
        ],
    )
    document.add_paragraph("Experience", style="Heading 1")
    jobs = document.add_table(rows=3, cols=2)
    jobs.cell(0, 0).text = "2019 – 2021"
    _fill_cell(jobs.cell(0, 1), ["Annotation Lead", "Acme Labs"], ["Led a team of 12 labelers"])
    jobs.cell(1, 0).merge(jobs.cell(2, 0)).text = "2014 – 2019"
    _fill_cell(jobs.cell(1, 1), ["Data Labeler", "Beta Corp"], ["Labeled 40k images"])
    _fill_cell(jobs.cell(2, 1), ["Intern", "Beta Corp"], ["Audited label quality"])
    return _save(document)


def _fill_cell(cell: Any, lines: list[str], bullets: tuple[str, ...] | list[str] = ()) -> None:
    """Replace a cell's content with plain paragraphs, then List Bullet paragraphs."""
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)
    for bullet in bullets:
        cell.add_paragraph(bullet, style="List Bullet")


TEXTBOX_LINES = ("Certifications", "Certified Annotation Specialist")


def textbox_resume_docx() -> bytes:
    """Return a resume whose anchor paragraph holds a Word text box (Choice and Fallback copies).

    Body order: ``Jordan Example`` (Title) · ``Profile summary anchors a text box`` (the anchor;
    its run holds ``mc:AlternateContent`` with a ``wps:txbx`` Choice and a ``v:textbox``
    Fallback, each containing ``TEXTBOX_LINES``) · ``Experience`` (Heading 1) ·
    ``Annotation Lead at Acme Labs``.
    """
    document = docx.Document()
    document.add_paragraph(NAME, style="Title")
    anchor = document.add_paragraph("Profile summary anchors a text box")
    anchor.add_run()._r.append(parse_xml(textbox_xml(TEXTBOX_LINES)))
    document.add_paragraph("Experience", style="Heading 1")
    document.add_paragraph("Annotation Lead at Acme Labs")
    return _save(document)


def textbox_xml(lines: tuple[str, ...]) -> str:
    """Return the ``mc:AlternateContent`` Word 2010+ writes inside a ``w:r`` for a text box.

    The Choice branch holds a DrawingML shape (``wps:txbx``), the Fallback branch a VML shape
    (``v:textbox``); both contain the same paragraphs, one per entry of ``lines``.
    """
    paragraphs = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)
    content = f"<w:txbxContent>{paragraphs}</w:txbxContent>"
    graphic = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
    return (
        f'<mc:AlternateContent {nsdecls("w", "wp", "a")} xmlns:wps="{graphic}"'
        ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        ' xmlns:v="urn:schemas-microsoft-com:vml"'
        ' xmlns:o="urn:schemas-microsoft-com:office:office">'
        '<mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0"'
        ' relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="2286000" cy="914400"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:wrapSquare wrapText="bothSides"/><wp:docPr id="1" name="Text Box 1"/>'
        "<wp:cNvGraphicFramePr/>"
        f'<a:graphic><a:graphicData uri="{graphic}">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>'
        '<a:xfrm><a:off x="0" y="0"/><a:ext cx="2286000" cy="914400"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
        f"<wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        '<mc:Fallback><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600"'
        ' o:spt="202" path="m,l,21600r21600,l21600,xe"/>'
        '<v:shape id="Text Box 1" o:spid="_x0000_s1026" type="#_x0000_t202"'
        ' style="position:absolute;width:180pt;height:72pt">'
        f"<v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent>"
    )


HEADER_LINE = CONTACT_LINE
FOOTER_LINE = "References available on request"


def header_footer_docx() -> bytes:
    """Return a two-section resume with the contact line in the header and a footer note.

    Section 1 header: ``CONTACT_LINE``; footer: ``FOOTER_LINE``. Section 2 has its own header
    with the same text (a duplicate to drop) and a footer linked to section 1. Body:
    ``Experience`` (Heading 1), ``Annotation Lead at Acme Labs``, then in section 2
    ``Education``, ``BSc Statistics``.
    """
    document = docx.Document()
    first = document.sections[0]
    first.header.paragraphs[0].text = HEADER_LINE
    first.footer.paragraphs[0].text = FOOTER_LINE
    document.add_paragraph("Experience", style="Heading 1")
    document.add_paragraph("Annotation Lead at Acme Labs")
    second = document.add_section()
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = HEADER_LINE
    document.add_paragraph("Education", style="Heading 1")
    document.add_paragraph("BSc Statistics")
    return _save(document)


def list_resume_docx() -> bytes:
    """Return a resume with bulleted and numbered lists next to plain paragraphs.

    Body order: ``Skills`` (Heading 1) · ``Python`` and ``Annotation QA`` (List Bullet) ·
    ``Achievements`` (Heading 1) · ``Cut review time by 30%`` and ``Trained 12 labelers``
    (List Number) · ``Wrote the labeling guide`` (List Paragraph with w:numPr) ·
    ``• Typed bullet, not a Word list`` (Normal) · ``Not numbered`` (List Paragraph without
    numbering).
    """
    document = docx.Document()
    document.add_paragraph("Skills", style="Heading 1")
    document.add_paragraph("Python", style="List Bullet")
    document.add_paragraph("Annotation QA", style="List Bullet")
    document.add_paragraph("Achievements", style="Heading 1")
    document.add_paragraph("Cut review time by 30%", style="List Number")
    document.add_paragraph("Trained 12 labelers", style="List Number")
    numbered = document.add_paragraph("Wrote the labeling guide", style="List Paragraph")
    numbered._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
    )
    document.add_paragraph("• Typed bullet, not a Word list")
    document.add_paragraph("Not numbered", style="List Paragraph")
    return _save(document)


def body_paragraphs_docx(*texts: str, style: str | None = None) -> bytes:
    """Return a document whose body is one paragraph per text (control characters allowed if
    XML accepts them, e.g. C1 controls and zero-width marks)."""
    document = docx.Document()
    for text in texts:
        document.add_paragraph(text, style=style)
    return _save(document)


# --- zip surgery for hostile-input tests ---------------------------------------------------


def replace_parts(
    data: bytes,
    parts: dict[str, bytes],
    *,
    drop: tuple[str, ...] = (),
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """Return a copy of a zip with members replaced or added (``parts``) and others dropped."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as target:
        for info in source.infolist():
            if info.filename in drop or info.filename in parts:
                continue
            target.writestr(info.filename, source.read(info.filename))
        for name, payload in parts.items():
            target.writestr(name, payload)
    return buffer.getvalue()


def patch_declared_size(
    data: bytes, member: str, file_size: int, compress_size: int | None = None
) -> bytes:
    """Return a copy of a zip whose central directory declares other sizes for ``member``.

    Only the central-directory entry changes (that is what a precheck reads); the data and the
    local header are untouched, so the member no longer reads back correctly.
    """
    encoded = member.encode()
    patched = bytearray(data)
    offset = patched.find(b"PK\x01\x02")
    while offset != -1:
        name_length = struct.unpack_from("<H", patched, offset + 28)[0]
        name = bytes(patched[offset + 46 : offset + 46 + name_length])
        if name == encoded:
            struct.pack_into("<I", patched, offset + 24, file_size)
            if compress_size is not None:
                struct.pack_into("<I", patched, offset + 20, compress_size)
            return bytes(patched)
        offset = patched.find(b"PK\x01\x02", offset + 4)
    raise KeyError(member)


def document_xml_with(body_xml: str, prolog: str = "") -> bytes:
    """Return a word/document.xml whose body is ``body_xml``, with ``prolog`` before the root."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"{prolog}<w:document {nsdecls('w')}><w:body>{body_xml}</w:body></w:document>"
    ).encode()


def set_main_content_type(data: bytes, content_type: str) -> bytes:
    """Return a copy of a docx whose ``[Content_Types].xml`` declares another main-part type."""
    source = zipfile.ZipFile(io.BytesIO(data))
    types = source.read("[Content_Types].xml").decode()
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    assert main in types
    return replace_parts(data, {"[Content_Types].xml": types.replace(main, content_type).encode()})


__all__ = [
    "CONTACT_LINE",
    "EMAIL",
    "FOOTER_LINE",
    "HEADER_LINE",
    "NAME",
    "PHONE",
    "TEXTBOX_LINES",
    "body_paragraphs_docx",
    "document_xml_with",
    "header_footer_docx",
    "list_resume_docx",
    "patch_declared_size",
    "replace_parts",
    "set_main_content_type",
    "simple_resume_docx",
    "table_layout_resume_docx",
    "textbox_resume_docx",
    "textbox_xml",
]
