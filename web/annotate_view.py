"""The user's own Word file back from the report page, with nothing kept on the server.

The report page carries its analysis as a signed token; the user uploads the same DOCX again
(and, optionally, the decisions file the page gave them). The answer is their document with
every suggestion as a Word comment and accepted or edited rewrites applied in place. The DOCX
is read in a limited child, like every analysis (``bounded``).
"""

from __future__ import annotations

import time
from typing import Any

from flask import current_app, g, request

from hitl_resume.annotate import DecisionsError, annotate_docx, load_decisions
from hitl_resume.annotate.decisions import MAX_DECISIONS_BYTES
from hitl_resume.errors import (
    EmptyFileError,
    FileTooLargeError,
    InputError,
    UnsupportedTypeError,
)
from hitl_resume.ingest import limits
from hitl_resume.ingest.file_types import sniff

from . import bounded, child_tasks
from .analysis_codec import analysis_from_dict
from .downloads import DOCX_MIME, attachment
from .inputs import parse_slots


class NotDocxError(UnsupportedTypeError):
    default_message = "Upload the same Word (.docx) file you analysed to get it back annotated."


class BadDecisionsError(InputError):
    code = "bad_decisions"
    http_status = 400
    default_message = (
        "That decisions file doesn't match this report. Download it again from this page."
    )


def _read(field: str, cap: int) -> bytes:
    upload = request.files.get(field)
    if upload is None:
        return b""
    data = upload.stream.read(cap + 1)
    if len(data) > cap:
        raise FileTooLargeError()
    return data


def annotated_download(data: dict[str, Any]) -> Any:
    """Answer the annotated DOCX for the uploaded original and optional decisions file."""
    original = _read("original", limits.MAX_UPLOAD_BYTES)
    if not original:
        raise EmptyFileError()
    if sniff(original) != "docx":
        raise NotDocxError()
    raw_decisions = _read("decisions", MAX_DECISIONS_BYTES)
    analysis = analysis_from_dict(data)
    roles = {role.id: role.label for role in analysis.roles}
    if not current_app.config["ANALYSE_IN_CHILD"]:
        try:
            decisions = load_decisions(raw_decisions) if raw_decisions.strip() else None
            annotated: bytes | None = annotate_docx(
                original, analysis.rewrites, decisions, roles=roles
            ).data
        except DecisionsError:
            annotated = None
    else:  # the user's DOCX is hostile until read: a limited child, one slot, the time budget
        deadline = float(g.get("started", time.monotonic())) + bounded.REQUEST_BUDGET_SECONDS
        payload = (original, analysis.rewrites, raw_decisions, roles)
        with parse_slots().hold(wait=bounded.remaining(deadline) - bounded.MIN_RUN_SECONDS):
            annotated = bounded.run_in_child(
                child_tasks.annotate, payload, bounded.remaining(deadline)
            )
    if annotated is None:
        raise BadDecisionsError()
    return attachment(annotated, "resume-annotated.docx", DOCX_MIME)
