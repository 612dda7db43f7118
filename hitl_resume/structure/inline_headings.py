"""Find headings that share a line with content or with other headings (left-column layouts).

Real layouts put the heading in a left column on the same line as the first content
("WORK  Acme Ltd  Developer", "Professional Experience: Independent Developer, 2021 – now",
"Work experience 04/2022 – 07/2022"), or flatten a row of column headings into one line
("PROFESSIONAL SUMMARY  EDUCATION  RELEVANT EXPERIENCE"). Both are read here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hitl_resume.language.structure_lexicon import HeadingLexicon
from hitl_resume.structure.dates import leading_date
from hitl_resume.structure.field_labels import field_labels
from hitl_resume.structure.headings import MAX_HEADING_WORDS
from hitl_resume.structure.text import normalize_heading

_WORD = re.compile(r"\S+")
# A colon or a column gap after a heading sets the content apart.
_GAP = re.compile(r"\s*:\s*|\s{2,}")
# When a row of headings merges, the section that holds jobs decides the kind.
_KIND_ORDER = ("experience",)


@dataclass(frozen=True, slots=True)
class InlineHeading:
    """A heading at the start of a line: its kind, its length and where the content starts."""

    kind: str
    end: int
    content: int


def _prefixes(text: str, lexicon: HeadingLexicon) -> list[tuple[str, int]]:
    """Return (kind, end offset) for each word prefix of ``text`` that is a known heading."""
    words = list(_WORD.finditer(text))
    found: list[tuple[str, int]] = []
    for count in range(1, min(MAX_HEADING_WORDS, len(words)) + 1):
        end = words[count - 1].end()
        kind = lexicon.kind_of(normalize_heading(text[:end]))
        if kind is not None:
            found.append((kind, end - (1 if text[end - 1] == ":" else 0)))
    return found


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def heading_row_kind(text: str, lexicon: HeadingLexicon) -> str | None:
    """Return a kind when the whole line is two or more known headings side by side."""
    kinds: list[str] = []
    rest = text.strip()
    while rest:
        found = _prefixes(rest, lexicon)
        if not found:
            return None
        kind, end = found[-1]
        kinds.append(kind)
        rest = rest[end:].lstrip(" :|•·/")
    if len(kinds) < 2:
        return None
    return next((k for k in _KIND_ORDER if k in kinds), kinds[0])


def inline_heading(text: str, lexicon: HeadingLexicon) -> InlineHeading | None:
    """Return the heading that opens ``text`` followed by content, or None.

    The content must be set apart: by a colon or a column gap, by case (an ALL-CAPS heading
    before ordinary text), or be a date ("Work experience 04/2022 – 07/2022").
    """
    lead = len(text) - len(text.lstrip())
    body = text[lead:]
    for kind, end in reversed(_prefixes(body, lexicon)):
        rest = body[end:]
        content = end + len(rest) - len(rest.lstrip(" :"))
        if content >= len(body):
            continue
        gap = _GAP.match(rest)
        after = body[content:]
        caps = _is_caps(body[:end]) and not _is_caps(after.split()[0])
        if (gap and gap.end() > 0) or caps or leading_date(after) is not None:
            return InlineHeading(kind, lead + end, lead + content)
    return None


_LOOSE_KINDS = frozenset({"experience", "education", "skills", "projects", "languages"})
_LOOSE_WORDS = re.compile(r"[A-Za-z][A-Za-z'’&/-]*")


def loose_heading_kind(text: str, lexicon: HeadingLexicon, titles: frozenset[str]) -> str | None:
    """Return a kind for a short heading-like line that opens or ends with a heading word.

    "Experience and participated projects:", "Education and courses", "Web Dev Positions";
    a job title ("Education Coordinator", "Customer Experience Manager") is not a heading.
    """
    stripped = text.strip()
    words = _LOOSE_WORDS.findall(stripped)
    if not 2 <= len(words) <= MAX_HEADING_WORDS or len(stripped) > 60 or "  " in stripped:
        return None
    if any(c.isdigit() for c in stripped) or re.search(r"[.,;:!?]\s|[.;!?]$|@|\|", stripped):
        return None
    if not stripped[0].isupper() or any(w.lower() in titles for w in words):
        return None
    if field_labels().labels.get(words[0].lower()) is not None:
        return None  # "Responsibilities and Experience:" labels a job's field
    first = lexicon.kind_of(words[0].lower())
    if first in _LOOSE_KINDS:
        return first
    last = lexicon.kind_of(words[-1].lower())
    return last if last in ("experience", "education") else None
