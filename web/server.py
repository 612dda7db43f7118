"""Run the app on waitress, a production WSGI server (never Flask's development server).

Waitress threads are safe here because parse children come from a ``forkserver``. Its buffers
are sized so request and response bodies stay in memory (no temp files holding a resume), and it
refuses bodies over the batch limit itself.
"""

from __future__ import annotations

import logging
from typing import Any

from .security import BATCH_MAX_CONTENT_LENGTH

THREADS = 8
#: Bodies up to this size are buffered in memory (waitress spools bigger ones to a temp file).
IN_MEMORY_BODY_BYTES = BATCH_MAX_CONTENT_LENGTH + 1024 * 1024


def server_settings(host: str, port: int) -> dict[str, Any]:
    """The waitress settings ``serve`` uses (tests check them)."""
    return {
        "host": host,
        "port": port,
        "threads": THREADS,
        "max_request_body_size": IN_MEMORY_BODY_BYTES,
        "inbuf_overflow": IN_MEMORY_BODY_BYTES,
        "outbuf_overflow": 64 * 1024 * 1024,
        "channel_timeout": 30,
        "connection_limit": 100,
        "clear_untrusted_proxy_headers": True,
        "ident": "hitl-resume",
    }


def serve(host: str = "127.0.0.1", port: int = 8000, *, secure_cookies: bool = True) -> None:
    """Warm up (model, lexicon, parse forkserver) and serve until interrupted.

    ``secure_cookies`` marks the session cookie ``Secure``. Chromium and Firefox accept and send
    Secure cookies over plain http for ``localhost``/``127.0.0.1`` (potentially trustworthy
    origins), so the default works locally; pass ``False`` only to use a plain-http LAN address.
    """
    import waitress  # type: ignore[import-untyped]

    from . import create_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    app = create_app({"WARM_UP": True, "SESSION_COOKIE_SECURE": secure_cookies})
    logging.getLogger("hitl_resume.web").info("serving on http://%s:%s/", host, port)
    waitress.serve(app, **server_settings(host, port))
