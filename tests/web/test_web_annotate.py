"""The report page gives a DOCX user their own file back, annotated, with nothing stored."""

from __future__ import annotations

import io
import json
import zipfile

import docx
from flask.testing import FlaskClient
from web_helpers import csrf_token, report_token, resume_docx


def _report(client: FlaskClient, original: bytes) -> str:
    data = {"csrf_token": csrf_token(client), "resume": (io.BytesIO(original), "cv.docx")}
    response = client.post("/analyze", data=data, content_type="multipart/form-data")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _annotate(client: FlaskClient, html: str, original: bytes, decisions: bytes | None) -> object:
    form: dict[str, object] = {
        "csrf_token": csrf_token(client),
        "report": report_token(html),
        "original": (io.BytesIO(original), "cv.docx"),
    }
    if decisions is not None:
        form["decisions"] = (io.BytesIO(decisions), "decisions.json")
    return client.post("/annotate", data=form, content_type="multipart/form-data")


def _comment_count(data: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if "word/comments.xml" not in archive.namelist():
            return 0
        return archive.read("word/comments.xml").count(b"<w:comment ")


def test_when_a_docx_report_is_shown_then_the_annotate_form_is_offered(
    client: FlaskClient,
) -> None:
    """DOCX uploads get the 'your own Word file back' form; pasted text does not."""
    html = _report(client, resume_docx())
    assert 'action="/annotate"' in html
    assert 'name="original"' in html


def test_when_the_original_is_uploaded_then_each_rewrite_is_a_comment(client: FlaskClient) -> None:
    """Without decisions every suggestion comes back as a comment; the text is unchanged."""
    original = resume_docx()
    html = _report(client, original)
    response = _annotate(client, html, original, None)
    assert response.status_code == 200  # type: ignore[attr-defined]
    body = response.data  # type: ignore[attr-defined]
    assert response.headers["Content-Disposition"] == (  # type: ignore[attr-defined]
        'attachment; filename="resume-annotated.docx"'
    )
    assert response.headers["Cache-Control"] == "no-store"  # type: ignore[attr-defined]
    before = [p.text for p in docx.Document(io.BytesIO(original)).paragraphs]
    after = [p.text for p in docx.Document(io.BytesIO(body)).paragraphs]
    assert before == after
    assert _comment_count(body) >= 1


def test_when_a_rewrite_is_accepted_then_its_text_replaces_the_bullet(client: FlaskClient) -> None:
    """An accepted rewrite from the decisions file is applied in place."""
    original = resume_docx()
    html = _report(client, original)
    download = client.post(
        "/download",
        data={"csrf_token": csrf_token(client), "report": report_token(html), "format": "json"},
    )
    rewrite = json.loads(download.data)["rewrites"][0]
    decisions = json.dumps({"decisions": [{"rewrite_id": rewrite["id"], "decision": "accepted"}]})
    response = _annotate(client, html, original, decisions.encode())
    assert response.status_code == 200  # type: ignore[attr-defined]
    document = docx.Document(io.BytesIO(response.data))  # type: ignore[attr-defined]
    # The typed bullet glyph of the original paragraph stays in front of the new text.
    assert any(p.text.endswith(rewrite["proposed"]) for p in document.paragraphs)


def test_when_the_upload_is_not_a_docx_or_decisions_are_wrong_then_clear_errors(
    client: FlaskClient,
) -> None:
    """A PDF, an empty file or a decisions file for another report are refused with codes."""
    original = resume_docx()
    html = _report(client, original)
    assert _annotate(client, html, b"%PDF-1.4 x", None).status_code == 415  # type: ignore[attr-defined]
    assert _annotate(client, html, b"", None).status_code == 400  # type: ignore[attr-defined]
    wrong = json.dumps({"decisions": [{"rewrite_id": "R999", "decision": "accepted"}]}).encode()
    assert _annotate(client, html, original, wrong).status_code == 400  # type: ignore[attr-defined]


def test_when_csrf_is_missing_then_annotate_is_refused(client: FlaskClient) -> None:
    """U-27: the annotate form is a cookie-backed HTML form, so it needs the token."""
    original = resume_docx()
    html = _report(client, original)
    response = client.post(
        "/annotate",
        data={"report": report_token(html), "original": (io.BytesIO(original), "cv.docx")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
