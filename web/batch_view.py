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
from hitl_resume.display_names import display_name
from hitl_resume.errors import (
    CorruptFileError,
    FileTooComplexError,
    InputError,
    UnsupportedTypeError,
)

from .analysis_codec import dump_token, load_token
from .downloads import attachment
from .inputs import parse_slots

bp = Blueprint("batch", __name__)

ROLE_IDS = (
    "customer_service",
    "tax_financial",
    "healthcare_quality",
    "trust_safety",
    "hr_recruiting",
    "legal_compliance",
    "dispatch_operations",
)
MAX_MEMBERS = 200
MAX_DECLARED_TOTAL = 100 * 1000 * 1000
MAX_MEMBER_BYTES = 10 * 1000 * 1000
MAX_RATIO = 100
ARCHIVE_SUFFIXES = (".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".jar")
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\0")


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


def _check_directory(infos: list[zipfile.ZipInfo]) -> None:
    """Refuse a whole zip from its central directory alone (B-04)."""
    files = [i for i in infos if not i.is_dir()]
    if len(files) > MAX_MEMBERS or sum(i.file_size for i in files) > MAX_DECLARED_TOTAL:
        raise BatchLimitError()
    for info in files:
        if info.file_size > MAX_MEMBER_BYTES:
            raise BatchLimitError()
        if info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise BatchLimitError()


def _member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, seen: set[str]) -> Item:
    name = display_name(info.filename) or "(unnamed)"
    if stat.S_ISLNK(info.external_attr >> 16):
        return Item(name, note="skipped: symbolic link")
    if info.filename in seen:
        return Item(name, note="skipped: duplicate name")
    seen.add(info.filename)
    if info.filename.lower().endswith(ARCHIVE_SUFFIXES):
        return Item(name, error=UnsupportedTypeError())
    try:
        with zf.open(info) as handle:
            data = handle.read(MAX_MEMBER_BYTES + 1)
    except Exception:  # BadZipFile, zlib.error, EOFError, encrypted: a damaged member
        return Item(name, error=CorruptFileError())
    if len(data) > MAX_MEMBER_BYTES:
        return Item(name, error=FileTooComplexError())
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
            infos = zf.infolist()
            _check_directory(infos)
            seen: set[str] = set()
            items += [_member(zf, info, seen) for info in infos if not info.is_dir()]
        if len(items) > MAX_MEMBERS:
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


def csv_safe(value: object) -> str:
    """Neutralise spreadsheet formulas (E-03), also after leading spaces."""
    text = str(value)
    if text.startswith(FORMULA_TRIGGERS) or text.lstrip(" ").startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def cohort_csv(rows: list[dict[str, Any]], with_match: bool) -> str:
    """The summary CSV (same leading columns as the CLI's ``summary.csv``), UTF-8 with BOM."""
    out = io.StringIO()
    writer = csv.writer(out)
    header = ["file", "status", "error_code", "top_role", "top_score"]
    header += [f"score_{r}" for r in ROLE_IDS] + (["match_score"] if with_match else [])
    writer.writerow(header)
    for row in rows:
        cells = [row["file"], row["status"], row["error_code"], row["top_role"], row["top_score"]]
        cells += [row["scores"].get(r, "") for r in ROLE_IDS]
        cells += [row["match_score"]] if with_match else []
        writer.writerow([csv_safe(c) for c in cells])
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
