"""Write a batch's files: reports, summary.csv/json and errors.csv (formula-safe, B-10)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from hitl_resume.batch.results import BatchResult, FileResult, Note
from hitl_resume.batch.worker import FORMAT_EXTENSIONS
from hitl_resume.language.lexicon_loader import ROLE_IDS

REPORTS_DIR = "reports"
SUMMARY_CSV = "summary.csv"
SUMMARY_JSON = "summary.json"
ERRORS_CSV = "errors.csv"

_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\0")
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9_-]+")
REPORT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$")


def formula_safe(cell: str) -> str:
    """Prefix ``'`` when a spreadsheet would read the cell as a formula (docs/security.md E-03)."""
    return "'" + cell if cell.lstrip(" ").startswith(_FORMULA_TRIGGERS) else cell


def summary_header(with_match: bool) -> list[str]:
    """The column order docs/output.md fixes."""
    header = ["file", "status", "error_code", "top_role", "top_score"]
    header += [f"score_{role}" for role in ROLE_IDS]
    return header + (["match_score"] if with_match else [])


def summary_row(result: FileResult, with_match: bool) -> list[str]:
    """One ``summary.csv`` row; scores are blank on error rows."""
    scores = dict(result.scores)
    row = [
        result.file,
        result.status,
        result.error_code,
        result.top_role,
        _number(result.top_score),
    ]
    row += [_number(scores.get(role)) if result.status == "ok" else "" for role in ROLE_IDS]
    return row + ([_number(result.match_score)] if with_match else [])


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


def csv_text(rows: Iterable[Sequence[str]]) -> str:
    """CSV with every cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([formula_safe(cell) for cell in row])
    return buffer.getvalue()


def report_stem(file: str, sha256: str, taken: set[str]) -> str:
    """A safe, unique report file stem from the display name and a short content hash."""
    base = file.rsplit("/", 1)[-1]
    stem = base.rsplit(".", 1)[0] if "." in base.strip(".") else base
    stem = _UNSAFE_NAME.sub("_", stem).strip("_-")[:40] or "resume"
    candidate, number = f"{stem}-{sha256[:12]}", 1
    while candidate.lower() in taken:
        number += 1
        candidate = f"{stem}-{sha256[:12]}-{number}"
    taken.add(candidate.lower())
    return candidate


def atomic_write(path: Path, data: bytes) -> None:
    """Write via a temporary file and rename, so Ctrl-C never leaves half a report."""
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_reports(
    outdir: Path, result: FileResult, rendered: Sequence[tuple[str, bytes]], taken: set[str]
) -> tuple[tuple[str, str], ...]:
    """Write one file's reports under ``OUTDIR/reports``; return (format, file name) pairs."""
    folder = outdir / REPORTS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    stem = report_stem(result.file, result.sha256, taken)
    written = []
    for fmt, data in rendered:
        name = f"{stem}.{FORMAT_EXTENSIONS[fmt]}"
        atomic_write(folder / name, data)
        written.append((fmt, name))
    return tuple(written)


def all_notes(batch: BatchResult) -> list[Note]:
    """Batch notes, then each file's error and report notes, in input order."""
    notes = list(batch.notes)
    for result in batch.files:
        if result.status == "error":
            notes.append(Note(result.file, result.error_code, result.message))
        notes.extend(result.notes)
    return notes


def write_summaries(batch: BatchResult, *, with_match: bool) -> None:
    """Write summary.csv (UTF-8 with BOM), errors.csv and summary.json."""
    for name, data in summary_files(batch, with_match=with_match).items():
        atomic_write(batch.outdir / name, data)


def summary_files(batch: BatchResult, *, with_match: bool) -> dict[str, bytes]:
    """summary.csv, errors.csv and summary.json as bytes (the web keeps them in memory)."""
    rows = [summary_header(with_match)] + [summary_row(f, with_match) for f in batch.files]
    notes = all_notes(batch)
    error_rows = [["file", "error_code", "message"]] + [[n.file, n.code, n.message] for n in notes]
    document: dict[str, Any] = {
        "files": [_file_entry(f) for f in batch.files],
        "notes": [n.to_dict() for n in notes],
        "counts": {
            "files": len(batch.files),
            "ok": batch.ok_count,
            "reused": batch.cached_count,
            "errors": batch.error_counts,
        },
        "elapsed_seconds": round(batch.elapsed, 3),
        "jobs": batch.jobs,
        "interrupted": batch.interrupted,
    }
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return {
        SUMMARY_CSV: csv_text(rows).encode("utf-8-sig"),
        ERRORS_CSV: csv_text(error_rows).encode("utf-8-sig"),
        SUMMARY_JSON: text.encode("utf-8"),
    }


def _file_entry(result: FileResult) -> dict[str, Any]:
    entry = result.to_dict()
    entry["reports"] = {fmt: f"{REPORTS_DIR}/{name}" for fmt, name in result.reports}
    return entry
