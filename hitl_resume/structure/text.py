"""Clean extracted lines and index them, so every later step can cite offsets into one text.

Offsets contract: ``Resume.text`` is ``"\\n".join`` of the cleaned lines. Headings, skills and
single-line bullets satisfy ``resume.text[start:end] == element.text`` exactly. Multi-line
elements (a bullet wrapped over PDF lines, an education entry) satisfy
``normalize_space(resume.text[start:end]) == element.text``: their text is the span with each run
of whitespace (including the line breaks) collapsed to one space.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from hitl_resume.ingest.extraction import Line

# Mojibake that cp1252-decoded UTF-8 leaves in real exported resumes (seen in the livecareer set).
_MOJIBAKE = (
    # A fullwidth separator, used between dates and between company and city.
    ("ï¼\u200b", "–"),
    ("ï¼", "–"),
    ("â€“", "–"),
    ("â€”", "—"),
    ("â€¢", "•"),
    ("â€™", "’"),
    ("â€˜", "‘"),
    ("â€œ", "“"),
    ("â€\u200b", "”"),
    ("â€¨", " "),
    ("â€‹", ""),
    ("â—¦", "◦"),
    ("Â·", "·"),
    ("Â®", "®"),
    ("Ã©", "é"),
    ("Ã³", "ó"),
    ("Ã¡", "á"),
    ("Ãº", "ú"),
    ("Â\u00a0", " "),
    ("Â ", " "),
    ("Â", ""),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff\n\t]")
_SPACE = re.compile(r"\s+")


def clean_line(text: str) -> str:
    """Return one line without control characters, known mojibake or trailing space."""
    if "Ã" in text or "Â" in text or "â€" in text or "ï¼" in text or "â—" in text:
        for bad, good in _MOJIBAKE:
            text = text.replace(bad, good)
    text = _CONTROL.sub(" ", text).replace("\u00a0", " ")
    return text.rstrip()


def normalize_space(text: str) -> str:
    """Collapse whitespace runs (line breaks included) to one space and strip the ends."""
    return _SPACE.sub(" ", text).strip()


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
