"""Where Word placed a floating text box, for reading boxes in page order (see docx_reader)."""

from __future__ import annotations

from typing import Any

_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_PAGE_FRAMES = frozenset({"page", "margin", "topMargin", "leftMargin", "insideMargin"})


def page_position(textbox: Any) -> tuple[int, int] | None:
    """Return (top, left) in EMU of a text box anchored to the page or margin, else None."""
    anchor = next((a for a in textbox.iterancestors(_WP + "anchor")), None)
    if anchor is None:
        return None
    offsets: list[int] = []
    for axis in ("positionV", "positionH"):
        position = anchor.find(_WP + axis)
        if position is None or position.get("relativeFrom") not in _PAGE_FRAMES:
            return None
        offset = position.find(_WP + "posOffset")
        text = (offset.text or "").strip() if offset is not None else "0"
        offsets.append(int(text) if text.lstrip("-").isdigit() else 0)
    return offsets[0], offsets[1]
