"""Load and validate the structure lexicon files (section headings, title words)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

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


# ---- entry-field labels ("Designation:", "Date of Birth:") -------------------------------

Field = Literal["title", "organization", "dates", "location", "duties", "note", "personal"]
FIELDS: frozenset[str] = frozenset(
    {"title", "organization", "dates", "location", "duties", "note", "personal"}
)
FIELDS_FILE = "entry_fields.jsonl"
# A label ends at a colon, a dash or a column gap, or the line ends ("Responsibilities").
_AFTER_LABEL = re.compile(r"\s*(?::|\s-\s|–|\s{2}|\t|$)\s*")

_NUMBER_AFTER = re.compile(r"\s(?=[+(]?\d)")
_SPACE_AFTER = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class FieldMatch:
    """A label opening a line: which field, and where its value starts."""

    field: Field
    value_start: int


@dataclass(frozen=True, slots=True)
class FieldLabels:
    """Lowercase labels mapped to fields; the longest label at a line start wins."""

    labels: dict[str, Field]
    max_words: int

    def match(self, text: str) -> FieldMatch | None:
        """Return the field a line opens with ("Company: Acme" -> organization), or None."""
        stripped = text.lstrip()
        lead = len(text) - len(stripped)
        words = list(re.finditer(r"[^\s:]+", stripped))
        for count in range(min(self.max_words, len(words)), 0, -1):
            end = words[count - 1].end()
            field = self.labels.get(" ".join(w.group() for w in words[:count]).lower())
            if field is None:
                continue
            after = _AFTER_LABEL.match(stripped, end)
            if after is None and field == "personal":
                # "Phone 0091 ...", "Age 34"; longer labels need no colon ("Marital Status Single")
                after = _NUMBER_AFTER.match(stripped, end) or (
                    _SPACE_AFTER.match(stripped, end) if count > 1 else None
                )
            if after is not None:
                return FieldMatch(field, lead + after.end())
        return None


def load_field_labels(directory: Path) -> FieldLabels:
    """Read ``entry_fields.jsonl`` from a lexicon directory; errors name file and line."""
    path = directory / FIELDS_FILE
    labels: dict[str, Field] = {}
    ids: set[str] = set()
    for record in read_jsonl(path):
        data, line = record.data, record.line
        if set(data) != {"id", "field", "labels"}:
            raise LexiconError(path, line, "keys must be exactly: id, field, labels")
        field, items = data["field"], data["labels"]
        if field not in FIELDS:
            raise LexiconError(path, line, f"'field' must be one of {', '.join(sorted(FIELDS))}")
        if data["id"] != f"field.{field}" or data["id"] in ids:
            raise LexiconError(path, line, "'id' must be 'field.<field>', once each")
        ids.add(data["id"])
        if not isinstance(items, list) or not items:
            raise LexiconError(path, line, "'labels' must be a non-empty list")
        for label in items:
            if not isinstance(label, str) or label != " ".join(label.lower().split()) or not label:
                raise LexiconError(path, line, "labels must be lowercase, trimmed, single-spaced")
            if label in labels:
                raise LexiconError(path, line, f"duplicate label {label!r}")
            labels[label] = cast(Field, field)
    return FieldLabels(labels, max((len(k.split()) for k in labels), default=0))


# ---- places (countries, large cities) ---------------------------------------------------

PLACES_FILE = "places.jsonl"
_KINDS = frozenset({"country", "city"})


@dataclass(frozen=True, slots=True)
class Places:
    """Lowercase country and city names."""

    countries: frozenset[str]
    cities: frozenset[str]

    def is_place(self, text: str) -> bool:
        """Return whether a whole header segment names a country or a known city."""
        key = " ".join(text.lower().split())
        return key in self.countries or key in self.cities

    def is_country(self, text: str) -> bool:
        """Return whether a whole header segment names a country."""
        return " ".join(text.lower().split()) in self.countries


def load_places(directory: Path) -> Places:
    """Read ``places.jsonl`` from a lexicon directory; errors name file and line."""
    path = directory / PLACES_FILE
    names: dict[str, set[str]] = {"country": set(), "city": set()}
    for record in read_jsonl(path):
        data, line = record.data, record.line
        if set(data) != {"id", "kind", "names"} or data["kind"] not in _KINDS:
            raise LexiconError(path, line, "keys must be id, kind (country|city), names")
        items = data["names"]
        if not isinstance(items, list) or not items:
            raise LexiconError(path, line, "'names' must be a non-empty list")
        for name in items:
            if not isinstance(name, str) or name != " ".join(name.lower().split()) or not name:
                raise LexiconError(path, line, "names must be lowercase, trimmed, single-spaced")
            names[data["kind"]].add(name)
    return Places(frozenset(names["country"]), frozenset(names["city"]))
