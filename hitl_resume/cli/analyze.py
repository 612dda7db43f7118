"""The ``analyze`` command: findings, role scores, rewrites, SOAR prompts, plan and matches."""

from __future__ import annotations

from pathlib import Path

import click

from hitl_resume.cli.options import (
    analyzer_for,
    emit,
    fail_input,
    format_option,
    lexicon_option,
    output_option,
    posting_option,
    source_from_arg,
)
from hitl_resume.errors import InputError

EXAMPLE_RESUME = "example_resume.txt"


@click.command("analyze")
@click.argument("resume", required=False, type=click.Path(dir_okay=False, allow_dash=True))
@posting_option("A job posting text file to match against (repeatable).")
@format_option(["json", "markdown", "html", "docx"], "markdown", "docx needs -o.")
@output_option()
@click.option("--example", is_flag=True, help="Analyse the bundled synthetic example resume.")
@lexicon_option
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
            source = source_from_arg(resume)
            name = None if resume == "-" else resume
        result = analyze(
            source,
            postings=[read_posting_file(p) for p in postings],
            filename=name,
            analyzer=analyzer_for(lexicon),
        )
    except InputError as error:
        fail_input(error, as_json=fmt == "json")
    if fmt in BINARY_RENDERERS:
        assert output is not None
        output.write_bytes(BINARY_RENDERERS[fmt](result))
        return
    emit(ANALYSIS_RENDERERS[fmt](result), output)
