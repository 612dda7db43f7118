"""Shared click options and output helpers, so every command spells them the same way."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from hitl_resume.errors import InputError

if TYPE_CHECKING:
    from hitl_resume.detection.analyzer import Analyzer
    from hitl_resume.language.lexicon_loader import Lexicon

EXIT_INPUT_ERROR = 1
F = TypeVar("F", bound=Callable[..., Any])


def output_option(
    help_text: str = "Write to this file instead of standard output.",
) -> Callable[[F], F]:
    """``-o/--output FILE`` (optional)."""
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help=help_text,
    )


def format_option(
    choices: Sequence[str], default: str, help_text: str | None = None
) -> Callable[[F], F]:
    """``--format`` with a closed list of renderers, stored as ``fmt``."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=default,
        show_default=True,
        help=help_text,
    )


def posting_option(help_text: str) -> Callable[[F], F]:
    """``--posting FILE`` (repeatable), stored as ``postings``."""
    return click.option(
        "--posting",
        "postings",
        multiple=True,
        type=click.Path(dir_okay=False, exists=True, path_type=Path),
        help=help_text,
    )


lexicon_option: Callable[[F], F] = click.option(
    "--lexicon",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None,
    help="Use your own lexicon directory (see lexicon/README.md).",
)


def emit(text: str, output: Path | None) -> None:
    """Print ``text`` or write it to ``output``."""
    if output is None:
        click.echo(text)
    else:
        output.write_text(text + "\n", encoding="utf-8")


def dump_json(document: Any) -> str:
    """The CLI's JSON style: UTF-8 kept, two-space indent."""
    return json.dumps(document, ensure_ascii=False, indent=2)


def fail(code: str, message: str, *, as_json: bool = False) -> NoReturn:
    """Print the error's code and message (JSON when asked) and exit with status 1."""
    if as_json:
        click.echo(dump_json({"error": {"code": code, "message": message}}))
    else:
        click.echo(f"error [{code}]: {message}", err=True)
    sys.exit(EXIT_INPUT_ERROR)


def fail_input(error: InputError, *, as_json: bool = False) -> NoReturn:
    """``fail`` for a library ``InputError``."""
    fail(error.code, error.message, as_json=as_json)


def source_from_arg(path: str) -> Path | bytes:
    """``-`` reads the file's bytes from standard input."""
    if path == "-":
        return sys.stdin.buffer.read()
    return Path(path)


def analyzer_for(lexicon_dir: Path | None) -> Analyzer:
    """The shared analyzer, or one built on a user's lexicon (errors name file and line)."""
    from hitl_resume.api import analyzer_for_lexicon
    from hitl_resume.language.jsonl_reader import LexiconError

    try:
        return analyzer_for_lexicon(lexicon_dir)
    except LexiconError as error:
        raise click.BadParameter(str(error), param_hint="--lexicon") from None


def lexicon_for(lexicon_dir: Path | None) -> Lexicon | None:
    """A user's lexicon for the parse-only path (None: the bundled one), checked on load."""
    if lexicon_dir is None:
        return None
    from hitl_resume.language.jsonl_reader import LexiconError
    from hitl_resume.language.lexicon_loader import load_lexicon

    try:
        return load_lexicon(lexicon_dir)
    except LexiconError as error:
        raise click.BadParameter(str(error), param_hint="--lexicon") from None
