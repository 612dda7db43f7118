"""The HTML pages: the upload form, the report, the posting reader and the downloads."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, render_template, request

from hitl_resume.errors import InputError

from .analysis_codec import dump_token, load_token
from .annotate_view import annotated_download
from .downloads import render_download
from .inputs import analyze_posting_text, analyze_request
from .report_view import build_posting, build_report

bp = Blueprint("pages", __name__)

#: Posting boxes on the form without JavaScript (JavaScript reveals them one at a time).
POSTING_FIELDS = 3


class UnknownFormatError(InputError):
    code = "unknown_format"
    http_status = 400
    default_message = "That download format isn't available."


def _secret() -> Any:
    return current_app.config["SECRET_KEY"]


@bp.get("/")
def index() -> str:
    return render_template("index.html", max_postings=POSTING_FIELDS)


@bp.post("/analyze")
def analyze() -> str:
    data = analyze_request()
    return render_template(
        "report.html",
        token=dump_token(data, _secret()),
        interactive=True,
        source_is_docx=data.get("source", {}).get("kind") == "docx",
        **build_report(data),
    )


@bp.get("/posting")
def posting() -> str:
    return render_template("posting.html", text="", posting=None)


@bp.post("/posting")
def posting_post() -> str:
    text = request.form.get("text", "")
    result = analyze_posting_text(text)
    return render_template("posting.html", text=text, **build_posting(result))


@bp.post("/annotate")
def annotate() -> Response:
    """The user's own DOCX back, with suggestions as comments (see ``annotate_view``)."""
    data = load_token(request.form.get("report", ""), _secret())
    response: Response = annotated_download(data)
    return response


@bp.post("/download")
def download() -> Response:
    data = load_token(request.form.get("report", ""), _secret())
    response = render_download(request.form.get("format", ""), data, request.form)
    if response is None:
        raise UnknownFormatError()
    return response
