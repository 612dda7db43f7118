"""Read SkillSpan (MIT) postings as text with character spans of annotated skills/knowledge."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class AnnotatedPosting:
    """One posting: text (a sentence a line) and the annotated spans by layer."""

    name: str
    text: str
    knowledge: tuple[tuple[int, int], ...]
    skill: tuple[tuple[int, int], ...]


def _spans(tags: list[str], starts: list[int], ends: list[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    current: list[int] | None = None
    for i, tag in enumerate(tags):
        if tag.startswith("B") or (tag.startswith("I") and current is None):
            if current:
                out.append((current[0], current[1]))
            current = [starts[i], ends[i]]
        elif tag.startswith("I") and current is not None:
            current[1] = ends[i]
        elif current is not None:
            out.append((current[0], current[1]))
            current = None
    if current:
        out.append((current[0], current[1]))
    return out


def read_split(directory: Path, split: str) -> list[AnnotatedPosting]:
    """Postings of ``json/<split>.json``, in file order."""
    postings: list[AnnotatedPosting] = []
    lines: list[str] = []
    knowledge: list[tuple[int, int]] = []
    skill: list[tuple[int, int]] = []
    key: tuple[str, int] | None = None
    offset = 0

    def flush() -> None:
        if key is not None:
            name = f"{split}_{key[0]}_{key[1]}"
            postings.append(
                AnnotatedPosting(name, "\n".join(lines), tuple(knowledge), tuple(skill))
            )

    for raw in (directory / "json" / f"{split}.json").read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        row = json.loads(raw)
        row_key = (str(row["source"]), int(row["idx"]))
        if row_key != key:
            flush()
            key, lines, knowledge, skill, offset = row_key, [], [], [], 0
        starts, ends = [], []
        position = offset
        for token in row["tokens"]:
            starts.append(position)
            ends.append(position + len(token))
            position += len(token) + 1
        knowledge += _spans(row["tags_knowledge"], starts, ends)
        skill += _spans(row["tags_skill"], starts, ends)
        sentence = " ".join(row["tokens"])
        lines.append(sentence)
        offset += len(sentence) + 1
    flush()
    return postings
