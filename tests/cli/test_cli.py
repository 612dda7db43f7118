"""The CLI is argument translation over the library: every command, exit codes, JSON errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from hitl_resume.cli import main

REPO_ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = REPO_ROOT / "hitl_resume" / "examples" / "example_resume.txt"
POSTING = "Medical Coding Auditor\nReview AI-suggested codes and escalate documentation gaps.\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_when_parsing_a_file_then_json_has_the_structure(runner: CliRunner) -> None:
    """`parse` prints the structure JSON of docs/output.md."""
    result = runner.invoke(main, ["parse", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {"contact", "sections", "experience", "education", "skills"} <= set(data)
    assert data["experience"][0]["title"] == "Senior Medical Coder"


def test_when_json_resume_is_asked_then_the_open_schema_is_used(runner: CliRunner) -> None:
    """`--format json-resume` maps onto jsonresume.org fields."""
    result = runner.invoke(main, ["parse", str(EXAMPLE), "--format", "json-resume"])
    data = json.loads(result.output)
    assert data["basics"]["email"] == "jordan.avery@example.com"
    assert data["work"][0]["position"] == "Senior Medical Coder"
    assert data["work"][0]["startDate"] == "2021-03"
    assert "endDate" not in data["work"][0]


def test_when_input_is_bad_then_exit_1_with_a_coded_json_error(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Exit code 1 and `{"error": {"code", "message"}}` for input that cannot be analysed."""
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    result = runner.invoke(main, ["analyze", str(empty), "--format", "json"])
    assert result.exit_code == 1
    error = json.loads(result.output)["error"]
    assert error["code"] == "empty_file"
    assert error["message"].startswith("The file is empty")


def test_when_arguments_are_wrong_then_exit_2(runner: CliRunner) -> None:
    """Usage errors exit 2."""
    assert runner.invoke(main, ["analyze"]).exit_code == 2
    assert runner.invoke(main, ["analyze", "--example", "--format", "docx"]).exit_code == 2
    assert runner.invoke(main, ["parse", "--format", "xml", str(EXAMPLE)]).exit_code == 2


@pytest.mark.parametrize("fmt", ["json", "markdown", "html"])
def test_when_analysing_then_each_text_format_renders(runner: CliRunner, fmt: str) -> None:
    """`analyze` renders JSON, Markdown and HTML from one analysis."""
    result = runner.invoke(main, ["analyze", "--example", "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        data = json.loads(result.output)
        assert len(data["roles"]) == 7
        assert set(data) >= {"schema_version", "roles", "findings", "rewrites", "interview"}
    elif fmt == "markdown":
        assert "Healthcare quality" in result.output
    else:
        assert result.output.lstrip().lower().startswith("<!doctype html")


def test_when_docx_is_asked_then_a_word_file_is_written(runner: CliRunner, tmp_path: Path) -> None:
    """`--format docx -o` writes a DOCX report that python-docx can open."""
    import docx

    out = tmp_path / "report.docx"
    result = runner.invoke(main, ["analyze", "--example", "--format", "docx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Healthcare" in text


def test_when_a_posting_file_is_given_then_analyze_matches_it(
    runner: CliRunner, tmp_path: Path
) -> None:
    """`--posting` adds one match per posting."""
    posting = tmp_path / "job.txt"
    posting.write_text(POSTING)
    result = runner.invoke(
        main, ["analyze", str(EXAMPLE), "--posting", str(posting), "--format", "json"]
    )
    matches = json.loads(result.output)["matches"]
    assert len(matches) == 1
    assert 0 <= matches[0]["score"] <= 100


def test_when_reading_a_posting_then_hitl_phrases_and_roles_show(
    runner: CliRunner, tmp_path: Path
) -> None:
    """`posting` prints roles, HITL phrases (explicit AI marked) and keywords."""
    posting = tmp_path / "job.txt"
    posting.write_text(POSTING)
    data = json.loads(runner.invoke(main, ["posting", str(posting), "--format", "json"]).output)
    assert {"schema_version", "roles", "hitl_phrases", "keywords"} <= set(data)
    assert any(p["explicit_ai"] for p in data["hitl_phrases"])


def test_when_checking_lexicons_then_problems_are_listed_with_file_and_line(
    runner: CliRunner, tmp_path: Path
) -> None:
    """`lexicon check` passes the bundled lexicon and lists every problem of a broken one."""
    assert runner.invoke(main, ["lexicon", "check"]).exit_code == 0
    for source in (REPO_ROOT / "lexicon").glob("*.jsonl"):
        (tmp_path / source.name).write_text(source.read_text())
    with (tmp_path / "signals.jsonl").open("a") as handle:
        handle.write('{"id": "signal.bad", "signal": "review", "pos": "verb", "phrases": ["X"]}\n')
    result = runner.invoke(main, ["lexicon", "check", str(tmp_path)])
    assert result.exit_code == 1
    assert re.search(r"signals\.jsonl:\d+: ", result.output)


def test_when_readme_documents_commands_then_each_exists(runner: CliRunner) -> None:
    """Docs as tests: every `hitl-resume <command>` in the README is a real command."""
    readme = (REPO_ROOT / "README.md").read_text()
    documented = set(re.findall(r"hitl-resume ([a-z]+)", readme))
    assert documented, "README documents no commands"
    for command in documented:
        assert runner.invoke(main, [command, "--help"]).exit_code == 0, command
    assert set(main.commands) <= documented | {"lexicon"}


@pytest.mark.parametrize("command", ["analyze", "posting"])
def test_when_a_lexicon_dir_is_given_then_it_is_used(
    runner: CliRunner, tmp_path: Path, command: str
) -> None:
    """`--lexicon DIR` reaches the analysis: a relabelled role shows under its new label."""
    for source in (REPO_ROOT / "lexicon").glob("*.jsonl"):
        text = source.read_text()
        if source.name == "roles.jsonl":
            text = text.replace('"Healthcare quality"', '"Clinical review (custom)"')
        (tmp_path / source.name).write_text(text)
    target = str(EXAMPLE) if command == "analyze" else str(tmp_path / "job.txt")
    (tmp_path / "job.txt").write_text(POSTING)
    args = [command, target, "--format", "json", "--lexicon", str(tmp_path)]
    data = json.loads(runner.invoke(main, args).output)
    labels = {r["id"]: r["label"] for r in data["roles"]}
    assert labels["healthcare_quality"] == "Clinical review (custom)"
