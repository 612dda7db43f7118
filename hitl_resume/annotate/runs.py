"""Read one paragraph's visible text as the DOCX reader does, keeping which element holds each char.

``locate`` matches on this text and ``apply`` edits through it, so both see exactly the characters
``ingest.docx_reader`` turned into the resume text (runs inside links, fields and content
controls; ``w:tab`` as a tab, ``w:br`` as a line break; deleted text and field codes ignored).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hitl_resume.ingest.docx_reader import SPACE_OUT
from hitl_resume.ingest.docx_walk import RUN_TEXT, SHAPES, W_T, runs


@dataclass(frozen=True, slots=True)
class Atom:
    """One text-bearing element: a ``w:t`` or a one-character element such as ``w:tab``."""

    element: Any
    run: Any
    top: Any  # the child of ``w:p`` that contains the run (the run itself, or a link, field...)
    start: int
    text: str

    @property
    def end(self) -> int:
        """Return the raw offset just after this atom."""
        return self.start + len(self.text)

    @property
    def is_text(self) -> bool:
        """Return whether this atom is a ``w:t`` (whose text can be edited)."""
        return bool(self.element.tag == W_T)


@dataclass(frozen=True, slots=True)
class ParagraphText:
    """A paragraph's raw text (tabs and line breaks kept), its atoms and its shapes."""

    raw: str
    atoms: tuple[Atom, ...]
    shapes: tuple[tuple[Any, Any], ...]  # (shape element inside a run, top child of the w:p)

    def overlapping(self, start: int, end: int) -> list[Atom]:
        """Return the atoms that hold any character of ``raw[start:end]``."""
        return [a for a in self.atoms if a.start < end and a.end > start and a.text]


def read_paragraph(p: Any) -> ParagraphText:
    """Return the text model of the ``w:p`` element ``p``."""
    atoms: list[Atom] = []
    shapes: list[tuple[Any, Any]] = []
    pos = 0
    for top in p:
        for run in runs(top):
            for child in run:
                tag = child.tag
                if tag == W_T:
                    text = (child.text or "").translate(SPACE_OUT)
                elif tag in RUN_TEXT:
                    text = RUN_TEXT[tag]
                else:
                    if tag in SHAPES:
                        shapes.append((child, top))
                    continue
                atoms.append(Atom(child, run, top, pos, text))
                pos += len(text)
    return ParagraphText("".join(a.text for a in atoms), tuple(atoms), tuple(shapes))
