"""One ``Lexicon`` reaches every stage: a custom directory changes parsing, detection, coaching."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from hitl_resume.api import analyze, analyzer_for_lexicon
from hitl_resume.cli import main
from hitl_resume.language.lexicon_loader import load_lexicon
from hitl_resume.language.lexicon_schema import bundled_lexicon_dir
from hitl_resume.parsing import parse

RESUME = """Jordan Example
jordan@example.com

CHAPTERS SO FAR
Claims Examiner
Acme Insurance, Springfield, IL  2019 - Present
- Reviewed flagged claims and escalated suspected fraud to the special investigations unit
- Corrected miscoded claims and documented the reason for each override

EDUCATION
B.A., Springfield College, 2018
"""


def _custom_lexicon(tmp_path: Path) -> Path:
    """A copy of the bundled lexicon whose experience heading also accepts 'chapters so far'."""
    target = tmp_path / "lexicon"
    shutil.copytree(bundled_lexicon_dir(), target, ignore=shutil.ignore_patterns("*.py"))
    path = target / "headings.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if line.startswith("{") and json.loads(line)["kind"] == "experience":
            entry = json.loads(line)
            entry["phrases"].append("chapters so far")
            lines[i] = json.dumps(entry)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def test_when_a_custom_heading_is_given_then_parse_reads_its_section(tmp_path: Path) -> None:
    """The structure step reads the headings of the lexicon it is handed, not a bundled copy."""
    assert "experience" not in [s.kind for s in parse(RESUME).sections]
    custom = load_lexicon(_custom_lexicon(tmp_path))
    resume = parse(RESUME, lexicon=custom)
    assert [s.kind for s in resume.sections][:2] == ["contact", "experience"]
    assert resume.sections[1].heading == "CHAPTERS SO FAR"
    assert resume.experience[0].title == "Claims Examiner"


def test_when_analyze_gets_a_custom_lexicon_then_findings_use_its_structure(
    tmp_path: Path,
) -> None:
    """``analyze`` parses with the analyzer's lexicon: its heading names the section."""
    default = analyze(RESUME)
    custom = analyze(RESUME, analyzer=analyzer_for_lexicon(_custom_lexicon(tmp_path)))
    assert "experience" in [s.kind for s in custom.resume.sections]
    assert "experience" not in [s.kind for s in default.resume.sections]
    assert any(f.entry_title == "Claims Examiner" for f in custom.findings)


@pytest.mark.parametrize("command", ["parse", "analyze"])
def test_when_the_cli_gets_lexicon_then_the_custom_heading_changes_the_parse(
    tmp_path: Path, command: str
) -> None:
    """``--lexicon DIR`` on the command line governs parsing too (it used to be ignored there)."""
    resume = tmp_path / "cv.txt"
    resume.write_text(RESUME, encoding="utf-8")
    args = [command, str(resume), "--format", "json", "--lexicon", str(_custom_lexicon(tmp_path))]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    structure = data if command == "parse" else data["resume"]
    assert structure["sections"][1]["kind"] == "experience"
    assert structure["experience"][0]["title"] == "Claims Examiner"
