"""Split the document into sections at heading lines; text before the first heading is contact."""

from __future__ import annotations

from dataclasses import dataclass

from hitl_resume.language.structure_lexicon import HeadingLexicon
from hitl_resume.structure.bullets import has_glyph
from hitl_resume.structure.dates import find_dates
from hitl_resume.structure.fields import split_header
from hitl_resume.structure.headings import classify_heading
from hitl_resume.structure.inline_headings import (
    heading_row_kind,
    inline_heading,
    loose_heading_kind,
)
from hitl_resume.structure.text import Document, TextLine
from hitl_resume.structure.vocabulary import title_words


@dataclass(frozen=True, slots=True)
class SectionSpan:
    """A section with its body lines (the heading line itself excluded)."""

    kind: str
    heading: str
    start: int
    end: int
    body: tuple[TextLine, ...]


# Marks a kind guessed from a heading's first or last word ("Education and courses:").
_LOOSE = "loose:"
# Inline headings that end an experience section; others there are a job's field labels.
_BREAKS_JOBS = frozenset({"experience", "education", "summary"})


#: Section kinds a job's own list may be headed with ("Achievements:", "Key accomplishments:").
_JOB_SUBHEADINGS = frozenset({"accomplishments"})


def _sub_heading(line: TextLine) -> bool:
    """A title-case label ending in a colon: how a job's list is headed. A section heading of
    the same name is set apart otherwise (capitals, no colon)."""
    return line.stripped.endswith(":") and not _is_caps(line.text)


def _span(kind: str, heading: TextLine | None, body: list[TextLine]) -> SectionSpan:
    filled = [line for line in body if not line.blank]
    if heading is not None:
        start = heading.content_start
        end = filled[-1].end if filled else heading.end
        return SectionSpan(kind, heading.stripped, start, end, tuple(body))
    start = filled[0].content_start if filled else 0
    end = filled[-1].end if filled else 0
    return SectionSpan(kind, "", start, end, tuple(body))


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _set_apart(line: TextLine) -> bool:
    """Return whether a line is marked as a heading: a layout hint, capitals or a final colon."""
    return line.heading or _is_caps(line.text) or line.stripped.endswith(":")


def _job_header(text: str) -> bool:
    """Return whether a short emphasised line names a job, an employer, a place or a date."""
    words = {w.strip(".,()&|–-").lower() for w in text.split()}
    if words & title_words() or find_dates(text):
        return True
    fields = split_header([text])
    return fields.organization is not None or fields.location is not None


def _kinds(doc: Document, lexicon: HeadingLexicon) -> list[str | None]:
    """Classify every line; drop unknown ALL-CAPS hinted lines when real headings are not caps."""
    kinds = [
        None if line.blank else classify_heading(line.text, line.heading, lexicon)
        for line in doc.lines
    ]
    for i, line in enumerate(doc.lines):
        if kinds[i] == "other" and _job_header(line.text):
            kinds[i] = None  # a bold job title or employer line, not an unknown section
        elif kinds[i] is not None and line.stripped[:1].islower():
            kinds[i] = None  # a wrapped sentence's last word ("patents"), not a heading
        elif kinds[i] is None and not line.blank and not line.list_item:
            kinds[i] = heading_row_kind(line.text, lexicon)
            if kinds[i] is None and _set_apart(line):
                loose = loose_heading_kind(line.text, lexicon, title_words())
                kinds[i] = None if loose is None else _LOOSE + loose
    known = [
        line for line, kind in zip(doc.lines, kinds, strict=True) if kind not in (None, "other")
    ]
    if sum(1 for line in known if not _is_caps(line.text)) >= 2:
        for i, line in enumerate(doc.lines):
            if kinds[i] == "other" and _is_caps(line.text):
                kinds[i] = None
    # Big-font lines above the first known heading (name, target title) are the header area.
    first_known = next((i for i, k in enumerate(kinds) if k not in (None, "other")), None)
    if first_known is not None:
        kinds[:first_known] = [None] * first_known
    return kinds


def _split_inline(line: TextLine, lexicon: HeadingLexicon) -> tuple[str, TextLine, TextLine] | None:
    """Return (kind, heading part, content part) when a heading opens a line of content."""
    if line.blank or line.list_item or has_glyph(line.text):
        return None
    found = inline_heading(line.text, lexicon)
    if found is None:
        return None
    head = TextLine(
        line.index, line.text[: found.end], line.start, line.start + found.end, True, False
    )
    rest = TextLine(
        line.index,
        line.text[found.content :],
        line.start + found.content,
        line.end,
        False,
        line.list_item,
    )
    return found.kind, head, rest


def split_sections(doc: Document, lexicon: HeadingLexicon) -> list[SectionSpan]:
    """Return the sections in order; the header area (if any text) comes first as 'contact'.

    A heading sharing its line with content splits the line: the content opens the section.
    """
    sections: list[SectionSpan] = []
    kind = "contact"
    heading: TextLine | None = None
    body: list[TextLine] = []
    for line, marked in zip(doc.lines, _kinds(doc, lexicon), strict=True):
        found = marked.removeprefix(_LOOSE) if marked is not None else None
        if marked != found and kind == "experience" and found not in _BREAKS_JOBS - {kind}:
            found = None  # "Skills Used:" inside a job labels its field
        if kind == "experience" and found in _JOB_SUBHEADINGS and _sub_heading(line):
            found = None  # "Achievements:" above a job's bullets heads its list, not a section
        if found is None:
            split = _split_inline(line, lexicon)
            if split is not None and kind == "experience" and split[0] not in _BREAKS_JOBS:
                split = None  # "Technologies: Java" inside a job is a field, not a section
            if split is None:
                body.append(line)
                continue
            if heading is not None or any(not b.blank for b in body):
                sections.append(_span(kind, heading, body))
            kind, heading, body = split[0], split[1], [split[2]]
            continue
        if heading is not None or any(not b.blank for b in body):
            sections.append(_span(kind, heading, body))
        kind, heading, body = found, line, []
    if heading is not None or any(not b.blank for b in body):
        sections.append(_span(kind, heading, body))
    return sections
