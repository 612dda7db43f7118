"""Carry an analysis inside the report page so downloads need no server-side storage.

The report page embeds ``analysis.to_dict()`` as a signed, compressed token (itsdangerous) in a
hidden form field. A download re-posts it; the server checks the signature (so it only ever
reads back what it wrote), rebuilds the ``Analysis`` and renders the file. Nothing about the
resume is kept on disk, in the session cookie or in logs; the token lives only in the page the
user already has (served ``no-store``) and expires after ``MAX_AGE_SECONDS``.
"""

from __future__ import annotations

from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer

from hitl_resume.analysis import Analysis
from hitl_resume.errors import InputError

MAX_AGE_SECONDS = 6 * 3600


class ReportTokenError(InputError):
    """The embedded report is missing, tampered with or expired."""

    code = "report_expired"
    http_status = 400
    default_message = "This report has expired. Please analyse your resume again."


def _serializer(secret: str | bytes, salt: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret, salt=salt)


def dump_token(data: Any, secret: str | bytes, salt: str = "report") -> str:
    """Sign and compress ``data`` (JSON-ready) for a hidden form field."""
    return _serializer(secret, salt).dumps(data)


def load_token(token: str, secret: str | bytes, salt: str = "report") -> Any:
    """Return the data of a token made by ``dump_token``; raise ``ReportTokenError`` otherwise."""
    try:
        return _serializer(secret, salt).loads(token, max_age=MAX_AGE_SECONDS)
    except BadSignature:
        raise ReportTokenError() from None


def analysis_from_dict(d: dict[str, Any]) -> Analysis:
    """Rebuild an ``Analysis`` from its ``to_dict()`` (posting texts are not part of it)."""
    try:
        return Analysis.from_dict(d)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise ReportTokenError() from None
