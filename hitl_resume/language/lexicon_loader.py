"""Load and validate the lexicon directory so every finding can cite the data line behind it."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from hitl_resume.language.inflect import Pos
from hitl_resume.language.jsonl_reader import LexiconError, Record, read_jsonl
from hitl_resume.language.lexicon_schema import (
    GROUP_FIELD,
    ID_RE,
    LEXICON_FILES,
    ROLE_IDS,
    SCHEMAS,
    phrase_problem,
)

__all__ = [
    "ROLE_IDS",
    "AiTerm",
    "Cue",
    "Keyword",
    "Lexicon",
    "Occupation",
    "OccupationRole",
    "Role",
    "RoleTerm",
    "Signal",
    "bundled_lexicon_dir",
    "check_lexicon",
    "load_lexicon",
]


@dataclass(frozen=True, slots=True)
class Role:
    """One of the seven HITL role patterns."""

    id: str
    label: str
    description: str
    onet_codes: tuple[str, ...]
    path: str
    line: int


@dataclass(frozen=True, slots=True)
class RoleTerm:
    """Phrases that are evidence for one role (title, domain, artifact, framework, employer)."""

    id: str
    role: str
    kind: str
    phrases: tuple[str, ...]
    weight: float
    source: str
    path: str
    line: int


@dataclass(frozen=True, slots=True)
class Signal:
    """A cross-cutting HITL behaviour (review, override, escalate...) and its phrases."""

    id: str
    signal: str
    pos: Pos
    phrases: tuple[str, ...]
    weight: float
    path: str
    line: int


@dataclass(frozen=True, slots=True)
class AiTerm:
    """Phrases naming an AI or automation artifact; they make evidence explicit."""

    id: str
    kind: str
    phrases: tuple[str, ...]
    path: str
    line: int


@dataclass(frozen=True, slots=True)
class Cue:
    """Context phrases: negation, posting sections, requests to review output."""

    id: str
    kind: str
    phrases: tuple[str, ...]
    path: str
    line: int


@dataclass(frozen=True, slots=True)
class Keyword:
    """A posting/resume keyword; its phrases are synonyms."""

    id: str
    kind: str
    phrases: tuple[str, ...]
    path: str
    line: int


@dataclass(frozen=True, slots=True)
class Occupation:
    """An O*NET occupation and the job titles that name it (generated from O*NET)."""

    id: str
    code: str
    title: str
    phrases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OccupationRole:
    """Where titles of occupations under an O*NET-SOC prefix count, and why."""

    id: str
    soc: str
    role: str
    reason: str
    path: str
    line: int


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every lexicon entry, validated, with the directory it came from."""

    roles: tuple[Role, ...]
    role_terms: tuple[RoleTerm, ...]
    signals: tuple[Signal, ...]
    ai_terms: tuple[AiTerm, ...]
    cues: tuple[Cue, ...]
    keywords: tuple[Keyword, ...]
    source_dir: str
    occupations: tuple[Occupation, ...] = ()
    occupation_roles: tuple[OccupationRole, ...] = ()
    #: Systems people review (claims, coding, HR, dispatch, ERP…), from O*NET Technology Skills.
    systems: tuple[AiTerm, ...] = ()

    def role(self, role_id: str) -> Role:
        """Return the role with this id (KeyError when unknown)."""
        for role in self.roles:
            if role.id == role_id:
                return role
        raise KeyError(role_id)

    def terms_for(self, role_id: str) -> tuple[RoleTerm, ...]:
        """Return the role terms of one role, in file order."""
        return tuple(term for term in self.role_terms if term.role == role_id)

    def cues_of(self, kind: str) -> tuple[Cue, ...]:
        """Return the cue entries of one kind."""
        return tuple(cue for cue in self.cues if cue.kind == kind)


# ---- validation ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Problem:
    path: Path
    line: int
    message: str


def _records(path: Path, problems: list[_Problem]) -> Iterator[Record]:
    """Yield each JSON object of a file; bad lines become problems instead of stopping the file."""
    errors: list[LexiconError] = []
    yield from read_jsonl(path, errors)
    problems += [_Problem(path, e.line, e.problem) for e in errors]


def _check_record(name: str, record: Record) -> list[str]:
    schema = SCHEMAS[name]
    found: list[str] = []
    unknown = sorted(set(record.data) - set(schema))
    if unknown:
        found.append(f"unknown key {unknown[0]!r} (allowed: {', '.join(schema)})")
    for key, check in schema.items():
        if key not in record.data:
            found.append(f"missing key {key!r}")
            continue
        problem = check(record.data[key])
        if problem:
            found.append(f"{key!r} {problem}")
    entry_id = record.data.get("id")
    if isinstance(entry_id, str) and not ID_RE.match(entry_id):
        found.append(f"id {entry_id!r} must match {ID_RE.pattern}")
    return found


def _validate(directory: Path) -> tuple[Lexicon | None, list[_Problem]]:
    problems: list[_Problem] = []
    good: dict[str, list[Record]] = {name: [] for name in LEXICON_FILES}
    ids: dict[str, tuple[Path, int]] = {}
    for name in LEXICON_FILES:
        path = directory / name
        if not path.is_file():
            problems.append(_Problem(path, 0, "required lexicon file is missing"))
            continue
        seen: dict[tuple[str, str], int] = {}
        for record in _records(path, problems):
            messages = _check_record(name, record)
            entry_id = record.data.get("id")
            if isinstance(entry_id, str):
                if entry_id in ids:
                    first_path, first_line = ids[entry_id]
                    messages.append(
                        f"duplicate id {entry_id!r} (first at {first_path.name}:{first_line})"
                    )
                else:
                    ids[entry_id] = (path, record.line)
            messages += _phrase_messages(name, record, seen)
            problems += [_Problem(path, record.line, message) for message in messages]
            if not messages:
                good[name].append(record)
    roles = {record.data["id"] for record in good["roles.jsonl"]}
    if (directory / "roles.jsonl").is_file():
        missing = [role for role in ROLE_IDS if role not in roles]
        if missing:
            problems.append(
                _Problem(directory / "roles.jsonl", 0, f"missing role(s): {', '.join(missing)}")
            )
    for record in list(good["role_terms.jsonl"]):
        if record.data["role"] not in roles:
            problems.append(
                _Problem(Path(record.path), record.line, f"unknown role {record.data['role']!r}")
            )
            good["role_terms.jsonl"].remove(record)
    problems += _structure_problems(directory)
    problems.sort(key=lambda p: (LEXICON_FILES.index(p.path.name), p.line))
    if problems:
        return None, problems
    return _build(directory, good), []


def _structure_problems(directory: Path) -> list[_Problem]:
    """Run the structure step's own loaders (known section kinds, id form) on its two files.

    The headings and title-word files are read by ``hitl_resume.structure``; its loaders are
    the single definition of their meaning, so their first error is reported here too.
    """
    from hitl_resume.structure.lexicon_files import load_heading_entries, load_title_words

    problems = []
    for name, loader in (
        ("headings.jsonl", load_heading_entries),
        ("title_words.jsonl", load_title_words),
    ):
        path = directory / name
        if not path.is_file():
            continue
        try:
            loader(path)
        except LexiconError as error:
            problem = _Problem(path, error.line, error.problem)
            problems.append(problem)
    return problems


def _phrase_messages(name: str, record: Record, seen: dict[tuple[str, str], int]) -> list[str]:
    """Check each phrase's form and that no phrase repeats within the same kind of a file."""
    key = "words" if name == "title_words.jsonl" else "phrases"
    phrases = record.data.get(key)
    if not isinstance(phrases, list):
        return []
    group_field = GROUP_FIELD[name]
    group = str(record.data.get(group_field, "")) if group_field else f"#{record.line}"
    messages: list[str] = []
    for phrase in phrases:
        if not isinstance(phrase, str):
            continue
        problem = phrase_problem(phrase)
        if problem:
            messages.append(problem)
            continue
        first = seen.get((group, phrase))
        if first is not None:
            where = "this line" if first == record.line else f"line {first}"
            messages.append(f"duplicate phrase {phrase!r} (also on {where}, same kind)")
        else:
            seen[(group, phrase)] = record.line
    return messages


def _pos(value: str) -> Pos:
    if value == "verb":
        return "verb"
    if value == "noun":
        return "noun"
    return "phrase"


def _build(directory: Path, good: dict[str, list[Record]]) -> Lexicon:
    def rows(name: str) -> list[tuple[dict[str, Any], str, int]]:
        return [(r.data, name, r.line) for r in good[name]]

    return Lexicon(
        roles=tuple(
            Role(d["id"], d["label"], d["description"], tuple(d["onet_codes"]), p, n)
            for d, p, n in rows("roles.jsonl")
        ),
        role_terms=tuple(
            RoleTerm(
                d["id"],
                d["role"],
                d["kind"],
                tuple(d["phrases"]),
                float(d["weight"]),
                d["source"],
                p,
                n,
            )
            for d, p, n in rows("role_terms.jsonl")
        ),
        signals=tuple(
            Signal(
                d["id"], d["signal"], _pos(d["pos"]), tuple(d["phrases"]), float(d["weight"]), p, n
            )
            for d, p, n in rows("signals.jsonl")
        ),
        ai_terms=tuple(
            AiTerm(d["id"], d["kind"], tuple(d["phrases"]), p, n)
            for d, p, n in rows("ai_terms.jsonl")
        ),
        cues=tuple(
            Cue(d["id"], d["kind"], tuple(d["phrases"]), p, n) for d, p, n in rows("cues.jsonl")
        ),
        keywords=tuple(
            Keyword(d["id"], d["kind"], tuple(d["phrases"]), p, n)
            for d, p, n in rows("keywords.jsonl")
        ),
        source_dir=str(directory),
        occupations=tuple(
            Occupation(d["id"], d["code"], d["title"], tuple(d["phrases"]))
            for d, _, _ in rows("occupations.jsonl")
        ),
        occupation_roles=tuple(
            OccupationRole(d["id"], d["soc"], d["role"], d["reason"], p, n)
            for d, p, n in rows("occupation_roles.jsonl")
        ),
        systems=tuple(
            AiTerm(d["id"], d["kind"], tuple(d["phrases"]), p, n)
            for d, p, n in rows("systems.jsonl")
        ),
    )


# ---- public API ---------------------------------------------------------------------------


def bundled_lexicon_dir() -> Path:
    """Return the directory of the lexicon shipped inside the package (``hitl_resume.lexicon``)."""
    return Path(str(files("hitl_resume.lexicon")))


@functools.cache
def _bundled() -> Lexicon:
    return _load(bundled_lexicon_dir())


def _load(directory: Path) -> Lexicon:
    lexicon, problems = _validate(directory)
    if problems:
        first = problems[0]
        raise LexiconError(first.path, first.line, first.message)
    assert lexicon is not None
    return lexicon


def load_lexicon(directory: Path | None = None) -> Lexicon:
    """Load and validate a lexicon directory (None: the bundled one, cached).

    Raises:
        LexiconError: naming the file and line of the first problem found.
    """
    if directory is None:
        return _bundled()
    return _load(Path(directory))


def check_lexicon(directory: Path | None = None) -> list[str]:
    """Return every problem in a lexicon directory as ``file:line: problem`` (empty when valid)."""
    from hitl_resume.coaching.templates import COACHING_FILES, check_coaching_lexicon

    target = bundled_lexicon_dir() if directory is None else Path(directory)
    _, problems = _validate(target)
    found = [f"{p.path.name}:{p.line}: {p.message}" for p in problems]
    if any((target / name).is_file() for name in COACHING_FILES):
        found += check_coaching_lexicon(target)  # absent as a set = the bundled ones are used
    return found
