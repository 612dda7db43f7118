"""Helpers for tests against a real server process: ports, /proc memory, raw-socket bodies."""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

SCRIPT = Path(sys.executable).with_name("hitl-resume")


@dataclass
class Served:
    """A ``hitl-resume serve`` subprocess: its port, process, private TMPDIR and log file."""

    port: int
    process: subprocess.Popen[bytes]
    tmpdir: Path
    log: Path


@contextmanager
def serve(base: Path) -> Iterator[Served]:
    """Run ``hitl-resume serve`` as the README says, on a free port; SIGTERM it afterwards."""
    tmpdir, log = base / "tmp", base / "server.log"
    tmpdir.mkdir()
    port = free_port()
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(SCRIPT), "serve", "--port", str(port)],
            env={**os.environ, "TMPDIR": str(tmpdir)},
            stdout=out,
            stderr=out,
        )
    try:
        wait_for_health(port, process, timeout=180)
        yield Served(port, process, tmpdir, log)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=60)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_health(port: int, process: subprocess.Popen[bytes], timeout: float) -> None:
    """Wait until ``/healthz`` answers 200; fail early when the server process died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server exited with {process.returncode}")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.5)
        finally:
            connection.close()
    raise AssertionError("the server did not answer /healthz in time")


def _parents() -> dict[int, int]:
    parents = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            parents[int(entry)] = int(fields[1])
    return parents


def tree(pid: int) -> list[int]:
    """``pid`` and every live process under it."""
    parents = _parents()
    found, frontier = ([pid] if pid in parents else []), [pid]
    while frontier:
        current = frontier.pop()
        children = [child for child, parent in parents.items() if parent == current]
        found += children
        frontier += children
    return found


def tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and its descendants."""
    total = 0
    for member in tree(pid):
        try:
            with open(f"/proc/{member}/statm", encoding="ascii") as statm:
                total += int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            continue
    return total


def send_partial_body(
    port: int, declared: int, sent: int, path: str = "/api/analyze"
) -> tuple[int, str]:
    """POST ``sent`` bytes of a ``declared``-byte multipart body; the status and error code."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    head = (
        f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Length: {declared}\r\n"
        "Content-Type: multipart/form-data; boundary=zz\r\n\r\n"
    ).encode()
    chunk = b"0" * 65536
    data = b""
    try:
        sock.sendall(head)
        for _ in range(sent // len(chunk)):
            sock.sendall(chunk)
    except OSError:
        pass  # refused mid-body: the answer is already waiting
    try:
        sock.settimeout(10)
        while not data.rstrip().endswith(b"}"):
            piece = sock.recv(65536)
            if not piece:
                break
            data += piece
    except OSError:
        pass
    finally:
        sock.close()
    status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0
    match = re.search(rb'"code":\s*"([a-z_]+)"', data)
    return status, match.group(1).decode() if match else "-"
