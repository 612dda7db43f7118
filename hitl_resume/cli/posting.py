"""The ``posting`` command: a job posting's role pattern, HITL language and keywords."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from hitl_resume.cli.options import (
    analyzer_for,
    emit,
    fail_input,
    format_option,
    lexicon_option,
    output_option,
)
from hitl_resume.errors import InputError


@click.command("posting")
@click.argument("posting", type=click.Path(dir_okay=False, allow_dash=True))
@format_option(["json", "markdown"], "markdown")
@output_option()
@lexicon_option
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
        result = analyze_posting(text, analyzer=analyzer_for(lexicon))
    except InputError as error:
        fail_input(error, as_json=fmt == "json")
    emit(POSTING_RENDERERS[fmt](result), output)
