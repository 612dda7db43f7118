"""Report downloads with fixed names (E-07), built from the analysis the page carries."""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Mapping
from typing import Any, cast

from flask import Response

from hitl_resume.analysis import Analysis
from hitl_resume.annotate.decisions import MAX_EDITED_CHARS
from hitl_resume.ingest.text_cleaning import clean_text
from hitl_resume.render.markdown_renderer import render_analysis_markdown

from .analysis_codec import analysis_from_dict

DECISIONS = ("accepted", "edited", "rejected")
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def docx_renderer() -> Callable[[Analysis], bytes] | None:
    """The DOCX report renderer when that module exists (its download is hidden otherwise)."""
    try:
        module = importlib.import_module("hitl_resume.render.docx_report")
    except ImportError:
        return None
    renderer = getattr(module, "render_analysis_docx", None)
    return cast(Callable[[Analysis], bytes], renderer) if callable(renderer) else None


def attachment(body: str | bytes, filename: str, mimetype: str) -> Response:
    """A no-store download with a fixed, non-user-derived file name."""
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response


def decisions_file(data: dict[str, Any], form: Mapping[str, str]) -> dict[str, Any]:
    """The docs/output.md decisions document from the page's radio buttons and edit boxes."""
    decisions = []
    for i, rewrite in enumerate(data.get("rewrites", [])):
        choice = form.get(f"decision-{i}")
        if choice not in DECISIONS:
            continue
        text: str | None = None
        if choice == "edited":
            text = clean_text(form.get(f"text-{i}", ""))[:MAX_EDITED_CHARS].strip()
            if not text:
                continue
        decisions.append({"rewrite_id": rewrite["id"], "decision": choice, "text": text})
    return {"decisions": decisions}


def render_download(fmt: str, data: dict[str, Any], form: Mapping[str, str]) -> Response | None:
    """The download response for ``fmt``, or ``None`` for an unknown or unavailable format."""
    if fmt == "json":
        body = json.dumps(data, ensure_ascii=False, indent=2)
        return attachment(body, "resume-report.json", "application/json")
    if fmt == "markdown":
        markdown = render_analysis_markdown(analysis_from_dict(data))
        return attachment(markdown, "resume-report.md", "text/markdown")
    if fmt == "decisions":
        body = json.dumps(decisions_file(data, form), ensure_ascii=False, indent=2)
        return attachment(body, "decisions.json", "application/json")
    if fmt == "docx":
        renderer = docx_renderer()
        if renderer is None:
            return None
        return attachment(renderer(analysis_from_dict(data)), "resume-report.docx", DOCX_MIME)
    return None
