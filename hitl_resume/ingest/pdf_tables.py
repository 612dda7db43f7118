"""Find ruled tables on a page and give each row its words, apart from the column flow.

The table geometry is pdfplumber's own ``TableFinder`` (maintained, well tested), fed with the
ruling lines pdfium read; pdfplumber never parses the PDF itself on this path.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pdfplumber.table import TableFinder

from hitl_resume.ingest.pdf_edges import Edge
from hitl_resume.ingest.pdf_layout import TableBlock, Word, group_rows

MAX_TABLE_CELL_ROWS = 6  # a "cell" with more text rows is a ruled box around a section
MAX_TABLE_PAGE_SHARE = 0.6  # a "table" covering more of the page is the page's frame


@dataclass(slots=True)
class _EdgePage:
    """The two attributes of a pdfplumber page that its table finder reads."""

    edges: list[dict[str, Any]]
    bbox: tuple[float, float, float, float]
    chars: list[dict[str, Any]] = field(default_factory=list)


def has_ruling(edges: Sequence[Edge]) -> bool:
    """Tell whether the page has enough ruled edges for a table (skips the table finder)."""
    vertical = sum(1 for e in edges if e.orientation == "v")
    return vertical >= 2 and len(edges) - vertical >= 2


def find_tables(
    edges: Sequence[Edge], words: Sequence[Word], width: float, height: float
) -> list[TableBlock]:
    """Ruled tables (from pdfium's ruling lines) with their rows' words."""
    page = _EdgePage(edges=[_edge_dict(e) for e in edges], bbox=(0.0, 0.0, width, height))
    found = TableFinder(page).tables  # type: ignore[arg-type]  # duck-typed page
    return tables_from(((t.bbox, [r.cells for r in t.rows]) for t in found), words, width * height)


def tables_from(
    found: Iterable[tuple[Any, Sequence[Sequence[Any]]]], words: Sequence[Word], page_area: float
) -> list[TableBlock]:
    """Keep tables with at least two rows and columns that are not frames around a section."""
    blocks: list[TableBlock] = []
    for bbox, table_rows in found:
        x0, top, x1, bottom = (float(v) for v in bbox)
        if (x1 - x0) * (bottom - top) > MAX_TABLE_PAGE_SHARE * page_area:
            continue
        rows: list[tuple[Word, ...]] = []
        columns = 0
        plausible = True
        for row in table_rows:
            cells = sorted((c for c in row if c is not None), key=lambda c: c[0])
            columns = max(columns, len(cells))
            row_words: list[Word] = []
            for cell in cells:
                inside = [w for w in words if _inside(w, cell)]
                text_rows = group_rows(inside)
                if len(text_rows) > MAX_TABLE_CELL_ROWS:
                    plausible = False
                for text_row in text_rows:
                    row_words.extend(
                        sorted((w for w in text_row if isinstance(w, Word)), key=lambda w: w.x0)
                    )
            rows.append(tuple(row_words))
        if plausible and columns >= 2 and len(table_rows) >= 2:
            blocks.append(TableBlock(x0, x1, top, bottom, tuple(rows)))
    return blocks


def _inside(word: Word, bbox: Sequence[float]) -> bool:
    """Tell whether the word's centre lies in the box."""
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]


def _edge_dict(edge: Edge) -> dict[str, Any]:
    return {
        "x0": edge.x0,
        "x1": edge.x1,
        "top": edge.top,
        "bottom": edge.bottom,
        "width": edge.x1 - edge.x0,
        "height": edge.bottom - edge.top,
        "orientation": edge.orientation,
        "object_type": "line",
    }
