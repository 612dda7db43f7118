"""The ``annotate`` command: the user's own DOCX back with suggestions as Word comments."""

from __future__ import annotations

from pathlib import Path

import click

from hitl_resume.cli.options import fail as _fail
from hitl_resume.errors import InputError

_NOT_DOCX = (
    "annotate works on Word files only: give the .docx itself (a PDF or text resume can be "
    "analysed with `hitl-resume analyze`)."
)


@click.command("annotate")
@click.argument("resume", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the annotated copy (never the input file).",
)
@click.option(
    "--decisions",
    "decisions_path",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help='JSON from the web page: {"decisions": [{"rewrite_id", "decision", "text"}]}.',
)
def annotate_command(resume: Path, output: Path, decisions_path: Path | None) -> None:
    """Write a copy of RESUME (.docx) with each suggested rewrite as a Word comment.

    Rewrites marked accepted or edited in the decisions file replace the bullet's text in
    place (style, numbering and the first run's font kept); rejected ones are left out;
    the others stay comments.

    Example: hitl-resume annotate cv.docx -o cv-annotated.docx --decisions decisions.json
    """
    from hitl_resume.annotate import Decisions, DecisionsError, annotate_docx, load_decisions
    from hitl_resume.api import analyze
    from hitl_resume.ingest.file_types import sniff
    from hitl_resume.ingest.source import read_source_bytes

    if output.resolve() == resume.resolve():
        raise click.UsageError("Write the annotated copy to another file (-o), not the input.")
    try:
        decisions: Decisions | None = None
        if decisions_path is not None:
            decisions = load_decisions(_read_decisions(decisions_path))
        data = read_source_bytes(resume)
        if sniff(data) != "docx":
            _fail("not_docx", _NOT_DOCX)
        # The same bytes are analysed and annotated, so offsets and texts agree.
        analysis = analyze(data, filename=resume.name)
        roles = {role.id: role.label for role in analysis.roles}
        result = annotate_docx(data, analysis.rewrites, decisions, roles=roles)
    except InputError as error:
        _fail(error.code, error.message)
    except DecisionsError as error:
        _fail(error.code, error.message)
    try:
        output.write_bytes(result.data)
    except OSError:
        _fail("write_failed", "We couldn't write the output file; check the folder exists.")
    if not result.outcomes:
        click.echo("No suggestions for this resume: wrote an unchanged copy.")
        return
    applied = result.count("applied") + result.count("edited")
    skipped = [o for o in result.outcomes if o.status == "skipped"]
    click.echo(
        f"Wrote the annotated copy: {result.comments} comment(s), {applied} rewrite(s) "
        f"applied, {result.count('rejected')} rejected, {len(skipped)} skipped."
    )
    for outcome in result.outcomes:
        if outcome.status == "skipped" or outcome.note:
            click.echo(f"  {outcome.rewrite_id}: {outcome.outcome}")


def _read_decisions(path: Path) -> bytes:
    """Read the decisions file with a size cap (it is JSON the user may have edited)."""
    from hitl_resume.annotate.decisions import MAX_DECISIONS_BYTES, DecisionsError

    try:
        with path.open("rb") as handle:
            return handle.read(MAX_DECISIONS_BYTES + 1)
    except OSError:
        raise DecisionsError("We couldn't open the decisions file.") from None
