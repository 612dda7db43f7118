"""Load the places lexicon (countries, large cities) and mark place segments of a header."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from hitl_resume.language.jsonl_reader import LexiconError, read_jsonl
from hitl_resume.structure.lexicon_files import lexicon_dir

FILE_NAME = "places.jsonl"
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
    path = directory / FILE_NAME
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


@cache
def places() -> Places:
    """Return the packaged places."""
    return load_places(lexicon_dir())


def _city_like(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words)


def place_run(segments: Sequence[str], blocked: frozenset[str]) -> tuple[int, int] | None:
    """Return [start, end) of the first run of place segments ("Dubai", "UAE"), or None.

    A segment is a place when the lexicon names it, or when it reads like a city name and a
    country follows it ("Sharjah, UAE"). Segments holding a ``blocked`` word (title or
    organization words) are never places.
    """
    known = places()

    def place(i: int) -> bool:
        segment = segments[i]
        if {w.lower().strip(".,") for w in segment.split()} & blocked:
            return False
        if known.is_place(segment):
            return True
        return i + 1 < len(segments) and known.is_country(segments[i + 1]) and _city_like(segment)

    for start in range(len(segments)):
        if place(start):
            end = start + 1
            while end < len(segments) and place(end):
                end += 1
            return start, end
    return None
