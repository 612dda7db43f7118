"""The coach batch page: cohort table, zip safety checks and the formula-safe CSV."""

from __future__ import annotations

import csv
import io
import stat
import zipfile

import pytest
from flask.testing import FlaskClient
from web_helpers import csrf_token, resume_docx, resume_text

from hitl_resume.batch.outputs import formula_safe

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\0")

_COHORT_RE = 'name="cohort" value="'
Answer = tuple[int, str]


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


def _post(
    client: FlaskClient, files: list[tuple[bytes, str]], posting: str = ""
) -> tuple[int, str]:
    data = {
        "csrf_token": csrf_token(client),
        "files": [(io.BytesIO(b), n) for b, n in files],
        "posting": posting,
    }
    response = client.post("/batch", data=data, content_type="multipart/form-data")
    return response.status_code, response.get_data(as_text=True)


def test_when_files_are_uploaded_then_one_row_per_file(client: FlaskClient) -> None:
    """B-01: several files give one cohort row each, with role scores and top role."""
    status, html = _post(
        client,
        [(resume_text().encode(), "a.txt"), (resume_docx(), "b.docx"), (b"", "empty.pdf")],
        posting="Coding reviewer\nRequirements: ICD-10-CM, CPT",
    )
    assert status == 200
    assert html.count('<tr class="status-') == 3
    assert "Healthcare quality" in html
    assert "empty_file" in html


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
    status, html = _post(client, [(archive, "cohort.zip")])
    assert status == 200
    assert "&lt;i&gt;evil.txt" in html
    assert "<i>evil" not in html
    assert "unsupported_type" in html
    assert "skipped: symbolic link" in html


@pytest.mark.parametrize(
    "members",
    [
        [(f"r{i}.txt", b"x") for i in range(201)],
        [("big.txt", b"a" * 10_000_001)],
        [("bomb.txt", b"\0" * 2_000_000)],
    ],
    ids=["over-200-members", "member-over-10MB", "ratio-over-100"],
)
def test_b04_when_a_zip_breaks_a_limit_then_the_batch_is_refused(
    client: FlaskClient, members: list[tuple[str, bytes]]
) -> None:
    """B-04: the central directory alone refuses the whole zip with a clear limit message."""
    status, html = _post(client, [(_zip(members), "cohort.zip")])
    assert status == 413
    assert "batch_too_large" in html


def test_e03_when_the_csv_is_downloaded_then_no_cell_starts_a_formula(
    client: FlaskClient,
) -> None:
    """E-03/B-10: the cohort CSV neutralises formula cells, including the file name."""
    status, html = _post(client, [(resume_text().encode(), "=HYPERLINK(1).txt")])
    assert status == 200
    token = html.split(_COHORT_RE, 1)[1].split('"', 1)[0]
    response = client.post("/batch/csv", data={"csrf_token": csrf_token(client), "cohort": token})
    assert response.headers["Content-Disposition"] == 'attachment; filename="cohort-summary.csv"'
    assert response.headers["Cache-Control"] == "no-store"
    text = response.data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:5] == ["file", "status", "error_code", "top_role", "top_score"]
    assert rows[1][0] == "'=HYPERLINK(1).txt"
    for row in rows:
        for cell in row:
            assert not cell.lstrip(" ").startswith(FORMULA_TRIGGERS)


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
    status, html = _post(client, [])
    assert status == 400
    assert "no_files" in html
