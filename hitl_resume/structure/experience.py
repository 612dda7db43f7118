"""Find job entries (header lines around a date range) and their bullets inside a section."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from hitl_resume.models import ExperienceEntry
from hitl_resume.structure.bullets import has_glyph, number_length
from hitl_resume.structure.dates import (
    DateMatch,
    dangling_start,
    find_dates,
    find_range,
    leading_date,
)
from hitl_resume.structure.education import is_degree_line
from hitl_resume.structure.field_blocks import field_entries
from hitl_resume.structure.field_labels import is_personal
from hitl_resume.structure.fields import names_employer_or_place, split_header
from hitl_resume.structure.paragraphs import Layout, group_bullets
from hitl_resume.structure.text import TextLine
from hitl_resume.structure.vocabulary import title_words

MAX_HEADER_WORDS = 14
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "at",
        "de",
        "del",
        "for",
        "in",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "&",
        "-",
        "–",
        "—",
    ]
)
_ENDINGS = (".", "!", "?", ";")


@dataclass(frozen=True, slots=True)
class _Anchor:
    """Rows ``first``..``last`` hold a date (range) at ``date`` within row ``first``'s text."""

    first: int
    last: int
    date: DateMatch | None
    start_date: str | None
    end_date: str | None
    cut: int = 0  # characters of the next row that finish the range ("Present ...")
    pieces: tuple[str, ...] | None = None  # header text of the anchor rows, when not one row


def title_ratio(text: str) -> float:
    """Return the share of significant words that start with a capital letter or digit."""
    words = [w for w in text.split() if w.lower() not in _SMALL_WORDS and w[0].isalnum()]
    if not words:
        return 1.0
    return sum(1 for w in words if w[0].isupper() or w[0].isdigit()) / len(words)


def _ends_sentence(text: str) -> bool:
    if not text.endswith(_ENDINGS):
        return False
    last = text.rsplit(maxsplit=1)[-1]
    return not (text.endswith(".") and len(last) <= 5 and last[:-1].isalpha())


def header_like(line: TextLine, max_words: int = 10) -> bool:
    """Return whether a line could be a title/organization/location line of an entry header."""
    text = line.stripped
    words = text.split()
    if line.list_item or has_glyph(text) or not 1 <= len(words) <= max_words or len(text) > 120:
        return False
    if is_personal(text) or is_degree_line(text):
        return False
    if _ends_sentence(text) or find_range(text) is not None:
        return False
    return title_ratio(text) >= 0.5 or _short_title(text)


def _short_title(text: str) -> bool:
    """Return whether a short line ends in a job-title word ("iOS developer", "Full stack
    developer"), which names a job however it is capitalised."""
    words = text.split()
    return len(words) <= 5 and words[-1].strip(".,;:()").lower() in title_words()


def _header_after(line: TextLine) -> bool:
    """Return whether a line below a date can belong to the header (longer if it names a place)."""
    if header_like(line):
        return True
    return header_like(line, MAX_HEADER_WORDS) and _has_org_marker(line.text)


# An aside that is a note, not part of a title: lowercase or a duration ("(3 years 2 months)").
_ASIDE = re.compile(r"\((?:[a-z][^()]*|[^()]*\d[^()]*)\)")


def _remainder(text: str, date: DateMatch) -> str:
    """Return a date line's other text without parenthesised asides ("(2 years 3 months)")."""
    return _without_asides(f"{text[: date.start]} {text[date.end :]}").strip(" ,|-–—:;()\t")


def _unnumbered(text: str) -> str:
    """Drop a list number opening a header line ("2. Acme Ltd")."""
    return text[number_length(text) :]


def _without_asides(text: str) -> str:
    """Drop parenthesised asides ("(project employment)", "(2 years 3 months)")."""
    return _ASIDE.sub(" ", text).strip()


def _anchor_at(rows: Sequence[TextLine], i: int, single_dates: bool) -> _Anchor | None:
    line = rows[i]
    text = line.text
    numbered = number_length(text)
    if numbered and find_range(text) is not None:
        text = " " * numbered + text[numbered:]  # "2. Acme – Analyst (2014 – 2016)": a header
    elif line.list_item or has_glyph(text) or is_personal(text):
        return None
    dates = find_dates(text)
    if not dates:
        return None
    rng = next((d for d in dates if d.kind == "range"), None)
    if rng is not None:
        rest = _remainder(text, rng)
        words = rest.split()
        if (
            len(words) <= MAX_HEADER_WORDS
            and not _ends_sentence(rest or "x")
            and (not words or title_ratio(rest) >= 0.5)
        ):
            return _Anchor(i, i, rng, rng.start_date, rng.end_date)
        return None
    dangling = dangling_start(text)
    if dangling is not None and i + 1 < len(rows):
        # Two-column date layouts: "June 2020 – Title, Org" / "Present First bullet ...".
        ending = leading_date(rows[i + 1].text)
        if ending is not None and (
            ending[0] == "present" or ending[0] >= (dangling.start_date or "")
        ):
            return _Anchor(i, i, dangling, dangling.start_date, ending[0], ending[1])
    stacked = _stacked_range(rows, i)
    if stacked is not None:
        return stacked
    date = dates[0]
    if len(dates) == 1 and not _remainder(text, date):
        # A lone date: maybe the start of a range broken over lines ("Jan 2016" / "to" / "Current").
        for span in (2, 3):
            if i + span > len(rows):
                break
            joined = " ".join(r.stripped for r in rows[i : i + span])
            rng = find_range(joined)
            if rng is not None and rng.start == 0 and rng.end == len(joined):
                return _Anchor(i, i + span - 1, date, rng.start_date, rng.end_date)
        return _Anchor(i, i, date, date.start_date, date.end_date)
    rest = _remainder(text, date)
    if (
        single_dates
        and date.kind == "month"
        and len(rest.split()) <= 12
        and title_ratio(rest) >= 0.7
        and not _ends_sentence(rest)
    ):
        return _Anchor(i, i, date, date.start_date, date.end_date)
    return None


def _stacked_range(rows: Sequence[TextLine], i: int) -> _Anchor | None:
    """Return a range whose ends open two lines ("2020, June  MTS" / "2021, May Developer")."""
    if i + 1 >= len(rows) or rows[i + 1].list_item:
        return None
    first, second = leading_date(rows[i].text), leading_date(rows[i + 1].text)
    if first is None or second is None or first[0] == "present":
        return None
    if second[0] != "present" and second[0] < first[0]:
        return None
    pieces = (
        rows[i].text[first[1] :].strip(" ,|-–—:;"),
        rows[i + 1].text[second[1] :].strip(" ,|-–—:;"),
    )
    for piece in pieces:
        if piece and (len(piece.split()) > MAX_HEADER_WORDS or _ends_sentence(piece)):
            return None
        if piece and (find_dates(piece) or not (title_ratio(piece) >= 0.5 or _short_title(piece))):
            return None  # "2004 #1 nationally in sales" / "2005 Member of ...": a list of years
    return _Anchor(i, i + 1, None, first[0], second[0], pieces=tuple(p for p in pieces if p))


def _find_anchors(rows: Sequence[TextLine], single_dates: bool) -> list[_Anchor]:
    anchors: list[_Anchor] = []
    i = 0
    while i < len(rows):
        anchor = _anchor_at(rows, i, single_dates)
        if anchor is None:
            i += 1
            continue
        anchors.append(anchor)
        i = anchor.last + 1
    return anchors


def _undated_anchors(rows: Sequence[TextLine]) -> list[_Anchor]:
    """Return header lines naming an organization or place, or a job title closing a header
    block, for sections without any dates."""
    anchors: list[_Anchor] = []
    for i, line in enumerate(rows):
        text = line.stripped
        named = title_ratio(text) >= 0.6 and _has_org_marker(text)
        titled = _short_title(text) and _block_ends(rows, i + 1)
        if (
            i + 1 < len(rows)
            and len(text.split()) <= MAX_HEADER_WORDS
            and not line.list_item
            and not has_glyph(text)
            and not is_personal(text)
            and not _ends_sentence(text)
            and (named or titled)
            and (not header_like(rows[i + 1]) or _block_ends(rows, i + 2))
            and not (anchors and anchors[-1].first == i - 1)
        ):
            anchors.append(_Anchor(i, i, None, None, None))
    return anchors


def _block_ends(rows: Sequence[TextLine], i: int) -> bool:
    """Return whether row ``i`` exists and is not a header line (a header block ends before)."""
    return i < len(rows) and not header_like(rows[i]) and not _has_org_marker(rows[i].text)


def _has_org_marker(text: str) -> bool:
    return names_employer_or_place(text)


def _date_column(
    rows: Sequence[TextLine], anchors: Sequence[_Anchor], full_text: str, layout: Layout
) -> list[ExperienceEntry] | None:
    """Pair a column of bare date lines, read before the jobs they belong to, with the jobs.

    A reader that takes a left date column whole gives "2019 – Present" / "2016 – 2019" /
    "Title" / "Org" / bullets...; the n-th range belongs to the n-th undated entry.
    """
    if len(anchors) < 2 or any(
        a.date is None or _remainder(rows[a.first].text, a.date) for a in anchors
    ):
        return None
    if any(b.first != a.last + 1 for a, b in itertools.pairwise(anchors)):
        return None
    rest = rows[anchors[-1].last + 1 :]
    entries = find_entries(rest, full_text, layout)
    if len(entries) != len(anchors) or any(e.start_date for e in entries):
        return None
    return [
        replace(e, start_date=a.start_date, end_date=a.end_date)
        for e, a in zip(entries, anchors, strict=True)
    ]


def find_entries(
    body: Sequence[TextLine], full_text: str, layout: Layout, *, strict: bool = False
) -> list[ExperienceEntry]:
    """Return the job entries of one section's body lines.

    With ``strict`` (sections not headed as experience) at least one entry must have bullets.
    """
    rows = [line for line in body if not line.blank]
    fielded = field_entries(rows, full_text, layout)
    if fielded is not None:
        entries, first, last = fielded
        before = find_entries(rows[:first], full_text, layout, strict=True) if first else []
        return before + entries + find_entries(rows[last + 1 :], full_text, layout, strict=strict)
    anchors = _find_anchors(rows, single_dates=False)
    if not any(a.start_date is not None and a.end_date != a.start_date for a in anchors):
        anchors = _find_anchors(rows, single_dates=True)
    column = _date_column(rows, anchors, full_text, layout)
    if column is not None:
        return column
    if not anchors and not strict:
        anchors = _undated_anchors(rows)
    entries = _entries_at(rows, anchors, full_text, layout) if anchors else []
    if strict and not any(e.bullets for e in entries):
        return []
    return entries


def _entries_at(
    rows: Sequence[TextLine], anchors: Sequence[_Anchor], full_text: str, layout: Layout
) -> list[ExperienceEntry]:
    """Return one entry per anchor: header lines around it, then its bullets."""
    # Layout vote: is the line just above each date a header line (title above the date)?
    votes = sum(
        1
        for k, a in enumerate(anchors)
        if a.first > (anchors[k - 1].last + 1 if k else 0) and header_like(rows[a.first - 1])
    )
    headers_before = votes * 2 > len(anchors)
    spans: list[tuple[int, int, _Anchor]] = []
    prev_end = -1
    for k, anchor in enumerate(anchors):
        limit = anchors[k + 1].first if k + 1 < len(anchors) else len(rows)
        first, last = anchor.first, anchor.last
        if headers_before:
            while (
                first - 1 > prev_end and anchor.first - first < 2 and header_like(rows[first - 1])
            ):
                first -= 1
        taken = 0
        while last + 1 < limit and taken < 2 and _header_after(rows[last + 1]):
            if headers_before and not _has_org_marker(rows[last + 1].text):
                break
            last += 1
            taken += 1
        spans.append((first, last, anchor))
        prev_end = last
    entries: list[ExperienceEntry] = []
    for k, (first, last, anchor) in enumerate(spans):
        stop = spans[k + 1][0] if k + 1 < len(spans) else len(rows)
        pieces: list[str] = []
        for j in range(first, last + 1):
            if anchor.pieces is not None and j == anchor.first:
                pieces.extend(anchor.pieces)
            elif anchor.pieces is not None and anchor.first <= j <= anchor.last:
                continue
            elif anchor.date is None or not anchor.first <= j <= anchor.last:
                pieces.append(_unnumbered(rows[j].text))
            elif j == anchor.first:
                pieces.append(_unnumbered(_remainder(rows[j].text, anchor.date)))
        fields = split_header([p for p in pieces if p])
        body = list(rows[last + 1 : stop])
        personal = next((n for n, row in enumerate(body) if is_personal(row.text)), None)
        if personal is not None:
            body = body[:personal]  # a personal-details block closes the job
        if anchor.cut and body and anchor.last + 1 == last + 1:
            row = body[0]
            body[0] = replace(row, text=row.text[anchor.cut :], start=row.start + anchor.cut)
        bullets = group_bullets(body, full_text, layout)
        end = bullets[-1].end if bullets else rows[last].end
        entries.append(
            ExperienceEntry(
                title=fields.title,
                organization=fields.organization,
                location=fields.location,
                start_date=anchor.start_date,
                end_date=anchor.end_date,
                bullets=tuple(bullets),
                start=rows[first].content_start,
                end=max(end, rows[last].end),
            )
        )
    return entries
