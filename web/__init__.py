"""The web page and JSON API (``hitl_resume.web``): a thin Flask layer over ``hitl_resume.api``.

Privacy design: nothing about a resume is stored. Uploads are read into memory
(``security.InMemoryRequest``), analysed in a limited child process (``bounded``) and answered;
coach batches run as background jobs whose results live in memory only (``jobs``). The report
page carries its own analysis as a signed, compressed hidden field, so downloads (JSON,
Markdown, DOCX, decisions) are built from what the browser re-posts (``analysis_codec``); the
session cookie holds only a CSRF token.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from flask import Flask

from hitl_resume.ingest import limits

from . import bounded, child_tasks, errors, security
from .body_limits import ServerLimits
from .jobs import BatchJobs
from .parse_slots import DEFAULT_WAIT_SECONDS, ParseSlots, default_slot_count
from .security import SERVER_MAX_BODY_BYTES


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
        ANALYSE_IN_CHILD=True,
        BATCH_WORKERS=1,
        BATCH_MAX_WAITING=4,
        BATCH_JOB_SECONDS=600.0,
        BATCH_FILE_SECONDS=bounded.BATCH_FILE_SECONDS,
        BATCH_RESULT_TTL=900.0,
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
    from . import api, batch_view, pages

    in_child = bool(app.config["ANALYSE_IN_CHILD"])
    app.extensions["batch_jobs"] = BatchJobs(
        batch_view.run_task_in_child if in_child else batch_view.run_task_here,
        workers=int(app.config["BATCH_WORKERS"]),
        max_waiting=int(app.config["BATCH_MAX_WAITING"]),
        job_seconds=float(app.config["BATCH_JOB_SECONDS"]),
        file_seconds=float(app.config["BATCH_FILE_SECONDS"]),
        ttl_seconds=float(app.config["BATCH_RESULT_TTL"]),
    )
    security.init_app(app)
    errors.init_app(app)
    app.register_blueprint(pages.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(batch_view.bp)
    app.wsgi_app = ServerLimits(app.wsgi_app, SERVER_MAX_BODY_BYTES)  # type: ignore[method-assign]
    if in_child:
        bounded.prepare_children()
    if app.config["WARM_UP"]:
        warm_up(in_child=in_child)
    return app


def warm_up(*, in_child: bool = True) -> None:
    """Start the fork server with the model loaded (or load it here) before serving."""
    from hitl_resume.api import analyze

    sample = "Warm Up\nEXPERIENCE\nReviewer | Example Co | 2020 - 2021\n" + (
        "Reviewed AI-flagged claims before payment and escalated exceptions.\n" * 3
    )
    try:
        if in_child:
            bounded.memory_cap_bytes()
            bounded.run_in_child(child_tasks.analyse_resume, (sample, [], None), 60.0)
        else:
            analyze(sample)
    except Exception:  # a warm-up input refused by the quality checks still warmed up
        logging.getLogger("hitl_resume.web").info("warm-up input refused")
