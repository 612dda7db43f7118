"""A readable Word report of one analysis (``analyze --format docx``); every string is cleaned."""

from __future__ import annotations

import io
from typing import Any

from hitl_resume.analysis import Analysis
from hitl_resume.ingest.text_cleaning import strip_unsafe


def _clean(text: object) -> str:
    """Text python-docx can store: no control characters, single spaces."""
    return " ".join(strip_unsafe(str(text)).split())


def _bullet(document: Any, label: str, text: str) -> None:
    paragraph = document.add_paragraph(style="List Bullet")
    if label:
        paragraph.add_run(_clean(label) + " ").bold = True
    paragraph.add_run(_clean(text))


def _add_link(paragraph: Any, url: str, text: str) -> None:
    """Append a clickable hyperlink run (python-docx has no public API for it)."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rel_id = paragraph.part.relate_to(_clean(url), RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0563C1")
    props.extend([style, underline, color])
    run.append(props)
    text_element = OxmlElement("w:t")
    text_element.text = _clean(text)
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def _roles(document: Any, analysis: Analysis) -> None:
    document.add_heading("Role patterns", level=1)
    table = document.add_table(rows=1, cols=4)
    table.style = "Light Grid Accent 1"
    for cell, text in zip(table.rows[0].cells, ("Role", "Score", "Level", "Findings"), strict=True):
        cell.text = text
    for role in sorted(analysis.roles, key=lambda r: (-r.score, r.id)):
        cells = table.add_row().cells
        values = (role.label, str(role.score), role.level, str(len(role.finding_ids)))
        for cell, value in zip(cells, values, strict=True):
            cell.text = _clean(value)


def _evidence(document: Any, analysis: Analysis) -> None:
    document.add_heading("Evidence by role", level=1)
    if not analysis.findings:
        document.add_paragraph("No evidence lines found yet.")
    for role in sorted(analysis.roles, key=lambda r: (-r.score, r.id)):
        findings = [f for f in analysis.findings if f.role == role.id]
        if not findings:
            continue
        document.add_heading(_clean(role.label), level=2)
        for finding in findings:
            tag = "Explicit AI:" if finding.explicit_ai else "Transferable:"
            where = f" ({finding.entry_title})" if finding.entry_title else ""
            _bullet(document, tag, finding.text + where)


def _rewrites(document: Any, analysis: Analysis) -> None:
    document.add_heading("Suggested rewrites", level=1)
    if not analysis.rewrites:
        document.add_paragraph("No bullet needs a rewrite yet.")
    for rewrite in analysis.rewrites:
        document.add_heading(_clean(f"{rewrite.id} · {rewrite.framing.replace('_', ' ')}"), level=2)
        _bullet(document, "Original:", rewrite.original)
        _bullet(document, "Proposed:", rewrite.proposed)
        for item in rewrite.needs_confirmation:
            _bullet(document, "Needs confirmation:", item)
        if rewrite.alternative:
            _bullet(document, "If confirmed, instead:", rewrite.alternative)


def _interview(document: Any, analysis: Analysis) -> None:
    document.add_heading("Interview prompts (SOAR)", level=1)
    if not analysis.interview:
        document.add_paragraph("No interview prompts yet.")
    for prompt in analysis.interview:
        document.add_heading(_clean(f"Finding {prompt.finding_id}"), level=2)
        if prompt.notice:
            _bullet(document, "Note:", prompt.notice)
        _bullet(document, "Situation:", prompt.situation)
        _bullet(document, "Obstacle:", prompt.obstacle)
        _bullet(document, "Action:", prompt.action)
        _bullet(document, "Result:", prompt.result)
        if prompt.result_hint:
            _bullet(document, "Hint:", prompt.result_hint)


def _plan(document: Any, analysis: Analysis) -> None:
    plan = analysis.plan
    if plan is None:
        return
    document.add_heading("This week's plan", level=1)
    for step in plan.steps:
        document.add_paragraph(_clean(step), style="List Number")
    if plan.searches:
        document.add_heading("Job searches", level=2)
        for link in plan.searches:
            paragraph = document.add_paragraph(style="List Bullet")
            paragraph.add_run(_clean(link.query) + " — ")
            _add_link(paragraph, link.url, link.board)
    if plan.linkedin_skills:
        document.add_heading("LinkedIn skills", level=2)
        document.add_paragraph(_clean(", ".join(plan.linkedin_skills)))
    if plan.look_back:
        document.add_heading("Look back over the last three months", level=2)
        for item in plan.look_back:
            document.add_paragraph(_clean(item), style="List Bullet")


def render_analysis_docx(analysis: Analysis) -> bytes:
    """The whole analysis as a Word document (bytes of a .docx file)."""
    from docx import Document

    document = Document()
    document.add_heading("Human-in-the-loop experience report", level=0)
    top = analysis.top_role()
    summary = (
        f"Strongest pattern: {top.label} ({top.score}/100, {top.level})."
        if top is not None
        else "No HITL role pattern shows clearly yet; see the plan for what to look for."
    )
    explicit = sum(1 for f in analysis.findings if f.explicit_ai)
    document.add_paragraph(_clean(summary))
    document.add_paragraph(
        _clean(
            f"{len(analysis.findings)} evidence lines found; {explicit} name an AI or automated "
            "system (explicit), the rest show transferable review work."
        )
    )
    _roles(document, analysis)
    _evidence(document, analysis)
    _rewrites(document, analysis)
    _interview(document, analysis)
    _plan(document, analysis)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
