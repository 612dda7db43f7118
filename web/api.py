"""The JSON API: the same documents as ``analyze``/``posting --format json`` (docs/output.md)."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request

from hitl_resume.api import analyze_posting
from hitl_resume.errors import EmptyTextError

from .inputs import analyze_request, parse_slots
from .openapi import openapi_document

bp = Blueprint("api", __name__)


@bp.post("/api/analyze")
def analyze() -> Response:
    return jsonify(analyze_request().to_dict())


@bp.post("/api/posting")
def posting() -> Response:
    text: object = None
    if request.is_json:
        body = request.get_json(silent=True)
        text = body.get("text") if isinstance(body, dict) else None
    else:
        text = request.form.get("text")
    if not isinstance(text, str) or not text.strip():
        raise EmptyTextError("Paste the job posting text.")
    with parse_slots().hold():
        result = analyze_posting(text)
    return jsonify(result.to_dict())


@bp.get("/api/openapi.json")
def openapi() -> Response:
    return jsonify(openapi_document())


@bp.get("/healthz")
def healthz() -> Response:
    return jsonify({"status": "ok"})
