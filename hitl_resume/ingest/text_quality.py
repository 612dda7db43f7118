"""Catch extraction failures that look like success: scans, (cid:…) fonts and garbage (U-12/13)."""

from __future__ import annotations

import re

from hitl_resume.errors import NoTextLayerError, UnreadableTextError
from hitl_resume.ingest import limits
from hitl_resume.ingest.extraction import FileKind

_CID_RE = re.compile(r"\(cid:\d+\)")
_TOKEN_RE = re.compile(r"\S+")
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
_VOWELS = set("aeiouyàáâãäåèéêëìíîïòóôõöùúûüýāēīōūäöüœæ")


def check_text_quality(text: str, *, kind: FileKind, pages: int) -> None:
    """Raise ``NoTextLayerError`` or ``UnreadableTextError`` when the text is not real text."""
    stripped = text.strip()
    if kind == "pdf" and (
        len(stripped) < limits.MIN_TEXT_CHARS
        or len(stripped) < limits.MIN_CHARS_PER_PAGE * max(pages, 1)
    ):
        if _CID_RE.search(stripped):
            raise UnreadableTextError()
        raise NoTextLayerError()
    tokens = _TOKEN_RE.findall(stripped)
    if not tokens:
        raise NoTextLayerError()
    cid_tokens = sum(1 for t in tokens if _CID_RE.search(t))
    if cid_tokens / len(tokens) >= limits.MAX_CID_TOKEN_RATIO:
        raise UnreadableTextError()
    if stripped.count("\ufffd") / len(stripped) >= limits.MAX_REPLACEMENT_CHAR_RATIO:
        raise UnreadableTextError()
    if len(tokens) >= 20 and wordlike_ratio(tokens) < limits.MIN_WORDLIKE_RATIO:
        raise UnreadableTextError()
    if len(tokens) >= 80 and _function_word_ratio(tokens) < 0.01:
        raise UnreadableTextError()


# Short words every prose text in these languages uses; shifted-glyph garbage has none of them.
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "to",
        "in",
        "for",
        "with",
        "on",
        "at",
        "by",
        "from",
        "as",
        "or",
        "is",
        "are",
        "was",
        "were",
        "be",
        "our",
        "my",
        "i",
        "we",
        "de",
        "la",
        "le",
        "les",
        "et",
        "des",
        "du",
        "en",
        "un",
        "une",
        "pour",
        "avec",
        "y",
        "el",
        "los",
        "las",
        "por",
        "con",
        "para",
        "del",
        "que",
        "und",
        "der",
        "die",
        "das",
        "mit",
        "für",
        "von",
        "zu",
        "im",
        "e",
        "o",
        "da",
        "do",
        "dos",
        "com",
        "em",
    ]
)


def _function_word_ratio(tokens: list[str]) -> float:
    hits = sum(1 for t in tokens if t.lower().strip(".,;:()") in _FUNCTION_WORDS)
    return hits / len(tokens)


def wordlike_ratio(tokens: list[str]) -> float:
    """Share of alphabetic tokens that look like words in a human language.

    A token counts when it has a vowel (Latin script) or is in a script without Latin vowels, and is
    not a jumble of case changes such as ``+HOOR`` or ``kEYwORD``. This is deliberately cheap: it
    needs no dictionary and works for names and jargon.
    """
    words = [m.group(0) for t in tokens for m in [_WORD_RE.search(t)] if m]
    if not words:
        return 0.0
    good = sum(1 for w in words if _is_wordlike(w))
    return good / len(words)


def _is_wordlike(word: str) -> bool:
    if not word.isascii() and not any(ch.lower() in _VOWELS for ch in word):
        return any(ord(ch) > 0x24F for ch in word)  # Cyrillic, CJK, Arabic…: trust the script
    lower = word.lower()
    if len(word) >= 2 and not any(ch in _VOWELS for ch in lower):
        return len(word) <= 4 and word.isupper()  # acronyms such as HR, CMS, SQL
    interior = word[1:]
    return not (any(ch.isupper() for ch in interior) and any(ch.islower() for ch in interior))
