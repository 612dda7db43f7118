"""Load and validate the lexicon directory so every finding can cite the data line behind it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hitl_resume.language.coaching_lexicon import (
    COACHING_FILES,
    CoachingData,
    check_coaching_lexicon,
    load_coaching_data,
)
from hitl_resume.language.inflect import Pos
from hitl_resume.language.jsonl_reader import (
    LexiconError,
    Problem,
    Record,
    RecordCheck,
    check_files,
)
from hitl_resume.language.lexicon_entries import (
    AiTerm,
    Cue,
    Keyword,
    Occupation,
    OccupationRole,
    PhraseEntry,
    Role,
    RoleTerm,
    Signal,
)
from hitl_resume.language.lexicon_schema import (
    GROUP_FIELD,
    ID_RE,
    LEXICON_FILES,
    ROLE_IDS,
    SCHEMAS,
    bundled_lexicon_dir,
    phrase_problem,
)
from hitl_resume.language.structure_lexicon import (
    FIELDS_FILE,
    PLACES_FILE,
    FieldLabels,
    HeadingLexicon,
    Places,
    load_field_labels,
    load_heading_entries,
    load_headings,
    load_places,
    load_title_words,
)

__all__ = [
    "ROLE_IDS",
    "AiTerm",
    "Cue",
    "Keyword",
    "Lexicon",
    "Occupation",
    "OccupationRole",
    "PhraseEntry",
    "Role",
    "RoleTerm",
    "Signal",
    "bundled_lexicon_dir",
    "check_lexicon",
    "load_lexicon",
]


@dataclass(frozen=True, slots=True, eq=False)
class Lexicon:
    """Every lexicon file, validated once, with the directory it came from.

    One object is handed to every stage (structure, detection, coaching), so a user's
    ``--lexicon DIR`` governs all of them. Compared and hashed by identity: caches of data
    derived from it key on the object, not on its thousands of phrases.
    """

    roles: tuple[Role, ...]
    role_terms: tuple[RoleTerm, ...]
    signals: tuple[Signal, ...]
    ai_terms: tuple[AiTerm, ...]
    cues: tuple[Cue, ...]
    keywords: tuple[Keyword, ...]
    headings: HeadingLexicon
    title_words: frozenset[str]
    field_labels: FieldLabels
    places: Places
    coaching: CoachingData
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


def _checker_for(name: str) -> RecordCheck:
    seen: dict[tuple[str, str], int] = {}

    def check(record: Record) -> list[str]:
        return _check_record(name, record) + _phrase_messages(name, record, seen)

    return check


def _validate(directory: Path) -> tuple[Lexicon | None, list[Problem]]:
    good, problems = check_files(directory, LEXICON_FILES, _checker_for)
    roles = {record.data["id"] for record in good["roles.jsonl"]}
    if (directory / "roles.jsonl").is_file():
        missing = [role for role in ROLE_IDS if role not in roles]
        if missing:
            problems.append(
                Problem(directory / "roles.jsonl", 0, f"missing role(s): {', '.join(missing)}")
            )
    for record in list(good["role_terms.jsonl"]):
        if record.data["role"] not in roles:
            problems.append(
                Problem(Path(record.path), record.line, f"unknown role {record.data['role']!r}")
            )
            good["role_terms.jsonl"].remove(record)
    problems += _structure_problems(directory)
    order = {name: i for i, name in enumerate(LEXICON_FILES)}
    problems.sort(key=lambda p: (order.get(p.path.name, len(order)), p.line))
    if problems:
        return None, problems
    return _build(directory, good), []


def _structure_problems(directory: Path) -> list[Problem]:
    """Run the structure files' own loaders (headings, title words, field labels, places).

    Their loaders are the single definition of their meaning, so their first error is
    reported here too. Field labels and places are optional in a user's directory.
    """
    problems = []
    loaders: tuple[tuple[str, Callable[[Path], object]], ...] = (
        ("headings.jsonl", load_heading_entries),
        ("title_words.jsonl", load_title_words),
        (FIELDS_FILE, lambda path: load_field_labels(path.parent)),
        (PLACES_FILE, lambda path: load_places(path.parent)),
    )
    for name, loader in loaders:
        path = directory / name
        if not path.is_file():
            continue
        try:
            loader(path)
        except LexiconError as error:
            problem = Problem(path, error.line, error.problem)
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
        headings=load_headings(directory / "headings.jsonl"),
        title_words=load_title_words(directory / "title_words.jsonl"),
        field_labels=load_field_labels(_beside(directory, FIELDS_FILE)),
        places=load_places(_beside(directory, PLACES_FILE)),
        coaching=load_coaching_data(_coaching_dir(directory)),
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


def _beside(directory: Path, name: str) -> Path:
    """The directory holding ``name``: the lexicon's own, or the bundled one when it lacks it."""
    return directory if (directory / name).is_file() else bundled_lexicon_dir()


def _coaching_dir(directory: Path) -> Path:
    """The coaching files beside a lexicon; a directory without any of them uses the bundled set."""
    if any((directory / name).is_file() for name in COACHING_FILES):
        return directory
    return bundled_lexicon_dir()


# ---- public API ---------------------------------------------------------------------------


def _load(directory: Path) -> Lexicon:
    lexicon, problems = _validate(directory)
    if problems:
        first = problems[0]
        raise LexiconError(first.path, first.line, first.message)
    assert lexicon is not None
    return lexicon


def load_lexicon(directory: Path | None = None) -> Lexicon:
    """Load and validate a lexicon directory (None: the bundled one).

    Not cached: the caller keeps the object (``hitl_resume.defaults`` holds the shared one).

    Raises:
        LexiconError: naming the file and line of the first problem found.
    """
    return _load(bundled_lexicon_dir() if directory is None else Path(directory))


def check_lexicon(directory: Path | None = None) -> list[str]:
    """Return every problem in a lexicon directory as ``file:line: problem`` (empty when valid)."""
    target = bundled_lexicon_dir() if directory is None else Path(directory)
    _, problems = _validate(target)
    found = [str(problem) for problem in problems]
    found += _keyword_rule_problems(target)
    if any((target / name).is_file() for name in COACHING_FILES):
        found += check_coaching_lexicon(target)  # absent as a set = the bundled ones are used
    return found


def _keyword_rule_problems(directory: Path) -> list[str]:
    """Check ``keyword_rules.jsonl`` with the keyword loader (absent: the bundled one is used)."""
    from hitl_resume.keywords.loader import RULES_NAME, load_rules

    path = directory / RULES_NAME
    if not path.is_file():
        return []
    try:
        load_rules(path)
    except LexiconError as error:
        return [str(Problem(path, error.line, error.problem))]
    return []
