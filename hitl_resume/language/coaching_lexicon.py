"""Load and validate the coaching data files so every rewrite and prompt cites a data line."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hitl_resume.language.jsonl_reader import (
    LexiconError,
    Problem,
    Record,
    RecordCheck,
    check_files,
)
from hitl_resume.language.lexicon_schema import ROLE_IDS, SIGNAL_NAMES, bundled_lexicon_dir

REWRITES_FILE = "rewrite_templates.jsonl"
SOAR_FILE = "soar_templates.jsonl"
WEAK_FILE = "weak_openings.jsonl"
PLAN_FILE = "plan.jsonl"
COACHING_FILES = (REWRITES_FILE, SOAR_FILE, WEAK_FILE, PLAN_FILE)

FRAMINGS = frozenset(
    {
        "oversight_layer",
        "review_approve_escalate",
        "structured_feedback",
        "escalation_protocols",
        "audit_documentation",
    }
)
EVIDENCE = frozenset({"explicit", "transferable", "any"})
SHAPES = frozenset({"lead_object", "lead_clause", "means_first", "clean", "assisted"})
#: Where the clause's signal must sit: on one of its verbs, only on its nouns, or either.
SIGNAL_BY = frozenset({"verb", "noun", "any"})
WEAK_MODES = frozenset({"fallback", "always"})
SOAR_PARTS = frozenset({"situation", "obstacle", "action", "result", "result_hint"})
PLAN_KINDS = frozenset({"board", "search_term", "skill", "look_back", "step"})
STEP_WHEN = frozenset({"always", "look_back", "rewrites", "skills", "interview"})

REWRITE_SLOTS = frozenset({"object", "rest", "clause", "clause_ing", "ai", "means", "outcome"})
SOAR_SLOTS = frozenset(
    {"where", "quote", "artifact", "ai", "decisions", "numbers", "framework_hint"}
)
STEP_SLOTS = frozenset({"searches", "rewrite_ids", "skills"})
_ID_RE = re.compile(r"^[a-z0-9_.]+$")
_VERB_SLOT = re.compile(r"^v:[a-z]+$")


@dataclass(frozen=True, slots=True)
class RewriteTemplate:
    """One governance framing with slots filled from the bullet."""

    id: str
    framing: str
    evidence: str
    signals: tuple[str, ...]
    roles: tuple[str, ...]
    shape: str
    text: str
    confirm: str | None
    priority: int
    requires: tuple[str, ...] = ()
    signal_by: str = "any"


@dataclass(frozen=True, slots=True)
class SoarTemplate:
    """One SOAR part (or Result hint) for findings matching its evidence, signals and roles."""

    id: str
    part: str
    evidence: str
    signals: tuple[str, ...]
    roles: tuple[str, ...]
    text: str
    priority: int


@dataclass(frozen=True, slots=True)
class WeakOpening:
    """Bullet openings that are replaced, never produced."""

    id: str
    phrases: tuple[str, ...]
    replace_with: str | None
    mode: str = "fallback"


@dataclass(frozen=True, slots=True)
class PlanEntry:
    """A board, search term, skill, look-back prompt or checklist step of the plan."""

    id: str
    kind: str
    text: str
    url: str = ""
    signals: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    explicit_only: bool = False
    when: str = "always"


@dataclass(frozen=True, slots=True)
class CoachingData:
    """Every coaching data file, validated."""

    rewrites: tuple[RewriteTemplate, ...]
    soar: tuple[SoarTemplate, ...]
    weak: tuple[WeakOpening, ...]
    plan: tuple[PlanEntry, ...]

    def plan_of(self, kind: str) -> tuple[PlanEntry, ...]:
        """Plan entries of one kind, in file order."""
        return tuple(entry for entry in self.plan if entry.kind == kind)


# ---- field checks ---------------------------------------------------------------------------

_Check = Callable[[Any], str | None]


def _text(value: Any) -> str | None:
    return None if isinstance(value, str) and value.strip() else "must be a non-empty string"


def _enum(allowed: frozenset[str]) -> _Check:
    def check(value: Any) -> str | None:
        ok = isinstance(value, str) and value in allowed
        return None if ok else f"must be one of {', '.join(sorted(allowed))}"

    return check


def _subset(allowed: frozenset[str] | tuple[str, ...]) -> _Check:
    def check(value: Any) -> str | None:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return "must be a list of strings"
        bad = [v for v in value if v not in allowed]
        return f"has unknown value {bad[0]!r}" if bad else None

    return check


def _phrases(value: Any) -> str | None:
    if not isinstance(value, list) or not value:
        return "must be a non-empty list of strings"
    for item in value:
        if not isinstance(item, str) or item != item.strip().lower() or not item:
            return f"phrase {item!r} must be a non-empty lowercase string without outer spaces"
    return None


def _words(value: Any) -> str | None:
    if not isinstance(value, list):
        return "must be a list of lowercase words"
    for item in value:
        if not isinstance(item, str) or item != item.strip().lower() or not item:
            return f"word {item!r} must be a non-empty lowercase string"
    return None


def _optional_text(value: Any) -> str | None:
    return None if value is None else _text(value)


def _priority(value: Any) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 1000
    return None if ok else "must be an integer from 0 to 1000"


def _bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else "must be true or false"


def _url(value: Any) -> str | None:
    ok = isinstance(value, str) and value.startswith("https://") and " " not in value
    return None if ok else "must be an https:// URL prefix without spaces"


_SLOT_RE = re.compile(r"\{([a-z_]+(?::[a-z]+)?)\}")


def _slots(allowed: frozenset[str], verbs: bool) -> _Check:
    def check(value: Any) -> str | None:
        if not isinstance(value, str) or not value.strip():
            return "must be a non-empty string"
        for field in _SLOT_RE.findall(value):
            if field in allowed or (verbs and _VERB_SLOT.match(field)):
                continue
            return f"uses unknown slot {{{field}}} (allowed: {', '.join(sorted(allowed))})"
        if "{" in _SLOT_RE.sub("", value) or "}" in _SLOT_RE.sub("", value):
            return "has a { or } that is not a slot"
        return None

    return check


#: Keys a record may leave out (their defaults are the dataclass defaults).
_OPTIONAL = frozenset({"signal_by", "mode"})
_ROLES = _subset(ROLE_IDS)
_SIGNALS = _subset(SIGNAL_NAMES)

_SCHEMAS: dict[str, dict[str, _Check]] = {
    REWRITES_FILE: {
        "id": _text,
        "framing": _enum(FRAMINGS),
        "evidence": _enum(EVIDENCE),
        "signals": _SIGNALS,
        "roles": _ROLES,
        "shape": _enum(SHAPES),
        "text": _slots(REWRITE_SLOTS, verbs=True),
        "confirm": _optional_text,
        "requires": _words,
        "priority": _priority,
        "signal_by": _enum(SIGNAL_BY),
    },
    SOAR_FILE: {
        "id": _text,
        "part": _enum(SOAR_PARTS),
        "evidence": _enum(EVIDENCE),
        "signals": _SIGNALS,
        "roles": _ROLES,
        "text": _slots(SOAR_SLOTS, verbs=False),
        "priority": _priority,
    },
    WEAK_FILE: {
        "id": _text,
        "phrases": _phrases,
        "replace_with": _optional_text,
        "mode": _enum(WEAK_MODES),
    },
}
_PLAN_SCHEMAS: dict[str, dict[str, _Check]] = {
    "board": {"id": _text, "kind": _text, "name": _text, "url": _url},
    "search_term": {"id": _text, "kind": _text, "text": _text},
    "skill": {
        "id": _text,
        "kind": _text,
        "text": _text,
        "signals": _SIGNALS,
        "roles": _ROLES,
        "explicit_only": _bool,
    },
    "look_back": {"id": _text, "kind": _text, "text": _text, "roles": _ROLES},
    "step": {
        "id": _text,
        "kind": _text,
        "text": _slots(STEP_SLOTS, verbs=False),
        "when": _enum(STEP_WHEN),
    },
}


def _schema_for(name: str, data: dict[str, Any]) -> dict[str, _Check] | str:
    if name != PLAN_FILE:
        return _SCHEMAS[name]
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in PLAN_KINDS:
        return f"'kind' must be one of {', '.join(sorted(PLAN_KINDS))}"
    return _PLAN_SCHEMAS[kind]


def record_problems(name: str, record: Record) -> list[str]:
    """Say what is wrong with one record of a coaching file (empty when valid)."""
    schema = _schema_for(name, record.data)
    if isinstance(schema, str):
        return [schema]
    found: list[str] = []
    unknown = sorted(set(record.data) - set(schema))
    if unknown:
        found.append(f"unknown key {unknown[0]!r} (allowed: {', '.join(schema)})")
    for key, check in schema.items():
        if key not in record.data:
            if key not in _OPTIONAL:
                found.append(f"missing key {key!r}")
            continue
        problem = check(record.data[key])
        if problem:
            found.append(f"{key!r} {problem}")
    entry_id = record.data.get("id")
    if isinstance(entry_id, str) and not _ID_RE.match(entry_id):
        found.append(f"id {entry_id!r} must match {_ID_RE.pattern}")
    return found


def _checker_for(name: str) -> RecordCheck:
    return lambda record: record_problems(name, record)


def _check(directory: Path) -> tuple[dict[str, list[Record]], list[Problem]]:
    good, problems = check_files(
        directory, COACHING_FILES, _checker_for, missing="required coaching file is missing"
    )
    problems.sort(key=lambda p: (COACHING_FILES.index(p.path.name), p.line))
    return good, problems


def check_coaching_lexicon(directory: Path | None = None) -> list[str]:
    """Return every problem of the coaching files as ``file:line: problem`` (empty when valid)."""
    target = bundled_lexicon_dir() if directory is None else Path(directory)
    return [str(problem) for problem in _check(target)[1]]


def _build(good: dict[str, list[Record]]) -> CoachingData:
    def rows(name: str) -> list[dict[str, Any]]:
        return [record.data for record in good[name]]

    return CoachingData(
        rewrites=tuple(
            RewriteTemplate(
                d["id"],
                d["framing"],
                d["evidence"],
                tuple(d["signals"]),
                tuple(d["roles"]),
                d["shape"],
                d["text"],
                d["confirm"],
                d["priority"],
                tuple(d["requires"]),
                d.get("signal_by", "any"),
            )
            for d in rows(REWRITES_FILE)
        ),
        soar=tuple(
            SoarTemplate(
                d["id"],
                d["part"],
                d["evidence"],
                tuple(d["signals"]),
                tuple(d["roles"]),
                d["text"],
                d["priority"],
            )
            for d in rows(SOAR_FILE)
        ),
        weak=tuple(
            WeakOpening(d["id"], tuple(d["phrases"]), d["replace_with"], d.get("mode", "fallback"))
            for d in rows(WEAK_FILE)
        ),
        plan=tuple(
            PlanEntry(
                id=d["id"],
                kind=d["kind"],
                text=d.get("text") or d.get("name", ""),
                url=d.get("url", ""),
                signals=tuple(d.get("signals", ())),
                roles=tuple(d.get("roles", ())),
                explicit_only=bool(d.get("explicit_only", False)),
                when=d.get("when", "always"),
            )
            for d in rows(PLAN_FILE)
        ),
    )


def load_coaching_data(directory: Path | None = None) -> CoachingData:
    """Load and validate the coaching files of a directory (None: the bundled lexicon).

    Raises:
        LexiconError: naming the file and line of the first problem found.
    """
    target = bundled_lexicon_dir() if directory is None else Path(directory)
    good, problems = _check(target)
    if problems:
        first = problems[0]
        raise LexiconError(first.path, first.line, first.message)
    return _build(good)
