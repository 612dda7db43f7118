"""The reader contract: every file reader turns bytes into an ``Extraction`` of lines.

Readers keep layout hints (headings, list paragraphs, where a line came from) because the
structure step needs them and they are lost once lines are joined into plain text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FileKind = Literal["pdf", "docx", "txt"]
LineOrigin = Literal["body", "table", "textbox", "header", "footer"]


@dataclass(frozen=True, slots=True)
class Line:
    """One line of extracted text in reading order.

    ``heading`` is a layout hint (larger or bold font, a Word heading style); ``list_item`` is
    true for Word list paragraphs, whose bullet glyph is not part of the text.
    """

    text: str
    heading: bool = False
    list_item: bool = False
    origin: LineOrigin = "body"
    page: int = 1


@dataclass(frozen=True, slots=True)
class Extraction:
    """What a reader returns: lines in reading order plus page count."""

    kind: FileKind
    lines: tuple[Line, ...]
    pages: int = 1
