"""The ``hitl-resume`` command line: thin click commands over the library, one module each."""

from __future__ import annotations

import click

from hitl_resume.cli.analyze import analyze_command
from hitl_resume.cli.annotate import annotate_command
from hitl_resume.cli.batch import batch_command
from hitl_resume.cli.lexicon import lexicon_group
from hitl_resume.cli.parse import parse_command
from hitl_resume.cli.posting import posting_command
from hitl_resume.cli.serve import serve_command

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="hitl-resume")
def main() -> None:
    """Find, name and prove human-in-the-loop (HITL) experience in resumes and job postings."""


for _command in (
    parse_command,
    analyze_command,
    posting_command,
    lexicon_group,
    serve_command,
    annotate_command,
    batch_command,
):
    main.add_command(_command)
