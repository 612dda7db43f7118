"""The ``hitl-resume`` command line: thin click commands over the library."""

from __future__ import annotations

from hitl_resume.cli.commands import main

__all__ = ["main"]
