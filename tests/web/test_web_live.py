"""The production server as the README starts it (``hitl-resume serve``, gunicorn), in a subprocess.

One server per module (the model loads once); the last test stops it with SIGTERM and checks
that nothing was left behind.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hitl_resume.web.server import THREADS, server_settings
from live_helpers import SCRIPT, Served, send_partial_body, serve, tree, tree_rss
from web_helpers import hanging_pdf, resume_text

from hitl_resume.ingest import limits

MB = 1024 * 1024


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """``hitl-resume serve`` on a free port with a private, watched TMPDIR."""
    with serve(tmp_path_factory.mktemp("served")) as server:
        yield server


def _connection(port: int) -> http.client.HTTPConnection:
    return http.client.HTTPConnection("127.0.0.1", port, timeout=30)


def test_l07_when_a_chunked_upload_is_over_the_limit_then_413_json(served: Served) -> None:
    """L-07/U-03: a chunked body over 5 MiB is cut off at the limit with our JSON, not a reset."""
    connection = _connection(served.port)
    boundary = "b0undary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="resume"; filename="big.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    ).encode()

    def chunks() -> Iterator[bytes]:
        yield head
        for _ in range(6):
            yield b"%PDF-" + b"0" * (MB - 5)
        yield f"\r\n--{boundary}--\r\n".encode()

    started = time.monotonic()
    connection.request(
        "POST",
        "/api/analyze",
        body=chunks(),
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
        encode_chunked=True,
    )
    response = connection.getresponse()
    assert response.status == 413
    assert json.loads(response.read())["error"]["code"] == "file_too_large"
    assert time.monotonic() - started < 5
    connection.close()


def test_when_text_is_posted_to_the_real_server_then_200(served: Served) -> None:
    """The production path (gunicorn, analysis in a limited child) answers the contract JSON."""
    connection = _connection(served.port)
    body = json.dumps({"text": resume_text()})
    connection.request(
        "POST", "/api/posting", body=body, headers={"Content-Type": "application/json"}
    )
    response = connection.getresponse()
    assert response.status == 200
    assert response.getheader("Content-Security-Policy", "").startswith("default-src 'self'")
    assert "roles" in json.loads(response.read())
    connection.close()


def test_u03_when_big_bodies_arrive_at_once_then_413_before_buffering(served: Served) -> None:
    """Issue 14: 16 clients each sending 45 MB of a declared 50 MB body get our JSON 413 and
    the server grows far less than one body (it reads none of them into memory)."""
    before = tree_rss(served.process.pid)
    with ThreadPoolExecutor(16) as pool:
        answers = list(
            pool.map(lambda _: send_partial_body(served.port, 50 * MB, 45 * MB), range(16))
        )
    after = tree_rss(served.process.pid)
    assert {status for status, _ in answers} == {413}
    assert {code for _, code in answers} == {"file_too_large"}
    assert after - before < 100 * MB


@pytest.mark.parametrize(
    ("declared", "code"),
    [(60 * MB, "file_too_large"), (limits.MAX_UPLOAD_BYTES + 1, "file_too_large")],
    ids=["over-the-server-limit", "over-the-route-limit"],
)
def test_when_a_declared_body_is_too_large_then_our_json_413(
    served: Served, declared: int, code: str
) -> None:
    """The server-wide (50 MB) and route limits both answer our JSON envelope, not plain text."""
    assert send_partial_body(served.port, declared, MB) == (413, code)


def test_when_the_request_line_is_too_long_then_the_server_answers_json(served: Served) -> None:
    """gunicorn's own errors (here 414) come in our JSON envelope too."""
    connection = _connection(served.port)
    connection.request("GET", "/" + "a" * 9000)
    response = connection.getresponse()
    assert response.status == 414
    assert json.loads(response.read())["error"]["code"] == "uri_too_long"
    connection.close()


def _cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def test_l05_when_100_heads_are_never_finished_then_no_thread_waits_for_them(
    served: Served,
) -> None:
    """Half-open connections wait in the poller, not in threads: /healthz answers at once,
    the server does not spin on them, and they are dropped once idle."""
    slow = []
    try:
        for _ in range(100):
            conn = socket.create_connection(("127.0.0.1", served.port), timeout=10)
            conn.sendall(b"POST /api/analyze HTTP/1.1\r\nHost: x\r\n")
            slow.append(conn)
        time.sleep(1)
        pids = tree(served.process.pid)
        cpu_before = _cpu_seconds(pids)
        connection = _connection(served.port)
        started = time.monotonic()
        connection.request("GET", "/healthz")
        assert connection.getresponse().status == 200
        assert time.monotonic() - started < 1.0
        connection.close()
        time.sleep(2)
        assert _cpu_seconds(pids) - cpu_before < 1.0
        time.sleep(5)  # idle past the 5 s keep-alive: gunicorn closes them
        slow[0].settimeout(5)
        with contextlib.suppress(ConnectionResetError):  # closed or reset: either is dropped
            assert slow[0].recv(100) == b""
    finally:
        for conn in slow:
            conn.close()


def test_when_a_head_arrives_in_pieces_then_it_is_still_served(served: Served) -> None:
    """Collecting the head without a thread keeps every byte: a slow but honest client works."""
    body = json.dumps({"text": resume_text()}).encode()
    head = (
        "POST /api/posting HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", served.port), timeout=30) as conn:
        for piece in (head[:10], head[10:40], head[40:], body):
            conn.sendall(piece)
            time.sleep(0.4)
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 200")
    assert b'"roles"' in answer


def test_when_the_port_is_taken_then_one_clear_line_and_exit_1(served: Served) -> None:
    """A busy port: one line naming the address, exit 1, no traceback, no "serving on"."""
    result = subprocess.run(
        [str(SCRIPT), "serve", "--port", str(served.port)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines == [lines[0]]
    assert f"127.0.0.1:{served.port}" in lines[0]
    assert "already in use" in lines[0]
    assert "Traceback" not in result.stderr
    assert "serving on" not in result.stderr + result.stdout


def test_when_serving_then_one_worker_with_more_threads_than_parse_slots() -> None:
    """Batch jobs live in one process; its threads outnumber parse slots so health checks
    and refusals are answered while every slot is busy (L-03)."""
    settings = server_settings("127.0.0.1", 8000)
    assert settings["workers"] == 1
    assert settings["threads"] == THREADS >= (os.cpu_count() or 1) + 2 + 4
    assert settings["control_socket_disable"] is True
    assert settings["accesslog"] is None  # URLs carry batch ids; our own log line is enough


def test_zz_when_sigterm_arrives_then_clean_exit_and_nothing_left(served: Served) -> None:
    """SIGTERM while a batch of never-finishing PDFs runs: exit 0 within the graceful time, no
    temporary folder (pymp-*) and no child process left, "serving on" logged after the bind."""
    connection = _connection(served.port)
    connection.request(
        "POST",
        "/api/posting",
        body=json.dumps({"text": resume_text()}),
        headers={"Content-Type": "application/json"},
    )
    assert connection.getresponse().status == 200
    connection.close()
    assert _post_hanging_batch(served.port) == 303
    time.sleep(2)  # the batch's child is now stuck on the first PDF
    members = _descendants(served.process.pid)
    assert len(members) >= 2  # the fork server and the batch child
    assert any(True for _ in served.tmpdir.iterdir())  # the fork server's folder while running
    served.process.send_signal(signal.SIGTERM)
    assert served.process.wait(timeout=60) == 0
    deadline = time.monotonic() + 5  # the fork server notices its parent left, then exits
    while time.monotonic() < deadline and any(Path(f"/proc/{p}").exists() for p in members):
        time.sleep(0.1)
    assert list(served.tmpdir.iterdir()) == []
    assert [pid for pid in members if Path(f"/proc/{pid}").exists()] == []
    log = served.log.read_text("utf-8", "replace")
    assert "Traceback" not in log
    assert log.index("Listening at") < log.index("serving on")


def _post_hanging_batch(port: int) -> int:
    """Post the batch form (with its CSRF cookie) holding three never-finishing PDFs."""
    connection = _connection(port)
    connection.request("GET", "/batch")
    page = connection.getresponse()
    cookie = (page.getheader("Set-Cookie") or "").split(";", 1)[0]
    token = page.read().decode().split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    boundary = "b0undary"
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n{token}']
    body = ("\r\n".join(parts) + "\r\n").encode()
    for number in range(3):
        body += (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="files"; '
                f'filename="hang-{number}.pdf"\r\nContent-Type: application/pdf\r\n\r\n'
            ).encode()
            + hanging_pdf()
            + b"\r\n"
        )
    body += f"--{boundary}--\r\n".encode()
    headers = {"Content-Type": f"multipart/form-data; boundary={boundary}", "Cookie": cookie}
    connection.request("POST", "/batch", body=body, headers=headers)
    status = connection.getresponse().status
    connection.close()
    return status


def _descendants(pid: int) -> list[int]:
    return [member for member in tree(pid) if member != pid]


def test_port_probe_reports_a_taken_port() -> None:
    """``check_port`` refuses an address another socket holds (before anything loads)."""
    from hitl_resume.web.server import PortInUseError, check_port

    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        with pytest.raises(PortInUseError, match="already in use"):
            check_port("127.0.0.1", holder.getsockname()[1])
