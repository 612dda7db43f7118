"""Which job titles and employer names are safe to show or search: never a place, phone, date,
e-mail, heading or sentence that the structure reader mistook for a title.
"""

from __future__ import annotations

import re

from hitl_resume.ingest.text_cleaning import strip_unsafe
from hitl_resume.language.gazetteer import holds_place, strip_places
from hitl_resume.language.structure_lexicon import Places

MAX_TITLE_WORDS = 6
_JUNK = re.compile(r"[^\w&/+.,' -]+")
_BAD = re.compile(
    r"@|https?:|www\.|\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b"
    r"|\b(?:present|current|city|state|company name|resume|curriculum|summary|experience|"
    r"education|skills|objective|profile)\b",
    re.IGNORECASE,
)
_SMALL = frozenset({"of", "and", "&", "for", "the", "in", "to", "at", "on", "a", "an", "/", "-"})


def _clean(text: str | None) -> str:
    return " ".join(_JUNK.sub(" ", strip_unsafe(text or "")).split()).strip(" ,.-/")


def usable_title(text: str | None, *, max_words: int = MAX_TITLE_WORDS) -> str | None:
    """The text as a job title or employer name, or None when it looks like anything else."""
    raw = (text or "").strip()
    clean = _clean(raw)
    words = clean.split()
    if not words or len(words) > max_words or _BAD.search(clean) or raw.endswith((".", ":")):
        return None
    lowercase = [w for w in words if w.islower() and w not in _SMALL]
    if lowercase and len(lowercase) < len(words):
        return None  # "Prepare monthly Sales and Use Tax.": a sentence, not a title
    return clean


def _without_qualifier(text: str) -> str:
    """The title without a closing parenthetical ("Search Quality Rater (Remote, Contract)"),
    which qualifies it and is no part of what a prompt names or a search looks for. String
    searches, not a pattern: a hostile title of spaces and brackets stays linear."""
    stripped = text.rstrip()
    opening = stripped.rfind("(")
    if stripped.endswith(")") and opening >= 0 and ")" not in stripped[opening:-1]:
        return stripped[:opening]
    return text


def job_title(
    text: str | None, title_words: frozenset[str], places: Places | None = None
) -> str | None:
    """A job title: usable, and holding one of the lexicon's title words ("Sultanate of Oman"
    holds none).

    With ``places``, a place the header reader left at either end is cut off ("Staff
    Accountant Houston" -> "Staff Accountant"), and a title with a place inside is none.
    """
    text = _without_qualifier(text or "")
    if places is not None:
        tokens = _clean(text).split()
        if len(tokens) > 3 * MAX_TITLE_WORDS:
            return None  # no title is that long; the place search stays bounded (docs/security.md)
        text = " ".join(strip_places(tokens, places, title_words))
    title = usable_title(text)
    if title is None or (places is not None and holds_place(title, places, title_words)):
        return None
    words = {w.lower() for w in re.split(r"[\s/&,-]+", title) if w}
    return title if words & title_words else None
