"""The OpenAPI 3.1 description of the JSON API, served at ``/api/openapi.json``."""

from __future__ import annotations

from typing import Any

from hitl_resume.errors import ERRORS_BY_CODE
from hitl_resume.language.lexicon_loader import ROLE_IDS

#: Codes the web layer adds to the library's (request shape and size).
WEB_CODES = (
    "bad_request",
    "form_too_large",
    "invalid_json",
    "no_resume",
    "too_many_files",
    "too_many_parts",
    "too_many_postings",
)


def _error_responses(*statuses: int) -> dict[str, Any]:
    descriptions = {
        400: "Empty file or text, no resume, too many files or postings, malformed JSON",
        413: "Body over 5 MB, a text field over 100 kB, or too many form parts",
        415: "Not a PDF, DOCX or plain-text file (also legacy .doc and macro-enabled files)",
        422: "The input could not be read (damaged, encrypted, scanned, too long, or over its "
        "time or memory budget)",
        503: "All analysis slots are busy; retry after the Retry-After header",
    }
    return {
        str(s): {
            "description": descriptions[s],
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
        for s in statuses
    }


def _role_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["id", "label", "score", "level", "finding_ids"],
        "properties": {
            "id": {"type": "string", "enum": ROLE_IDS},
            "label": {"type": "string"},
            "score": {"type": "integer", "minimum": 0, "maximum": 100},
            "level": {"type": "string", "enum": ["strong", "moderate", "emerging", "none"]},
            "finding_ids": {"type": "array", "items": {"type": "string"}},
            "explanation": {"type": "array", "items": {"type": "object"}},
        },
    }


def openapi_document() -> dict[str, Any]:
    """Return the API description (paths, request bodies, response and error schemas)."""
    array = {"type": "array", "items": {"type": "object"}}
    analysis = {
        "type": "object",
        "required": [
            "schema_version",
            "source",
            "resume",
            "roles",
            "findings",
            "rewrites",
            "interview",
            "plan",
            "matches",
        ],
        "properties": {
            "schema_version": {"type": "string"},
            "source": {"type": "object"},
            "resume": {"type": "object"},
            "top_role": {"type": ["string", "null"]},
            "roles": {"type": "array", "items": {"$ref": "#/components/schemas/Role"}},
            "findings": array,
            "rewrites": array,
            "interview": array,
            "plan": {"type": ["object", "null"]},
            "matches": array,
        },
    }
    posting = {
        "type": "object",
        "required": ["schema_version", "roles", "hitl_phrases", "keywords"],
        "properties": {
            "schema_version": {"type": "string"},
            "title": {"type": ["string", "null"]},
            "roles": {"type": "array", "items": {"$ref": "#/components/schemas/Role"}},
            "hitl_phrases": array,
            "keywords": array,
            "text": {"type": "string"},
        },
    }
    error = {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["code", "message"],
                "properties": {
                    "code": {"type": "string", "examples": sorted({*ERRORS_BY_CODE, *WEB_CODES})},
                    "message": {"type": "string"},
                },
            }
        },
    }
    analyze_form = {
        "type": "object",
        "properties": {
            "resume": {
                "type": "string",
                "contentMediaType": "application/octet-stream",
                "description": "PDF, DOCX or TXT file, under 5 MB",
            },
            "resume_text": {"type": "string", "description": "Pasted resume text"},
            "posting": {"type": "array", "items": {"type": "string"}, "maxItems": 5},
        },
    }
    posting_body = {
        "type": "object",
        "required": ["text"],
        "properties": {"text": {"type": "string"}},
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "hitl_resume API",
            "version": "1.0",
            "description": "Find human-in-the-loop experience in resumes and job postings. "
            "Nothing is stored; each call answers and forgets.",
        },
        "paths": {
            "/api/analyze": {
                "post": {
                    "summary": "Analyse a resume (file or text) and match it to postings",
                    "requestBody": {
                        "required": True,
                        "content": {"multipart/form-data": {"schema": analyze_form}},
                    },
                    "responses": {
                        "200": {
                            "description": "The `analyze --format json` document",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Analysis"}
                                }
                            },
                        },
                        **_error_responses(400, 413, 415, 422, 503),
                    },
                }
            },
            "/api/posting": {
                "post": {
                    "summary": "Read a job posting",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {"schema": posting_body},
                            "multipart/form-data": {"schema": posting_body},
                            "application/x-www-form-urlencoded": {"schema": posting_body},
                        },
                    },
                    "responses": {
                        "200": {
                            "description": "The `posting --format json` document",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Posting"}
                                }
                            },
                        },
                        **_error_responses(400, 413, 422, 503),
                    },
                }
            },
            "/healthz": {
                "get": {"summary": "Liveness", "responses": {"200": {"description": "ok"}}}
            },
        },
        "components": {
            "schemas": {
                "Analysis": analysis,
                "Posting": posting,
                "Role": _role_schema(),
                "Error": error,
            }
        },
    }
