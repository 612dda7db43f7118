"""The ``batch`` command through click's CliRunner: exit codes, options and a real worker pool."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from batch_fixtures import BROKEN_PDF, assert_formula_safe, pdf_resume, read_csv, txt_resume
from click.testing import CliRunner

from hitl_resume.batch import worker
from hitl_resume.batch.results import Task
from hitl_resume.cli.batch import batch_command


def _folder(root: Path, files: dict[str, bytes]) -> Path:
    root.mkdir()
    for name, data in files.items():
        (root / name).write_bytes(data)
    return root


def test_when_some_files_fail_then_the_batch_still_exits_0(tmp_path: Path) -> None:
    """Per-file errors are rows, not a failed batch; the summary names counts and speed."""
    inputs = _folder(tmp_path / "in", {"cv.txt": txt_resume(), "empty.pdf": b""})
    posting = tmp_path / "job.txt"
    posting.write_text("Trust and safety reviewer: review AI-flagged content, escalate.")
    out = tmp_path / "out"
    args = [str(inputs), "--posting", str(posting), "-o", str(out), "--jobs", "1"]
    result = CliRunner().invoke(batch_command, [*args, "--format", "json,markdown"])
    assert result.exit_code == 0, result.output
    assert "1 of 2 files analysed" in result.output
    assert "empty_file: 1" in result.output
    assert "files/s" in result.output
    rows = read_csv(out / "summary.csv")
    assert rows[0][-1] == "match_score"
    assert [row[1:3] for row in rows[1:]] == [["ok", ""], ["error", "empty_file"]]
    assert len(list((out / "reports").iterdir())) == 2


def test_when_nothing_can_be_analysed_then_exit_1(tmp_path: Path) -> None:
    """Exit 1 when no file could be analysed, with every file still reported in errors.csv."""
    inputs = _folder(tmp_path / "in", {"empty.pdf": b"", "broken.pdf": BROKEN_PDF})
    out = tmp_path / "out"
    result = CliRunner().invoke(batch_command, [str(inputs), "-o", str(out), "--jobs", "0"])
    assert result.exit_code == 1
    errors = read_csv(out / "errors.csv")
    assert sorted(row[1] for row in errors[1:]) == ["corrupt_file", "empty_file"]


@pytest.mark.parametrize(
    "extra",
    [
        [],  # no -o
        ["-o", "OUT", "--format", "pdf"],
        ["-o", "OUT", "--jobs", "-1"],
        ["-o", "OUT", "--posting", "EMPTY"],
        ["-o", "OUT", "--posting", "MISSING"],
    ],
)
def test_when_usage_is_wrong_then_exit_2(tmp_path: Path, extra: list[str]) -> None:
    """Usage errors (options, unusable postings) exit 2 before any file is analysed."""
    (tmp_path / "empty.txt").write_text("   ")
    inputs = _folder(tmp_path / "in", {"cv.txt": txt_resume()})
    names = {"OUT": tmp_path / "out", "EMPTY": tmp_path / "empty.txt"}
    args = [str(names.get(a, tmp_path / a if a == "MISSING" else a)) for a in extra]
    result = CliRunner().invoke(batch_command, [str(inputs), *args])
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "out" / "summary.csv").exists()


def test_when_missing_input_then_exit_2(tmp_path: Path) -> None:
    """A path that does not exist is a usage error."""
    result = CliRunner().invoke(batch_command, [str(tmp_path / "nope"), "-o", str(tmp_path)])
    assert result.exit_code == 2


def test_when_interrupted_then_exit_130_with_a_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C exits 130 after writing the summary of what finished."""

    def interrupt(task: Task) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(worker, "analyze_task", interrupt)
    inputs = _folder(tmp_path / "in", {"cv.txt": txt_resume()})
    out = tmp_path / "out"
    result = CliRunner().invoke(batch_command, [str(inputs), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 130
    assert "interrupted" in result.output
    assert read_csv(out / "summary.csv")[1:] == []


@pytest.mark.slow
def test_when_jobs_is_2_then_workers_analyse_and_jobs_are_capped(tmp_path: Path) -> None:
    """The real pool: spawned workers (model loaded once each), rows in input order, B-09 cap."""
    files = {f"cv{n}.txt": txt_resume(str(n)) for n in range(3)}
    inputs = _folder(tmp_path / "in", {**files, "cv.pdf": pdf_resume(), "broken.pdf": BROKEN_PDF})
    out = tmp_path / "out"
    jobs = str((os.cpu_count() or 1) + 5)
    result = CliRunner().invoke(batch_command, [str(inputs), "-o", str(out), "--jobs", jobs])
    assert result.exit_code == 0, result.output
    rows = read_csv(out / "summary.csv")
    assert_formula_safe(rows)
    assert [row[:3] for row in rows[1:]] == [
        ["broken.pdf", "error", "corrupt_file"],
        ["cv.pdf", "ok", ""],
        ["cv0.txt", "ok", ""],
        ["cv1.txt", "ok", ""],
        ["cv2.txt", "ok", ""],
    ]
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["jobs"] == min(int(jobs), os.cpu_count() or 1)
