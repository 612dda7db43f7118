"""Parse a resume from a path, bytes or pasted text into structure (no NLP needed)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from hitl_resume.ingest.display_names import display_name
from hitl_resume.ingest.source import Source, extract
from hitl_resume.models import Resume, SourceInfo
from hitl_resume.structure import build_resume

if TYPE_CHECKING:
    from hitl_resume.language.lexicon_loader import Lexicon


def parse(
    source: Source,
    *,
    filename: str | None = None,
    isolated: bool = True,
    lexicon: Lexicon | None = None,
) -> Resume:
    """Parse a resume into structure.

    Args:
        source: a ``pathlib.Path`` (a file), ``bytes`` (file contents, type sniffed from magic
            bytes) or ``str`` (pasted plain text).
        filename: the user's name for the file, kept only as a sanitised display name.
        isolated: parse file bytes in a limited child process (default; turn off only inside a
            worker that is already limited).
        lexicon: the lexicon whose headings and title words the structure step reads (default:
            the bundled one).

    Raises:
        InputError: a subclass with ``.code`` and ``.message`` for any input that cannot be read.
    """
    if filename is None and isinstance(source, Path):
        filename = source.name
    extraction = extract(source, isolated=isolated)
    resume = build_resume(extraction, lexicon=lexicon)
    info = SourceInfo(
        kind=extraction.kind,
        pages=extraction.pages,
        chars=len(resume.text),
        name=display_name(filename),
    )
    return replace(resume, source=info)
