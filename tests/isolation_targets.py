"""Module-level parse targets for isolation tests (children import them by name)."""

from __future__ import annotations

import os
import time

from hitl_resume.errors import EncryptedPdfError


def echo_length(data: bytes) -> int:
    return len(data)


def never_return(data: bytes) -> int:
    while True:
        time.sleep(0.05)


def busy_loop(data: bytes) -> int:
    n = 0
    while True:
        n += 1


def allocate_too_much(data: bytes) -> int:
    blocks = []
    for _ in range(64):
        blocks.append(bytearray(64 * 1024 * 1024))
    return len(blocks)


def raise_input_error(data: bytes) -> int:
    raise EncryptedPdfError()


def raise_library_error(data: bytes) -> int:
    raise KeyError("/Root object from /home/someone/Jane_Doe_resume.pdf")


def abort_process(data: bytes) -> int:
    os.abort()
