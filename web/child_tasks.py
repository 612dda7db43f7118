"""What the web runs inside a limited child process: whole analyses, not just the file parse.

The fork server imports this module once (``preload_in_children``), so the analyzer is loaded
before any child is forked and each child starts warm in milliseconds. Payloads are pickles made
by this same program (never user bytes unpickled); answers are plain data. An ``InputError`` is
returned, not raised, so its own message survives the trip back.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
from typing import Any

from hitl_resume.annotate import DecisionsError, annotate_docx, load_decisions
from hitl_resume.api import analyze, analyze_posting, default_analyzer
from hitl_resume.batch import worker
from hitl_resume.batch.results import Task
from hitl_resume.errors import CorruptFileError, InputError, ResourceLimitError
from hitl_resume.ingest.isolation import caused_by_memory_cap

#: Batch children yield the CPU to single analyses (weight 110 against 1024 at niceness 0),
#: so a coach's batch of hard files barely slows anyone's single analysis.
BATCH_NICENESS = 10

Answer = tuple[str, Any]


def _renice(step: int) -> None:
    with contextlib.suppress(OSError):
        os.nice(step)


def _input_error(error: InputError) -> Answer:
    if error.code == CorruptFileError.code and caused_by_memory_cap(error):
        error = ResourceLimitError()  # a "damaged" file that really hit the memory cap (bomb)
    return ("input_error", (error.code, error.message))


def analyse_resume(payload: bytes) -> Answer:
    """Child: parse and analyse one resume against its postings; the analysis as a dict."""
    source, postings, filename = pickle.loads(payload)
    try:
        analysis = analyze(source, postings=postings, filename=filename, isolated=False)
    except InputError as error:
        return _input_error(error)
    return ("ok", analysis.to_dict())


def analyse_posting(payload: bytes) -> Answer:
    """Child: read one pasted job posting; the posting analysis as a dict."""
    text = pickle.loads(payload)
    try:
        return ("ok", analyze_posting(text).to_dict())
    except InputError as error:
        return _input_error(error)


def annotate(payload: bytes) -> Answer:
    """Child: the user's DOCX with suggestions as comments; ``None`` for a bad decisions file."""
    original, rewrites, raw_decisions, roles = pickle.loads(payload)
    try:
        decisions = load_decisions(raw_decisions) if raw_decisions.strip() else None
        result = annotate_docx(original, rewrites, decisions, roles=roles)
    except DecisionsError:
        return ("ok", None)
    except InputError as error:
        return _input_error(error)
    return ("ok", result.data)


def run_batch_task(payload: bytes) -> Answer:
    """Child: one batch file through the CLI batch's own worker code."""
    _renice(BATCH_NICENESS)
    task: Task = pickle.loads(payload)
    return ("ok", worker.analyze_task(task, isolated=False))


def baseline_vm_bytes(payload: bytes) -> Answer:
    """Child: its own virtual size at start (the model shared from the fork server)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return ("ok", int(line.split()[1]) * 1024)
    return ("ok", 0)


def warm() -> None:
    """Load the analyzer (called once in the fork server, before any child is forked)."""
    try:
        default_analyzer()
    except Exception as exc:  # a child would then load it itself; never kill the fork server
        logging.getLogger("hitl_resume.web").warning("child warm-up failed exc=%s", type(exc))
