"""Renderers: one function per output format, looked up by name (CLI and web share them)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from hitl_resume.render.markdown_renderer import render_analysis_markdown, render_posting_markdown


def render_json(result: Any) -> str:
    """The JSON contract: exactly ``result.to_dict()``."""
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2)


ANALYSIS_RENDERERS: dict[str, Callable[[Any], str]] = {
    "json": render_json,
    "markdown": render_analysis_markdown,
}
POSTING_RENDERERS: dict[str, Callable[[Any], str]] = {
    "json": render_json,
    "markdown": render_posting_markdown,
}
