"""Load and validate the structure lexicon files (section headings, title words)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hitl_resume.language.jsonl_reader import LexiconError, read_jsonl

_SPACE = re.compile(r"\s+")
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def normalize_heading(text: str) -> str:
    """Return the comparable form of a heading: lowercase, '&' as 'and', no edge punctuation."""
    text = text.lower().replace("&", " and ").replace("’", "'")
    return _EDGE.sub("", _SPACE.sub(" ", text).strip()).strip()


HEADING_KINDS = frozenset(
    {
        "contact", "summary", "experience", "education", "skills", "certifications", "projects",
        "volunteer", "awards", "publications", "languages", "interests", "references",
        "highlights", "accomplishments", "additional_information", "affiliations",
    }
)  # fmt: skip


def _string_list(path: Path, line: int, data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key)
    if not isinstance(value, list) or not value:
        raise LexiconError(path, line, f"'{key}' must be a non-empty list of strings")
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise LexiconError(path, line, f"'{key}' must hold non-empty strings")
        if item != item.lower().strip():
            raise LexiconError(path, line, f"'{key}' entries must be lowercase and trimmed")
    return tuple(value)


def _check_keys(path: Path, line: int, data: dict[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise LexiconError(path, line, f"unknown key(s): {', '.join(unknown)}")
    missing = sorted(allowed - set(data))
    if missing:
        raise LexiconError(path, line, f"missing key(s): {', '.join(missing)}")
    if not isinstance(data["id"], str) or not data["id"]:
        raise LexiconError(path, line, "'id' must be a non-empty string")


@dataclass(frozen=True, slots=True)
class HeadingEntry:
    """One headings-lexicon line: its id, kind and phrases."""

    id: str
    kind: str
    phrases: tuple[str, ...]


def load_heading_entries(path: Path) -> tuple[HeadingEntry, ...]:
    """Read ``headings.jsonl``; raise LexiconError naming file and line on any problem."""
    entries: list[HeadingEntry] = []
    ids: set[str] = set()
    phrases: dict[str, str] = {}
    for record in read_jsonl(path):
        data, line = record.data, record.line
        _check_keys(path, line, data, {"id", "kind", "phrases"})
        kind = data["kind"]
        if not isinstance(kind, str) or kind not in HEADING_KINDS:
            raise LexiconError(path, line, "'kind' must be one of the known section kinds")
        if data["id"] != f"heading.{kind}":
            raise LexiconError(path, line, "'id' must be 'heading.<kind>'")
        if data["id"] in ids:
            raise LexiconError(path, line, f"duplicate id {data['id']!r}")
        ids.add(data["id"])
        items = _string_list(path, line, data, "phrases")
        for phrase in items:
            key = normalize_heading(phrase)
            if key in phrases:
                raise LexiconError(path, line, f"duplicate phrase {phrase!r}")
            phrases[key] = kind
        entries.append(HeadingEntry(data["id"], kind, items))
    return tuple(entries)


def load_title_words(path: Path) -> frozenset[str]:
    """Read ``title_words.jsonl``; raise LexiconError naming file and line on any problem."""
    words: set[str] = set()
    ids: set[str] = set()
    for record in read_jsonl(path):
        data, line = record.data, record.line
        _check_keys(path, line, data, {"id", "words"})
        if data["id"] in ids:
            raise LexiconError(path, line, f"duplicate id {data['id']!r}")
        ids.add(data["id"])
        for word in _string_list(path, line, data, "words"):
            if word in words:
                raise LexiconError(path, line, f"duplicate word {word!r}")
            words.add(word)
    return frozenset(words)


@dataclass(frozen=True, slots=True)
class HeadingLexicon:
    """Normalised heading phrases mapped to section kinds."""

    kinds: dict[str, str]

    def kind_of(self, phrase: str) -> str | None:
        """Return the kind for an already normalised phrase, or None."""
        return self.kinds.get(phrase)


def load_headings(path: Path) -> HeadingLexicon:
    """Load a headings lexicon file into the lookup the section splitter uses."""
    entries = load_heading_entries(path)
    return HeadingLexicon({normalize_heading(p): e.kind for e in entries for p in e.phrases})
