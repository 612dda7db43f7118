"""Clean extracted lines and index them, so every later step can cite offsets into one text.

Offsets contract: ``Resume.text`` is ``"\\n".join`` of the cleaned lines. Headings, skills and
single-line bullets without a column gap satisfy ``resume.text[start:end] == element.text``.
Multi-line elements (a bullet wrapped over PDF lines, an education entry) satisfy
``normalize_space(resume.text[start:end]) == element.text``: their text is the span with each run
of whitespace (including the line breaks) collapsed to one space. Lines go through the one
cleaner (``ingest.text_cleaning.clean_line``), so a column gap is always two spaces.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hitl_resume.ingest.extraction import Line
from hitl_resume.ingest.text_cleaning import clean_line, normalize_space
from hitl_resume.language.structure_lexicon import normalize_heading

__all__ = ["Document", "TextLine", "build_document", "normalize_heading", "normalize_space"]


@dataclass(frozen=True, slots=True)
class TextLine:
    """One cleaned line and its offsets in the joined text (``end`` excludes the newline)."""

    index: int
    text: str
    start: int
    end: int
    heading: bool
    list_item: bool

    @property
    def stripped(self) -> str:
        """Return the text without surrounding spaces."""
        return self.text.strip()

    @property
    def content_start(self) -> int:
        """Return the offset of the first non-space character (``end`` when blank)."""
        return self.start + (len(self.text) - len(self.text.lstrip()))

    @property
    def blank(self) -> bool:
        """Return whether the line holds no text."""
        return not self.text.strip()


@dataclass(frozen=True, slots=True)
class Document:
    """The joined text and its indexed lines."""

    text: str
    lines: tuple[TextLine, ...]


def build_document(lines: Sequence[Line]) -> Document:
    """Clean every line and compute its offsets in the joined text."""
    out: list[TextLine] = []
    pos = 0
    for index, line in enumerate(lines):
        text = clean_line(line.text)
        out.append(TextLine(index, text, pos, pos + len(text), line.heading, line.list_item))
        pos += len(text) + 1
    return Document("\n".join(t.text for t in out), tuple(out))
