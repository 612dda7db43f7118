"""A standalone HTML report (``analyze --format html``) from the web page's own templates.

The report body is the web app's ``_report.html`` partial, rendered with autoescaping, so the
file and the page never drift apart. A file opened from disk has no server, so the stylesheet
is inlined (our own CSS, inserted after rendering, never user data) and there is no script.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from importlib import resources
from typing import Any

import jinja2

from hitl_resume.analysis import Analysis

STYLE_SLOT = "<!--STYLE-->"


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("hitl_resume.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )


def _stylesheet() -> str:
    css = resources.files("hitl_resume.web").joinpath("static/style.css").read_text("utf-8")
    if "</" in css:  # our own file; refuse anything that could close the style element
        raise ValueError("style.css must not contain '</'")
    return css


def render_analysis_html(analysis: Analysis) -> str:
    """The whole report as one self-contained HTML document."""
    # Imported by name: the web package is mapped in from web/ and mypy checks it separately.
    report_view = importlib.import_module("hitl_resume.web.report_view")
    build_report: Callable[[dict[str, Any]], dict[str, Any]] = report_view.build_report
    template = _environment().get_template("standalone.html")
    html = template.render(interactive=False, **build_report(analysis.to_dict()))
    return html.replace(STYLE_SLOT, f"<style>\n{_stylesheet()}</style>", 1)
