"""Every web analysis runs in a limited child with one time budget per request (issue 14)."""

from __future__ import annotations

import io
import threading
import time

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hitl_resume.web import bounded, create_app
from web_helpers import csrf_token, posting_text, resume_text

from hitl_resume.api import analyze
from hitl_resume.batch.results import FileResult, Task
from hitl_resume.ingest import limits


def _maximal_paste() -> dict[str, object]:
    base = resume_text().encode("ascii", "replace").decode("ascii")
    big = (base * (99_000 // len(base) + 1))[:99_000]
    posting = ("Review AI-generated claims and escalate exceptions. " * 2000)[:99_000]
    return {"resume_text": big, "posting": [posting] * 5}


def test_when_text_is_analysed_in_a_child_then_it_equals_the_library(client: FlaskClient) -> None:
    """The child answers exactly what ``analyze(...).to_dict()`` gives in-process."""
    response = client.post(
        "/api/analyze", data={"resume_text": resume_text(), "posting": [posting_text()]}
    )
    assert response.status_code == 200
    assert response.json == analyze(resume_text(), postings=[posting_text()]).to_dict()


def test_when_the_child_memory_cap_is_set_then_it_is_the_parse_cap_above_the_model() -> None:
    """Children share the loaded model; the cap leaves them the same 1 GiB the parser has."""
    cap = bounded.memory_cap_bytes()
    assert limits.PARSE_MEMORY_BYTES < cap < limits.PARSE_MEMORY_BYTES + 2 * 1024**3


def test_i2_when_a_paste_outruns_the_request_budget_then_422_within_it(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A maximal paste is cut off at the request's budget (here 2 s) with a text message."""
    monkeypatch.setattr(bounded, "REQUEST_BUDGET_SECONDS", 2.0)
    started = time.monotonic()
    response = client.post("/api/analyze", data=_maximal_paste())
    assert time.monotonic() - started < 3.5
    assert response.status_code == 422
    assert response.json["error"]["code"] == "timeout"
    assert "too long to analyse" in response.json["error"]["message"]


def test_when_maximal_pastes_run_then_health_checks_stay_fast(app: Flask) -> None:
    """The work happens in children, so the server answers /healthz at once meanwhile."""
    answers: list[int] = []

    def paste() -> None:
        answers.append(app.test_client().post("/api/analyze", data=_maximal_paste()).status_code)

    threads = [threading.Thread(target=paste) for _ in range(2)]
    for thread in threads:
        thread.start()
    time.sleep(1.0)
    worst = 0.0
    health = app.test_client()
    while any(thread.is_alive() for thread in threads):
        started = time.monotonic()
        assert health.get("/healthz").status_code == 200
        worst = max(worst, time.monotonic() - started)
        time.sleep(0.1)
    for thread in threads:
        thread.join()
    assert worst < 1.0
    assert set(answers) <= {200, 422, 503}


def test_when_a_batch_is_running_then_single_analyses_keep_their_slot() -> None:
    """Batch jobs have their own worker and never take the parse slots of single analyses:
    with one parse slot and a batch stuck on a file, a single analysis still answers 200."""
    release = threading.Event()

    def stuck(task: Task, timeout: float) -> tuple[FileResult, tuple[tuple[str, bytes], ...]]:
        release.wait(20)
        return FileResult(index=task.index, file=task.file, sha256=task.sha256, status="ok"), ()

    app = create_app({"TESTING": True, "SESSION_COOKIE_SECURE": False, "PARSE_SLOTS": 1})
    app.extensions["batch_jobs"].run_task = stuck
    client = app.test_client()
    data = {
        "csrf_token": csrf_token(client),
        "files": [(io.BytesIO(resume_text().encode()), "a.txt")],
    }
    assert client.post("/batch", data=data, content_type="multipart/form-data").status_code == 303
    try:
        response = client.post("/api/analyze", data={"resume_text": resume_text()})
        assert response.status_code == 200
    finally:
        release.set()


def test_when_a_reader_error_hides_a_memory_error_then_it_counts_as_the_memory_cap() -> None:
    """A reader that turns MemoryError into "damaged" (pdfminer does) still reads as a bomb."""
    from hitl_resume.errors import CorruptFileError
    from hitl_resume.ingest.isolation import caused_by_memory_cap

    try:
        try:
            raise MemoryError
        except MemoryError:
            raise ValueError("wrapped") from None
    except ValueError as wrapped:
        damaged = CorruptFileError()
        damaged.__context__ = wrapped
    assert caused_by_memory_cap(damaged)
    assert not caused_by_memory_cap(CorruptFileError())


@pytest.mark.slow
def test_u16_when_a_3gb_flate_bomb_is_uploaded_then_resource_limit(client: FlaskClient) -> None:
    """Issue 14: a PDF stream inflating to 3 GB is ``resource_limit`` (422), not "damaged"."""
    import raw_pdf
    from werkzeug.datastructures import FileStorage
    from werkzeug.test import encode_multipart

    bomb = FileStorage(io.BytesIO(raw_pdf.flate_bomb_pdf(3 * 1024**3)), "cv.pdf")
    boundary, body = encode_multipart({"resume": bomb})  # in memory: no test-client temp file
    response = client.post(
        "/api/analyze", data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )
    assert response.status_code == 422
    assert response.json["error"]["code"] == "resource_limit"
