"""gunicorn's threaded worker, adapted: our JSON errors, and no thread for a half-sent request.

gunicorn gives a new connection a thread as soon as its first byte arrives, and that thread then
blocks until the headers are complete: 100 clients that never finish their headers held every
thread and ``/healthz`` went unanswered. Here a new connection's head is collected from the
worker's poller without a thread (the same deferral gunicorn uses for idle connections); only a
complete head gets a thread, and a head not complete within ``HEAD_SECONDS`` is dropped. Slow
bodies are still the reverse proxy's job (``deploy/nginx.conf``).

This leans on gunicorn 27 internals (``gthread._DEFER``, the parser's ``unreader``), so the
dependency is pinned to that major version and tests/web/test_web_live.py covers it.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

# gunicorn ships no type hints.
from gunicorn.http.errors import (  # type: ignore[import-untyped]
    LimitRequestHeaders,
    LimitRequestLine,
    ParseException,
)
from gunicorn.util import write_nonblock  # type: ignore[import-untyped]
from gunicorn.workers import gthread  # type: ignore[import-untyped]

log = logging.getLogger("hitl_resume.web")

#: A request head (request line and headers) must be complete this long after its first byte.
HEAD_SECONDS = 10.0
#: Past this many bytes without the end of the head, gunicorn's own header limits take over.
HEAD_PEEK_BYTES = 64 * 1024
_END_OF_HEAD = b"\r\n\r\n"


class JsonErrorWorker(gthread.ThreadWorker):  # type: ignore[misc]
    """The gthread worker with our error envelope and thread-free head collection."""

    def handle(self, conn: Any) -> Any:
        if conn.initialized or self.cfg.is_ssl:
            return super().handle(conn)
        ready = _collect_head(conn)
        if ready is None:
            return gthread._DEFER  # wait in the poller, not in a thread
        if not ready:
            return False  # too slow or gone: close
        head = conn.__dict__.pop("hitl_head", b"")
        conn.sock.setblocking(True)
        conn.init()
        conn.parser.unreader.unread(head)
        conn.data_ready = True
        return super().handle(conn)

    def handle_error(self, req: Any, client: Any, addr: Any, exc: BaseException) -> None:
        if isinstance(exc, LimitRequestLine):
            status, code, message = "414 URI Too Long", "uri_too_long", "This address is too long."
        elif isinstance(exc, LimitRequestHeaders):
            status, code = "431 Request Header Fields Too Large", "headers_too_large"
            message = "This request has too many or too large headers."
        elif isinstance(exc, ParseException):
            status, code = "400 Bad Request", "bad_request"
            message = "We couldn't read that request."
        else:
            status, code = "500 Internal Server Error", "internal_error"
            message = "Something went wrong on our side. Please try again."
        log.warning("server error status=%s exc=%s", status[:3], type(exc).__name__)
        body = json.dumps({"error": {"code": code, "message": message}}).encode()
        head = (
            f"HTTP/1.1 {status}\r\nConnection: close\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nCache-Control: no-store\r\n\r\n"
        ).encode("latin-1")
        try:
            write_nonblock(client, head + body)
        except Exception:  # the client is gone
            log.debug("error answer not sent")


def _collect_head(conn: Any) -> bool | None:
    """Read what has arrived of a new connection's head without blocking.

    ``True``: the head is complete (or long enough for gunicorn's limits to judge);
    ``None``: wait for more; ``False``: the client closed or took longer than ``HEAD_SECONDS``.
    """
    started = conn.__dict__.setdefault("hitl_started", time.monotonic())
    head: bytes = conn.__dict__.get("hitl_head", b"")
    conn.sock.setblocking(False)
    try:
        chunk = conn.sock.recv(HEAD_PEEK_BYTES)
    except (BlockingIOError, InterruptedError):
        chunk = None
    except OSError:
        return False
    if chunk == b"":
        return False
    head += chunk or b""
    conn.hitl_head = head
    if _END_OF_HEAD in head or len(head) >= HEAD_PEEK_BYTES:
        return True
    if time.monotonic() - started > HEAD_SECONDS:
        return False
    conn.data_ready = False
    return None
