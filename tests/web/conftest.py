"""Web test fixtures: one app per module, a live in-process server and coached analyses."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hitl_resume.web import create_app
from web_helpers import posting_text, resume_text, with_coaching

from hitl_resume.analysis import Analysis
from hitl_resume.api import analyze, default_analyzer

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"


@pytest.fixture(scope="module")
def app() -> Flask:
    """One app per test module; the model is shared through ``default_analyzer`` (cached)."""
    default_analyzer()
    return create_app({"TESTING": True, "SESSION_COOKIE_SECURE": False})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(scope="module")
def coached_analysis() -> Analysis:
    return with_coaching(analyze(resume_text(), postings=[posting_text()]))


@pytest.fixture(scope="module")
def live_server(app: Flask) -> Iterator[str]:
    """The app on a real threaded HTTP server in this process (so tests can patch it).

    The production server (gunicorn, ``hitl-resume serve``) runs in a subprocess: see
    test_web_live.py.
    """
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        with contextlib.suppress(OSError):
            server.server_close()
        thread.join(timeout=5)
