"""Split skills and highlights sections into skill names with offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from hitl_resume.models import Skill
from hitl_resume.structure.bullets import glyph_length
from hitl_resume.structure.text import TextLine, normalize_space

MAX_SKILL_CHARS = 60
MAX_WHOLE_LINE_WORDS = 8
_LIST_DELIMS = re.compile(r"[,;|•·●▪■◦\u2022]|\t|\s{2,}|\s[-–—]\s")
_LINE_DELIMS = re.compile(r"[;|•·●▪■◦\u2022]|\t|\s{2,}")
_EDGE = " \t\n.,;:|-–—•·*"


def _pieces(text: str, offset: int, pattern: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    pos = 0
    for match in pattern.finditer(text):
        yield offset + pos, offset + match.start()
        pos = match.end()
    yield offset + pos, offset + len(text)


def _trimmed(full_text: str, start: int, end: int) -> tuple[int, int]:
    """Drop edge punctuation and unbalanced brackets ("Node.js (MERN stack" keeps its paren)."""
    changed = True
    while changed:
        changed = False
        while start < end and full_text[start] in _EDGE:
            start += 1
        while end > start and full_text[end - 1] in _EDGE:
            end -= 1
        text = full_text[start:end]
        if text.startswith("(") and ")" not in text:
            start, changed = start + 1, True
        elif text.endswith(")") and "(" not in text:
            end, changed = end - 1, True
    return start, end


def _spans(body: Sequence[TextLine], full_text: str) -> Iterator[tuple[int, int]]:
    rows = [r for r in body if not r.blank]
    if not rows:
        return
    commas = sum(1 for r in rows if "," in r.text)
    if commas * 2 >= len(rows):
        # Comma lists wrap over lines: split the whole block, so "Microsoft\nAccess" stays one.
        start, end = rows[0].content_start, rows[-1].end
        yield from _pieces(full_text[start:end], start, _LIST_DELIMS)
        return
    for row in rows:
        glyph = glyph_length(row.text)
        start = row.start + glyph if glyph else row.content_start
        text = full_text[start : row.end]
        if _LINE_DELIMS.search(text):
            yield from _pieces(text, start, _LINE_DELIMS)
        elif len(text.split()) <= MAX_WHOLE_LINE_WORDS:
            yield start, row.end


def find_skills(body: Sequence[TextLine], full_text: str, seen: set[str]) -> list[Skill]:
    """Return skills in order, skipping names already in ``seen`` (compared case-insensitively)."""
    skills: list[Skill] = []
    for raw_start, raw_end in _spans(body, full_text):
        start, end = _trimmed(full_text, raw_start, raw_end)
        name = normalize_space(full_text[start:end])
        if not name or len(name) > MAX_SKILL_CHARS or not any(c.isalpha() for c in name):
            continue
        if len(name) < 2 and not name.isupper():
            continue
        key = name.casefold()
        if key in seen:
            continue
        seen.add(key)
        skills.append(Skill(name, start, end))
    return skills
