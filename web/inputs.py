"""Read the resume and postings out of a form (page or JSON API); run one bounded analysis."""

from __future__ import annotations

import time
from typing import Any, cast

from flask import current_app, g, request

from hitl_resume.api import analyze, analyze_posting
from hitl_resume.errors import (
    CorruptFileError,
    EmptyFileError,
    EmptyTextError,
    InputError,
    ParseTimeoutError,
)
from hitl_resume.ingest import limits
from hitl_resume.ingest.display_names import display_name
from hitl_resume.ingest.source import Source, damage_error

from . import bounded, child_tasks
from .parse_slots import ParseSlots

MAX_POSTINGS = 5
TEXT_TIMEOUT_MESSAGE = (
    "This took too long to analyse. Try a shorter text, or fewer or shorter job postings."
)


class NoResumeError(InputError):
    code = "no_resume"
    http_status = 400
    default_message = "Upload your resume (PDF, DOCX or TXT) or paste its text."


class TooManyFilesError(InputError):
    code = "too_many_files"
    http_status = 400
    default_message = "Please choose one file."


class TooManyPostingsError(InputError):
    code = "too_many_postings"
    http_status = 400
    default_message = f"Paste at most {MAX_POSTINGS} job postings at a time."


def parse_slots() -> ParseSlots:
    """The app's analysis semaphore."""
    return cast(ParseSlots, current_app.extensions["parse_slots"])


def read_resume() -> tuple[Source, str | None]:
    """Return the uploaded bytes (with the user's file name) or the pasted text.

    Browsers send an empty, unnamed file part when no file was chosen; that counts as no file.
    """
    chosen: list[tuple[str, bytes]] = []
    for upload in request.files.getlist("resume"):
        data = upload.stream.read(limits.MAX_UPLOAD_BYTES + 1)
        if upload.filename or data:
            chosen.append((upload.filename or "", data))
    if len(chosen) > 1:
        raise TooManyFilesError()
    if chosen:
        name, data = chosen[0]
        g.display_name = display_name(name)
        g.file_kind = "file"
        if not data:
            raise EmptyFileError()
        return data, name or None
    text = request.form.get("resume_text", "")
    if not text.strip():
        raise NoResumeError()
    g.file_kind = "text"
    return text, None


def read_postings() -> list[str]:
    """The non-blank ``posting`` fields, at most ``MAX_POSTINGS``."""
    postings = [p for p in request.form.getlist("posting") if p.strip()]
    if len(postings) > MAX_POSTINGS:
        raise TooManyPostingsError()
    return postings


def _deadline() -> float:
    return float(g.get("started", time.monotonic())) + bounded.REQUEST_BUDGET_SECONDS


def _in_child() -> bool:
    return bool(current_app.config["ANALYSE_IN_CHILD"])


def analyze_request() -> dict[str, Any]:
    """Analyse the request's resume against its postings in one slot and the request's budget.

    Answers the ``analyze --format json`` document.
    """
    source, filename = read_resume()
    postings = read_postings()
    deadline = _deadline()
    with parse_slots().hold(wait=bounded.remaining(deadline) - bounded.MIN_RUN_SECONDS):
        if _in_child():
            payload = (source, postings, filename)
            budget = bounded.remaining(deadline)
            if isinstance(source, bytes):  # I-2: a file gets the parse timeout plus 1 s
                budget = min(budget, limits.PARSE_TIMEOUT_SECONDS + 1.0)
            try:
                data = bounded.run_in_child(child_tasks.analyse_resume, payload, budget)
            except ParseTimeoutError:
                if isinstance(source, str) or postings:
                    raise ParseTimeoutError(TEXT_TIMEOUT_MESSAGE) from None
                raise
            except CorruptFileError:
                if isinstance(source, bytes):
                    raise damage_error(source) from None
                raise
        else:
            data = analyze(source, postings=postings, filename=filename).to_dict()
    document = cast(dict[str, Any], data)
    g.file_kind = str(document.get("source", {}).get("kind", g.get("file_kind", "none")))
    return document


def analyze_posting_text(text: str) -> dict[str, Any]:
    """Read one pasted posting in a slot and the request's budget; the posting document."""
    if not text.strip():
        raise EmptyTextError("Paste the job posting text.")
    deadline = _deadline()
    with parse_slots().hold(wait=bounded.remaining(deadline) - bounded.MIN_RUN_SECONDS):
        if _in_child():
            try:
                data = bounded.run_in_child(
                    child_tasks.analyse_posting, text, bounded.remaining(deadline)
                )
            except ParseTimeoutError:
                raise ParseTimeoutError(TEXT_TIMEOUT_MESSAGE) from None
        else:
            data = analyze_posting(text).to_dict()
    return cast(dict[str, Any], data)
