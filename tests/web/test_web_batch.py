"""The coach batch page: a background job, its progress page, the cohort table and downloads."""

from __future__ import annotations

import csv
import io
import json
import stat
import time
import zipfile

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hitl_resume.web import create_app
from web_helpers import csrf_token, hanging_pdf, resume_docx, resume_text

from hitl_resume.batch.outputs import formula_safe
from hitl_resume.language.lexicon_loader import ROLE_IDS

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\0")
REFRESH = '<meta http-equiv="refresh"'


def _zip(members: list[tuple[str, bytes]], *, symlink: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            zf.writestr(name, data)
        if symlink:
            info = zipfile.ZipInfo(symlink)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, "/etc/passwd")
    return buffer.getvalue()


def submit(
    client: FlaskClient, files: list[tuple[bytes, str]], posting: str = ""
) -> tuple[int, str]:
    """POST the batch form; (status, progress page address or error page)."""
    data = {
        "csrf_token": csrf_token(client),
        "files": [(io.BytesIO(b), n) for b, n in files],
        "posting": posting,
    }
    response = client.post("/batch", data=data, content_type="multipart/form-data")
    if response.status_code == 303:
        return 303, response.headers["Location"]
    return response.status_code, response.get_data(as_text=True)


def finished(client: FlaskClient, address: str, timeout: float = 90) -> str:
    """Follow the progress page (as its meta refresh would) until the cohort is ready."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        html = client.get(address).get_data(as_text=True)
        if REFRESH not in html:
            return html
        time.sleep(0.2)
    raise AssertionError("the batch did not finish in time")


def test_b01_when_files_are_uploaded_then_a_job_ends_in_one_row_per_file(
    client: FlaskClient,
) -> None:
    """B-01: the upload answers at once (303 to a progress page); the cohort has one row per
    file with role scores, and the empty file is an error row, not a failed batch."""
    started = time.monotonic()
    status, address = submit(
        client,
        [(resume_text().encode(), "a.txt"), (resume_docx(), "b.docx"), (b"", "empty.pdf")],
        posting="Coding reviewer\nRequirements: ICD-10-CM, CPT",
    )
    assert status == 303
    assert time.monotonic() - started < 3
    html = finished(client, address)
    assert html.count('<tr class="status-') == 3
    assert "Healthcare quality" in html
    assert "empty_file" in html
    assert "Download everything (zip)" in html


def test_when_the_job_is_still_running_then_the_page_refreshes_itself(app: Flask) -> None:
    """The progress page works without JavaScript: a meta refresh until the cohort is ready."""
    client = app.test_client()
    _, address = submit(client, [(resume_text().encode(), f"r{i}.txt") for i in range(3)])
    html = client.get(address).get_data(as_text=True)
    assert REFRESH in html or "Every client" in html
    if REFRESH in html:
        assert "of 3 done" in html or "Waiting to start" in html
    finished(client, address)


def test_when_a_zip_has_hostile_members_then_they_are_contained(client: FlaskClient) -> None:
    """B-02/B-03/B-06: traversal names shown escaped, nested archives refused, links skipped."""
    archive = _zip(
        [
            ("../../<i>evil.txt", resume_text().encode()),
            ("inner.zip", _zip([("x.txt", b"hello")])),
            ("folder/", b""),
            ("dup.txt", resume_text().encode()),
        ],
        symlink="link.txt",
    )
    status, address = submit(client, [(archive, "cohort.zip")])
    assert status == 303
    html = finished(client, address)
    assert "&lt;i&gt;evil.txt" in html
    assert "<i>evil" not in html
    assert "unsupported_type" in html
    assert "Symbolic link in the zip skipped" in html


@pytest.mark.parametrize(
    "members",
    [
        [(f"r{i}.txt", b"x") for i in range(201)],
        [("big.txt", b"a" * 10_000_001)],
        [("bomb.txt", b"\0" * 2_000_000)],
    ],
    ids=["over-200-members", "member-over-10MB", "ratio-over-100"],
)
def test_b04_when_a_zip_breaks_a_limit_then_the_upload_is_refused(
    client: FlaskClient, members: list[tuple[str, bytes]]
) -> None:
    """B-04: limits are checked on upload, from the central directory alone: 413, no job."""
    status, html = submit(client, [(_zip(members), "cohort.zip")])
    assert status == 413
    assert "batch_too_large" in html


def test_e03_when_the_csv_is_downloaded_then_no_cell_starts_a_formula(
    client: FlaskClient,
) -> None:
    """E-03/B-10: the cohort CSV is the CLI's summary.csv, formula cells neutralised."""
    _, address = submit(client, [(resume_text().encode(), "=HYPERLINK(1).txt")])
    finished(client, address)
    response = client.post(f"{address}/csv", data={"csrf_token": csrf_token(client)})
    assert response.headers["Content-Disposition"] == 'attachment; filename="cohort-summary.csv"'
    assert response.headers["Cache-Control"] == "no-store"
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert rows[0][:5] == ["file", "status", "error_code", "top_role", "top_score"]
    assert rows[0][5:] == [f"score_{role}" for role in ROLE_IDS]
    assert rows[1][0] == "'=HYPERLINK(1).txt"
    for row in rows:
        for cell in row:
            assert not cell.lstrip(" ").startswith(FORMULA_TRIGGERS)


def test_p06_when_the_zip_is_downloaded_then_it_holds_the_cli_outputs_and_is_deleted(
    client: FlaskClient,
) -> None:
    """The zip holds what ``hitl-resume batch`` writes; downloading it wipes the results."""
    _, address = submit(client, [(resume_text().encode(), "a.txt"), (b"", "b.pdf")])
    finished(client, address)
    response = client.post(f"{address}/zip", data={"csrf_token": csrf_token(client)})
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == 'attachment; filename="cohort.zip"'
    names = set(zipfile.ZipFile(io.BytesIO(response.data)).namelist())
    assert {"summary.csv", "summary.json", "errors.csv", "cohort.md", "cohort.svg"} <= names
    assert any(n.startswith("reports/") and n.endswith(".json") for n in names)
    summary = json.loads(zipfile.ZipFile(io.BytesIO(response.data)).read("summary.json"))
    assert summary["counts"]["files"] == 2
    gone = client.get(address)
    assert gone.status_code == 404
    assert "batch_not_found" in gone.get_data(as_text=True)


def test_p06_when_another_session_asks_for_a_job_then_404(client: FlaskClient, app: Flask) -> None:
    """A job's address alone does not show the cohort to another browser session."""
    _, address = submit(client, [(resume_text().encode(), "a.txt")])
    finished(client, address)
    stranger = app.test_client()
    assert stranger.get(address).status_code == 404


def test_when_results_expire_then_they_are_gone() -> None:
    """Results live only until the expiry (here 0 s) after the job ends."""
    client = create_app(
        {"TESTING": True, "SESSION_COOKIE_SECURE": False, "BATCH_RESULT_TTL": 0.0}
    ).test_client()
    _, address = submit(client, [(b"", "a.pdf")])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and client.get(address).status_code == 200:
        time.sleep(0.1)
    assert client.get(address).status_code == 404


def test_when_a_file_never_finishes_then_its_row_times_out_and_the_rest_continue() -> None:
    """B-07 on the web: a PDF that outlasts the per-file budget (here 2 s, in a limited child)
    costs its row a ``timeout`` and the good file is still analysed."""
    client = create_app(
        {"TESTING": True, "SESSION_COOKIE_SECURE": False, "BATCH_FILE_SECONDS": 2.0}
    ).test_client()
    archive = _zip([("hang.pdf", hanging_pdf()), ("good.txt", resume_text().encode())])
    started = time.monotonic()
    status, address = submit(client, [(archive, "cohort.zip")])
    assert status == 303
    assert time.monotonic() - started < 3
    html = finished(client, address, timeout=60)
    assert "<code>timeout</code>" in html
    assert "Healthcare quality" in html


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("\0x", "'\0x"),
        ("   =cmd", "'   =cmd"),
        ("plain", "plain"),
        ("42", "42"),
    ],
)
def test_csv_safe_prefixes_formula_triggers(cell: str, expected: str) -> None:
    """E-03: every trigger, also after leading spaces, gets a leading apostrophe."""
    assert formula_safe(cell) == expected


def test_when_no_files_are_chosen_then_400(client: FlaskClient) -> None:
    """An empty batch form is a friendly 400."""
    status, html = submit(client, [])
    assert status == 400
    assert "no_files" in html


def test_when_two_batch_uploads_are_being_read_then_a_third_is_503_unread(app: Flask) -> None:
    """Batch bodies are up to 50 MB: only two are read into memory at once, more get 503 with
    Retry-After before their body is read (a flood of uploads cannot fill the memory)."""
    client = app.test_client()
    slots = app.extensions["upload_slots"]
    assert slots.acquire(blocking=False)
    assert slots.acquire(blocking=False)
    try:
        status, html = submit(client, [(resume_text().encode(), "a.txt")])
    finally:
        slots.release()
        slots.release()
    assert status == 503
    assert "busy" in html
    assert submit(client, [(resume_text().encode(), "a.txt")])[0] == 303
