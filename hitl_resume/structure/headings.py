"""Decide whether a line is a section heading and of which kind, using the headings lexicon."""

from __future__ import annotations

import re

from hitl_resume.language.structure_lexicon import HeadingLexicon, normalize_heading

MAX_HEADING_WORDS = 6
MAX_HEADING_CHARS = 60
_SENTENCE = re.compile(r"[.!?;,]\s|[.!?;]$|@|https?:|\d{3}")


def _looks_like_heading(text: str) -> bool:
    """Return whether an unknown line could be a heading: short, no sentence punctuation."""
    words = text.split()
    if not words or len(words) > MAX_HEADING_WORDS or len(text) > MAX_HEADING_CHARS:
        return False
    if _SENTENCE.search(text) or not any(c.isalpha() for c in text):
        return False
    return not text[0].islower()


def classify_heading(text: str, hint: bool, lexicon: HeadingLexicon) -> str | None:
    """Return the section kind of a heading line ('other' for unknown hinted ones), or None."""
    stripped = text.strip()
    if not stripped or len(stripped) > MAX_HEADING_CHARS:
        return None
    key = normalize_heading(stripped)
    if len(key.split()) <= MAX_HEADING_WORDS:
        kind = lexicon.kind_of(key)
        if kind is not None and not stripped.endswith((".", ",")):
            return kind
    if hint and _looks_like_heading(stripped):
        return "other"
    return None
