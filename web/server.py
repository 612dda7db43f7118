"""Serve the app with gunicorn (one process, threads), the production setup ``serve`` runs.

Why gunicorn and not waitress: waitress reads a whole request body into its buffer before the
app sees the request, so 16 clients each sending 45 MB raised the server by 720 MB before any
413, and its own limit answered plain text. gunicorn hands the app the socket stream: a
declared size over the route's limit is refused having read none of it (``body_limits``).

One worker process on purpose: batch jobs and their results live in that process's memory, and
the CPU work happens in limited child processes (``bounded``), not in the server. Slow clients
(slowloris) are the reverse proxy's job — see ``deploy/nginx.conf`` and docs/deployment.md —
though the worker (``gunicorn_worker``) gives no thread to a request whose head is incomplete.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import logging
import os
import socket
from typing import Any

from gunicorn.app.base import BaseApplication  # type: ignore[import-untyped]

from .gunicorn_worker import JsonErrorWorker

THREADS = 16
#: Graceful shutdown: in-flight requests get this long after SIGTERM (each ends within 12 s).
GRACEFUL_SECONDS = 15

log = logging.getLogger("hitl_resume.web")


class PortInUseError(Exception):
    """The address is taken (or not ours to use); ``serve`` prints one line and exits."""


def check_port(host: str, port: int) -> None:
    """Fail fast, before the model loads, when ``host:port`` cannot be bound."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                reason = "is already in use (another server is running there)"
            elif exc.errno == errno.EACCES:
                reason = "needs more privileges than this user has"
            else:
                reason = "can't be used on this machine"
            raise PortInUseError(f"{host}:{port} {reason}; choose another with --port.") from None


#: glibc malloc arenas: one per thread by default, which made 16 refused 45 MB uploads cost
#: +56 MB of server memory (fragmented drain buffers) instead of +29 MB with two.
MALLOC_ARENAS = 2
_M_ARENA_MAX = -8


def limit_malloc_arenas() -> None:
    """Cap glibc's malloc arenas before the worker and its threads start (Linux; else no-op)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallopt(_M_ARENA_MAX, MALLOC_ARENAS)
    except (OSError, AttributeError):
        log.debug("mallopt unavailable")


def server_settings(host: str, port: int) -> dict[str, Any]:
    """The gunicorn settings ``serve`` uses (tests check them)."""
    return {
        "bind": [f"[{host}]:{port}" if ":" in host else f"{host}:{port}"],
        "workers": 1,
        "worker_class": JsonErrorWorker,
        "threads": THREADS,
        "worker_connections": 200,
        "timeout": 60,
        "graceful_timeout": GRACEFUL_SECONDS,
        "keepalive": 5,
        "max_requests": 0,
        "limit_request_line": 4094,
        "limit_request_fields": 50,
        "limit_request_field_size": 8190,
        "worker_tmp_dir": "/dev/shm" if os.path.isdir("/dev/shm") else None,
        "control_socket_disable": True,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "info",
        "proc_name": "hitl-resume",
        "post_worker_init": _ready,
        "worker_exit": _worker_exit,
    }


def _ready(worker: Any) -> None:
    """Log the address only now: the socket is bound and the model is warm."""
    for listener in worker.sockets:
        log.info("serving on %s/", listener)


def _worker_exit(server: Any, worker: Any) -> None:
    """Stop batch jobs; their children and the fork server end with this process."""
    jobs = getattr(getattr(worker, "wsgi", None), "extensions", {}).get("batch_jobs")
    if jobs is not None:
        jobs.shutdown()


class Server(BaseApplication):  # type: ignore[misc]
    """gunicorn running ``create_app`` (loaded and warmed in the worker, not the arbiter)."""

    def __init__(self, settings: dict[str, Any], app_config: dict[str, Any]) -> None:
        self.settings = settings
        self.app_config = app_config
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.settings.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from . import create_app

        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
        return create_app(self.app_config)


def serve(host: str = "127.0.0.1", port: int = 8000, *, secure_cookies: bool = True) -> None:
    """Warm up (model, lexicon, fork server) and serve until SIGTERM or Ctrl-C.

    ``secure_cookies`` marks the session cookie ``Secure``. Chromium and Firefox accept and send
    Secure cookies over plain http for ``localhost``/``127.0.0.1`` (potentially trustworthy
    origins), so the default works locally; pass ``False`` only to use a plain-http LAN address.

    Raises ``PortInUseError`` when the address cannot be bound (before anything loads).
    """
    check_port(host, port)
    limit_malloc_arenas()
    app_config = {"WARM_UP": True, "SESSION_COOKIE_SECURE": secure_cookies}
    Server(server_settings(host, port), app_config).run()
