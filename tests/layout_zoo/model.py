"""The zoo's document model: paragraphs, tables, floating text boxes and two-column pages.

A layout builds these from a ``Person``; ``render_docx`` and ``render_pdf`` draw them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ParaKind = Literal["name", "heading", "line", "bullet"]
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class P:
    """One paragraph; a tab in ``text`` is a column gap (DOCX tab, PDF tab stop)."""

    text: str
    kind: ParaKind = "line"
    bold: bool = False
    stops: tuple[float, ...] = (50.0, 190.0, 400.0)  # PDF x of each tab-separated part


@dataclass(frozen=True, slots=True)
class Table:
    """A table whose cells hold paragraphs; ``ruled`` draws borders."""

    rows: tuple[tuple[tuple[P, ...], ...], ...]
    widths: tuple[float, ...]  # points
    ruled: bool = False


@dataclass(frozen=True, slots=True)
class Box:
    """A floating text box at a page position (points from the top-left corner)."""

    paras: tuple[P, ...]
    top: float
    left: float
    width: float


@dataclass(frozen=True, slots=True)
class Columns:
    """A page of two columns (a sidebar on the left)."""

    left: tuple[P, ...]
    right: tuple[P, ...]
    left_width: float = 160.0


Item = P | Table | Box | Columns


def month(ym: tuple[int, int] | None, style: str, present: str = "Present") -> str:
    """Format a (year, month) the way a layout writes dates; None is ``present``."""
    if ym is None:
        return present
    year, number = ym
    name = MONTHS[number - 1]
    forms = {
        "short": f"{name[:3]} {year}",
        "long": f"{name} {year}",
        "numeric": f"{number:02d}/{year}",
        "year_first": f"{year}, {name}",
        "apostrophe": f"{name[:3]}'{year % 100:02d}",
        "day_first": f"01/{number:02d}/{year}",
        "day_first_end": f"28/{number:02d}/{year}",
        "dotted": f"{number:02d}.{year}",
        "year": f"{year}",
    }
    return forms[style]


def span(
    start: tuple[int, int],
    end: tuple[int, int] | None,
    style: str,
    *,
    dash: str = " – ",
    present: str = "Present",
) -> str:
    """Format a date range in one style."""
    end_style = "day_first_end" if style == "day_first" else style  # Europass: 01/03 – 28/02
    return f"{month(start, style)}{dash}{month(end, end_style, present)}"
