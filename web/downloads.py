"""Report downloads with fixed names (E-07), built from the analysis the page carries."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from flask import Response

from hitl_resume.annotate.decisions import MAX_EDITED_CHARS
from hitl_resume.ingest.text_cleaning import clean_text
from hitl_resume.render import ANALYSIS_RENDERERS, BINARY_RENDERERS

from .analysis_codec import analysis_from_dict

DECISIONS = ("accepted", "edited", "rejected")
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#: Report formats offered on the page: the renderer tables' names, fixed file names (E-07).
REPORT_FILES = {
    "json": ("resume-report.json", "application/json"),
    "markdown": ("resume-report.md", "text/markdown"),
    "docx": ("resume-report.docx", DOCX_MIME),
}


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
    """The download response for ``fmt``, or ``None`` for an unknown format."""
    if fmt == "decisions":
        body = json.dumps(decisions_file(data, form), ensure_ascii=False, indent=2)
        return attachment(body, "decisions.json", "application/json")
    if fmt not in REPORT_FILES:
        return None
    filename, mimetype = REPORT_FILES[fmt]
    analysis = analysis_from_dict(data)
    if fmt in BINARY_RENDERERS:
        return attachment(BINARY_RENDERERS[fmt](analysis), filename, mimetype)
    return attachment(ANALYSIS_RENDERERS[fmt](analysis), filename, mimetype)
