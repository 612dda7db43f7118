"""Read lexicon JSONL files: one JSON object a line, errors naming the file and line."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
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


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem found while checking a lexicon file (line 0: the file as a whole)."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path.name}:{self.line}: {self.message}"


RecordCheck = Callable[[Record], list[str]]


def check_files(
    directory: Path,
    names: Sequence[str],
    checker_for: Callable[[str], RecordCheck],
    *,
    missing: str = "required lexicon file is missing",
) -> tuple[dict[str, list[Record]], list[Problem]]:
    """Read every named file, check each record and ids across files; report every problem.

    ``checker_for(name)`` is called once per file, so a checker may keep per-file state (such as
    the phrases already seen). Records without problems come back per file, in file order.
    """
    good: dict[str, list[Record]] = {name: [] for name in names}
    problems: list[Problem] = []
    ids: dict[str, tuple[Path, int]] = {}
    for name in names:
        path = directory / name
        if not path.is_file():
            problems.append(Problem(path, 0, missing))
            continue
        check = checker_for(name)
        errors: list[LexiconError] = []
        for record in read_jsonl(path, errors):
            messages = check(record)
            entry_id = record.data.get("id")
            if isinstance(entry_id, str):
                if entry_id in ids:
                    first_path, first_line = ids[entry_id]
                    messages.append(
                        f"duplicate id {entry_id!r} (first at {first_path.name}:{first_line})"
                    )
                else:
                    ids[entry_id] = (path, record.line)
            problems += [Problem(path, record.line, message) for message in messages]
            if not messages:
                good[name].append(record)
        problems += [Problem(path, error.line, error.problem) for error in errors]
    return good, problems
