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
    from hitl_resume.parsing import parse
    from hitl_resume.render.json_resume import to_json_resume

    try:
        parsed = parse(_source_from_arg(resume), filename=None if resume == "-" else resume)
    except InputError as error:
        _fail(error, as_json=True)
    document = to_json_resume(parsed) if fmt == "json-resume" else parsed.to_dict()
    _emit(_dump_json(document), output)


EXAMPLE_RESUME = "example_resume.txt"

LEXICON_OPTION = click.option(
    "--lexicon",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None,
    help="Use your own lexicon directory (see lexicon/README.md).",
)


def _analyzer(lexicon_dir: Path | None) -> Any:
    """The shared analyzer, or one built on a user's lexicon (errors name file and line)."""
    from hitl_resume.api import default_analyzer

    if lexicon_dir is None:
        return default_analyzer()
    from hitl_resume.detection.analyzer import Analyzer
    from hitl_resume.language.jsonl_reader import LexiconError
    from hitl_resume.language.lexicon_loader import load_lexicon

    try:
        return Analyzer(lexicon=load_lexicon(lexicon_dir))
    except LexiconError as error:
        raise click.BadParameter(str(error), param_hint="--lexicon") from None


@main.command("analyze")
@click.argument("resume", required=False, type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--posting",
    "postings",
    multiple=True,
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="A job posting text file to match against (repeatable).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "markdown", "html", "docx"]),
    default="markdown",
    show_default=True,
    help="docx needs -o.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.option("--example", is_flag=True, help="Analyse the bundled synthetic example resume.")
@LEXICON_OPTION
def analyze_command(
    resume: str | None,
    postings: tuple[Path, ...],
    fmt: str,
    output: Path | None,
    example: bool,
    lexicon: Path | None,
) -> None:
    """Find HITL evidence in RESUME, score the seven role patterns, match postings.

    Example: hitl-resume analyze cv.pdf --posting job.txt --format json -o report.json
    """
    from importlib.resources import files

    from hitl_resume.api import analyze
    from hitl_resume.ingest.source import read_posting_file
    from hitl_resume.render import ANALYSIS_RENDERERS, BINARY_RENDERERS

    if example == (resume is not None):
        raise click.UsageError("Give a RESUME file or --example (not both).")
    if fmt in BINARY_RENDERERS and output is None:
        raise click.UsageError(f"--format {fmt} writes a file: add -o OUT.{fmt}.")
    try:
        if example:
            text = files("hitl_resume.examples").joinpath(EXAMPLE_RESUME).read_text("utf-8")
            source: Path | bytes | str = text
            name: str | None = EXAMPLE_RESUME
        else:
            assert resume is not None
            source = _source_from_arg(resume)
            name = None if resume == "-" else resume
        result = analyze(
            source,
            postings=[read_posting_file(p) for p in postings],
            filename=name,
            analyzer=_analyzer(lexicon),
        )
    except InputError as error:
        _fail(error, as_json=fmt == "json")
    if fmt in BINARY_RENDERERS:
        assert output is not None
        output.write_bytes(BINARY_RENDERERS[fmt](result))
        return
    _emit(ANALYSIS_RENDERERS[fmt](result), output)


@main.command("posting")
@click.argument("posting", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "markdown"]),
    default="markdown",
    show_default=True,
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None)
@LEXICON_OPTION
def posting_command(posting: str, fmt: str, output: Path | None, lexicon: Path | None) -> None:
    """Read a job POSTING (text or HTML): role pattern, HITL language, keywords.

    Example: hitl-resume posting job.txt --format json
    """
    from hitl_resume.api import analyze_posting
    from hitl_resume.ingest.source import read_posting_file
    from hitl_resume.ingest.text_cleaning import decode_text
    from hitl_resume.render import POSTING_RENDERERS

    try:
        if posting == "-":
            text = decode_text(sys.stdin.buffer.read())
        else:
            text = read_posting_file(Path(posting))
        result = analyze_posting(text, analyzer=_analyzer(lexicon))
    except InputError as error:
        _fail(error, as_json=fmt == "json")
    _emit(POSTING_RENDERERS[fmt](result), output)


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
    from hitl_resume.language.lexicon_loader import bundled_lexicon_dir, check_lexicon

    target = directory or bundled_lexicon_dir()
    problems = check_lexicon(target)
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        click.echo(f"{len(problems)} problem(s) found.", err=True)
        sys.exit(EXIT_INPUT_ERROR)
    click.echo("Lexicon OK.")


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option(
    "--insecure-cookies",
    is_flag=True,
    help="Session cookie without Secure (only for plain-http use on a trusted LAN).",
)
def serve_command(host: str, port: int, insecure_cookies: bool) -> None:
    """Serve the web page and JSON API with a production WSGI server (gunicorn).

    In production put a buffering reverse proxy (nginx) in front: see docs/deployment.md.
    SIGTERM or Ctrl-C stops it cleanly. Example: hitl-resume serve --port 8000, then open
    http://127.0.0.1:8000
    """
    import importlib

    # Imported by name: web/ is mapped in as hitl_resume.web and type-checked on its own.
    server = importlib.import_module("hitl_resume.web.server")
    try:
        server.serve(host, port, secure_cookies=not insecure_cookies)
    except server.PortInUseError as error:
        click.echo(f"error [port_in_use]: {error}", err=True)
        sys.exit(EXIT_INPUT_ERROR)


def _register_commands() -> None:
    """Commands that live in their own modules (each a thin layer over its library package)."""
    from hitl_resume.cli.annotate import annotate_command
    from hitl_resume.cli.batch import batch_command

    main.add_command(annotate_command)
    main.add_command(batch_command)


_register_commands()
