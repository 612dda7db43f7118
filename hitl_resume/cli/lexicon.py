"""The ``lexicon`` command group: validate a lexicon directory."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from hitl_resume.cli.options import EXIT_INPUT_ERROR


@click.group("lexicon")
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
