"""Read the resume and postings out of a form (HTML page or JSON API) and run one analysis."""

from __future__ import annotations

from typing import cast

from flask import current_app, g, request

from hitl_resume.analysis import Analysis
from hitl_resume.api import analyze
from hitl_resume.errors import EmptyFileError, InputError
from hitl_resume.ingest import limits
from hitl_resume.ingest.display_names import display_name
from hitl_resume.ingest.source import Source

from .parse_slots import ParseSlots

MAX_POSTINGS = 5


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


def analyze_request() -> Analysis:
    """Analyse the request's resume against its postings, holding one parse slot."""
    source, filename = read_resume()
    postings = read_postings()
    with parse_slots().hold():
        analysis = analyze(source, postings=postings, filename=filename)
    g.file_kind = analysis.resume.source.kind
    return analysis
