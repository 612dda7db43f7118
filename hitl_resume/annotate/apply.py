"""Replace characters of one paragraph in place, keeping everything that is not that text.

The paragraph element, its ``w:pPr`` (style, numbering) and the run that held the first replaced
character (so its ``w:rPr``: font, size, bold, italic) stay. The new text goes into that run's
``w:t``; the replaced characters leave the other ``w:t``, tabs and breaks; a run left with
nothing but properties is removed. Drawings, bookmarks, comment marks, field codes and every
other paragraph are not touched.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from hitl_resume.annotate.runs import read_paragraph
from hitl_resume.ingest.docx_walk import W as _W

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_RUN_PROPERTIES = _W + "rPr"
# Inline wrappers removed when the edit empties them (an empty link would be an invisible target).
_EMPTIABLE = frozenset(_W + t for t in ("hyperlink", "smartTag", "ins", "moveTo", "dir", "bdo"))


def replace_text(p: Any, start: int, end: int, text: str) -> bool:
    """Replace ``raw[start:end]`` of paragraph ``p`` with ``text``; return False if impossible.

    Offsets are those of ``read_paragraph(p).raw``. ``text`` must already be XML-safe.
    """
    atoms = read_paragraph(p).overlapping(start, end)
    if not atoms:
        return False
    first, touched = atoms[0], []
    for atom in atoms:
        cut_from = max(start, atom.start) - atom.start
        cut_to = min(end, atom.end) - atom.start
        if atom.is_text:
            # read_paragraph keeps each w:t's length, so atom offsets index the w:t's own text.
            original = atom.element.text or ""
            new = original[:cut_from] + (text if atom is first else "") + original[cut_to:]
            if new:
                atom.element.text = new
                atom.element.set(_XML_SPACE, "preserve")
            else:
                atom.run.remove(atom.element)
        elif atom is first:
            atom.element.addprevious(_new_t(text))
            atom.run.remove(atom.element)
        else:
            atom.run.remove(atom.element)
        touched.append(atom.run)
    for run in touched:
        _drop_if_empty(run)
    return True


def _new_t(text: str) -> Any:
    element = OxmlElement("w:t")
    element.text = text
    element.set(_XML_SPACE, "preserve")
    return element


def _drop_if_empty(run: Any) -> None:
    """Remove a run holding nothing but properties, then any link it leaves empty."""
    parent = run.getparent()
    if parent is None or any(child.tag != _RUN_PROPERTIES for child in run):
        return
    parent.remove(run)
    while parent is not None and parent.tag in _EMPTIABLE and not _has_content(parent):
        grand = parent.getparent()
        if grand is None:
            break
        grand.remove(parent)
        parent = grand


def _has_content(element: Any) -> bool:
    return any(isinstance(child.tag, str) and child.tag != qn("w:rPr") for child in element)
