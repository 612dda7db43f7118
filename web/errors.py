"""Every failure becomes ``{"error": {"code", "message"}}`` (API) or the error page (HTML).

Messages are fixed per code (I-6); the only user input an error page shows is the escaped display
file name (E-08). Logs get the exception class, never ``str(exc)`` (I-5).
"""

from __future__ import annotations

import logging

from flask import Flask, Response, g, jsonify, render_template, request, url_for
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from hitl_resume.errors import FileTooLargeError, InputError

from .body_limits import BodyOverLimitError, TooManyPartsError
from .parse_slots import RETRY_AFTER_SECONDS
from .security import CSRF_MESSAGE, CSRFError

log = logging.getLogger("hitl_resume.web")

HTTP_MESSAGES = {
    400: ("bad_request", "We couldn't read that request. Please reload the page and try again."),
    404: ("not_found", "There is no page at this address."),
    405: ("method_not_allowed", "This address doesn't accept that kind of request."),
}
FORM_TOO_LARGE = ("form_too_large", "Job posting is too long (max ~100 KB).")
TOO_MANY_PARTS = ("too_many_parts", "This form sends too many files or fields (at most {parts}).")
INTERNAL = ("internal_error", "Something went wrong on our side. Please try again.")
BACK_LINKS = {"pages.posting_post": "pages.posting", "batch.batch_post": "batch.batch_get"}


def _wants_json() -> bool:
    return request.blueprint == "api" or request.path.startswith("/api/")


def error_response(code: str, message: str, status: int) -> Response:
    """Render one error as JSON or HTML with ``status``; 503 also says when to retry."""
    g.outcome = code
    if _wants_json():
        response = jsonify({"error": {"code": code, "message": message}})
    else:
        back = BACK_LINKS.get(request.endpoint or "", "pages.index")
        response = Response(
            render_template(
                "error.html",
                code=code,
                message=message,
                display_name=g.get("display_name"),
                back=url_for(back),
            ),
            mimetype="text/html",
        )
    response.status_code = status
    if status == 503:
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _input_error(exc: InputError) -> Response:
    return error_response(exc.code, exc.message, exc.http_status)


def _csrf_error(exc: CSRFError) -> Response:
    return error_response("csrf_failed", CSRF_MESSAGE, 400)


def _too_large(exc: RequestEntityTooLarge) -> Response:
    if isinstance(exc, TooManyPartsError):
        parts = request.max_form_parts
        return error_response(TOO_MANY_PARTS[0], TOO_MANY_PARTS[1].format(parts=parts), 413)
    length = request.content_length
    limit = request.max_content_length
    over = isinstance(exc, BodyOverLimitError) or request.mimetype != "multipart/form-data"
    if over or (limit is not None and length is not None and length > limit):
        error = FileTooLargeError()
        if limit is not None:
            error = FileTooLargeError(f"Files must be under {limit // (1024 * 1024)} MB.")
        return error_response(error.code, error.message, 413)
    return error_response(*FORM_TOO_LARGE, 413)


def _http_error(exc: HTTPException) -> Response:
    status = exc.code or 500
    code, message = HTTP_MESSAGES.get(status, INTERNAL)
    return error_response(code, message, status)


def _unexpected(exc: Exception) -> Response:
    g.exc_class = type(exc).__name__
    log.error("unhandled exception exc=%s id=%s", type(exc).__name__, g.get("request_id", "-"))
    return error_response(*INTERNAL, 500)


def init_app(app: Flask) -> None:
    """Register the error handlers on ``app``."""
    app.register_error_handler(InputError, _input_error)
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(RequestEntityTooLarge, _too_large)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)
