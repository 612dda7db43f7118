"""The coaching data files' schema: which keys each record has and what each value must be."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from hitl_resume.language.jsonl_reader import Record
from hitl_resume.language.lexicon_schema import ROLE_IDS, SIGNAL_NAMES

REWRITES_FILE = "rewrite_templates.jsonl"
SOAR_FILE = "soar_templates.jsonl"
WEAK_FILE = "weak_openings.jsonl"
PLAN_FILE = "plan.jsonl"
OBJECTS_FILE = "work_products.jsonl"
TYPOS_FILE = "typo_fixes.jsonl"
WORDS_FILE = "coaching_words.jsonl"
TAILS_FILE = "confirm_tails.jsonl"
WORD_KINDS = frozenset(
    {
        "authoring_verb",
        "background_modifier",
        "bookkeeping_verb",
        "check_verb",
        "logistics_verb",
        "countable_noun",
        "decision_queue",
        "meeting_party",
        "noun_compound",
        "open_purpose",
        "person_noun",
        "reasoning_noun",
        "result_verb",
        "service_party",
        "software_word",
    }
)
COACHING_FILES = (
    REWRITES_FILE,
    SOAR_FILE,
    WEAK_FILE,
    PLAN_FILE,
    OBJECTS_FILE,
    TYPOS_FILE,
    WORDS_FILE,
    TAILS_FILE,
)

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
#: What a framing may rest on: a work product or decision (claims, codes, schedules), or any object.
OBJECTS = frozenset({"work_product", "not_rule", "any"})
#: Where the clause's signal must sit: on one of its verbs, only on its nouns, or either.
SIGNAL_BY = frozenset({"verb", "noun", "any"})
WEAK_MODES = frozenset({"fallback", "always"})
SOAR_PARTS = frozenset({"situation", "obstacle", "action", "result", "result_hint"})
PLAN_KINDS = frozenset({"board", "search_term", "hitl_title", "skill", "look_back", "step"})
STEP_WHEN = frozenset(
    {"always", "look_back", "rewrites", "skills", "interview", "employed", "between_jobs"}
)

REWRITE_SLOTS = frozenset({"clause_ing", "automation"})
CONFIRM_SLOTS = frozenset({"object", "automation", "them"})
TAIL_SLOTS = frozenset({"noun"})
SOAR_SLOTS = frozenset(
    {"where", "quote", "artifact", "ai", "decisions", "numbers", "framework_hint"}
)
STEP_SLOTS = frozenset({"searches", "rewrite_ids", "skills"})
SOAR_WORK = frozenset({"any", "own", "support", "checked"})
_ID_RE = re.compile(r"^[a-z0-9_.]+$")
_VERB_SLOT = re.compile(r"^v:[a-z]+$")


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


def _optional_year(value: Any) -> str | None:
    ok = value is None or (isinstance(value, int) and 1950 <= value <= 2100)
    return None if ok else "must be null or a year"


def _count(value: Any) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 20
    return None if ok else "must be an integer from 1 to 20"


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
_OPTIONAL = frozenset(
    {
        "signal_by",
        "mode",
        "alternative",
        "confirm",
        "min_findings",
        "not_products",
        "products",
        "leads",
        "then",
        "words",
        "systems_only",
        "work",
        "automation_roles",
        "whole_line",
        "books",
    }
)
_ROLES = _subset(ROLE_IDS)
_SIGNALS = _subset(SIGNAL_NAMES)

_SCHEMAS: dict[str, dict[str, _Check]] = {
    REWRITES_FILE: {
        "id": _text,
        "framing": _enum(FRAMINGS),
        "evidence": _enum(EVIDENCE),
        "signals": _SIGNALS,
        "roles": _ROLES,
        "text": _slots(REWRITE_SLOTS - {"automation"}, verbs=True),
        "objects": _enum(OBJECTS),
        "requires": _words,
        "not_products": _words,
        "products": _words,
        "leads": _words,
        "then": _words,
        "whole_line": _bool,
        "books": _bool,
        "priority": _priority,
        "signal_by": _enum(SIGNAL_BY),
        "alternative": lambda v: None if v is None else _slots(REWRITE_SLOTS, verbs=True)(v),
        "confirm": lambda v: None if v is None else _slots(CONFIRM_SLOTS, verbs=False)(v),
    },
    TAILS_FILE: {
        "id": _text,
        "framing": _enum(FRAMINGS),
        "roles": _ROLES,
        "verbs": _phrases,
        "nouns": _words,
        "products": _words,
        "avoid": _phrases,
        "text": _slots(TAIL_SLOTS, verbs=True),
        "confirm_past": _slots(TAIL_SLOTS, verbs=False),
        "confirm_present": _slots(TAIL_SLOTS, verbs=False),
        "priority": _priority,
    },
    TYPOS_FILE: {"id": _text, "wrong": _text, "right": _text},
    WORDS_FILE: {"id": _text, "kind": _enum(WORD_KINDS), "words": _phrases},
    OBJECTS_FILE: {
        "id": _text,
        "nouns": _phrases,
        "automation": _optional_text,
        "since": _optional_year,
        "automation_roles": _ROLES,
    },
    SOAR_FILE: {
        "id": _text,
        "part": _enum(SOAR_PARTS),
        "evidence": _enum(EVIDENCE),
        "signals": _SIGNALS,
        "roles": _ROLES,
        "text": _slots(SOAR_SLOTS, verbs=False),
        "priority": _priority,
        "work": _enum(SOAR_WORK),
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
    "hitl_title": {"id": _text, "kind": _text, "text": _text, "roles": _ROLES},
    "skill": {
        "id": _text,
        "kind": _text,
        "text": _text,
        "signals": _SIGNALS,
        "roles": _ROLES,
        "explicit_only": _bool,
        "systems_only": _bool,
        "min_findings": _count,
        "words": _words,
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
    if name == REWRITES_FILE and (record.data.get("alternative") is None) != (
        record.data.get("confirm") is None
    ):
        found.append("'alternative' and 'confirm' go together: a variant is always confirmed")
    entry_id = record.data.get("id")
    if isinstance(entry_id, str) and not _ID_RE.match(entry_id):
        found.append(f"id {entry_id!r} must match {_ID_RE.pattern}")
    return found
