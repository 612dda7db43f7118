"""The ``serve`` command: the web page and JSON API behind a production WSGI server."""

from __future__ import annotations

import importlib

import click

from hitl_resume.cli.options import fail


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option(
    "--insecure-cookies",
    is_flag=True,
    help="Session cookie without Secure (only for plain-http use on a trusted LAN).",
)
def serve_command(host: str, port: int, insecure_cookies: bool) -> None:
    """Serve the web page and JSON API with a production WSGI server (gunicorn).

    In production put a buffering reverse proxy (nginx) in front: see docs/deployment.md.
    SIGTERM or Ctrl-C stops it cleanly. Example: hitl-resume serve --port 8000, then open
    http://127.0.0.1:8000
    """
    # Imported by name: web/ is mapped in as hitl_resume.web and type-checked on its own.
    server = importlib.import_module("hitl_resume.web.server")
    try:
        server.serve(host, port, secure_cookies=not insecure_cookies)
    except server.PortInUseError as error:
        fail("port_in_use", str(error))
