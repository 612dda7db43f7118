"""The ``hitl-resume`` command: a thin layer that reads input, calls the library and renders."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from hitl_resume.errors import InputError

EXIT_INPUT_ERROR = 1


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text)
    else:
        output.write_text(text + "\n", encoding="utf-8")


def _dump_json(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2)


def _fail(error: InputError, as_json: bool) -> NoReturn:
    """Print the error's code and message (JSON when asked) and exit with status 1."""
    if as_json:
        click.echo(_dump_json(error.to_dict()))
    else:
        click.echo(f"error [{error.code}]: {error.message}", err=True)
    sys.exit(EXIT_INPUT_ERROR)


def _source_from_arg(path: str) -> Path | bytes:
    """``-`` reads the file's bytes from standard input."""
    if path == "-":
        return sys.stdin.buffer.read()
    return Path(path)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="hitl-resume")
def main() -> None:
    """Find, name and prove human-in-the-loop (HITL) experience in resumes and job postings."""


@main.command("parse")
@click.argument("resume", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "json-resume"]),
    default="json",
    show_default=True,
    help="Our structure JSON, or the jsonresume.org schema.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None)
def parse_command(resume: str, fmt: str, output: Path | None) -> None:
    """Read RESUME (PDF, DOCX or TXT; type sniffed from content) into structured data.

    Example: hitl-resume parse cv.pdf --format json-resume
    """
    from hitl_resume.api import parse
    from hitl_resume.json_resume import to_json_resume

    try:
        parsed = parse(_source_from_arg(resume), filename=None if resume == "-" else resume)
    except InputError as error:
        _fail(error, as_json=True)
    document = to_json_resume(parsed) if fmt == "json-resume" else parsed.to_dict()
    _emit(_dump_json(document), output)


@main.group("lexicon")
def lexicon_group() -> None:
    """Inspect and validate lexicon directories."""


@lexicon_group.command("check")
@click.argument(
    "directory",
    required=False,
    type=click.Path(file_okay=False, exists=True, path_type=Path),
)
def lexicon_check(directory: Path | None) -> None:
    """Validate a lexicon directory (default: the bundled one); list every problem.

    Example: hitl-resume lexicon check ./my-lexicon
    """
    from hitl_resume.lexicon import bundled_lexicon_dir, check_lexicon

    target = directory or bundled_lexicon_dir()
    problems = check_lexicon(target)
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        click.echo(f"{len(problems)} problem(s) found.", err=True)
        sys.exit(EXIT_INPUT_ERROR)
    click.echo("Lexicon OK.")
