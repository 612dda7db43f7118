"""Make a user-supplied file name safe to show: no path, no controls, bounded length (U-25)."""

from __future__ import annotations

from hitl_resume.ingest.text_cleaning import clean_line

MAX_DISPLAY_NAME = 80


def display_name(filename: str | None) -> str | None:
    """Return the last path component, cleaned and truncated; ``None`` when nothing is left.

    The result is for display only (escaped by every renderer) and is never used as a path.
    """
    if not filename:
        return None
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    base = clean_line(base)
    if not base or base in {".", ".."}:
        return None
    if len(base) > MAX_DISPLAY_NAME:
        base = base[: MAX_DISPLAY_NAME - 1] + "…"
    return base
