"""Request limits, in-memory uploads, CSRF for HTML forms, security headers and privacy-safe logs.

docs/security.md rows U-03, U-26, U-27, E-06, P-01..P-04, I-4, I-5: uploads never touch the disk,
the session holds only a CSRF token, every response carries the CSP and friends, and the one log
line per request names codes and sizes, never file names, text or ``str(exc)``.
"""

from __future__ import annotations

import hmac
import io
import logging
import secrets
import threading
import time
import uuid
from typing import IO

from flask import Flask, Request, Response, current_app, g, request, session
from werkzeug.exceptions import BadRequest

from hitl_resume.errors import BusyError

from .body_limits import CountingFormDataParser

log = logging.getLogger("hitl_resume.web")

CSP = (
    "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
CSRF_FIELD = "csrf_token"
CSRF_MESSAGE = "Your session expired; reload the page."
#: Blueprints whose POSTs are HTML forms (cookies involved), so they need a CSRF token.
CSRF_BLUEPRINTS = frozenset({"pages", "batch"})
#: Per-endpoint overrides of the app-wide limits: (max_content_length, max_form_parts).
BATCH_MAX_CONTENT_LENGTH = 50 * 1024 * 1024
BATCH_MAX_FORM_PARTS = 210
#: Batch bodies (up to 50 MiB each) being read at once; the rest are answered 503 unread.
BATCH_UPLOADS = 2
ENDPOINT_LIMITS: dict[str, tuple[int, int]] = {
    "batch.batch_post": (BATCH_MAX_CONTENT_LENGTH, BATCH_MAX_FORM_PARTS),
}
#: The server-wide body limit: the largest route limit (checked before Flask, ``body_limits``).
SERVER_MAX_BODY_BYTES = max(limit for limit, _ in ENDPOINT_LIMITS.values())
_SIZE_BUCKETS = ((0, "0"), (10_240, "<10k"), (102_400, "<100k"), (1_048_576, "<1M"))


class InMemoryRequest(Request):
    """A request whose file uploads stay in memory (Werkzeug spools > 500 kB to disk).

    Its form parser counts multipart parts as they stream past (``body_limits``).
    """

    form_data_parser_class = CountingFormDataParser

    def _get_file_stream(
        self,
        total_content_length: int | None,
        content_type: str | None,
        filename: str | None = None,
        content_length: int | None = None,
    ) -> IO[bytes]:
        return io.BytesIO()


class CSRFError(BadRequest):
    """A form POST without the session's token (U-27): answered 400, nothing parsed."""

    description = CSRF_MESSAGE


def csrf_token() -> str:
    """The session's CSRF token, created on first use (the only thing the session holds)."""
    token = session.get(CSRF_FIELD)
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        session[CSRF_FIELD] = token
        session.permanent = True
    return token


def size_bucket(size: int | None) -> str:
    """A coarse size for logs: exact sizes can fingerprint a document."""
    if size is None:
        return "none"
    for limit, label in _SIZE_BUCKETS:
        if size <= limit:
            return label
    return ">1M"


def _before_request() -> None:
    g.request_id = uuid.uuid4().hex[:12]
    g.started = time.monotonic()
    g.file_kind = "none"
    g.outcome = "ok"
    g.exc_class = "-"
    limits = ENDPOINT_LIMITS.get(request.endpoint or "")
    if limits is not None:
        request.max_content_length, request.max_form_parts = limits
        _hold_upload_slot()
    if request.method == "POST" and request.blueprint in CSRF_BLUEPRINTS:
        sent = request.form.get(CSRF_FIELD, "")
        expected = session.get(CSRF_FIELD)
        if not isinstance(expected, str) or not hmac.compare_digest(sent, expected):
            g.outcome = "csrf_failed"
            raise CSRFError()


def _hold_upload_slot() -> None:
    """At most ``BATCH_UPLOADS`` large bodies are read into memory at once; more get 503 now."""
    slots: threading.BoundedSemaphore = current_app.extensions["upload_slots"]
    if not slots.acquire(blocking=False):
        g.outcome = "busy"
        raise BusyError()
    g.upload_slot = slots


def _release_upload_slot(exc: BaseException | None) -> None:
    slots = g.pop("upload_slot", None)
    if slots is not None:
        slots.release()


def _after_request(response: Response) -> Response:
    headers = response.headers
    headers["Content-Security-Policy"] = CSP
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "no-referrer"
    headers["X-Frame-Options"] = "DENY"
    if request.endpoint != "static":
        headers["Cache-Control"] = "no-store"
    if request.is_secure:
        headers["Strict-Transport-Security"] = "max-age=31536000"
    return response


def _log_request(response: Response) -> Response:
    duration = time.monotonic() - g.get("started", time.monotonic())
    log.info(
        "request id=%s endpoint=%s status=%s kind=%s size=%s outcome=%s seconds=%.3f exc=%s",
        g.get("request_id", "-"),
        request.endpoint,
        response.status_code,
        g.get("file_kind", "none"),
        size_bucket(request.content_length),
        g.get("outcome", "ok"),
        duration,
        g.get("exc_class", "-"),
    )
    return response


def init_app(app: Flask) -> None:
    """Install limits, CSRF, headers and the request log on ``app``."""
    app.request_class = InMemoryRequest
    app.extensions["upload_slots"] = threading.BoundedSemaphore(BATCH_UPLOADS)
    app.before_request(_before_request)
    app.teardown_request(_release_upload_slot)
    app.after_request(_after_request)
    app.after_request(_log_request)
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.jinja_env.globals["csrf_field"] = CSRF_FIELD
