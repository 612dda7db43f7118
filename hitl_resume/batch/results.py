"""Immutable batch records: one per input file, plus notes and the whole batch's outcome."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Status = Literal["ok", "error"]


@dataclass(frozen=True, slots=True)
class Note:
    """A row of ``errors.csv``: a skipped entry or a report that could not be produced."""

    file: str
    code: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"file": self.file, "code": self.code, "message": self.message}


@dataclass(frozen=True, slots=True)
class Task:
    """One file's work, sent to a worker: the bytes travel, never a path from an archive."""

    index: int
    file: str
    sha256: str
    data: bytes
    postings: tuple[str, ...]
    formats: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FileResult:
    """The outcome for one input file: a summary row plus what the cohort view needs."""

    index: int
    file: str
    sha256: str
    status: Status
    error_code: str = ""
    message: str = ""
    scores: tuple[tuple[str, int], ...] = ()
    levels: tuple[tuple[str, str], ...] = ()
    labels: tuple[tuple[str, str], ...] = ()
    top_role: str = ""
    top_score: int | None = None
    match_score: int | None = None
    missing: tuple[tuple[str, ...], ...] = ()
    reports: tuple[tuple[str, str], ...] = ()
    notes: tuple[Note, ...] = ()
    cached: bool = False
    worker_pid: int = 0
    peak_rss_kb: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON form used in ``summary.json`` and the resume manifest."""
        return {
            "file": self.file,
            "sha256": self.sha256,
            "status": self.status,
            "error_code": self.error_code or None,
            "message": self.message or None,
            "top_role": self.top_role or None,
            "top_score": self.top_score,
            "scores": dict(self.scores),
            "levels": dict(self.levels),
            "labels": dict(self.labels),
            "match_score": self.match_score,
            "missing": [list(keywords) for keywords in self.missing],
            "reports": dict(self.reports),
            "cached": self.cached,
        }

    @classmethod
    def from_cache(cls, index: int, file: str, data: dict[str, Any]) -> FileResult:
        """Rebuild an ok result stored in the manifest; raise ``ValueError`` when malformed."""
        try:
            return cls(
                index=index,
                file=file,
                sha256=str(data["sha256"]),
                status="ok",
                scores=tuple((str(k), int(v)) for k, v in dict(data["scores"]).items()),
                levels=tuple((str(k), str(v)) for k, v in dict(data["levels"]).items()),
                labels=tuple((str(k), str(v)) for k, v in dict(data["labels"]).items()),
                top_role=str(data["top_role"] or ""),
                top_score=_optional_int(data["top_score"]),
                match_score=_optional_int(data["match_score"]),
                missing=tuple(tuple(str(k) for k in group) for group in data["missing"]),
                reports=tuple((str(k), str(v)) for k, v in dict(data["reports"]).items()),
                cached=True,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError("malformed manifest entry") from exc


def _optional_int(value: Any) -> int | None:
    return None if value is None else int(value)


@dataclass(frozen=True, slots=True)
class BatchResult:
    """What a batch produced: results in input order, notes, timing and whether it was cut short."""

    outdir: Path
    files: tuple[FileResult, ...]
    notes: tuple[Note, ...]
    elapsed: float
    jobs: int
    interrupted: bool = False
    total: int = 0
    error_counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok_count(self) -> int:
        """Files analysed (now or in an earlier run whose reports were reused)."""
        return sum(1 for f in self.files if f.status == "ok")

    @property
    def cached_count(self) -> int:
        return sum(1 for f in self.files if f.cached)


def count_errors(files: tuple[FileResult, ...]) -> dict[str, int]:
    """Error rows by code, most frequent first."""
    return dict(Counter(f.error_code for f in files if f.status == "error").most_common())
