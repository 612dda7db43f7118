"""Build a synthetic resume DOCX with every layout annotate must preserve, and rewrites for it.

The person is invented. The document holds a header, a Title, headings, List Bullet and List
Number paragraphs, a bullet whose first run is bold, italic, Arial 11 and the rest plain, a
bookmark and an inline image inside a bullet, a soft line break, a typed "•" bullet, a section
break, a table with a bullet in a cell and a text box (both Word copies) holding a bullet.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Inches, Pt
from docx_factory import textbox_xml
from lxml import etree

from hitl_resume.coaching.results import Rewrite
from hitl_resume.ingest.docx_reader import read_docx
from hitl_resume.ingest.readers import finish
from hitl_resume.structure.text import build_document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEADER = "Jordan Example | jordan.example@example.com | +1 555 0100"
MIXED_BOLD = "Reviewed model outputs"
MIXED_REST = " flagged by the abuse classifier and wrote the escalation guide"
MIXED = MIXED_BOLD + MIXED_REST
IMAGE_BULLET = "Audited 400 automated moderation decisions each week"
SOFT_FIRST = "Queue Lead"
SOFT_SECOND = "Escalated edge cases the model could not score to the policy team"
TYPED = "Trained 12 reviewers on the new labeling rubric"
NUMBERED = "Cut appeal turnaround by 30% with a second-review step"
TABLE_BULLET = "Checked AI-drafted claim letters before they were sent"
TEXTBOX_BULLET = "Validated model risk scores against chart reviews"
DUPLICATE = "Reviewed flagged items daily"
UNTOUCHED = "Annotation Lead, Acme Labs, 2019 – 2021"

# (original, proposed) for every bullet the tests rewrite, in reading order.
BULLETS: dict[str, str] = {
    MIXED: "Reviewed classifier-flagged content as the human check before enforcement",
    IMAGE_BULLET: "Audited 400 automated moderation decisions weekly and reported error rates",
    SOFT_SECOND: "Resolved edge cases the model could not score and fed them back to policy",
    TYPED: "Trained 12 reviewers to apply the rubric to AI-labelled items",
    NUMBERED: "Cut appeal turnaround by 30% by adding human second review",
    TABLE_BULLET: "Reviewed AI-drafted claim letters for accuracy before release",
    TEXTBOX_BULLET: "Checked model risk scores against chart reviews as the clinical reviewer",
}


def tiny_png() -> bytes:
    """Return a 4x4 red PNG made with Pillow (a test dependency through fpdf2)."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def rich_resume_docx() -> bytes:
    """Return the rich synthetic resume described in the module docstring."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = HEADER
    document.add_paragraph("Jordan Example", style="Title")
    document.add_paragraph("Experience", style="Heading 1")
    document.add_paragraph(UNTOUCHED)
    mixed = document.add_paragraph(style="List Bullet")
    first = mixed.add_run(MIXED_BOLD)
    first.bold, first.italic = True, True
    first.font.name, first.font.size = "Arial", Pt(11)
    mixed.add_run(MIXED_REST)
    image = document.add_paragraph(style="List Bullet")
    image._p.append(parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="7" w:name="audit"/>'))
    image.add_run(IMAGE_BULLET)
    image._p.append(parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="7"/>'))
    image.add_run().add_picture(io.BytesIO(tiny_png()), width=Inches(0.2))
    soft = document.add_paragraph()
    soft.add_run(SOFT_FIRST).add_break()
    soft.add_run(SOFT_SECOND)
    document.add_paragraph(f"• {TYPED}")
    document.add_paragraph(NUMBERED, style="List Number")
    document.add_paragraph(DUPLICATE, style="List Bullet")
    document.add_paragraph().add_run().add_picture(io.BytesIO(tiny_png()), width=Inches(0.3))
    document.add_section()
    document.add_paragraph("Projects", style="Heading 1")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "2020"
    table.cell(0, 1).text = "Claims Reviewer"
    table.cell(0, 1).add_paragraph(TABLE_BULLET, style="List Bullet")
    anchor = document.add_paragraph("Certifications")
    anchor.add_run()._r.append(parse_xml(textbox_xml(("Clinical work", TEXTBOX_BULLET))))
    document.add_paragraph(DUPLICATE, style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def resume_text(data: bytes) -> str:
    """Return the text analyze() extracts (the offsets Rewrite.start/end index)."""
    return build_document(finish(read_docx(data)).lines).text


def make_rewrite(
    rewrite_id: str, original: str, proposed: str, text: str, occurrence: int = 0
) -> Rewrite:
    """Return a Rewrite for the ``occurrence``-th appearance of ``original`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(original, start + 1)
    return Rewrite(
        id=rewrite_id,
        finding_id=f"f-{rewrite_id}",
        role="trust_safety",
        original=original,
        proposed=proposed,
        template="review_gate",
        framing="Names you as the human check on an automated decision.",
        needs_confirmation=("confirm: the items were flagged by an automated system",),
        tense="past",
        start=start,
        end=start + len(original),
    )


def all_rewrites(data: bytes) -> list[Rewrite]:
    """Return one rewrite per entry of ``BULLETS`` with offsets from the real extracted text."""
    text = resume_text(data)
    return [
        make_rewrite(f"rw-{n}", original, proposed, text)
        for n, (original, proposed) in enumerate(BULLETS.items(), start=1)
    ]


@dataclass(frozen=True)
class Paragraphs:
    """Every w:p of the main document (body, tables, both text box copies) for comparison."""

    elements: list[Any]

    @classmethod
    def of(cls, data: bytes) -> Paragraphs:
        return cls(list(docx.Document(io.BytesIO(data)).element.body.iter(W + "p")))

    def texts(self) -> list[str]:
        return [_text(p) for p in self.elements]

    def styles(self) -> list[str | None]:
        return [_val(p.find(f"{W}pPr/{W}pStyle")) for p in self.elements]

    def xml(self) -> list[bytes]:
        return [etree.tostring(p) for p in self.elements]


def _text(p: Any) -> str:
    """Return a paragraph's own visible text (w:t, tabs and breaks, not nested text boxes)."""
    parts = []
    for el in p.iter(W + "t", W + "tab", W + "br"):
        if _owner(el) is p:
            parts.append((el.text or "") if el.tag == W + "t" else " ")
    return "".join(parts)


def _owner(element: Any) -> Any:
    parent = element.getparent()
    while parent is not None and parent.tag != W + "p":
        parent = parent.getparent()
    return parent


def _val(element: Any) -> str | None:
    return None if element is None else element.get(W + "val")
