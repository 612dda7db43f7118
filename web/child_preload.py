"""Imported by the parse fork server only: loads the analyzer so every child is forked warm."""

from __future__ import annotations

from .child_tasks import warm

warm()
