"""The server side of ``soak.py``: start and stop ``hitl-resume serve``, requests, /proc memory."""

from __future__ import annotations

import http.client
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import soak_inputs as inputs

# The process-tree and port helpers are the live web tests' own (one copy, tested there).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "web"))
from live_helpers import _parents, free_port, tree, tree_rss
from live_helpers import send_partial_body as send_big_body

__all__ = [
    "Target",
    "code_of",
    "free_port",
    "send_big_body",
    "start_server",
    "stop_server",
    "tree_rss",
]

Answer = tuple[int, bytes, float]


def code_of(data: bytes) -> str:
    """The error code in a JSON error answer ("-" when there is none)."""
    match = re.search(rb'"code":\s*"([a-z_]+)"', data)
    return match.group(1).decode() if match else "-"


class Target:
    """Where requests go, with one helper per kind of request."""

    def __init__(self, port: int) -> None:
        self.port = port

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, bytes, float, http.client.HTTPResponse]:
        started = time.monotonic()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            data = response.read()
            return response.status, data, time.monotonic() - started, response
        finally:
            connection.close()

    def post_form(self, path: str, fields: list[inputs.Field], cookie: str = "") -> Answer:
        body, content_type = inputs.multipart(fields)
        headers = {"Content-Type": content_type}
        if cookie:
            headers["Cookie"] = cookie
        status, data, seconds, _ = self.request("POST", path, body, headers)
        return status, data, seconds

    def get(self, path: str, cookie: str = "") -> Answer:
        status, data, seconds, _ = self.request("GET", path, headers={"Cookie": cookie})
        return status, data, seconds


def start_server(port: int, tmpdir: str, log: Any) -> subprocess.Popen[bytes]:
    """``hitl-resume serve`` as the README runs it, its log going to ``log``."""
    env = {**os.environ, "TMPDIR": tmpdir}
    script = Path(sys.executable).with_name("hitl-resume")
    command = [str(script), "serve", "--port", str(port)]
    server = subprocess.Popen(command, env=env, stdout=log, stderr=log)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if Target(port).get("/healthz")[0] == 200:
                return server
        except OSError:
            time.sleep(0.5)
    raise SystemExit("the server did not start within 120 s")


def stop_server(server: subprocess.Popen[bytes], tmpdir: str, log: Any) -> list[str]:
    members = tree(server.pid)
    started = time.monotonic()
    server.send_signal(signal.SIGTERM)
    try:
        code = server.wait(timeout=60)
    except subprocess.TimeoutExpired:
        server.kill()
        code = server.wait()
    elapsed = time.monotonic() - started
    time.sleep(1)
    alive = [pid for pid in members if pid in _parents()]
    left = sorted(os.listdir(tmpdir))
    log.seek(0)
    tracebacks = log.read().decode("utf-8", "replace").count("Traceback")
    return [
        f"SIGTERM: exit {code} after {elapsed:.1f} s; left in TMPDIR: {left or 'nothing'}; "
        f"processes left: {alive or 'none'}; tracebacks in the server log: {tracebacks}"
    ]
