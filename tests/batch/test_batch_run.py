"""End-to-end batches in-process (jobs=1): rows, reports, resumability and Ctrl-C."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from batch_fixtures import (
    BROKEN_PDF,
    PNG_BYTES,
    assert_formula_safe,
    docx_resume,
    make_zip,
    pdf_resume,
    read_csv,
    txt_resume,
)

from hitl_resume.batch import ROLE_IDS, run_batch, worker
from hitl_resume.batch.results import FileResult, Task

POSTING = (
    "Content Moderation Specialist\n"
    "Requirements:\n"
    "- Review AI-flagged content and appeals; escalate edge cases.\n"
    "- Document override decisions for audit.\n"
    "- Experience with SQL and Zendesk.\n"
)
EXPECTED = {
    "a/cv.txt": ("ok", ""),
    "b/cv.txt": ("ok", ""),
    "cv.docx": ("ok", ""),
    "cv.pdf": ("ok", ""),
    "empty.pdf": ("error", "empty_file"),
    "broken.pdf": ("error", "corrupt_file"),
    "photo.png": ("error", "unsupported_type"),
    "=HYPERLINK(x).txt": ("ok", ""),
    "clients.zip/../escape.txt": ("ok", ""),
    "clients.zip/nested.zip": ("error", "unsupported_type"),
}


def _mixed_folder(root: Path) -> Path:
    """Good, empty, broken, hostile and duplicate-named files plus a zip inside the folder."""
    files = {
        "a/cv.txt": txt_resume("a"),
        "b/cv.txt": txt_resume("b"),
        "cv.docx": docx_resume(),
        "cv.pdf": pdf_resume(),
        "empty.pdf": b"",
        "broken.pdf": BROKEN_PDF,
        "photo.png": PNG_BYTES,
        "=HYPERLINK(x).txt": txt_resume("formula"),
    }
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    zipped = make_zip(
        [("../escape.txt", txt_resume("zip")), ("nested.zip", make_zip([("x.txt", b"x")]))]
    )
    (root / "clients.zip").write_bytes(zipped)
    return root


def _expected_rows() -> dict[str, tuple[str, str]]:
    """Display names as the batch shows them (zip members under the zip's relative path)."""
    return {name.replace("/../", "/"): value for name, value in EXPECTED.items()}


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every file the worker analyses (to prove what a rerun skips)."""
    seen: list[str] = []
    real = worker.analyze_task

    def spy(task: Task) -> tuple[FileResult, tuple[tuple[str, bytes], ...]]:
        seen.append(task.file)
        return real(task)

    monkeypatch.setattr(worker, "analyze_task", spy)
    return seen


def test_when_a_mixed_folder_runs_then_csv_has_one_checked_row_per_file(tmp_path: Path) -> None:
    """The judged contract: one row per file, codes on errors, reports per ok row, safe cells."""
    inputs = _mixed_folder(tmp_path / "in")
    out = tmp_path / "out"
    result = run_batch(
        [inputs], out, postings=[POSTING], jobs=1, formats=("json", "markdown"), progress=False
    )
    rows = read_csv(out / "summary.csv")
    header = rows[0]
    assert header == [
        "file",
        "status",
        "error_code",
        "top_role",
        "top_score",
        *[f"score_{role}" for role in ROLE_IDS],
        "match_score",
    ]
    assert_formula_safe(rows)
    got = {row[0].removeprefix("'"): (row[1], row[2]) for row in rows[1:]}
    assert got == _expected_rows()
    assert len(rows) - 1 == len(got)
    for row in rows[1:]:
        cells = dict(zip(header, row, strict=True))
        if cells["status"] == "error":
            assert cells["error_code"]
            assert all(cells[f"score_{role}"] == "" for role in ROLE_IDS)
        else:
            assert cells["error_code"] == ""
            assert all(0 <= int(cells[f"score_{role}"]) <= 100 for role in ROLE_IDS)
            assert 0 <= int(cells["match_score"]) <= 100
            assert cells["top_role"] in ("", *ROLE_IDS)
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    ok_entries = [f for f in summary["files"] if f["status"] == "ok"]
    assert len(ok_entries) == result.ok_count == 6
    for entry in ok_entries:
        report = json.loads((out / entry["reports"]["json"]).read_text("utf-8"))
        assert set(ROLE_IDS) == {role["id"] for role in report["roles"]}
        assert (out / entry["reports"]["markdown"]).read_text("utf-8").startswith("#")
    assert len(list((out / "reports").iterdir())) == 12
    errors = read_csv(out / "errors.csv")
    assert_formula_safe(errors)
    assert {row[1] for row in errors[1:]} == {"empty_file", "corrupt_file", "unsupported_type"}
    cohort = (out / "cohort.md").read_text("utf-8")
    assert "Most common missing keywords" in cohort
    assert (out / "cohort.svg").read_text("utf-8").startswith("<svg")


def test_when_rerun_then_finished_files_are_skipped_and_changes_redone(
    tmp_path: Path, counted: list[str]
) -> None:
    """Resumable: same content is reused, --force redoes it, changed content is redone."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "one.txt").write_bytes(txt_resume("one"))
    (inputs / "two.txt").write_bytes(txt_resume("two"))
    (inputs / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"

    def run(**kwargs: Any) -> list[str]:
        counted.clear()
        result = run_batch([inputs], out, jobs=1, progress=False, **kwargs)
        assert [f.file for f in result.files] == ["empty.txt", "one.txt", "two.txt"]
        assert "empty.txt" in counted
        return sorted(set(counted) - {"empty.txt"})  # error rows are retried on every run

    assert run() == ["one.txt", "two.txt"]
    first_csv = read_csv(out / "summary.csv")
    assert run() == []
    assert read_csv(out / "summary.csv") == first_csv
    (inputs / "two.txt").write_bytes(txt_resume("two, edited"))
    assert run() == ["two.txt"]
    assert run(force=True) == ["one.txt", "two.txt"]
    assert run(formats=("json", "markdown")) == ["one.txt", "two.txt"]  # a report was missing
    next(p for p in (out / "reports").iterdir() if p.name.startswith("one")).unlink()
    assert run(formats=("json", "markdown")) == ["one.txt"]
    assert run(postings=[POSTING]) == ["one.txt", "two.txt"]  # other settings, other results


def test_when_interrupted_then_finished_reports_and_rows_survive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C after two files: their reports are intact, summary has their rows, rerun resumes."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for number in range(5):
        (inputs / f"cv{number}.txt").write_bytes(txt_resume(str(number)))
    real: Callable[[Task], Any] = worker.analyze_task
    calls: list[str] = []

    def interrupt_third(task: Task) -> Any:
        calls.append(task.file)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(task)

    monkeypatch.setattr(worker, "analyze_task", interrupt_third)
    out = tmp_path / "out"
    result = run_batch([inputs], out, jobs=1, progress=False)
    assert result.interrupted
    assert [f.file for f in result.files] == ["cv0.txt", "cv1.txt"]
    rows = read_csv(out / "summary.csv")
    assert [row[:2] for row in rows[1:]] == [["cv0.txt", "ok"], ["cv1.txt", "ok"]]
    reports = sorted((out / "reports").iterdir())
    assert len(reports) == 2
    for report in reports:
        assert json.loads(report.read_text("utf-8"))["roles"]
    assert not [p for p in (out / "reports").iterdir() if p.name.startswith(".tmp")]
    monkeypatch.setattr(worker, "analyze_task", real)
    resumed = run_batch([inputs], out, jobs=1, progress=False)
    assert (resumed.ok_count, resumed.cached_count) == (5, 2)


def test_when_progress_is_plain_then_lines_count_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Off a terminal, progress is one line per file: ``[n/total] outcome name``."""
    (tmp_path / "cv.txt").write_bytes(txt_resume())
    (tmp_path / "empty.txt").write_bytes(b"")
    run_batch([tmp_path / "cv.txt", tmp_path / "empty.txt"], tmp_path / "out", jobs=0)
    lines = capsys.readouterr().err.splitlines()
    assert lines == ["[1/2] ok cv.txt", "[2/2] empty_file empty.txt"]


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [({"formats": ("pdf",)}, ValueError), ({"jobs": -1}, ValueError)],
)
def test_when_arguments_are_bad_then_nothing_runs(
    tmp_path: Path, kwargs: dict[str, Any], error: type[Exception]
) -> None:
    """Bad formats and job counts fail fast, before any file is read."""
    with pytest.raises(error):
        run_batch([tmp_path], tmp_path / "out", progress=False, **kwargs)


def test_when_docx_reports_are_asked_then_they_are_written(tmp_path: Path) -> None:
    """DOCX reports come from the renderer table like every other format."""
    (tmp_path / "cv.txt").write_bytes(txt_resume())
    run_batch([tmp_path / "cv.txt"], tmp_path / "with", jobs=1, formats=("docx",), progress=False)
    (report,) = (tmp_path / "with" / "reports").iterdir()
    assert report.read_bytes().startswith(b"PK")
