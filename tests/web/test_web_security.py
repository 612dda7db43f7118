"""docs/security.md web rows: headers, CSRF, cookies, escaping, nothing on disk, no PII in logs."""

from __future__ import annotations

import io
import logging
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from flask import Flask
from flask.sessions import SecureCookieSessionInterface
from flask.testing import FlaskClient
from hitl_resume.web import create_app, inputs
from hitl_resume.web.security import CSP, InMemoryRequest
from web_helpers import EMAIL, NAME, PHONE, csrf_token, resume_docx, resume_text
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

TEMPLATES = Path(__file__).resolve().parents[2] / "web" / "templates"
XSS = '<script>alert(1)</script><img src=x onerror=alert(1)>"><svg onload=alert(1)>'


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _injected(html: str) -> list[str]:
    """Elements an attacker could have added: scripts other than ours, handlers, img."""
    parser = _Elements()
    parser.feed(html)
    bad = []
    for tag, attrs in parser.tags:
        if tag == "script" and attrs.get("src") != "/static/app.js":
            bad.append(tag)
        if tag == "img" or any(name.startswith("on") for name in attrs):
            bad.append(tag)
    return bad


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/"),
        ("get", "/posting"),
        ("get", "/batch"),
        ("get", "/healthz"),
        ("get", "/api/openapi.json"),
        ("get", "/missing"),
        ("post", "/api/analyze"),
    ],
)
def test_e06_when_any_page_is_served_then_security_headers_are_set(
    client: FlaskClient, method: str, path: str
) -> None:
    """E-06/E-08: CSP exactly as specified, nosniff, no-referrer and no-store everywhere."""
    response = getattr(client, method)(path)
    assert response.headers["Content-Security-Policy"] == CSP
    assert CSP == (
        "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
        "frame-ancestors 'none'"
    )
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    "path", ["/analyze", "/posting", "/download", "/batch", "/batch/x/csv", "/batch/x/zip"]
)
def test_u27_when_a_form_post_has_no_csrf_token_then_400_and_no_parse(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    """U-27/P-03: every HTML POST needs the session token; nothing is analysed without it."""
    monkeypatch.setattr(inputs, "analyze", lambda *a, **k: pytest.fail("parsed without CSRF"))
    csrf_token(client)
    response = client.post(path, data={"resume_text": resume_text(), "csrf_token": "forged"})
    assert response.status_code == 400
    assert "Your session expired; reload the page." in response.get_data(as_text=True)


def test_p01_when_session_cookie_is_set_then_secure_httponly_lax() -> None:
    """P-01: the default session cookie is Secure, HttpOnly and SameSite=Lax, short-lived."""
    client = create_app({"TESTING": True}).test_client()
    cookie = client.get("/").headers["Set-Cookie"]
    assert "Secure" in cookie
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Expires=" in cookie


def test_p02_when_a_resume_was_analysed_then_the_session_holds_only_the_token(
    app: Flask, client: FlaskClient
) -> None:
    """P-02/I-7: decode the session cookie: no resume text, name, e-mail or phone."""
    token = csrf_token(client)
    client.post("/analyze", data={"csrf_token": token, "resume_text": resume_text()})
    cookie = client.get_cookie("session")
    assert cookie is not None
    serializer = SecureCookieSessionInterface().get_signing_serializer(app)
    assert serializer is not None
    session = serializer.loads(cookie.value)
    assert set(session) == {"csrf_token", "_permanent"}


def test_e01_when_resume_lines_carry_markup_then_it_is_shown_as_text(client: FlaskClient) -> None:
    """E-01: script, img and svg payloads in an evidence line come back escaped."""
    text = resume_text().replace("with complete case notes", f"with complete case notes {XSS}")
    html = client.post(
        "/analyze", data={"csrf_token": csrf_token(client), "resume_text": text}
    ).get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert _injected(html) == []


def test_e08_when_an_upload_fails_then_the_display_name_is_escaped(client: FlaskClient) -> None:
    """E-08/U-25: the error page reflects only the escaped, path-free display name."""
    data = {
        "csrf_token": csrf_token(client),
        "resume": (io.BytesIO(b""), "../../<img src=x onerror=alert(1)>.pdf"),
    }
    response = client.post("/analyze", data=data, content_type="multipart/form-data")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "&lt;img src=x onerror=alert(1)&gt;.pdf" in html
    assert "../" not in html
    assert _injected(html) == []


def test_e05_when_templates_are_audited_then_nothing_bypasses_autoescaping() -> None:
    """E-05: templates end in .html and never use |safe, Markup or autoescape false."""
    web = TEMPLATES.parent
    sources = [p.read_text("utf-8") for p in web.rglob("*.py")]
    for path in TEMPLATES.iterdir():
        assert path.suffix == ".html"
        sources.append(path.read_text("utf-8"))
    for text in sources:
        assert not re.search(r"\|\s*safe\b", text)
        assert "Markup(" not in text
        assert "autoescape false" not in text.lower()
    for path in TEMPLATES.iterdir():
        assert not re.search(r"=\{\{", path.read_text("utf-8")), (
            f"unquoted attribute in {path.name}"
        )


def test_i4_when_a_large_file_is_uploaded_then_nothing_is_spooled_to_disk(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """I-4: uploads stay in BytesIO even above Werkzeug's 500 kB spill threshold."""

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("a temporary file was created")

    padding = "\n".join(["Volunteer reviewer of community notes."] * 2000)
    payload = (resume_text() + padding).encode()[:90_000] + b" " * 900_000
    boundary, body = encode_multipart({"resume": FileStorage(io.BytesIO(payload), "cv.txt")})
    for name in ("TemporaryFile", "NamedTemporaryFile", "SpooledTemporaryFile", "mkstemp"):
        monkeypatch.setattr(tempfile, name, forbidden)
    response = client.post(
        "/api/analyze",
        input_stream=io.BytesIO(body),
        content_type=f"multipart/form-data; boundary={boundary}",
    )
    assert response.status_code in (200, 422)
    stream = InMemoryRequest({})._get_file_stream(10**9, "application/pdf")
    assert isinstance(stream, io.BytesIO)


def test_i5_when_requests_are_logged_then_no_pii_or_file_names_appear(
    client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    """I-5/P-04: DEBUG logs carry ids, kinds and codes; no name, e-mail, phone or file name."""
    caplog.set_level(logging.DEBUG)
    client.post(
        "/api/analyze",
        data={"resume": (io.BytesIO(resume_docx()), "Jordan_Avery_resume.docx")},
        content_type="multipart/form-data",
    )
    client.post(
        "/api/analyze",
        data={"resume": (io.BytesIO(b""), "Jordan_Avery_empty.pdf")},
        content_type="multipart/form-data",
    )
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "request id=" in text
    assert "outcome=empty_file" in text
    assert "kind=docx" in text
    for secret in (NAME, EMAIL, PHONE, "Jordan_Avery", "Avery"):
        assert secret not in text
