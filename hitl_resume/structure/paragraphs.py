"""Group an entry's lines into bullets: glyph lines start one, wrapped PDF lines are joined."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from hitl_resume.ingest.extraction import FileKind
from hitl_resume.models import Bullet
from hitl_resume.structure.bullets import glyph_length
from hitl_resume.structure.text import TextLine, normalize_space

_CLOSERS = (".", "!", "?", ";", ":")


@dataclass(frozen=True, slots=True)
class Layout:
    """Document-wide facts bullets depend on: whether lines wrap and at what width."""

    wraps: bool
    wrap_width: int

    def is_full(self, line: TextLine) -> bool:
        """Return whether a line reaches the wrap width (so the next line may continue it)."""
        return self.wraps and len(line.stripped) >= self.wrap_width


def measure_layout(lines: Sequence[TextLine], kind: FileKind) -> Layout:
    """Return the wrap width: 80% of the 90th-percentile line length (PDF and text only)."""
    lengths = sorted(len(line.stripped) for line in lines if len(line.stripped) >= 20)
    if kind == "docx" or not lengths:
        return Layout(False, 0)
    p90 = lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]
    return Layout(p90 >= 50, max(40, int(p90 * 0.8)))


# A line cut mid-phrase: it ends on a joiner, a preposition, an article or a comma.
_DANGLING = re.compile(
    r"(?:[,&/]|\b(?:and|or|with|to|of|the|a|an|for|in|on|by|from|using|via|into|at|as))$",
    re.IGNORECASE,
)

# A line that opens as the rest of a phrase: "in creation of DAGs", "the team of 3-7 people".
_PHRASE_TAIL = re.compile(
    r"(?:and|or|with|to|of|the|a|an|for|in|on|by|from|among|into|at|as|than)\b"
)


def _continues(prev: TextLine, line: TextLine, glyph_mode: bool, layout: Layout) -> bool:
    text = line.stripped
    if not layout.wraps:
        # a document with no wrap width (DOCX) still holds hard-wrapped lines: "... and
        # collaborating" / "with QA on ...": a lowercase line after one cut mid-phrase
        return (
            text[0].islower()
            and bool(_DANGLING.search(prev.stripped) or _PHRASE_TAIL.match(text))
            and not prev.stripped.endswith(_CLOSERS)
        )
    if glyph_mode:
        return True
    if text[0].islower():
        return True
    return layout.is_full(prev) and not prev.stripped.endswith(_CLOSERS)


# A page footer that a PDF export leaves between a job's lines ("Page 2 of 3").
_PAGE_MARK = re.compile(r"^\s*(?:page\s*)?\d{1,3}\s*(?:of|/)\s*\d{1,3}\s*$", re.IGNORECASE)
# A bullet glyph inside a line: table cells and text boxes flattened into one line.
_INLINE_GLYPH = re.compile(r"\s[•●▪■◦➢➤]\s+")


def _inline_pieces(full_text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a span at bullet glyphs inside it ("• Did a • Did b" is two bullets)."""
    pieces: list[tuple[int, int]] = []
    for match in _INLINE_GLYPH.finditer(full_text, start, end):
        pieces.append((start, match.start()))
        start = match.end()
    pieces.append((start, end))
    return pieces


def group_bullets(rows: Sequence[TextLine], full_text: str, layout: Layout) -> list[Bullet]:
    """Return bullets for consecutive non-blank lines under an entry.

    Bullet text is ``normalize_space(full_text[start:end])``; ``start`` skips the glyph.
    """
    rows = [r for r in rows if not r.blank and not _PAGE_MARK.match(r.text)]
    glyph_mode = any(r.list_item or glyph_length(r.text) for r in rows)
    spans: list[tuple[int, int]] = []
    prev: TextLine | None = None
    for line in rows:
        glyph = glyph_length(line.text)
        new = line.list_item or glyph > 0 or prev is None or not spans
        if not new and prev is not None and _continues(prev, line, glyph_mode, layout):
            spans[-1] = (spans[-1][0], line.end)
        else:
            start = line.start + glyph if glyph else line.content_start
            spans.append((start, line.end))
        prev = line
    bullets: list[Bullet] = []
    for start, end in (piece for span in spans for piece in _inline_pieces(full_text, *span)):
        text = normalize_space(full_text[start:end])
        if text:
            bullets.append(Bullet(text, start, end))
    return bullets
