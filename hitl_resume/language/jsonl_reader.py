"""Read lexicon JSONL files: one JSON object a line, errors naming the file and line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names the file and line."""

    def __init__(self, path: Path | str, line: int, problem: str) -> None:
        self.path = str(path)
        self.line = line
        self.problem = problem
        super().__init__(f"{path}:{line}: {problem}")


@dataclass(frozen=True, slots=True)
class Record:
    """One JSON object from a JSONL file, with where it came from."""

    path: str
    line: int
    data: dict[str, Any]


def read_jsonl(path: Path, problems: list[LexiconError] | None = None) -> Iterator[Record]:
    """Yield each object of a JSONL file; blank lines and ``//`` comment lines are skipped.

    Bad lines raise ``LexiconError`` — or, when a ``problems`` list is given, are appended to it
    and skipped, so a checker can report every problem of a file at once.
    """

    def fail(line: int, problem: str) -> None:
        error = LexiconError(path, line, problem)
        if problems is None:
            raise error
        problems.append(error)

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(0, f"cannot read file ({exc.__class__.__name__})")
        return
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped or stripped.startswith("//"):
            continue
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            fail(number, f"invalid JSON: {exc.msg}")
            continue
        if not isinstance(data, dict):
            fail(number, "each line must be a JSON object")
            continue
        yield Record(str(path), number, data)
