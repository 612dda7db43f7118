"""The HTML pages: form, report, posting reader and downloads, through the Flask test client."""

from __future__ import annotations

import io
import json
from html.parser import HTMLParser

import pdf_factory
import pytest
from flask import Flask
from flask.testing import FlaskClient
from hitl_resume.web import create_app, downloads, inputs
from web_helpers import csrf_token, posting_text, report_token, resume_docx, resume_text

from hitl_resume.analysis import Analysis
from hitl_resume.api import default_analyzer

ROLE_LABELS = ("Customer service", "Healthcare quality")


class _Controls(HTMLParser):
    """Collect form controls (tag, name, id) and label targets."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict[str, str | None]] = []
        self.label_for: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("input", "textarea", "select"):
            self.controls.append({"tag": tag, **a})
        if tag == "label" and a.get("for"):
            self.label_for.add(str(a["for"]))


@pytest.fixture(scope="module")
def app() -> Flask:
    """Analyses in this process, so tests can hand the page a prepared analysis."""
    default_analyzer()
    return create_app({"TESTING": True, "SESSION_COOKIE_SECURE": False, "ANALYSE_IN_CHILD": False})


def _post_analyze(client: FlaskClient, **fields: object) -> str:
    data = {"csrf_token": csrf_token(client), **fields}
    response = client.post("/analyze", data=data, content_type="multipart/form-data")
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response.get_data(as_text=True)


def test_when_home_is_loaded_then_the_form_has_the_contract_fields(client: FlaskClient) -> None:
    """docs/output.md fixes the field names resume, resume_text and posting (repeatable)."""
    page = client.get("/")
    parser = _Controls()
    parser.feed(page.get_data(as_text=True))
    names = [c.get("name") for c in parser.controls]
    assert page.status_code == 200
    assert {"resume", "resume_text", "csrf_token"} <= set(names)
    assert names.count("posting") == 3


def test_when_home_is_loaded_then_every_visible_control_has_a_label(client: FlaskClient) -> None:
    """Accessibility: each file input and textarea is tied to a <label for>."""
    parser = _Controls()
    parser.feed(client.get("/").get_data(as_text=True))
    visible = [c for c in parser.controls if c.get("type") != "hidden"]
    assert visible
    assert all(c.get("id") in parser.label_for for c in visible)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("resume_text", resume_text()),
        ("resume", (io.BytesIO(resume_docx()), "resume.docx")),
        ("resume", (io.BytesIO(pdf_factory.one_column_resume()), "resume.pdf")),
    ],
    ids=["pasted", "docx", "pdf"],
)
def test_when_a_resume_is_posted_then_the_report_shows_all_roles(
    client: FlaskClient, field: str, value: object
) -> None:
    """Pasted text, DOCX and PDF all reach the same report with the seven-role SVG chart."""
    html = _post_analyze(client, **{field: value})
    assert html.count('class="bar bar-') == 7
    assert "<svg" in html
    assert "Your human-in-the-loop experience" in html


def test_when_evidence_is_shown_then_explicit_and_transferable_are_labelled(
    client: FlaskClient,
) -> None:
    """Honesty: evidence type is a badge with words, and matched words are marked in context."""
    html = _post_analyze(client, resume_text=resume_text())
    assert ">Explicit</span> names an AI or automated system" in html
    assert ">Transferable</span> review work with no AI named" in html
    assert "<mark>" in html
    assert "Senior Medical Coder" in html
    assert "<details" in html
    assert "Why this counts" in html


def test_when_postings_are_given_then_each_has_score_matched_and_missing(
    client: FlaskClient,
) -> None:
    """Each posting gets its own match block with matched and missing keywords."""
    html = _post_analyze(
        client, resume_text=resume_text(), posting=[posting_text(), "Dispatcher\nRoute review"]
    )
    assert html.count('class="match"') == 2
    assert "Matched" in html
    assert "Missing" in html


def test_when_rewrites_exist_then_they_are_side_by_side_with_decisions(
    client: FlaskClient, coached_analysis: Analysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rewrites show original and proposal, accept/edit/reject radios, confirmations, SOAR, plan."""
    monkeypatch.setattr(inputs, "analyze", lambda *a, **k: coached_analysis)
    html = _post_analyze(client, resume_text=resume_text())
    assert html.count('class="rewrite"') == len(coached_analysis.rewrites)
    for value in ("accepted", "edited", "rejected"):
        assert f'value="{value}"' in html
    assert "Confirm before using" in html
    assert "Situation" in html
    assert "Obstacle" in html
    assert "This week" in html
    assert 'href="javascript:' not in html


def _report(client: FlaskClient, coached: Analysis, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(inputs, "analyze", lambda *a, **k: coached)
    return report_token(_post_analyze(client, resume_text=resume_text()))


@pytest.mark.parametrize(
    ("fmt", "filename", "mimetype"),
    [
        ("json", "resume-report.json", "application/json"),
        ("markdown", "resume-report.md", "text/markdown; charset=utf-8"),
        ("decisions", "decisions.json", "application/json"),
    ],
)
def test_when_a_download_is_requested_then_it_is_a_fixed_name_attachment(
    client: FlaskClient,
    coached_analysis: Analysis,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
    filename: str,
    mimetype: str,
) -> None:
    """E-07: fixed names, attachment, the right MIME type and no-store."""
    token = _report(client, coached_analysis, monkeypatch)
    response = client.post(
        "/download", data={"csrf_token": csrf_token(client), "report": token, "format": fmt}
    )
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert response.headers["Content-Type"] == mimetype
    assert response.headers["Cache-Control"] == "no-store"


def test_when_json_is_downloaded_then_it_is_the_analysis_document(
    client: FlaskClient, coached_analysis: Analysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page's embedded report round-trips to exactly ``analysis.to_dict()``."""
    token = _report(client, coached_analysis, monkeypatch)
    response = client.post(
        "/download", data={"csrf_token": csrf_token(client), "report": token, "format": "json"}
    )
    assert json.loads(response.data) == coached_analysis.to_dict()


def test_when_decisions_are_submitted_then_the_file_follows_design(
    client: FlaskClient, coached_analysis: Analysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without JavaScript, radios plus the edit box produce the docs/output.md decisions file."""
    token = _report(client, coached_analysis, monkeypatch)
    ids = [r.id for r in coached_analysis.rewrites]
    form = {
        "csrf_token": csrf_token(client),
        "report": token,
        "format": "decisions",
        "decision-0": "accepted",
        "decision-1": "edited",
        "text-1": "My own words\x00 here",
        "decision-2": "rejected",
    }
    body = json.loads(client.post("/download", data=form).data)
    assert body == {
        "decisions": [
            {"rewrite_id": ids[0], "decision": "accepted", "text": None},
            {"rewrite_id": ids[1], "decision": "edited", "text": "My own words here"},
            {"rewrite_id": ids[2], "decision": "rejected", "text": None},
        ]
    }


def test_when_docx_is_downloaded_then_the_renderer_output_is_attached(
    client: FlaskClient, coached_analysis: Analysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The DOCX download rebuilds the Analysis from the page and calls the renderer table's."""
    seen: list[Analysis] = []
    monkeypatch.setitem(downloads.BINARY_RENDERERS, "docx", lambda a: seen.append(a) or b"PK")
    token = _report(client, coached_analysis, monkeypatch)
    response = client.post(
        "/download", data={"csrf_token": csrf_token(client), "report": token, "format": "docx"}
    )
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == 'attachment; filename="resume-report.docx"'
    assert seen[0].to_dict() == coached_analysis.to_dict()


@pytest.mark.parametrize(
    ("token", "fmt", "code"),
    [("tampered", "json", "report_expired"), (None, "pdf", "unknown_format")],
)
def test_when_a_download_is_bad_then_400(
    client: FlaskClient,
    coached_analysis: Analysis,
    monkeypatch: pytest.MonkeyPatch,
    token: str | None,
    fmt: str,
    code: str,
) -> None:
    """A tampered report token or unknown format is a 400, never a 500."""
    good = _report(client, coached_analysis, monkeypatch)
    form = {"csrf_token": csrf_token(client), "report": token or good, "format": fmt}
    response = client.post("/download", data=form)
    assert response.status_code == 400
    assert code in response.get_data(as_text=True)


def test_when_a_posting_is_read_then_the_posting_page_shows_it(client: FlaskClient) -> None:
    """The posting-only page renders roles, HITL phrases and keywords."""
    assert client.get("/posting").status_code == 200
    response = client.post(
        "/posting",
        data={"csrf_token": csrf_token(client), "text": posting_text()},
        content_type="multipart/form-data",
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Coding Quality Reviewer" in html
    assert "Required keywords" in html
    assert html.count('class="bar bar-') == 7


@pytest.mark.parametrize(
    ("method", "path", "status"), [("get", "/nope", 404), ("get", "/analyze", 405)]
)
def test_when_a_route_is_wrong_then_a_friendly_html_error(
    client: FlaskClient, method: str, path: str, status: int
) -> None:
    """Unknown routes and methods get the styled error page, not a Werkzeug default."""
    response = getattr(client, method)(path)
    assert response.status_code == status
    assert "We couldn't finish that" in response.get_data(as_text=True)


def test_when_resume_analysis_fails_on_the_page_then_the_message_is_shown(
    client: FlaskClient,
) -> None:
    """HTML form errors show the fixed message with the right status."""
    data = {"csrf_token": csrf_token(client), "resume": (io.BytesIO(b""), "cv.pdf")}
    response = client.post("/analyze", data=data, content_type="multipart/form-data")
    assert response.status_code == 400
    assert "The file is empty" in response.get_data(as_text=True)
