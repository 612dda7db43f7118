"""The web page and JSON API (``hitl_resume.web``): a thin Flask layer over ``hitl_resume.api``.

Privacy design: nothing about a resume is stored. Uploads are read into memory
(``security.InMemoryRequest``), analysed and answered. The report page carries its own analysis
as a signed, compressed hidden field, so downloads (JSON, Markdown, DOCX, decisions) are built
from what the browser re-posts (``analysis_codec``); the session cookie holds only a CSRF token.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from flask import Flask

from hitl_resume.ingest import limits

from . import errors, security
from .parse_slots import DEFAULT_WAIT_SECONDS, ParseSlots, default_slot_count


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app; ``test_config`` overrides any setting (e.g. ``SESSION_COOKIE_SECURE``)."""
    app = Flask(__name__)
    app.config.from_mapping(
        SECRET_KEY=os.urandom(32),
        MAX_CONTENT_LENGTH=limits.MAX_UPLOAD_BYTES,
        MAX_FORM_MEMORY_SIZE=100_000,
        MAX_FORM_PARTS=20,
        SESSION_COOKIE_SECURE=True,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        PERMANENT_SESSION_LIFETIME=2 * 3600,
        PARSE_SLOTS=default_slot_count(),
        PARSE_SLOT_WAIT=DEFAULT_WAIT_SECONDS,
        WARM_UP=False,
    )
    if test_config is not None:
        app.config.from_mapping(test_config)
    app.json.sort_keys = False  # type: ignore[attr-defined]  # keep the contract's key order
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    logging.getLogger("pdfminer").setLevel(logging.WARNING)
    app.extensions["parse_slots"] = ParseSlots(
        int(app.config["PARSE_SLOTS"]), float(app.config["PARSE_SLOT_WAIT"])
    )
    security.init_app(app)
    errors.init_app(app)
    from . import api, batch_view, pages

    app.register_blueprint(pages.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(batch_view.bp)
    if app.config["WARM_UP"]:
        warm_up()
    return app


def warm_up() -> None:
    """Load the lexicon and spaCy model and start the parse forkserver before serving."""
    import io

    import docx

    from hitl_resume.api import analyze

    document = docx.Document()
    document.add_paragraph("Warm Up\nEXPERIENCE\nReviewer | Example Co | 2020 - 2021")
    document.add_paragraph("Reviewed flagged cases and escalated exceptions to a supervisor.")
    buffer = io.BytesIO()
    document.save(buffer)
    for source in ("Reviewed AI-flagged claims before payment.\n" * 3, buffer.getvalue()):
        try:
            analyze(source)
        except Exception:  # a warm-up input refused by the quality checks still warmed up
            logging.getLogger("hitl_resume.web").info("warm-up input refused")
