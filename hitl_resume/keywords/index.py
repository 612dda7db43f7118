"""Load the compiled keyword index and find its phrases in tokenised text (longest match)."""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from hitl_resume.keywords.concepts import CATEGORIES, Category, Concept
from hitl_resume.keywords.tokens import Token

INDEX_NAME = "keyword_index.tsv.gz"
#: Surface marker of short acronyms: "SAN" or "san" match, "San" (a name) does not.
NOT_TITLE_CASE = "~"
#: "HTML5", "CSS3", "Python3": a version glued to a name still names it.
_VERSION_MIN_LETTERS = 2


class KeywordIndexError(ValueError):
    """The compiled index is malformed; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class IndexHit:
    """A phrase of the index found at tokens [first, last)."""

    concept: Concept
    first: int
    last: int


class KeywordIndex:
    """Phrase → concept lookup over token keys; aliases may be case-sensitive ("Go", "R")."""

    def __init__(self, concepts: Sequence[Concept]) -> None:
        self.concepts: list[Concept] = list(concepts)
        self.by_id = {c.id: c for c in self.concepts}
        self._phrases: dict[tuple[str, ...], tuple[int, str]] = {}
        self._longest: dict[str, int] = {}

    def add(
        self, key: tuple[str, ...], concept: int, surface: str = "", replace: bool = False
    ) -> None:
        """Register a phrase (token keys) for a concept; the first claim wins unless ``replace``."""
        if not key or (key in self._phrases and not replace):
            return
        self._phrases[key] = (concept, surface)
        if len(key) > self._longest.get(key[0], 0):
            self._longest[key[0]] = len(key)

    def remove(self, key: tuple[str, ...]) -> None:
        """Forget a phrase (the deny list)."""
        self._phrases.pop(key, None)

    def lookup(self, key: tuple[str, ...]) -> Concept | None:
        """The concept a phrase names, ignoring case rules."""
        found = self._phrases.get(key)
        return self.concepts[found[0]] if found else None

    def find(self, tokens: Sequence[Token]) -> list[IndexHit]:
        """Longest non-overlapping matches, left to right."""
        hits: list[IndexHit] = []
        keys = [t.key for t in tokens]
        i, n = 0, len(tokens)
        while i < n:
            longest = self._longest.get(keys[i], 0)
            matched = 0
            for size in range(min(longest, n - i), 0, -1):
                found = self._phrases.get(tuple(keys[i : i + size]))
                if found is None:
                    continue
                concept, surface = found
                if not _surface_ok(tokens[i].text, surface):
                    continue
                hits.append(IndexHit(self.concepts[concept], i, i + size))
                matched = size
                break
            if not matched:
                matched = self._versioned(tokens[i], i, hits)
            i += matched or 1
        return hits

    def _versioned(self, token: Token, at: int, hits: list[IndexHit]) -> int:
        """Match "HTML5" as HTML: letters followed by a version number."""
        stem = token.text.rstrip("0123456789.+")
        if len(stem) < _VERSION_MIN_LETTERS or stem == token.text or not stem.isalpha():
            return 0
        found = self._phrases.get((stem.lower(),))
        if found is None or not _surface_ok(stem, found[1]):
            return 0
        hits.append(IndexHit(self.concepts[found[0]], at, at + 1))
        return 1


def _surface_ok(text: str, surface: str) -> bool:
    """Case rule of an alias: any case, not title case (acronyms), or exactly as written."""
    if not surface:
        return True
    if surface == NOT_TITLE_CASE:
        return not (text[:1].isupper() and text[1:].islower())
    return text == surface


def load_index(directory: Path) -> KeywordIndex:
    """Read ``keyword_index.tsv.gz`` from a lexicon directory."""
    path = directory / INDEX_NAME
    concepts: list[Concept] = []
    aliases: list[tuple[tuple[str, ...], int, str]] = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            try:
                if parts[0] == "C":
                    concepts.append(_concept(parts))
                else:
                    aliases.append((tuple(parts[2].split(" ")), int(parts[1]), parts[3]))
            except (IndexError, ValueError) as exc:
                raise KeywordIndexError(f"{path}:{number}: bad index row ({exc})") from exc
    index = KeywordIndex(concepts)
    for key, concept, surface in aliases:
        if concept >= len(concepts):
            raise KeywordIndexError(f"{path}: alias points at missing concept {concept}")
        index.add(key, concept, surface)
    return index


def _concept(parts: list[str]) -> Concept:
    category = parts[3]
    if category not in CATEGORIES:
        raise ValueError(f"unknown category {category!r}")
    cat: Category = category
    return Concept(parts[1], parts[2], cat, parts[4], parts[5], parts[6], parts[7] == "1")
