"""Mark place segments of a header (countries, large cities of the active lexicon)."""

from __future__ import annotations

from collections.abc import Sequence

from hitl_resume.language.structure_lexicon import Places
from hitl_resume.structure.vocabulary import places

__all__ = ["Places", "place_run", "places"]


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
