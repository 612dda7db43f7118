"""Place names, to keep places out of the job titles a plan searches and a prompt quotes.

A misread header leaves a place on a title ("Staff Accountant Houston", "HR Officer, Lagos,
Nigeria", "Workforce Planning Manager Pennsylvania"). The lexicon's countries and large cities
(``places.jsonl``) and the US states are always places; a GeoNames city of 15,000 people or
more (``geonames_places.tsv.gz``, built by ``gazetteer_build`` from GeoNames data under CC BY
4.0) is one only when it is not an English word as well ("Reading", "Mobile" and "Union" are
words first) and is capitalised as written.
"""

from __future__ import annotations

import functools
import gzip
import re
from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from hitl_resume.language.jsonl_reader import LexiconError
from hitl_resume.language.lexicon_loader import bundled_lexicon_dir
from hitl_resume.language.spelling import known_word
from hitl_resume.language.structure_lexicon import Places

PLACES_FILE = "geonames_places.tsv.gz"
_KINDS = frozenset({"city", "country", "state", "state_code"})
#: The longest place name looked for, in words ("Ho Chi Minh City").
MAX_PLACE_WORDS = 4
#: Words between places and titles that belong to neither ("Lagos, Nigeria", "Accountant - Dubai").
_JOINERS = frozenset({",", "-", "–", "—", "|", "/", "in", "at"})
_EDGE = re.compile(r"^[,;:()|\[\]\"']+|[,;:()|\[\]\"']+$")


@functools.cache
def _geonames() -> tuple[frozenset[str], frozenset[str]]:
    """Lowercase city, country and US state names, and the US state codes (read once).

    Raises:
        LexiconError: naming the file and line of a malformed row.
    """
    path = bundled_lexicon_dir() / PLACES_FILE
    names: set[str] = set()
    codes: set[str] = set()
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, start=1):
            kind, _, name = line.rstrip("\n").partition("\t")
            if kind not in _KINDS or not name or name != name.strip():
                raise LexiconError(path, line_number, "rows are kind<TAB>name (city/country/state)")
            if kind == "state_code":
                codes.add(name)
            elif name != name.lower():
                raise LexiconError(path, line_number, "place names are lowercase")
            else:
                names.add(name)
    return frozenset(names), frozenset(codes)


def is_place(phrase: str, places: Places) -> bool:
    """Whether the words name a place (see the module docstring for which names count)."""
    words = [_EDGE.sub("", word) for word in phrase.split()]
    key = " ".join(word.lower() for word in words if word)
    if not key:
        return False
    names, codes = _geonames()
    if places.is_place(key) or (len(words) == 1 and words[0] in codes):
        return True  # a state code only as written: "Dallas TX", never "tx"
    if " " in key:
        return key in names
    # One word: a name only as written, and never a word of the language ("Of" is a town).
    return key in names and words[0][:1].isupper() and key not in STOP_WORDS and not known_word(key)


def _place_at(words: Sequence[str], end: int, places: Places) -> int:
    """How many words ending before ``end`` name a place (the longest name wins); 0 if none."""
    for size in range(min(MAX_PLACE_WORDS, end), 0, -1):
        if is_place(" ".join(words[end - size : end]), places):
            return size
    return 0


def strip_places(words: Sequence[str], places: Places, keep: frozenset[str]) -> list[str]:
    """The words without a run of places (and their joiners) at either end.

    Words in ``keep`` (the lexicon's title words) are never part of a place.
    """
    kept = list(words)
    while kept:
        size = _place_at(kept, len(kept), places)
        if not size or any(w.lower() in keep for w in kept[len(kept) - size :]):
            break
        del kept[len(kept) - size :]
        while kept and kept[-1].lower().strip(",") in _JOINERS:
            kept.pop()
        if kept and kept[-1].endswith(","):
            kept[-1] = kept[-1].rstrip(",")
    while kept:
        # Only the lexicon's places lead a title ("Dubai Branch Manager"): a GeoNames name
        # there is more often a word of the title ("Police Officer").
        size = next(
            (
                n
                for n in range(min(MAX_PLACE_WORDS, len(kept)), 0, -1)
                if places.is_place(" ".join(kept[:n]).strip(","))
            ),
            0,
        )
        if not size:
            break
        del kept[:size]
        while kept and kept[0].lower().strip(",") in _JOINERS:
            kept.pop(0)
    return kept


def holds_place(text: str, places: Places, keep: frozenset[str] = frozenset()) -> bool:
    """Whether any run of words in the text names a place (words in ``keep`` never do)."""
    words = text.split()
    for end in range(len(words), 0, -1):
        size = _place_at(words, end, places)
        if size and not any(w.lower().strip(",.") in keep for w in words[end - size : end]):
            return True
    return False
