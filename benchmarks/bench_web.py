"""Load benchmark for the web API on the real server (``hitl-resume serve``: gunicorn).

Starts the server in a subprocess on a free port, then POSTs resumes to ``/api/analyze`` at a
fixed concurrency and reports p50/p95 latency and errors for three runs:

1. ``benign``: 100 uploads (synthetic TXT/DOCX/PDF plus real PDFs from
   ../shared/data/resumes/livecareer when present), concurrency 4;
2. ``hostile``: the same 100 with two never-finishing PDFs mixed in (SECURITY.md L-03);
3. ``real_pdfs``: up to 24 real PDFs at concurrency 4 (the issue's p95 < 3 s target).

Never-finishing files are real: a ~16 kB PDF whose page is millions of no-op operators
(``soak_inputs.hanging_pdf``), so the server's real timeout and kill path are what get measured.
``soak.py`` has the hostile-load probes of issue 14.

Usage: python benchmarks/bench_web.py [--concurrency 4] [--requests 100]
Results go to stdout and benchmarks/results/bench_web.json (gitignored).
"""

from __future__ import annotations

import argparse
import http.client
import io
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from soak_inputs import hanging_pdf

ROOT = Path(__file__).resolve().parents[1]
SHARED_PDFS = ROOT.parent / "shared" / "data" / "resumes" / "livecareer" / "pdf"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _synthetic_text(i: int) -> str:
    return (
        f"Casey Example {i}\ncasey{i}@example.com | +1 555 01{i % 100:02d}\n\nEXPERIENCE\n"
        f"Claims Reviewer | Example Health {i} | Remote | 2019 – Present\n"
        "• Reviewed AI-flagged claims and approved, corrected or escalated them before payment\n"
        "• Documented the reason for every override in the audit log\n"
        "• Trained four new reviewers on escalation criteria\n"
        "Support Agent | Example Telecom | 2016 – 2019\n"
        "• Escalated unresolved complaints to tier-2 support with complete case notes\n"
        "\nEDUCATION\nBA, Communication, 2016\n\nSKILLS\nHIPAA, Excel, Zendesk\n"
    )


def _docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in text.replace("•", "-").replace("–", "-").split("\n"):
        pdf.multi_cell(0, 6, line or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def real_pdfs(limit: int) -> list[tuple[str, bytes]]:
    """Up to ``limit`` real PDFs, spread over the categories (absent data → empty)."""
    if not SHARED_PDFS.is_dir():
        return []
    files = sorted(SHARED_PDFS.rglob("*.pdf"))
    step = max(1, len(files) // max(limit, 1))
    return [("real.pdf", p.read_bytes()) for p in files[::step][:limit]]


def workload(n: int) -> list[tuple[str, bytes]]:
    """``n`` uploads: a third real PDFs when present, the rest synthetic TXT, DOCX and PDF."""
    reals = real_pdfs(n // 3)
    items = list(reals)
    i = 0
    while len(items) < n:
        text = _synthetic_text(i)
        kind = i % 3
        items.append(
            ("cv.txt", text.encode())
            if kind == 0
            else ("cv.docx", _docx(text))
            if kind == 1
            else ("cv.pdf", _pdf(text))
        )
        i += 1
    return items


def hanging_file() -> tuple[str, bytes]:
    return ("hang.pdf", hanging_pdf())


def post(port: int, name: str, data: bytes) -> tuple[int, float, str]:
    """Upload one file; return status, seconds and the error code (if any)."""
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="resume"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(
            "POST",
            "/api/analyze",
            body=body,
            headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
        )
        response = connection.getresponse()
        payload = response.read()
        status = response.status
    except OSError as exc:
        return (0, time.monotonic() - started, type(exc).__name__)
    finally:
        connection.close()
    code = ""
    if status != 200:
        try:
            code = json.loads(payload)["error"]["code"]
        except (ValueError, KeyError, TypeError):
            code = "unparsable"
    return (status, time.monotonic() - started, code)


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run(port: int, items: list[tuple[str, bytes]], concurrency: int) -> dict[str, Any]:
    """Send ``items`` at ``concurrency``; summarise benign and hanging requests separately."""
    started = time.monotonic()
    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(lambda item: (item[0], *post(port, *item)), items))
    wall = time.monotonic() - started
    benign = [r for r in results if r[0] != "hang.pdf"]
    hostile = [r for r in results if r[0] == "hang.pdf"]
    ok = [r[2] for r in benign if r[1] == 200]
    codes: dict[str, int] = {}
    for r in benign:
        if r[1] != 200:
            codes[f"{r[1]} {r[3]}"] = codes.get(f"{r[1]} {r[3]}", 0) + 1
    return {
        "requests": len(results),
        "concurrency": concurrency,
        "wall_seconds": round(wall, 2),
        "benign_ok": len(ok),
        "benign_errors": codes,
        "benign_p50": round(_percentile([r[2] for r in benign], 0.5), 3),
        "benign_p95": round(_percentile([r[2] for r in benign], 0.95), 3),
        "benign_max": round(max((r[2] for r in benign), default=0.0), 3),
        "benign_mean": round(statistics.fmean([r[2] for r in benign]), 3) if benign else None,
        "hostile": [{"status": r[1], "code": r[3], "seconds": round(r[2], 2)} for r in hostile],
    }


def _wait_ready(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("server exited during start-up")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.25)
    raise SystemExit("server did not become ready")


def _rss_mb(pid: int) -> float:
    """Resident memory of the server and its direct children, in MB."""
    total = 0
    pids = [pid]
    try:
        out = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(pid)], check=False, capture_output=True, text=True
        )
        pids += [int(p) for p in out.stdout.split()]
        for p in pids:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
    except (OSError, ValueError):
        pass
    return round(total / 1024, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    port = _free_port()
    script = Path(sys.executable).with_name("hitl-resume")
    command = [str(script), "serve", "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_ready(port, process)
        items = workload(args.requests)
        report: dict[str, Any] = {"cpus": os.cpu_count()}
        report["load_average_before"] = os.getloadavg()[0]
        report["real_pdfs_in_workload"] = sum(1 for n, _ in items if n == "real.pdf")
        report["benign"] = run(port, items, args.concurrency)
        mixed = [*items[:10], hanging_file(), *items[10:12], hanging_file(), *items[12:]]
        report["hostile"] = run(port, mixed, args.concurrency)
        reals = real_pdfs(24)
        if reals:
            report["real_pdfs"] = run(port, reals, args.concurrency)
        report["server_rss_mb"] = _rss_mb(process.pid)
    finally:
        process.terminate()  # SIGTERM: gunicorn's graceful stop
        process.wait(timeout=60)
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench_web.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
