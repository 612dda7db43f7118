"""Read job entries laid out as labelled fields or two-column tables.

    Designation: Customer Service Executive        Company   | Acme Ltd
    Company: Acme Ltd, Dubai                       Position  | Analyst
    Duration: Nov'18 – Till date                   Period    | 2019 – 2021
    Responsibilities:                              Duties    | ...
    - Handled ...

A block starts at a title, organization, date or location label seen twice, or after its
duties; a personal detail ("Date of Birth: ...") closes it and is never part of a job.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from hitl_resume.models import ExperienceEntry
from hitl_resume.structure.bullets import has_glyph, number_length
from hitl_resume.structure.dates import find_dates, find_range
from hitl_resume.structure.field_labels import FieldLabels, FieldMatch, field_labels
from hitl_resume.structure.fields import split_header
from hitl_resume.structure.paragraphs import Layout, group_bullets
from hitl_resume.structure.text import TextLine

_HEADER_FIELDS = frozenset({"title", "organization", "dates", "location"})


@dataclass(slots=True)
class _Block:
    """Fields and duty lines collected for one job."""

    first: int
    last: int
    values: dict[str, str] = field(default_factory=dict)
    duties: list[TextLine] = field(default_factory=list)
    in_duties: bool = False
    pending: str | None = None  # a label whose value is on the next line (table cells)


def _label(labels: FieldLabels, text: str) -> FieldMatch | None:
    """Return the field a line opens with, looking past a list number ("1. Company: ...")."""
    skip = number_length(text)
    found = labels.match(text[skip:])
    return None if found is None else FieldMatch(found.field, found.value_start + skip)


def _complete(block: _Block) -> bool:
    """Return whether a block that reached its duties names both its job and its employer.

    Then the next header label opens a new job; otherwise it still belongs to this one
    (Europass lists the employer after the activities).
    """
    return block.in_duties and {"title", "organization"} <= block.values.keys()


def _value(row: TextLine, found: FieldMatch) -> TextLine | None:
    text = row.text[found.value_start :]
    if not text.strip():
        return None
    return replace(row, text=text, start=row.start + found.value_start)


def _entry(
    block: _Block, full_text: str, layout: Layout, rows: Sequence[TextLine]
) -> ExperienceEntry:
    start_date = end_date = None
    dates = block.values.get("dates", "")
    rng = find_range(dates)
    if rng is not None:
        start_date, end_date = rng.start_date, rng.end_date
    else:
        singles = find_dates(dates)
        if singles:
            start_date = singles[0].start_date
            end_date = singles[-1].end_date if len(singles) > 1 else None
    org, location = block.values.get("organization"), block.values.get("location")
    if org is not None:
        fields = split_header([org])  # "Acme Ltd, Dubai, UAE": employer and place
        org, location = fields.organization or org, location or fields.location
    bullets = group_bullets(block.duties, full_text, layout)
    end = max(rows[block.last].end, bullets[-1].end if bullets else 0)
    return ExperienceEntry(
        title=block.values.get("title"),
        organization=org,
        location=location,
        start_date=start_date,
        end_date=end_date,
        bullets=tuple(bullets),
        start=rows[block.first].content_start,
        end=end,
    )


def _ordinary_header(row: TextLine) -> bool:
    """Return whether a row is a dated entry header written the ordinary way."""
    rng = find_range(row.text)
    numbered = number_length(row.text) > 0
    return rng is not None and (numbered or not has_glyph(row.text)) and len(row.text.split()) <= 16


def _column_table(
    rows: Sequence[TextLine], found: Sequence[FieldMatch | None], full_text: str, layout: Layout
) -> tuple[list[ExperienceEntry], int, int] | None:
    """Read a table whose first row names the columns ("Organization | Designation | Duration")
    and whose next rows are one job each, as a reader gives it: one cell a line."""
    start = next(
        (
            i
            for i in range(len(rows) - 1)
            if all(_bare_label(rows[j], found[j]) for j in (i, i + 1))
        ),
        None,
    )
    if start is None:
        return None
    columns: list[str] = []
    end = start
    while end < len(rows) and _bare_label(rows[end], found[end]):
        match = found[end]
        if match is None:
            break
        columns.append(match.field)
        end += 1
    if not {"title", "organization"} & set(columns) or "dates" not in columns:
        return None
    blocks: list[_Block] = []
    width = len(columns)
    while end + width <= len(rows) and all(found[j] is None for j in range(end, end + width)):
        block = _Block(end, end + width - 1)
        for column, row in zip(columns, rows[end : end + width], strict=True):
            if column == "duties":
                block.duties.append(row)
            elif column != "note":
                block.values[column] = row.stripped
        blocks.append(block)
        end += width
    if not blocks:
        return None
    return [_entry(b, full_text, layout, rows) for b in blocks], start, end - 1


def _bare_label(row: TextLine, match: FieldMatch | None) -> bool:
    """Return whether a row is a job field's label and nothing else (a column heading)."""
    return match is not None and match.field != "personal" and _value(row, match) is None


def field_entries(
    rows: Sequence[TextLine], full_text: str, layout: Layout
) -> tuple[list[ExperienceEntry], int, int] | None:
    """Return the entries of labelled-field blocks and the row span they cover, or None.

    None unless the rows hold a title or organization label and a date label.
    """
    labels = field_labels()
    found = [None if r.list_item else _label(labels, r.text) for r in rows]
    kinds = {f.field for f in found if f is not None}
    if not kinds & {"title", "organization"} or "dates" not in kinds:
        return None
    table = _column_table(rows, found, full_text, layout)
    if table is not None:
        return table
    blocks: list[_Block] = []
    current: _Block | None = None
    for i, (row, match) in enumerate(zip(rows, found, strict=True)):
        if match is not None and match.field == "personal":
            current = None
            continue
        if match is not None and match.field in _HEADER_FIELDS:
            if current is None or match.field in current.values or _complete(current):
                current = _Block(i, i)
                blocks.append(current)
            value = _value(row, match)
            if value is None:
                current.pending = match.field
            else:
                current.values[match.field] = value.stripped
            current.last = i
            continue
        if current is None:
            continue
        if match is None and "dates" in current.values and _ordinary_header(row):
            break  # an ordinary "Title | Org | 2016 – 2018" entry follows the blocks
        if match is not None and match.field == "note":
            current.pending = None if _value(row, match) else "note"
        elif match is not None and match.field == "duties":
            current.in_duties = True
            value = _value(row, match)
            if value is not None:
                current.duties.append(value)
        elif current.pending is not None:
            if current.pending != "note":
                current.values[current.pending] = row.stripped
            current.pending = None
        else:
            current.duties.append(row)
        current.last = i
    blocks = [b for b in blocks if b.values.keys() & {"title", "organization"}]
    if not blocks:
        return None
    entries = [_entry(b, full_text, layout, rows) for b in blocks]
    return entries, blocks[0].first, blocks[-1].last
