"""Web test fixtures: one app per module, a live waitress server and coached analyses."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
    """The app on a real waitress server in a thread (same process, so tests can patch it)."""
    import waitress.server
    from hitl_resume.web.server import server_settings

    settings: dict[str, Any] = server_settings("127.0.0.1", 0)
    settings.pop("port")
    server = waitress.server.create_server(app, port=0, **settings)

    def run() -> None:
        with contextlib.suppress(OSError):  # the socket was closed by the teardown below
            server.run()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        server.task_dispatcher.shutdown(timeout=5)
        with contextlib.suppress(OSError):
            server.close()
        thread.join(timeout=5)
