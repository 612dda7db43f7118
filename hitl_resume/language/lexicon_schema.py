"""The lexicon's schema: allowed kinds, per-file field checks and the phrase rules.

Kept apart from loading so the rules read as one table; ``lexicon_loader`` applies them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import Any


def bundled_lexicon_dir() -> Path:
    """Return the directory of the lexicon shipped inside the package (``hitl_resume.lexicon``)."""
    return Path(str(files("hitl_resume.lexicon")))


ROLE_IDS = (
    "customer_service",
    "tax_financial",
    "healthcare_quality",
    "trust_safety",
    "hr_recruiting",
    "legal_compliance",
    "dispatch_operations",
)
ROLE_TERM_KINDS = frozenset({"title", "domain", "artifact", "framework", "employer"})
SIGNAL_NAMES = frozenset(
    {
        "review",
        "validate",
        "approve",
        "modify",
        "escalate",
        "override",
        "audit",
        "document_reasoning",
        "feedback",
        "escalation_design",
        "train_reviewers",
        "bias_monitoring",
        "quality_monitoring",
    }
)
POS_VALUES = frozenset({"verb", "noun", "phrase"})
AI_KINDS = frozenset({"ai", "automation"})
#: What a system named in O*NET Technology Skills does (``systems.jsonl``, generated).
SYSTEM_KINDS = frozenset(
    {
        "claims",
        "coding",
        "clinical",
        "hr",
        "case_management",
        "dispatch",
        "erp",
        "crm",
        "compliance",
    }
)
#: Where an occupation's title counts (``occupation_roles.jsonl``): a role, against all, or neither.
OCCUPATION_ROLE_VALUES = frozenset({*ROLE_IDS, "none", "neutral"})
CUE_KINDS = frozenset(
    {
        "negation",
        "required_section",
        "preferred_section",
        "hitl_request",
        "ai_build",
        "ai_output",
        "build_verb",
        "duties_section",
        "boilerplate_section",
        "company_section",
        "ai_producer",
    }
)
KEYWORD_KINDS = frozenset({"skill", "tool", "framework", "title", "soft_skill", "certification"})
ROLE_TERM_WEIGHT_RANGE = (0.5, 5.0)
MAX_PHRASE_TOKENS = 6

ID_RE = re.compile(r"^[a-z0-9_.]+$")
_ONET_RE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
_SOC_PREFIX_RE = re.compile(r"^\d{2}(-\d{1,4}(\.\d{2})?)?$")


_Check = Callable[[Any], str | None]


def _is_str(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "must be a non-empty string"
    return None


def _enum(allowed: frozenset[str]) -> _Check:
    def check(value: Any) -> str | None:
        if not isinstance(value, str) or value not in allowed:
            return f"must be one of {', '.join(sorted(allowed))}"
        return None

    return check


def _is_phrases(value: Any) -> str | None:
    if not isinstance(value, list) or not value:
        return "must be a non-empty list of strings"
    if not all(isinstance(item, str) for item in value):
        return "must be a list of strings"
    return None


def _is_weight(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "must be a number"
    if not math.isfinite(value) or value <= 0:
        return "must be a positive number"
    return None


def _is_role_weight(value: Any) -> str | None:
    problem = _is_weight(value)
    low, high = ROLE_TERM_WEIGHT_RANGE
    if problem is None and not low <= value <= high:
        return f"must be between {low:g} and {high:g}"
    return problem


def _is_codes(value: Any) -> str | None:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return "must be a list of strings"
    bad = [item for item in value if not _ONET_RE.match(item)]
    if bad:
        return f"has a code not shaped like 43-4051.00: {bad[0]!r}"
    return None


def _is_code(value: Any) -> str | None:
    if not isinstance(value, str) or not _ONET_RE.match(value):
        return "must be an O*NET-SOC code shaped like 43-4051.00"
    return None


def _is_soc_prefix(value: Any) -> str | None:
    if not isinstance(value, str) or not _SOC_PREFIX_RE.match(value):
        return "must be an O*NET-SOC prefix such as 15, 43-6, 43-4051 or 15-1211.01"
    return None


SCHEMAS: dict[str, dict[str, _Check]] = {
    "roles.jsonl": {
        "id": _enum(frozenset(ROLE_IDS)),
        "label": _is_str,
        "description": _is_str,
        "onet_codes": _is_codes,
    },
    "role_terms.jsonl": {
        "id": _is_str,
        "role": _is_str,
        "kind": _enum(ROLE_TERM_KINDS),
        "phrases": _is_phrases,
        "weight": _is_role_weight,
        "source": _is_str,
    },
    "signals.jsonl": {
        "id": _is_str,
        "signal": _enum(SIGNAL_NAMES),
        "pos": _enum(POS_VALUES),
        "phrases": _is_phrases,
        "weight": _is_weight,
    },
    "ai_terms.jsonl": {"id": _is_str, "kind": _enum(AI_KINDS), "phrases": _is_phrases},
    "cues.jsonl": {"id": _is_str, "kind": _enum(CUE_KINDS), "phrases": _is_phrases},
    "keywords.jsonl": {"id": _is_str, "kind": _enum(KEYWORD_KINDS), "phrases": _is_phrases},
    "headings.jsonl": {"id": _is_str, "kind": _is_str, "phrases": _is_phrases},
    "title_words.jsonl": {"id": _is_str, "words": _is_phrases},
    "occupations.jsonl": {
        "id": _is_str,
        "code": _is_code,
        "title": _is_str,
        "phrases": _is_phrases,
    },
    "occupation_roles.jsonl": {
        "id": _is_str,
        "soc": _is_soc_prefix,
        "role": _enum(OCCUPATION_ROLE_VALUES),
        "reason": _is_str,
    },
    "systems.jsonl": {
        "id": _is_str,
        "kind": _enum(SYSTEM_KINDS),
        "phrases": _is_phrases,
        "source": _is_str,
    },
}
LEXICON_FILES = tuple(SCHEMAS)
# The field whose value groups phrases for the duplicate check ("same kind"); None = per entry.
GROUP_FIELD: dict[str, str | None] = {
    "roles.jsonl": None,
    "role_terms.jsonl": "kind",
    "signals.jsonl": "pos",
    "ai_terms.jsonl": "kind",
    "cues.jsonl": "kind",
    "keywords.jsonl": "kind",
    "headings.jsonl": "kind",
    "title_words.jsonl": None,
    "occupations.jsonl": None,
    "occupation_roles.jsonl": None,
    "systems.jsonl": "kind",
}


def phrase_problem(phrase: str) -> str | None:
    """Say what is wrong with one phrase, or None when it follows the phrase rules."""
    if phrase != phrase.strip():
        return f"phrase {phrase!r} has leading or trailing spaces"
    if not phrase:
        return "phrase is empty"
    if phrase != phrase.lower():
        return f"phrase {phrase!r} must be lowercase"
    if " ".join(phrase.split()) != phrase:
        return f"phrase {phrase!r} must use single spaces"
    tokens = len(phrase.split())
    if tokens > MAX_PHRASE_TOKENS:
        return f"phrase {phrase!r} has {tokens} tokens (at most {MAX_PHRASE_TOKENS})"
    return None
