"""The resume manifest (``OUTDIR/.hitl-batch.json``): content hash → report files of a past run."""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path
from typing import Any

from hitl_resume.batch.outputs import REPORT_NAME, REPORTS_DIR, atomic_write
from hitl_resume.batch.results import FileResult
from hitl_resume.models import SCHEMA_VERSION

MANIFEST_NAME = ".hitl-batch.json"
MANIFEST_VERSION = 1


def settings_key(postings: tuple[str, ...]) -> str:
    """What besides the file decides a report: postings, package and schema version."""
    try:
        version = metadata.version("hitl-resume")
    except metadata.PackageNotFoundError:
        version = "unknown"
    blob = json.dumps([version, SCHEMA_VERSION, list(postings)], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class Manifest:
    """Past results by content hash, reused only when settings match and every report exists.

    Only results of earlier runs are reused: two copies of one file in the same batch each get
    their own report.
    """

    def __init__(self, outdir: Path, settings: str) -> None:
        self.path = outdir / MANIFEST_NAME
        self.reports = outdir / REPORTS_DIR
        self.settings = settings
        self.previous: dict[str, dict[str, Any]] = {}
        self.entries: dict[str, dict[str, Any]] = {}

    @classmethod
    def load(cls, outdir: Path, settings: str) -> Manifest:
        """Read the manifest; a missing, damaged or stale one simply means nothing is reused."""
        manifest = cls(outdir, settings)
        try:
            document = json.loads(manifest.path.read_text("utf-8"))
        except (OSError, ValueError):
            return manifest
        if (
            isinstance(document, dict)
            and document.get("version") == MANIFEST_VERSION
            and document.get("settings") == settings
            and isinstance(document.get("entries"), dict)
        ):
            manifest.previous = {
                str(k): v for k, v in document["entries"].items() if isinstance(v, dict)
            }
        return manifest

    def reuse(
        self, index: int, file: str, sha256: str, formats: tuple[str, ...]
    ) -> FileResult | None:
        """The stored result for this content when all requested reports are still on disk."""
        entry = self.previous.get(sha256)
        if entry is None:
            return None
        try:
            result = FileResult.from_cache(index, file, entry)
        except ValueError:
            return None
        reports = dict(result.reports)
        for fmt in formats:
            name = reports.get(fmt)
            if name is None or not REPORT_NAME.match(name) or not (self.reports / name).is_file():
                return None
        return result

    def record(self, result: FileResult) -> None:
        """Remember an analysed file (errors are retried next time, so they are not stored)."""
        if result.status == "ok" and result.reports:
            self.entries[result.sha256] = result.to_dict()

    def save(self) -> None:
        entries = {**self.previous, **self.entries}
        document = {"version": MANIFEST_VERSION, "settings": self.settings, "entries": entries}
        atomic_write(self.path, json.dumps(document, ensure_ascii=False).encode("utf-8"))
