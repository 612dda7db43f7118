"""Hostile-load probes against a real server, reproducing issue 14's table; prints the results.

Starts ``hitl-resume serve`` (as the README says) in a subprocess on a free port with a private
TMPDIR, runs each probe, then stops it with SIGTERM and checks nothing was left behind:

- batch:  four batches, each a 5 kB zip of six never-finishing PDFs plus one good file, posted
          while benign single analyses run (benign p95, 503 share, how long each post took);
- paste:  three maximal pasted analyses at once (99k resume + five 99k postings) while
          /healthz is polled (its worst latency, each analysis's status and time);
- bodies: 16 connections each sending 45 MB of a declared 50 MB body (server memory growth,
          statuses, JSON codes);
- errors: deep JSON, 1,000 form parts, a 60 MB body, a 3 GB Flate bomb (status and code);
- soak:   600 requests, 10 % hostile (count of 5xx);
- slow:   100 half-open connections, then /healthz (the nginx side is tests/web/test_web_nginx.py);
- stop:   SIGTERM: exit time, files left in TMPDIR, processes left.

Usage: python benchmarks/soak.py [--only batch,paste,...] [--soak 600]
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import soak_inputs as inputs
from soak_server import (
    Target,
    code_of,
    free_port,
    send_big_body,
    start_server,
    stop_server,
    tree_rss,
)

ROOT = Path(__file__).resolve().parents[1]
Answer = tuple[int, bytes, float]
_TOKEN = re.compile(rb'name="csrf_token" value="([^"]+)"')


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def benign(target: Target, number: int) -> Answer:
    """A benign single analysis: pasted text or a PDF upload, alternating."""
    if number % 2:
        return target.post_form("/api/analyze", [("resume_text", inputs.resume_text())])
    pdf = inputs.text_pdf(inputs.resume_text())
    return target.post_form("/api/analyze", [("resume", ("cv.pdf", pdf))])


def probe_batch(target: Target, _pid: int) -> list[str]:
    cookie_jar: list[str] = []

    def post_batch() -> tuple[int, float, str]:
        status, body, _, response = target.request("GET", "/batch")
        cookie = (response.getheader("Set-Cookie") or "").split(";", 1)[0]
        token = _TOKEN.search(body)
        fields: list[inputs.Field] = [
            ("csrf_token", token.group(1).decode() if token else ""),
            ("files", ("cohort.zip", inputs.hanging_zip())),
        ]
        status, _, seconds = target.post_form("/batch", fields, cookie)
        cookie_jar.append(cookie)
        return status, seconds, cookie

    benign_times: list[float] = []
    statuses: list[int] = []
    stop = threading.Event()

    def benign_stream(offset: int) -> None:
        number = offset
        while not stop.is_set():
            status, _, seconds = benign(target, number)
            statuses.append(status)
            benign_times.append(seconds)
            number += 2

    with ThreadPoolExecutor(6) as pool:
        streams = [pool.submit(benign_stream, offset) for offset in (0, 1)]
        posts = [pool.submit(post_batch) for _ in range(4)]
        posted = [future.result() for future in posts]
        time.sleep(60)
        stop.set()
        for future in streams:
            future.result()
    unavailable = sum(1 for s in statuses if s == 503)
    return [
        f"batch posts: statuses {[p[0] for p in posted]}, "
        f"slowest {max(p[1] for p in posted):.2f} s",
        f"benign during 4 hanging batches (60 s): n={len(statuses)} "
        f"p50 {pct(benign_times, 0.5):.2f} s  p95 {pct(benign_times, 0.95):.2f} s  "
        f"503s {unavailable} ({100 * unavailable / max(1, len(statuses)):.1f} %)  "
        f"other non-200 {sum(1 for s in statuses if s not in (200, 503))}",
    ]


def probe_paste(target: Target, _pid: int) -> list[str]:
    health: list[float] = []
    stop = threading.Event()

    def poll() -> None:
        while not stop.is_set():
            health.append(target.get("/healthz")[2])
            time.sleep(0.2)

    with ThreadPoolExecutor(4) as pool:
        poller = pool.submit(poll)
        pastes = [
            pool.submit(target.post_form, "/api/analyze", inputs.maximal_paste()) for _ in range(3)
        ]
        results = [future.result() for future in pastes]
        stop.set()
        poller.result()
    outcomes = ", ".join(f"{s} {code_of(b) if s != 200 else 'ok'} {t:.1f} s" for s, b, t in results)
    return [
        f"3 maximal pastes: {outcomes}",
        f"/healthz meanwhile: n={len(health)} max {max(health):.3f} s "
        f"p95 {pct(health, 0.95):.3f} s",
    ]


def probe_bodies(target: Target, pid: int) -> list[str]:
    before = tree_rss(pid)
    peak = before
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, tree_rss(pid))
            time.sleep(0.05)

    mb = 1024 * 1024
    with ThreadPoolExecutor(17) as pool:
        sampler = pool.submit(sample)
        started = time.monotonic()
        sends = [pool.submit(send_big_body, target.port, 50 * mb, 45 * mb) for _ in range(16)]
        answers = [future.result() for future in sends]
        elapsed = time.monotonic() - started
        stop.set()
        sampler.result()
    shapes = sorted({f"{s} {c}" for s, c in answers})
    return [
        f"16 x 45 MB bodies: answers {shapes} in {elapsed:.1f} s; server tree RSS "
        f"{before / mb:.0f} -> peak {peak / mb:.0f} MB (+{(peak - before) / mb:.0f} MB)"
    ]


def probe_errors(target: Target, _pid: int) -> list[str]:
    rows = []
    status, body, seconds, _ = target.request(
        "POST", "/api/posting", inputs.deep_json(), {"Content-Type": "application/json"}
    )
    rows.append(f"deep JSON (1,000 levels): {status} {code_of(body)} {seconds:.2f} s")
    fields: list[inputs.Field] = [("resume_text", inputs.resume_text())]
    fields += [(f"f{i}", "x") for i in range(1000)]
    status, body, seconds = target.post_form("/api/analyze", fields)
    rows.append(f"1,000 form parts: {status} {code_of(body)} {seconds:.2f} s")
    status, code = send_big_body(target.port, 60 * 1024 * 1024, 2 * 1024 * 1024)
    rows.append(f"60 MB body: {status} {code}")
    status, body, seconds = target.post_form(
        "/api/analyze", [("resume", ("bomb.pdf", inputs.flate_bomb_pdf()))]
    )
    rows.append(f"3 GB Flate bomb: {status} {code_of(body)} {seconds:.2f} s")
    return rows


def hostile(target: Target, number: int) -> Answer:
    kind = number % 4
    if kind == 0:
        status, body, seconds, _ = target.request(
            "POST", "/api/posting", inputs.deep_json(), {"Content-Type": "application/json"}
        )
        return status, body, seconds
    if kind == 1:
        fields: list[inputs.Field] = [(f"f{i}", "x") for i in range(100)]
        return target.post_form("/api/analyze", fields)
    if kind == 2:
        return target.post_form("/api/analyze", [("resume", ("x.pdf", b"%PDF-1.4\n1 0 obj<<"))])
    return target.post_form(
        "/api/analyze", [("resume", ("x.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600))]
    )


def probe_soak(target: Target, _pid: int, total: int = 600) -> list[str]:
    def one(number: int) -> int:
        try:
            if number % 10 == 0:
                return hostile(target, number // 10)[0]
            return benign(target, number)[0]
        except OSError:
            return -1

    started = time.monotonic()
    with ThreadPoolExecutor(4) as pool:
        statuses = list(pool.map(one, range(total)))
    counts: dict[int, int] = {}
    for status in statuses:
        counts[status] = counts.get(status, 0) + 1
    errors = sum(n for s, n in counts.items() if s >= 500 or s < 0)
    return [
        f"soak: {total} requests (10 % hostile) in {time.monotonic() - started:.0f} s; "
        f"statuses {dict(sorted(counts.items()))}; 5xx or resets: {errors}"
    ]


def probe_slow(target: Target, _pid: int) -> list[str]:
    sockets = []
    for _ in range(100):
        conn = socket.create_connection(("127.0.0.1", target.port), timeout=5)
        conn.sendall(b"POST /api/analyze HTTP/1.1\r\nHost: x\r\n")  # headers never finish
        sockets.append(conn)
    time.sleep(6)
    try:
        status, _, seconds = target.get("/healthz")
        line = f"100 half-open connections: /healthz {status} in {seconds:.2f} s"
    except OSError as exc:
        line = f"100 half-open connections: /healthz failed ({type(exc).__name__})"
    for conn in sockets:
        conn.close()
    return [line + " (production: put nginx in front, deploy/nginx.conf)"]


PROBES: dict[str, Callable[[Target, int], list[str]]] = {
    "batch": probe_batch,
    "paste": probe_paste,
    "bodies": probe_bodies,
    "errors": probe_errors,
    "soak": probe_soak,
    "slow": probe_slow,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(PROBES), help="comma-separated probes")
    parser.add_argument("--soak", type=int, default=600, help="requests in the soak probe")
    args = parser.parse_args()
    tmpdir = tempfile.mkdtemp(prefix="hitl-soak-")
    log = tempfile.TemporaryFile()  # noqa: SIM115 - closed at the end
    port = free_port()
    server = start_server(port, tmpdir, log)
    target = Target(port)
    lines = [f"server pid {server.pid} on port {port}; tree RSS {tree_rss(server.pid) >> 20} MB"]
    print(lines[0], flush=True)
    try:
        for name in args.only.split(","):
            probe = PROBES[name.strip()]
            started = time.monotonic()
            if name == "soak":
                rows = probe_soak(target, server.pid, args.soak)
            else:
                rows = probe(target, server.pid)
            for row in rows:
                print(f"[{name} {time.monotonic() - started:.0f}s] {row}", flush=True)
            lines += rows
    finally:
        for row in stop_server(server, tmpdir, log):
            print(f"[stop] {row}", flush=True)
        log.close()
        if not os.listdir(tmpdir):
            os.rmdir(tmpdir)


if __name__ == "__main__":
    main()
