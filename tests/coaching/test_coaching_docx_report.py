"""The DOCX report: readable sections, clickable links, and no control characters."""

from __future__ import annotations

import dataclasses
import io

from docx import Document

from hitl_resume.api import analyze
from hitl_resume.detection.analyzer import Analyzer
from hitl_resume.render.docx_report import render_analysis_docx
from hitl_resume.render.markdown_renderer import render_analysis_markdown

from .resumes import SAMPLES, resume


def test_when_analysis_is_rendered_then_docx_has_every_section(analyzer: Analyzer) -> None:
    """Title, roles table, evidence, rewrites, SOAR prompts and plan are all present."""
    analysis = analyze(resume(SAMPLES["finance"]), analyzer=analyzer)
    document = Document(io.BytesIO(render_analysis_docx(analysis)))
    text = "\n".join(p.text for p in document.paragraphs)
    for heading in (
        "Role patterns",
        "Evidence by role",
        "Suggested rewrites",
        "Interview prompts (SOAR)",
        "This week's plan",
    ):
        assert heading in text
    assert "Transferable:" in text
    assert document.tables[0].rows[0].cells[0].text == "Role"
    assert analysis.rewrites[0].proposed in text
    rels = [r.target_ref for r in document.part.rels.values() if "hyperlink" in r.reltype]
    assert any(url.startswith("https://www.linkedin.com/jobs/search/") for url in rels)


def test_when_text_holds_control_characters_then_docx_still_renders(analyzer: Analyzer) -> None:
    """Form feeds and other controls are stripped instead of crashing python-docx."""
    analysis = analyze(resume(SAMPLES["finance"]), analyzer=analyzer)
    dirty = dataclasses.replace(
        analysis.rewrites[0], proposed="Bad\x0ctext\x01here", original="x\x0by"
    )
    analysis = dataclasses.replace(analysis, rewrites=(dirty, *analysis.rewrites[1:]))
    document = Document(io.BytesIO(render_analysis_docx(analysis)))
    assert "Badtexthere" in "\n".join(p.text for p in document.paragraphs)


def test_when_markdown_is_rendered_then_coaching_sections_appear(analyzer: Analyzer) -> None:
    """The Markdown report shows rewrites (original and proposed), SOAR prompts and the plan."""
    analysis = analyze(resume(SAMPLES["finance"]), analyzer=analyzer)
    text = render_analysis_markdown(analysis)
    assert "## Suggested rewrites" in text
    assert "- Proposed: **" in text
    assert "Needs confirmation:" in text
    assert "**Situation:**" in text
    assert "## This week's plan" in text
    assert "(<https://www.indeed.com/jobs?q=" in text
