"""The JSON API: contract documents, every error status and the OpenAPI description."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator

import docx_factory
import pdf_factory
import pytest
from flask import Flask
from flask.testing import FlaskClient
from hitl_resume.web import create_app, inputs
from web_helpers import posting_text, resume_docx, resume_text

import hitl_resume

ROLE_IDS = {
    "customer_service",
    "tax_financial",
    "healthcare_quality",
    "trust_safety",
    "hr_recruiting",
    "legal_compliance",
    "dispatch_operations",
}


def test_when_text_is_posted_then_the_answer_is_exactly_the_cli_json(client: FlaskClient) -> None:
    """/api/analyze answers the same document as ``analyze --format json``."""
    response = client.post("/api/analyze", data={"resume_text": resume_text()})
    assert response.status_code == 200
    assert response.json == hitl_resume.analyze(resume_text()).to_dict()
    assert list(response.json) == list(hitl_resume.analyze(resume_text()).to_dict())


@pytest.mark.parametrize("make", [resume_docx, pdf_factory.one_column_resume], ids=["docx", "pdf"])
def test_when_a_file_is_uploaded_then_all_seven_roles_come_back(
    client: FlaskClient, make: object
) -> None:
    """Multipart uploads of DOCX and PDF answer all seven roles."""
    data = {"resume": (io.BytesIO(make()), "cv"), "posting": [posting_text()]}  # type: ignore[operator]
    response = client.post("/api/analyze", data=data, content_type="multipart/form-data")
    assert response.status_code == 200
    assert {r["id"] for r in response.json["roles"]} == ROLE_IDS
    assert len(response.json["matches"]) == 1


@pytest.mark.parametrize(
    "body",
    [
        {"json": {"text": posting_text()}},
        {"data": {"text": posting_text()}},
        {"data": {"text": posting_text()}, "content_type": "multipart/form-data"},
    ],
    ids=["json", "urlencoded", "multipart"],
)
def test_when_a_posting_is_posted_then_the_posting_json_comes_back(
    client: FlaskClient, body: dict[str, object]
) -> None:
    """/api/posting accepts JSON ``text`` or a form field and answers the posting document."""
    response = client.post("/api/posting", **body)  # type: ignore[arg-type]
    assert response.status_code == 200
    assert response.json == hitl_resume.analyze_posting(posting_text()).to_dict()
    assert {"schema_version", "roles", "hitl_phrases", "keywords"} <= set(response.json)


def _legacy_doc() -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600


def _bad_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("word/document.xml", "<x/>")
    return buffer.getvalue()[:40]


@pytest.mark.parametrize(
    ("data", "status", "code"),
    [
        ({"resume": (io.BytesIO(b""), "empty.pdf")}, 400, "empty_file"),
        ({}, 400, "no_resume"),
        ({"resume_text": "   "}, 400, "no_resume"),
        (
            {"resume": (io.BytesIO(b"\x89PNG\r\n" + bytes(range(256))), "a.pdf")},
            415,
            "unsupported_type",
        ),
        ({"resume": (io.BytesIO(_legacy_doc()), "old.doc")}, 415, "legacy_doc"),
        ({"resume": (io.BytesIO(b"%PDF-1.4\n1 0 obj<<"), "cut.pdf")}, 422, "corrupt_file"),
        ({"resume": (io.BytesIO(_bad_zip()), "cut.docx")}, 422, "corrupt_file"),
        ({"resume": (io.BytesIO(pdf_factory.image_only_pdf()), "scan.pdf")}, 422, "no_text_layer"),
        ({"resume_text": "word " * 100_001}, 413, "form_too_large"),
        (
            {"resume": [(io.BytesIO(b"a" * 300), "a.txt"), (io.BytesIO(b"b" * 300), "b.txt")]},
            400,
            "too_many_files",
        ),
        ({"resume_text": resume_text(), "posting": ["  "]}, 200, None),
        ({"resume_text": resume_text(), "posting": ["x"] * 6}, 400, "too_many_postings"),
        ({"resume_text": resume_text(), "x": ["1"] * 25}, 413, "too_many_parts"),
    ],
    ids=[
        "U-02-empty",
        "U-26-none",
        "blank-text",
        "U-04-unknown",
        "U-05-doc",
        "U-08-truncated-pdf",
        "U-09-bad-docx",
        "U-12-scan",
        "T-02-field-over-100k",
        "U-26-two-files",
        "blank-posting-ignored",
        "too-many-postings",
        "U-26-too-many-parts",
    ],
)
def test_when_input_is_bad_then_json_error_with_status(
    client: FlaskClient, data: dict[str, object], status: int, code: str | None
) -> None:
    """Every refusal is ``{"error": {"code", "message"}}`` with the docs/security.md status."""
    response = client.post("/api/analyze", data=data, content_type="multipart/form-data")
    assert response.status_code == status
    if code is not None:
        assert response.json == {
            "error": {"code": code, "message": response.json["error"]["message"]}
        }
        assert response.json["error"]["code"] == code
        assert response.json["error"]["message"]


def test_u03_when_body_is_over_5_mib_then_413_before_reading(client: FlaskClient) -> None:
    """U-03: the Content-Length check answers 413 without reading the body."""

    class Unreadable(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            raise AssertionError("the body must not be read")

    response = client.post(
        "/api/analyze",
        input_stream=Unreadable(),
        content_type="multipart/form-data; boundary=x",
        environ_overrides={"CONTENT_LENGTH": str(6 * 1024 * 1024)},
    )
    assert response.status_code == 413
    assert response.json == {
        "error": {"code": "file_too_large", "message": "Files must be under 5 MB."}
    }


def test_u06_when_docx_is_macro_enabled_then_415(client: FlaskClient) -> None:
    """U-06: the content type inside the zip decides, not the name."""
    data = docx_factory.set_main_content_type(
        resume_docx(), "application/vnd.ms-word.document.macroEnabled.main+xml"
    )
    response = client.post(
        "/api/analyze",
        data={"resume": (io.BytesIO(data), "cv.docx")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 415
    assert response.json["error"]["code"] == "macro_enabled"


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"json": {"text": ""}}, 400, "empty_text"),
        ({"json": {"nope": 1}}, 400, "empty_text"),
        ({"data": "{not json", "content_type": "application/json"}, 400, "invalid_json"),
        (
            {
                "data": '{"text": ' + "[" * 1000 + "]" * 1000 + "}",
                "content_type": "application/json",
            },
            400,
            "invalid_json",
        ),
        ({"json": {"text": "x" * 400_001}}, 422, "text_too_long"),
        (
            {"data": {"text": "x" * 150_000}, "content_type": "multipart/form-data"},
            413,
            "form_too_large",
        ),
    ],
    ids=["T-04-empty", "no-text", "bad-json", "deep-json", "T-05-too-long", "T-02-over-100k"],
)
def test_when_posting_is_bad_then_json_error(
    client: FlaskClient, body: dict[str, object], status: int, code: str
) -> None:
    """Posting errors: empty → 400, bad or 1,000-deep JSON → 400 (never a RecursionError 500),
    over the form limit → 413, over the text limit → 422."""
    response = client.post("/api/posting", **body)  # type: ignore[arg-type]
    assert response.status_code == status
    assert response.json["error"]["code"] == code


@pytest.fixture
def busy_app() -> Iterator[Flask]:
    """An app with one slot that is already taken and no waiting."""
    app = create_app({"TESTING": True, "PARSE_SLOTS": 1, "PARSE_SLOT_WAIT": 0})
    slots = app.extensions["parse_slots"]
    with slots.hold():
        yield app


@pytest.mark.parametrize("path", ["/api/analyze", "/api/posting"])
def test_u28_when_all_slots_are_busy_then_503_with_retry_after(busy_app: Flask, path: str) -> None:
    """U-28/L-06: overload answers 503 + Retry-After at once instead of forking more parsers."""
    data = {"resume_text": resume_text(), "text": posting_text()}
    response = busy_app.test_client().post(path, data=data)
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    assert response.json["error"]["code"] == "busy"


def test_when_route_is_unknown_under_api_then_json_404(client: FlaskClient) -> None:
    """API clients always get JSON errors."""
    response = client.get("/api/nothing")
    assert response.status_code == 404
    assert response.json["error"]["code"] == "not_found"


def test_when_something_unexpected_fails_then_500_json_without_details(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A bug answers a fixed message; the exception text never reaches the user."""

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret detail /etc/passwd")

    monkeypatch.setattr(inputs, "analyze", boom)
    client = create_app({"TESTING": True, "ANALYSE_IN_CHILD": False}).test_client()
    response = client.post("/api/analyze", data={"resume_text": resume_text()})
    assert response.status_code == 500
    assert "secret" not in response.get_data(as_text=True)
    assert response.json["error"]["code"] == "internal_error"


def test_when_health_is_checked_then_ok(client: FlaskClient) -> None:
    """/healthz is the liveness probe."""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok"}


def test_when_openapi_is_fetched_then_it_describes_the_routes(client: FlaskClient) -> None:
    """/api/openapi.json is an OpenAPI 3.1 document covering the JSON routes."""
    document = client.get("/api/openapi.json").json
    assert document["openapi"] == "3.1.0"
    assert set(document["paths"]) == {"/api/analyze", "/api/posting", "/healthz"}
    assert "503" in document["paths"]["/api/analyze"]["post"]["responses"]
    json.dumps(document)
