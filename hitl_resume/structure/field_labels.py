"""Load the entry-field labels ("Designation:", "Date of Birth:") and find them at line starts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal, cast

from hitl_resume.language.jsonl_reader import LexiconError, read_jsonl
from hitl_resume.structure.lexicon_files import lexicon_dir

Field = Literal["title", "organization", "dates", "location", "duties", "note", "personal"]
FIELDS: frozenset[str] = frozenset(
    {"title", "organization", "dates", "location", "duties", "note", "personal"}
)
FILE_NAME = "entry_fields.jsonl"
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
    path = directory / FILE_NAME
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


@cache
def field_labels() -> FieldLabels:
    """Return the packaged field labels."""
    return load_field_labels(lexicon_dir())


def is_personal(text: str) -> bool:
    """Return whether a line is a personal detail ("Date of Birth: ...", "Phone 0091 ...")."""
    found = field_labels().match(text)
    return found is not None and found.field == "personal"
