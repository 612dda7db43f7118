"""Ruling lines of a PDF page from pdfium's path objects, for the ruled-table finder.

Only straight, axis-aligned segments count (lines and rectangle sides), in page coordinates
with ``top`` growing downwards. Work is bounded: a hostile page may hold millions of segments.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

from hitl_resume.ingest.pdf_native import NATIVE

MAX_FORM_DEPTH = 4  # nested form XObjects searched for ruling lines
MAX_PATH_SEGMENTS = 20_000  # per page: ruling lines are few
MIN_EDGE = 0.5  # points: shorter steps are not lines, and thinner slants are still straight
_LINETO, _MOVETO = 0, 2  # FPDF_SEGMENT_* kinds (BEZIERTO is 1)

Matrix = tuple[float, float, float, float, float, float]


@dataclass(frozen=True, slots=True)
class Edge:
    """A horizontal or vertical ruling line segment in page coordinates (top downwards)."""

    x0: float
    x1: float
    top: float
    bottom: float
    orientation: str  # "h" or "v"


def object_edges(
    obj: int, is_form: bool, outer: Matrix, height: float, edges: list[Edge], used: list[int]
) -> None:
    """Add a path's (or a form's paths') ruling segments; ``used`` counts segments read."""
    _object_edges(obj, is_form, outer, height, edges, used, 0)


def _object_edges(
    obj: int,
    is_form: bool,
    outer: Matrix,
    height: float,
    edges: list[Edge],
    used: list[int],
    depth: int,
) -> None:
    if used[0] >= MAX_PATH_SEGMENTS:
        return
    raw = NATIVE.matrix()
    own: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    if NATIVE.object_matrix(obj, ctypes.byref(raw)):
        own = (raw.a, raw.b, raw.c, raw.d, raw.e, raw.f)
    matrix = _compose(own, outer)
    if not is_form:
        _path_edges(obj, matrix, height, edges, used)
        return
    if depth >= MAX_FORM_DEPTH:
        return
    for index in range(NATIVE.form_count(obj)):
        child = NATIVE.form_object(obj, index)
        kind = NATIVE.object_type(child) if child else 0
        if kind in (2, 5):  # path, form
            _object_edges(child, kind == 5, matrix, height, edges, used, depth + 1)


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix applying ``inner`` then ``outer`` (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    m11, m12, m21, m22, dx, dy = outer
    return (
        a * m11 + b * m21,
        a * m12 + b * m22,
        c * m11 + d * m21,
        c * m12 + d * m22,
        e * m11 + f * m21 + dx,
        e * m12 + f * m22 + dy,
    )


def _path_edges(
    obj: int, matrix: Matrix, height: float, edges: list[Edge], used: list[int]
) -> None:
    """Add the straight, axis-aligned segments of one path (lines and rectangle sides)."""
    count = NATIVE.path_count(obj)
    if count <= 0:
        return
    used[0] += count
    if used[0] > MAX_PATH_SEGMENTS:
        return
    x = ctypes.c_float(0.0)
    y = ctypes.c_float(0.0)
    xr, yr = ctypes.byref(x), ctypes.byref(y)
    start: tuple[float, float] | None = None
    current: tuple[float, float] | None = None
    for index in range(count):
        segment = NATIVE.path_segment(obj, index)
        if not segment or not NATIVE.segment_point(segment, xr, yr):
            continue
        a, b, c, d, e, f = matrix
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        kind = NATIVE.segment_type(segment)
        if kind == _LINETO and current is not None:
            _add(current, point, height, edges)
        elif kind == _MOVETO:
            start = point
        current = point
        if NATIVE.segment_close(segment) and start is not None:
            _add(point, start, height, edges)
            current = start


def _add(p: tuple[float, float], q: tuple[float, float], height: float, edges: list[Edge]) -> None:
    (x0, y0), (x1, y1) = p, q
    if abs(y0 - y1) < MIN_EDGE <= abs(x0 - x1):
        top = height - y0
        edges.append(Edge(min(x0, x1), max(x0, x1), top, top, "h"))
    elif abs(x0 - x1) < MIN_EDGE <= abs(y0 - y1):
        edges.append(Edge(x0, x0, height - max(y0, y1), height - min(y0, y1), "v"))
