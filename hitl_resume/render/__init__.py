"""Renderers: one function per output format, looked up by name (CLI and web share them)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from hitl_resume.render.markdown_renderer import render_analysis_markdown, render_posting_markdown


def render_json(result: Any) -> str:
    """The JSON contract: exactly ``result.to_dict()``."""
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2)


def _render_html(result: Any) -> str:
    from hitl_resume.render.html_renderer import render_analysis_html  # needs jinja2 + web assets

    return render_analysis_html(result)


def _render_docx(result: Any) -> bytes:
    from hitl_resume.render.docx_report import render_analysis_docx

    return render_analysis_docx(result)


ANALYSIS_RENDERERS: dict[str, Callable[[Any], str]] = {
    "json": render_json,
    "markdown": render_analysis_markdown,
    "html": _render_html,
}
#: Formats whose output is bytes (written to a file, never to a terminal).
BINARY_RENDERERS: dict[str, Callable[[Any], bytes]] = {"docx": _render_docx}
POSTING_RENDERERS: dict[str, Callable[[Any], str]] = {
    "json": render_json,
    "markdown": render_posting_markdown,
}
