"""The JSON API: the same documents as ``analyze``/``posting --format json`` (docs/output.md)."""

from __future__ import annotations

import json

from flask import Blueprint, Response, jsonify, request

from hitl_resume.errors import InputError

from .inputs import analyze_posting_text, analyze_request
from .openapi import openapi_document

bp = Blueprint("api", __name__)


class InvalidJsonError(InputError):
    code = "invalid_json"
    http_status = 400
    default_message = "The request body is not valid JSON (or is nested too deeply)."


def read_json_body() -> object:
    """The request's JSON; malformed or deeply nested JSON is a 400, never a RecursionError."""
    try:
        return json.loads(request.get_data(cache=False))
    except (ValueError, RecursionError):
        raise InvalidJsonError() from None


@bp.post("/api/analyze")
def analyze() -> Response:
    return jsonify(analyze_request())


@bp.post("/api/posting")
def posting() -> Response:
    text: object = None
    if request.is_json:
        body = read_json_body()
        text = body.get("text") if isinstance(body, dict) else None
    else:
        text = request.form.get("text")
    return jsonify(analyze_posting_text(text if isinstance(text, str) else ""))


@bp.get("/api/openapi.json")
def openapi() -> Response:
    return jsonify(openapi_document())


@bp.get("/healthz")
def healthz() -> Response:
    return jsonify({"status": "ok"})
