"""deploy/nginx.conf in front of the real server: slow clients and oversize bodies (L-05).

Runs when Debian's nginx is installed (CI installs it); skipped otherwise. The shipped config
is used as is, with only its ports (and, to keep the test short, its timeouts) substituted.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from live_helpers import Served, free_port, send_partial_body, serve
from web_helpers import resume_text

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
SITE = Path(__file__).resolve().parents[2] / "deploy" / "nginx.conf"
MB = 1024 * 1024
TIMEOUT = 2  # the shipped 10 s client timeouts, shortened for the test

if NGINX is None:
    pytest.skip("nginx is not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with serve(tmp_path_factory.mktemp("served")) as server:
        yield server


@pytest.fixture(scope="module")
def proxy(served: Served, tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """nginx with the shipped site config, in front of ``served``; yields its port."""
    base = tmp_path_factory.mktemp("nginx")
    port = free_port()
    site = SITE.read_text("utf-8")
    site = site.replace("listen 8080;", f"listen 127.0.0.1:{port};")
    site = site.replace("server 127.0.0.1:8000;", f"server 127.0.0.1:{served.port};")
    site = site.replace("_timeout 10s;", f"_timeout {TIMEOUT}s;")
    (base / "site.conf").write_text(site, "utf-8")
    user = "user root;\n" if os.geteuid() == 0 else ""
    (base / "nginx.conf").write_text(
        f"{user}worker_processes 1;\nerror_log {base}/error.log warn;\npid {base}/nginx.pid;\n"
        "events { worker_connections 1024; }\n"
        f"http {{\n access_log off;\n client_body_temp_path {base}/body;\n"
        f" proxy_temp_path {base}/proxy;\n fastcgi_temp_path {base}/fastcgi;\n"
        f" uwsgi_temp_path {base}/uwsgi;\n scgi_temp_path {base}/scgi;\n"
        f" include {base}/site.conf;\n}}\n",
        "utf-8",
    )
    command = [str(NGINX), "-p", str(base), "-c", str(base / "nginx.conf"), "-g", "daemon off;"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and process.poll() is None:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.1)
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stderr:
            process.stderr.close()


def _get(port: int, path: str) -> tuple[int, bytes, float]:
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read(), time.monotonic() - started
    finally:
        connection.close()


def _closed(conn: socket.socket) -> bool:
    """True when the peer has closed (or reset) the connection."""
    conn.settimeout(5)
    try:
        return conn.recv(4096) == b""
    except ConnectionResetError:
        return True


def test_when_behind_nginx_then_analyses_work(proxy: int) -> None:
    """The proxy passes requests and answers through unchanged."""
    connection = http.client.HTTPConnection("127.0.0.1", proxy, timeout=30)
    try:
        body = json.dumps({"text": resume_text()})
        headers = {"Content-Type": "application/json"}
        connection.request("POST", "/api/posting", body=body, headers=headers)
        response = connection.getresponse()
        assert response.status == 200
        assert "roles" in json.loads(response.read())
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("path", "declared"),
    [("/api/analyze", 6 * MB), ("/api/analyze", 60 * MB), ("/batch", 60 * MB)],
    ids=["over-5MB", "60MB", "batch-over-50MB"],
)
def test_when_nginx_refuses_a_body_then_it_is_our_json_413(
    proxy: int, path: str, declared: int
) -> None:
    """Bodies over the route's limit are refused by nginx itself, in the app's JSON envelope."""
    assert send_partial_body(proxy, declared, MB, path=path) == (413, "file_too_large")


def test_l05_when_100_clients_are_slow_then_others_are_unaffected(proxy: int) -> None:
    """L-05: 100 half-open connections (headers never finished) cost nginx nothing: /healthz
    answers at once, and nginx drops the slow clients after its header timeout."""
    slow = []
    try:
        for _ in range(100):
            conn = socket.create_connection(("127.0.0.1", proxy), timeout=10)
            conn.sendall(b"POST /api/analyze HTTP/1.1\r\nHost: x\r\n")
            slow.append(conn)
        status, _, seconds = _get(proxy, "/healthz")
        assert status == 200
        assert seconds < 1.0
        time.sleep(TIMEOUT + 1.5)
        assert all(_closed(conn) for conn in slow[:5])
    finally:
        for conn in slow:
            conn.close()
