"""The app behind the real waitress server: chunked uploads and the serving settings."""

from __future__ import annotations

import http.client
import json
import time
from urllib.parse import urlsplit

import pytest
from hitl_resume.web.server import IN_MEMORY_BODY_BYTES, server_settings
from web_helpers import resume_text


def _connection(url: str) -> http.client.HTTPConnection:
    parts = urlsplit(url)
    return http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)


def test_l07_when_a_chunked_upload_is_over_the_limit_then_413_json(live_server: str) -> None:
    """L-07/U-03: a chunked body over 5 MiB is refused with the JSON error, not a reset."""
    connection = _connection(live_server)
    boundary = "b0undary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="resume"; filename="big.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()

    def chunks() -> object:
        yield head
        for _ in range(6):
            yield b"%PDF-" + b"0" * (1024 * 1024 - 5)
        yield tail

    started = time.monotonic()
    connection.request(
        "POST",
        "/api/analyze",
        body=chunks(),  # type: ignore[arg-type]
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
        encode_chunked=True,
    )
    response = connection.getresponse()
    assert response.status == 413
    assert json.loads(response.read())["error"]["code"] == "file_too_large"
    assert time.monotonic() - started < 5
    connection.close()


def test_u01_when_text_is_posted_to_the_live_server_then_200(live_server: str) -> None:
    """The production server path (waitress, threads) answers the contract JSON."""
    connection = _connection(live_server)
    body = json.dumps({"text": resume_text()})
    connection.request(
        "POST", "/api/posting", body=body, headers={"Content-Type": "application/json"}
    )
    response = connection.getresponse()
    assert response.status == 200
    assert response.getheader("Content-Security-Policy", "").startswith("default-src 'self'")
    connection.close()


@pytest.mark.parametrize("key", ["inbuf_overflow", "max_request_body_size"])
def test_i4_when_serving_then_bodies_up_to_the_batch_limit_stay_in_memory(key: str) -> None:
    """I-4: waitress must not spool a request body to a temp file below the batch limit."""
    assert server_settings("127.0.0.1", 8000)[key] == IN_MEMORY_BODY_BYTES
    assert IN_MEMORY_BODY_BYTES > 50 * 1024 * 1024


def test_when_serving_then_threads_exceed_parse_slots_for_hostile_files() -> None:
    """L-03: worker threads ≥ hostile parses + 2, so benign requests still get served."""
    assert server_settings("127.0.0.1", 8000)["threads"] >= 4
