"""Find date ranges and single dates in resume text and normalise them to ``YYYY-MM``/``YYYY``.

``present`` stands for Present/Current/Now/Today/to date. Phone numbers, ``401(k)``, counts such
as ``2,000`` and ``24/7`` are not dates: years must be 1940-2049 and stand alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

DateKind = Literal["range", "month", "year"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# PDF-to-Word conversions split a word after its first letter ("D ecember 2 019 - p resent"):
# months, years and "present" allow that one space; ``_unsplit`` removes it before reading.
_MONTH_FORMS = (
    "jan(?:uary)?", "feb(?:ruary)?", "mar(?:ch)?", "apr(?:il)?", "may", "june?", "july?",
    "aug(?:ust)?", "sep(?:t(?:ember)?)?", "oct(?:ober)?", "nov(?:ember)?", "dec(?:ember)?",
)  # fmt: skip
_MONTH = "(?:" + "|".join(f"{form[0]} ?{form[1:]}" for form in _MONTH_FORMS) + ")"
_YEAR = r"(?:1 ?9[4-9]\d|2 ?0[0-4]\d)"
_NUM_MONTH = r"(?:0?[1-9]|1[0-2])"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_DAY_FIRST = rf"[0-3]?\d(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s*{_YEAR}"  # "15th June 2015"
_DATE = (
    rf"(?:{_DAY_FIRST}"
    rf"|{_MONTH}\.?(?:,|\s?[-/])?\s*(?:[0-3]?\d(?:st|nd|rd|th)?,?\s+)?(?:{_YEAR}|'\d\d)"
    rf"|{_SEASON},?\s+{_YEAR}"
    rf"|{_NUM_MONTH}\s?[/.-]\s?(?:(?:0?[1-9]|[12]\d|3[01])/)?{_YEAR}"
    rf"|(?:[12]\d|3[01]|0?[1-9])[/.](?:0?[1-9]|1[0-2])[/.]{_YEAR}"
    rf"|{_YEAR},?\s+{_MONTH}\b\.?"
    rf"|{_YEAR}[./](?:0[1-9]|1[0-2])"
    rf"|{_YEAR})"
)
_PRESENT = (
    r"(?:p ?resent(?:\s+day)?|c ?urrent(?:ly)?|now|today|to\s+date|till\s+(?:date|now)|date"
    r"|ongoing|continu(?:e|ing|ous)|cont\.|still)"
)
_SPLIT = re.compile(r"(?<![\w'])([A-Za-z0-9]) (?=[A-Za-z0-9]{2})")


def _unsplit(text: str) -> str:
    """Rejoin a word split after its first letter ("2 019" -> "2019", "p resent")."""
    return _SPLIT.sub(r"\1", text)


# A dash or word between dates, or a column gap alone (a tab; a dash lost in export).
_SEP = r"(?:\s*(?:[-–—~/]+|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b)\s*|\s{2,})"
_BEFORE = r"(?<![\w$/.,:+#-])"
_AFTER = r"(?![\w%/+#]|[.,:]\d|-\w)"
_RANGE = re.compile(
    rf"{_BEFORE}(?:(?P<a>{_DATE}){_SEP}(?P<b>{_DATE}|{_PRESENT})"
    rf"|(?P<c>{_NUM_MONTH}/\d\d){_SEP}(?P<d>{_NUM_MONTH}/\d\d|{_PRESENT})"
    rf"|(?:since|starting)\s+(?P<e>{_DATE})|(?P<f>{_DATE})\s*-?\s*onwards){_AFTER}",
    re.IGNORECASE,
)
_SINGLE = re.compile(rf"{_BEFORE}(?P<a>{_DATE}){_AFTER}", re.IGNORECASE)

_P_DAY_MONTH_YEAR = re.compile(
    rf"[0-3]?\d(?:st|nd|rd|th)?\s+(?P<m>{_MONTH})\.?,?\s*(?P<y>{_YEAR})", re.IGNORECASE
)
_P_MONTH_YEAR = re.compile(
    rf"(?P<m>{_MONTH})\.?(?:,|\s?[-/])?\s*(?:[0-3]?\d(?:st|nd|rd|th)?,?\s+)?(?P<y>{_YEAR}|'\d\d)",
    re.IGNORECASE,
)
_P_YEAR_MONTH = re.compile(rf"(?P<y>{_YEAR}),?\s+(?P<m>{_MONTH})\.?", re.IGNORECASE)
_P_ISO = re.compile(rf"(?P<y>{_YEAR})[./](?P<m>0[1-9]|1[0-2])")
_P_SEASON = re.compile(rf"{_SEASON},?\s+(?P<y>{_YEAR})", re.IGNORECASE)
_P_NUMERIC = re.compile(
    rf"(?P<m>{_NUM_MONTH})\s?[/.-]\s?(?:\d{{1,2}}/)?(?P<y>{_YEAR}|\d\d)", re.IGNORECASE
)
_P_PRESENT = re.compile(_PRESENT, re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date or date range found in text: its span and normalised ends."""

    start: int
    end: int
    start_date: str | None
    end_date: str | None
    kind: DateKind


def _year(text: str) -> str:
    """Return a four-digit year; two-digit years pivot at 50."""
    digits = text.lstrip("'")
    if len(digits) == 2:
        return ("20" if int(digits) < 50 else "19") + digits
    return digits


_P_THREE = re.compile(rf"(?P<a>\d{{1,2}})[/.](?P<b>\d{{1,2}})[/.](?P<y>{_YEAR})")


def _three_parts(text: str) -> tuple[int, int, str] | None:
    match = _P_THREE.fullmatch(text.strip())
    return None if match is None else (int(match["a"]), int(match["b"]), match["y"])


def day_first(texts: Sequence[str]) -> bool:
    """Decide D/M/Y against M/D/Y for the full numeric dates of one range.

    A first part over 12 is a day, a second part over 12 is a day; otherwise a first part
    that is always 1 is the first of the month (Europass writes "01/09/2019").
    """
    parts = [p for p in map(_three_parts, texts) if p is not None]
    if any(a > 12 for a, _, _ in parts):
        return True
    if any(b > 12 for _, b, _ in parts):
        return False
    return bool(parts) and all(a == 1 for a, _, _ in parts) and any(b != 1 for _, b, _ in parts)


def normalize_date(text: str, *, dmy: bool | None = None) -> str | None:
    """Return ``YYYY-MM``, ``YYYY`` or ``present`` for one date expression, or None.

    ``dmy`` says how to read a full numeric date; None decides from this date alone.
    """
    text = _unsplit(text.strip())
    if _P_PRESENT.fullmatch(text):
        return "present"
    three = _three_parts(text)
    if three is not None:
        first, second, year = three
        number = second if (day_first([text]) if dmy is None else dmy) else first
        return f"{year}-{number:02d}" if 1 <= number <= 12 else None
    match = _P_MONTH_YEAR.fullmatch(text) or _P_DAY_MONTH_YEAR.fullmatch(text)
    if match:
        return f"{_year(match['y'])}-{_MONTHS[match['m'][:3].lower()]:02d}"
    match = _P_NUMERIC.fullmatch(text)
    if match:
        return f"{_year(match['y'])}-{int(match['m']):02d}"
    match = _P_YEAR_MONTH.fullmatch(text) or _P_ISO.fullmatch(text)
    if match:
        name = match["m"]
        number = _MONTHS[name[:3].lower()] if name[0].isalpha() else int(name)
        return f"{match['y']}-{number:02d}"
    match = _P_SEASON.fullmatch(text)
    if match:
        return match["y"]
    if re.fullmatch(_YEAR, text):
        return text
    return None


def _precision(text: str) -> DateKind:
    return (
        "year" if re.fullmatch(rf"{_YEAR}|{_SEASON},?\s+{_YEAR}", text.strip(), re.I) else "month"
    )


def find_dates(text: str) -> list[DateMatch]:
    """Return date ranges and, outside them, single dates, in text order."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for match in _RANGE.finditer(text):
        start: str | None
        end: str | None
        if match["e"] is not None or match["f"] is not None:
            start, end = normalize_date(match["e"] or match["f"]), "present"
        else:
            first = match["a"] if match["a"] is not None else match["c"]
            second = match["b"] if match["b"] is not None else match["d"]
            dmy = day_first([first, second])
            start, end = normalize_date(first, dmy=dmy), normalize_date(second, dmy=dmy)
        if start is None or end is None or (end != "present" and end[:4] < start[:4]):
            continue
        found.append(DateMatch(match.start(), match.end(), start, end, "range"))
        taken.append((match.start(), match.end()))
    for match in _SINGLE.finditer(text):
        if any(a < match.end() and match.start() < b for a, b in taken):
            continue
        value = normalize_date(match["a"])
        if value is not None:
            kind = _precision(match["a"])
            found.append(DateMatch(match.start(), match.end(), value, value, kind))
    found.sort(key=lambda d: d.start)
    return found


def find_range(text: str) -> DateMatch | None:
    """Return the first date range in ``text``, or None."""
    return next((d for d in find_dates(text) if d.kind == "range"), None)


_DANGLING = re.compile(rf"^\s*(?P<a>{_DATE})\s*[-–—]\s*(?=\S)", re.IGNORECASE)
_LEADING = re.compile(rf"^\s*(?P<a>{_DATE}|{_PRESENT}){_AFTER}\s*", re.IGNORECASE)


def dangling_start(text: str) -> DateMatch | None:
    """Return a date that opens a line and ends in a dash ("June 2020 – Title"), or None."""
    match = _DANGLING.match(text)
    value = normalize_date(match["a"]) if match else None
    if match is None or value is None:
        return None
    return DateMatch(match.start("a"), match.end(), value, None, "month")


def leading_date(text: str) -> tuple[str, int] | None:
    """Return the normalised date or 'present' opening a line and where its text ends."""
    match = _LEADING.match(text)
    value = normalize_date(match["a"]) if match else None
    return None if match is None or value is None else (value, match.end())
