"""The coach's batch page: several files or a zip in, one cohort table and a CSV out.

Everything stays in memory; zip member names are display names only, never paths (B-02).
A zip is refused whole before anything is inflated when its central directory breaks a limit
(B-04); each member is read with a bounded ``read`` so a lying header costs at most the cap (B-05).
"""

from __future__ import annotations

import csv
import io
import stat
import zipfile
from dataclasses import dataclass, field
from typing import Any

from flask import Blueprint, Response, current_app, render_template, request

from hitl_resume.api import analyze
from hitl_resume.batch.inputs import ZIP_MAX_MEMBERS, check_zip_limits, read_member
from hitl_resume.batch.outputs import formula_safe, summary_header
from hitl_resume.errors import InputError, UnsupportedTypeError
from hitl_resume.ingest.display_names import display_name
from hitl_resume.language.lexicon_loader import ROLE_IDS

from .analysis_codec import dump_token, load_token
from .downloads import attachment
from .inputs import parse_slots

bp = Blueprint("batch", __name__)


class BatchLimitError(InputError):
    code = "batch_too_large"
    http_status = 413
    default_message = (
        "This zip is too large for one batch: at most 200 files, 10 MB each and 100 MB in total "
        "once unpacked. Split it and try again."
    )


class NoFilesError(InputError):
    code = "no_files"
    http_status = 400
    default_message = "Choose some resume files or a zip of them."


@dataclass
class Item:
    """One client file: its display name and either its bytes or why it was not analysed."""

    name: str
    data: bytes | None = None
    error: InputError | None = None
    note: str | None = None
    scores: dict[str, int] = field(default_factory=dict)


def _is_docx_zip(zf: zipfile.ZipFile) -> bool:
    return "[Content_Types].xml" in zf.namelist()


def _member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, seen: set[str]) -> Item:
    """One zip member as an item; limits and nested-archive rules are the CLI batch's own."""
    name = display_name(info.filename) or "(unnamed)"
    if stat.S_ISLNK(info.external_attr >> 16):
        return Item(name, note="skipped: symbolic link")
    if info.filename in seen:
        return Item(name, note="skipped: duplicate name")
    seen.add(info.filename)
    try:
        data = read_member(zf, info, info.file_size)
    except InputError as error:
        return Item(name, error=error)
    if data.startswith(b"PK") and not _zip_is_docx(data):
        return Item(name, error=UnsupportedTypeError())
    return Item(name, data=data)


def _zip_is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as inner:
            return _is_docx_zip(inner)
    except (zipfile.BadZipFile, OSError, ValueError):
        return True  # let the DOCX reader report the damage


def collect_items(uploads: list[tuple[str, bytes]]) -> list[Item]:
    """Expand zips of resumes into items; DOCX files (also zips) stay whole."""
    items: list[Item] = []
    for filename, data in uploads:
        if not data.startswith(b"PK") or _zip_is_docx(data):
            items.append(Item(display_name(filename) or "(unnamed)", data=data))
            continue
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = [info for info in zf.infolist() if not info.is_dir()]
            try:
                check_zip_limits(infos)
            except InputError:
                raise BatchLimitError() from None
            seen: set[str] = set()
            items += [_member(zf, info, seen) for info in infos]
        if len(items) > ZIP_MAX_MEMBERS:
            raise BatchLimitError()
    return items


def _analyse(item: Item, postings: list[str]) -> dict[str, Any]:
    row: dict[str, Any] = {"file": item.name, "status": "ok", "error_code": "", "message": ""}
    row.update(top_role="", top_label="", top_score="", match_score="", scores={})
    if item.note:
        return {**row, "status": "skipped", "message": item.note}
    try:
        if item.error is not None:
            raise item.error
        assert item.data is not None
        with parse_slots().hold():
            analysis = analyze(item.data, postings=postings, filename=item.name)
    except InputError as exc:
        return {**row, "status": "error", "error_code": exc.code, "message": exc.message}
    top = analysis.top_role()
    row["scores"] = {r.id: r.score for r in analysis.roles}
    if top is not None:
        row.update(top_role=top.id, top_label=top.label, top_score=top.score)
    if analysis.matches:
        row["match_score"] = analysis.matches[0].score
    return row


def cohort_csv(rows: list[dict[str, Any]], with_match: bool) -> str:
    """The summary CSV (same leading columns as the CLI's ``summary.csv``), UTF-8 with BOM."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(summary_header(with_match))
    for row in rows:
        cells = [row["file"], row["status"], row["error_code"], row["top_role"], row["top_score"]]
        cells += [row["scores"].get(r, "") for r in ROLE_IDS]
        cells += [row["match_score"]] if with_match else []
        writer.writerow([formula_safe(str(c)) for c in cells])
    return "\ufeff" + out.getvalue()


@bp.get("/batch")
def batch_get() -> str:
    return render_template("batch.html", rows=None, role_ids=ROLE_IDS)


@bp.post("/batch")
def batch_post() -> str:
    uploads = [
        (upload.filename or "", upload.stream.read())
        for upload in request.files.getlist("files")
        if upload.filename
    ]
    if not uploads:
        raise NoFilesError()
    posting = request.form.get("posting", "")
    postings = [posting] if posting.strip() else []
    rows = [_analyse(item, postings) for item in collect_items(uploads)]
    token = dump_token(
        {"rows": rows, "match": bool(postings)}, current_app.config["SECRET_KEY"], salt="batch"
    )
    return render_template(
        "batch.html", rows=rows, role_ids=ROLE_IDS, with_match=bool(postings), token=token
    )


@bp.post("/batch/csv")
def batch_csv() -> Response:
    data = load_token(request.form.get("cohort", ""), current_app.config["SECRET_KEY"], "batch")
    body = cohort_csv(data["rows"], bool(data["match"]))
    return attachment(body, "cohort-summary.csv", "text/csv")
