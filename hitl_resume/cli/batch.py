"""The ``hitl-resume batch`` command: a thin layer over ``hitl_resume.batch.run_batch``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from hitl_resume.cli.options import posting_option
from hitl_resume.errors import InputError

EXIT_NOTHING_ANALYSED = 1
EXIT_INTERRUPTED = 130
FORMAT_CHOICES = ("json", "markdown", "docx")


def _parse_formats(
    ctx: click.Context, param: click.Parameter, value: tuple[str, ...]
) -> tuple[str, ...]:
    """Accept ``--format json,markdown`` and repeated ``--format`` options."""
    formats = [part.strip().lower() for item in value for part in item.split(",") if part.strip()]
    unknown = sorted({fmt for fmt in formats if fmt not in FORMAT_CHOICES})
    if unknown:
        raise click.BadParameter(
            f"unknown format {', '.join(unknown)}; choose from {', '.join(FORMAT_CHOICES)}"
        )
    return tuple(dict.fromkeys(formats)) or ("json",)


def _read_postings(paths: tuple[Path, ...]) -> list[str]:
    """Read posting files like TXT resumes; an unusable posting is a usage error (exit 2)."""
    from hitl_resume.api import clean_posting_text
    from hitl_resume.ingest.source import read_posting_file

    texts = []
    for number, path in enumerate(paths, start=1):
        try:
            texts.append(clean_posting_text(read_posting_file(path)))
        except InputError as error:
            raise click.BadParameter(
                f"posting {number}: {error.message}", param_hint="--posting"
            ) from None
    return texts


@click.command("batch")
@click.argument(
    "inputs",
    nargs=-1,
    required=True,
    metavar="INPUT...",
    type=click.Path(exists=True, path_type=Path),
)
@posting_option("A job posting text file to match every resume against (repeatable).")
@click.option(
    "-o",
    "--outdir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for summary.csv, summary.json, errors.csv, cohort.md/svg and reports/.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=0),
    default=None,
    help="Worker processes (default: CPU count; capped at it). 0 or 1 runs in this process.",
)
@click.option(
    "--format",
    "formats",
    multiple=True,
    default=("json",),
    show_default=True,
    callback=_parse_formats,
    metavar="FORMATS",
    help="Report formats, comma-separated: json, markdown, docx.",
)
@click.option("--force", is_flag=True, help="Redo files whose reports already exist.")
@click.option(
    "--cluster",
    metavar="ADDRESS",
    default=None,
    help="Run on a Dask cluster: a scheduler address (tcp://HOST:8786), or local / local:N "
    "for N local worker processes. Needs: pip install 'hitl-resume[cluster]'.",
)
def batch_command(
    inputs: tuple[Path, ...],
    postings: tuple[Path, ...],
    outdir: Path,
    jobs: int | None,
    formats: tuple[str, ...],
    force: bool,
    cluster: str | None,
) -> None:
    """Analyse every resume in INPUT folders, zip files and files; write a report per resume.

    Folders are searched recursively (symlinks are not followed); zips are read in memory.
    Re-running skips files whose reports exist and whose content is unchanged (--force redoes
    them). Exit status: 0 when the batch ran (even with per-file errors, listed in errors.csv),
    1 when no file could be analysed, 130 when interrupted.

    Example: hitl-resume batch clients/ clients.zip --posting job.txt -o out --format json,markdown
    """
    from hitl_resume.batch import run_batch
    from hitl_resume.batch.cluster import ClusterError
    from hitl_resume.batch.progress import format_summary

    if cluster is not None and jobs is not None:
        raise click.BadParameter("use either --jobs or --cluster", param_hint="--cluster")
    texts = _read_postings(postings)
    try:
        result = run_batch(
            list(inputs),
            outdir,
            postings=texts,
            jobs=jobs,
            formats=formats,
            force=force,
            cluster=cluster,
        )
    except ClusterError as error:
        raise click.UsageError(f"--cluster: {error}") from None
    click.echo(format_summary(result))
    if result.interrupted:
        sys.exit(EXIT_INTERRUPTED)
    if result.ok_count == 0:
        click.echo("error: no file could be analysed (see errors.csv)", err=True)
        sys.exit(EXIT_NOTHING_ANALYSED)
