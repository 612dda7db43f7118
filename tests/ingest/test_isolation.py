"""Parse isolation: timeout, memory cap, crashes and errors crossing the process boundary."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import isolation_targets as targets
import pytest

from hitl_resume.errors import (
    CorruptFileError,
    EncryptedPdfError,
    InputError,
    ParseTimeoutError,
    ResourceLimitError,
)
from hitl_resume.ingest.isolation import STATS, run_isolated


def test_when_target_returns_then_value_comes_back() -> None:
    """The happy path returns the child's result."""
    assert run_isolated(targets.echo_length, b"abc") == 3


@pytest.mark.parametrize("target", [targets.never_return, targets.busy_loop])
def test_when_parser_never_returns_then_timeout_within_bound(
    target: Callable[[bytes], int],
) -> None:
    """U-15: a hung parser is killed at the wall-clock limit and reported as `timeout`."""
    before = STATS["timeout"]
    started = time.monotonic()
    with pytest.raises(ParseTimeoutError):
        run_isolated(target, b"x", timeout=1.0)
    assert time.monotonic() - started < 3.0
    assert STATS["timeout"] == before + 1


@pytest.mark.parametrize(
    ("target", "error"),
    [
        (targets.allocate_too_much, ResourceLimitError),
        (targets.raise_input_error, EncryptedPdfError),
        (targets.raise_library_error, CorruptFileError),
        (targets.abort_process, CorruptFileError),
    ],
)
def test_when_child_fails_then_a_coded_input_error_is_raised(
    target: Callable[[bytes], int], error: type[InputError]
) -> None:
    """Memory exhaustion, coded errors, library errors and crashes all map to InputError codes."""
    with pytest.raises(error) as caught:
        run_isolated(target, b"x", memory_bytes=512 * 1024 * 1024)
    assert "Jane_Doe" not in caught.value.message


def test_when_a_script_has_no_main_guard_then_parse_still_works(tmp_path: Path) -> None:
    """Library users may call parse at a script's top level; children must not re-run it."""
    script = tmp_path / "plain_script.py"
    script.write_text(
        "from hitl_resume.ingest.isolation import run_isolated\n"
        "print('RESULT', run_isolated(len, b'abcd'))\n"
    )
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("RESULT 4") == 1
