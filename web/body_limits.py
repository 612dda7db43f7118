"""Refuse oversize bodies before they are read, and tell each kind of "too large" apart.

The server hands the app the socket stream (gunicorn does not buffer bodies), so a declared
``Content-Length`` over the route's limit is answered 413 having read none of it, and a chunked
body is cut off as soon as it passes the limit. ``ServerLimits`` applies the server-wide limit
(the largest route limit) before Flask, and after any 413 drains what the client is still
sending for a moment — discarded, never kept — so the client reads our JSON error instead of a
connection reset. Multipart parts are counted as they stream past, so "too many parts" gets its
own code instead of Werkzeug's generic 413.
"""

from __future__ import annotations

import contextlib
import json
import socket
import time
from collections.abc import Callable, Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any

from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.formparser import FormDataParser

if TYPE_CHECKING:
    from werkzeug.formparser import t_parse_result

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

#: After refusing a body, read and discard at most this much of it, for at most this long.
DRAIN_MAX_BYTES = 64 * 1024 * 1024
DRAIN_SECONDS = 3.0
DRAIN_IDLE_SECONDS = 0.5
_CHUNK = 64 * 1024
#: Answers given without reading the body (too large, busy): drain what the client still sends.
_REFUSALS = ("413", "503")


class TooManyPartsError(RequestEntityTooLarge):
    """More multipart parts than ``max_form_parts`` (its own code: ``too_many_parts``)."""


class BodyOverLimitError(RequestEntityTooLarge):
    """A streamed (chunked) body passed the route's byte limit."""


class PartCountingStream:
    """Wrap a multipart body stream, counting boundary delimiters as they stream past."""

    def __init__(self, stream: IO[bytes], boundary: bytes, max_parts: int) -> None:
        self._stream = stream
        self._delimiter = b"--" + boundary
        self._max_delimiters = max_parts + 1  # n parts have n + 1 delimiters
        self._seen = 0
        self._tail = b""

    def read(self, size: int = -1) -> bytes:
        try:
            data = self._stream.read(size)
        except RequestEntityTooLarge:
            raise BodyOverLimitError() from None
        window = self._tail + data
        self._seen += window.count(self._delimiter) - self._tail.count(self._delimiter)
        self._tail = window[-(len(self._delimiter) - 1) :] if data else b""
        if self._seen > self._max_delimiters:
            raise TooManyPartsError()
        return data


class CountingFormDataParser(FormDataParser):
    """Werkzeug's form parser, with multipart parts counted on the stream (own error code).

    URL-encoded forms are parsed whole (their size is capped by the route's body limit) and
    then held to the same field count.
    """

    def parse(
        self,
        stream: IO[bytes],
        mimetype: str,
        content_length: int | None,
        options: dict[str, str] | None = None,
    ) -> t_parse_result:
        boundary = (options or {}).get("boundary", "").encode("ascii", "replace")
        if mimetype == "multipart/form-data" and boundary and self.max_form_parts is not None:
            counted = PartCountingStream(stream, boundary, self.max_form_parts)
            return super().parse(counted, mimetype, content_length, options)  # type: ignore[arg-type]
        result = super().parse(stream, mimetype, content_length, options)
        fields = sum(1 for _ in result[1].items(multi=True))
        if self.max_form_parts is not None and fields > self.max_form_parts:
            raise TooManyPartsError()  # URL-encoded forms count their fields the same way
        return result


def drain(environ: dict[str, Any]) -> None:
    """Read and discard what is left of a refused body, bounded in bytes and time.

    Only on a server that exposes its socket (gunicorn), so every read can time out.
    """
    sock = environ.get("gunicorn.socket")
    stream = environ.get("wsgi.input")
    if not isinstance(sock, socket.socket) or stream is None:
        return
    deadline = time.monotonic() + DRAIN_SECONDS
    drained = 0
    with contextlib.suppress(OSError, ValueError, RequestEntityTooLarge):
        while drained < DRAIN_MAX_BYTES:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            sock.settimeout(min(left, DRAIN_IDLE_SECONDS))
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
            drained += len(chunk)


class _DrainAfter:
    """A response body that drains the refused request body once it has been sent."""

    def __init__(self, body: Iterable[bytes], environ: dict[str, Any]) -> None:
        self._body = body
        self._environ = environ

    def __iter__(self) -> Iterator[bytes]:
        return iter(self._body)

    def close(self) -> None:
        close = getattr(self._body, "close", None)
        try:
            if callable(close):
                close()
        finally:
            drain(self._environ)


def json_413(message: str) -> bytes:
    """Our error envelope for a body over the server-wide limit."""
    return json.dumps({"error": {"code": "file_too_large", "message": message}}).encode()


class ServerLimits:
    """WSGI middleware: the server-wide body limit, and a drain after every 413 or 503."""

    def __init__(self, app: WSGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        declared = _content_length(environ)
        if declared is not None and declared > self.max_body_bytes:
            megabytes = self.max_body_bytes // (1024 * 1024)
            body = json_413(f"Uploads must be under {megabytes} MB.")
            start_response(
                "413 Request Entity Too Large",
                [
                    ("Content-Type", "application/json"),
                    ("Content-Length", str(len(body))),
                    ("Cache-Control", "no-store"),
                    ("X-Content-Type-Options", "nosniff"),
                ],
            )
            return _DrainAfter([body], environ)
        status: list[str] = []

        def recording_start_response(code: str, headers: Any, exc_info: Any = None) -> Any:
            status.append(code)
            return start_response(code, headers, exc_info)

        result = self.app(environ, recording_start_response)
        if status and status[0][:3] in _REFUSALS:
            return _DrainAfter(result, environ)
        return result


def _content_length(environ: dict[str, Any]) -> int | None:
    try:
        value = int(environ.get("CONTENT_LENGTH") or "")
    except ValueError:
        return None
    return value if value >= 0 else None
