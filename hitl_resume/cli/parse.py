"""The ``parse`` command: structure only (contact, sections, jobs, bullets)."""

from __future__ import annotations

from pathlib import Path

import click

from hitl_resume.cli.options import (
    dump_json,
    emit,
    fail_input,
    format_option,
    lexicon_for,
    lexicon_option,
    output_option,
    source_from_arg,
)
from hitl_resume.errors import InputError


@click.command("parse")
@click.argument("resume", type=click.Path(dir_okay=False, allow_dash=True))
@format_option(["json", "json-resume"], "json", "Our structure JSON, or the jsonresume.org schema.")
@output_option()
@lexicon_option
def parse_command(resume: str, fmt: str, output: Path | None, lexicon: Path | None) -> None:
    """Read RESUME (PDF, DOCX or TXT; type sniffed from content) into structured data.

    Example: hitl-resume parse cv.pdf --format json-resume
    """
    from hitl_resume.parsing import parse
    from hitl_resume.render.json_resume import to_json_resume

    try:
        parsed = parse(
            source_from_arg(resume),
            filename=None if resume == "-" else resume,
            lexicon=lexicon_for(lexicon),
        )
    except InputError as error:
        fail_input(error, as_json=True)
    document = to_json_resume(parsed) if fmt == "json-resume" else parsed.to_dict()
    emit(dump_json(document), output)
