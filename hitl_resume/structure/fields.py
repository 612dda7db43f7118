"""Split an entry's header text into job title, organization and location."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from hitl_resume.structure.places import place_run
from hitl_resume.structure.vocabulary import title_words

_US_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|"
    "Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|"
    "Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|"
    "New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|"
    "Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
    "West Virginia|Wisconsin|Wyoming|District of Columbia|Ontario|Quebec|British Columbia|Alberta"
)
_STATE_CODES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|"
    "NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|PR|ON|QC|BC|AB|UK"
)
_CITY_WORD = r"[A-Z][a-zA-Z.'’-]+"
_LOCATIONS = (
    re.compile(r"\bCity\s*,\s*State\b"),
    re.compile(
        rf"(?:{_CITY_WORD}\s){{0,3}}{_CITY_WORD}\s*,\s*(?:{_STATE_CODES}|{_US_STATES})"
        rf"(?:\s*\d{{5}})?(?![\w])"
    ),
    re.compile(rf"(?:{_CITY_WORD}\s)?{_CITY_WORD}\s(?:{_STATE_CODES})$"),
    re.compile(r"\b(?:Remote|Hybrid)\b"),
)
_ALONE_LOCATION = re.compile(rf"(?:City|State|Remote|{_US_STATES}|{_STATE_CODES})")
_CITY_PREFIX = frozenset(
    [
        "new",
        "san",
        "los",
        "las",
        "saint",
        "st.",
        "fort",
        "ft.",
        "salt",
        "santa",
        "el",
        "palm",
        "grand",
        "little",
        "north",
        "south",
        "east",
        "west",
        "long",
        "baton",
        "corpus",
        "colorado",
        "kansas",
        "oklahoma",
        "jersey",
        "virginia",
        "mount",
        "mt.",
        "port",
        "lake",
        "des",
        "palo",
        "rio",
        "bowling",
        "cedar",
        "coral",
        "daly",
        "fall",
        "glen",
        "grand",
        "granite",
        "green",
        "high",
        "round",
        "sioux",
        "twin",
    ]
)
_SEPARATORS = re.compile(r"\s*(?:\||•|·|:|;|\t|\s{2,}|\s[-–—]\s|[–—]|\sat\s|\s@\s)\s*")
_ORG_WORDS = frozenset(
    [
        "inc",
        "inc.",
        "llc",
        "llp",
        "ltd",
        "ltd.",
        "corp",
        "corp.",
        "corporation",
        "company",
        "co",
        "co.",
        "hospital",
        "hospitals",
        "university",
        "college",
        "bank",
        "group",
        "services",
        "department",
        "dept",
        "county",
        "agency",
        "associates",
        "partners",
        "clinic",
        "center",
        "centre",
        "institute",
        "school",
        "foundation",
        "insurance",
        "healthcare",
        "systems",
        "solutions",
        "technologies",
        "consulting",
        "firm",
        "office",
        "restaurant",
        "store",
        "stores",
        "church",
        "academy",
        "council",
        "authority",
        "bureau",
        "ministry",
        "army",
        "navy",
        "force",
        "marines",
        "corps",
        "district",
        "plc",
        "gmbh",
        "international",
        "enterprises",
        "industries",
        "holdings",
        "labs",
        "laboratories",
        "network",
        "media",
        "bancorp",
        "trust",
        "credit",
        "union",
        "society",
        "association",
        "hotel",
        "resort",
        "club",
        "museum",
        "library",
        "government",
        "court",
        "courts",
        "police",
    ]
)
_COMPANY_NAME = re.compile(r"\bCompany Name\b")


@dataclass(frozen=True, slots=True)
class HeaderFields:
    """The fields read from an entry header; any may be missing."""

    title: str | None
    organization: str | None
    location: str | None


def _trim(text: str) -> str:
    text = text.strip(" ,;:|-–—•·([\t").strip()
    while text.endswith((")", "]")) and text.count("(") + text.count("[") < text.count(
        ")"
    ) + text.count("]"):
        text = text[:-1].rstrip()
    return text


def _find_location(segment: str) -> tuple[int, int] | None:
    """Return the span of a location, the city cut to its last word(s) (no lookbehind guess)."""
    for number, pattern in enumerate(_LOCATIONS):
        pos = 0
        while (match := pattern.search(segment, pos)) is not None:
            start, end = match.span()
            if number in (1, 2):
                city = segment[start:end].split(",", maxsplit=1)[0].split()
                if number == 2:
                    city = city[:-1]
                keep = 1
                while keep < len(city) and city[-keep - 1].lower() in _CITY_PREFIX:
                    keep += 1
                if city[-keep].lower().strip(".") in _ORG_WORDS:
                    pos = match.start() + 1
                    continue
                before = segment[:start].rstrip()
                glued = before and not before.endswith(
                    (",", ";", ":", "|", "-", "–", "—", "•", "·")
                )
                if glued or any(w.lower().strip(".") in _ORG_WORDS for w in city[:-keep]):
                    # Text before the place in the same segment: the city is only its last word(s).
                    start = segment.index(city[-keep], start)
            return start, end
    return None


def _extract_location(segment: str) -> tuple[str | None, list[str]]:
    """Return a location found in the segment and the text around it."""
    span = _find_location(segment)
    if span is None:
        return None, [segment]
    start, end = span
    return _trim(segment[start:end]), [segment[:start], segment[end:]]


def _split_outside_parentheses(piece: str) -> list[str]:
    """Split at the separators, except inside parentheses: "Coding Auditor (Medical Coding -
    Profee)" is one title, its qualifier included."""
    parts: list[str] = []
    start = 0
    for match in _SEPARATORS.finditer(piece):
        before = piece[: match.start()]
        if before.count("(") > before.count(")") or match.end() == match.start():
            continue
        parts.append(piece[start : match.start()])
        start = match.end()
    parts.append(piece[start:])
    return parts


def _segments(pieces: Sequence[str]) -> tuple[list[str], str | None]:
    segments: list[str] = []
    location: str | None = None
    for piece in pieces:
        for part in _split_outside_parentheses(piece):
            if location is None:
                found, rest = _extract_location(part)
                location = found
            else:
                rest = [part]
            for chunk in rest:
                for sub in _COMPANY_NAME.split(chunk):
                    if _COMPANY_NAME.search(chunk) and chunk.strip():
                        segments.append("Company Name")
                    segments.extend(_comma_split(sub))
    cleaned: list[str] = []
    for raw in segments:
        seg = _trim(raw)
        if seg and (seg != "Company Name" or "Company Name" not in cleaned):
            cleaned.append(seg)
    return cleaned, location


def _comma_split(text: str) -> list[str]:
    parts = [p for p in (p.strip() for p in text.split(",")) if p]
    out: list[str] = []
    for part in parts:
        if out and part.lower().rstrip(".") in {
            "inc",
            "llc",
            "ltd",
            "corp",
            "co",
            "llp",
            "jr",
            "sr",
        }:
            out[-1] = f"{out[-1]}, {part}"
        else:
            out.append(part)
    return out


def _kind(segment: str) -> str | None:
    words = [w.strip(".,()&").lower() for w in segment.split()]
    words = [w for w in words if w]
    if not words:
        return None
    if segment == "Company Name" or words[-1] in _ORG_WORDS or words[-1] + "." in _ORG_WORDS:
        return "org"
    titles = title_words()
    if words[-1] in titles:
        return "title"
    if any(w in titles for w in words):
        return "title"
    if any(w in _ORG_WORDS for w in words):
        return "org"
    return None


def split_header(pieces: Sequence[str]) -> HeaderFields:
    """Return title, organization and location from an entry's header texts (dates removed)."""
    segments, location = _segments(pieces)
    if location is None:
        run = place_run(segments, title_words() | _ORG_WORDS)
        if run is not None:
            location = ", ".join(segments[run[0] : run[1]])
            segments = segments[: run[0]] + segments[run[1] :]
    title: str | None = None
    org: str | None = None
    unknown: list[str] = []
    for segment in segments:
        if location is None and _ALONE_LOCATION.fullmatch(segment):
            location = segment
            continue
        kind = _kind(segment)
        if kind == "org" and org is None:
            org = segment
        elif kind == "title" and title is None:
            title = segment
        elif kind is None and len(segment) > 1:
            unknown.append(segment)
    for segment in unknown:
        if title is None:
            title = segment
        elif org is None:
            org = segment
    return HeaderFields(title, org, location)


def names_employer_or_place(text: str) -> bool:
    """Return whether header text has a segment that is clearly an employer or a place.

    Unlike ``split_header``, a leftover segment does not count as the employer here.
    """
    segments, location = _segments([text])
    if location is not None or place_run(segments, title_words() | _ORG_WORDS) is not None:
        return True
    return any(_kind(segment) == "org" for segment in segments)
