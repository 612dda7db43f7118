"""Resume × posting: weighted keyword and HITL-signal coverage, every item explained.

Both sides are read by the same keyword extractor, so a posting's "Oracle Java" and a
resume's "Java" are one concept. Missing keywords carry the nearest evidence the resume has:
a broader term ("accounting" for "tax accounting"), a sibling in the same group, the role.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from hitl_resume.detection import weights as w
from hitl_resume.detection.posting_analysis import PostingAnalysis
from hitl_resume.detection.results import Finding, RoleAssessment
from hitl_resume.keywords.loader import DEGREE_LEVELS
from hitl_resume.keywords.results import Keyword
from hitl_resume.keywords.tokens import phrase_key

#: Coverage weights (see ``weights``): a missing required keyword costs twice a preferred one.
REQUIRED_WEIGHT = w.MATCH_REQUIRED_WEIGHT
PREFERRED_WEIGHT = w.MATCH_PREFERRED_WEIGHT
HITL_SIGNAL_WEIGHT = w.MATCH_HITL_SIGNAL_WEIGHT
RELATED_ROLE_MIN_SCORE = w.MATCH_RELATED_ROLE_MIN_SCORE
#: "3+ years of …" is read from the resume's dates by a person, not matched as a phrase.
UNSCORED_CATEGORIES = frozenset({"experience"})
MAX_RESUME_SPANS = 3
_WORD_RE = re.compile(r"[a-z0-9][a-z0-9+#.-]{3,}")
_STOP = frozenset({"with", "and", "the", "for", "from", "that", "this", "skills", "ability"})


@dataclass(frozen=True, slots=True)
class Match:
    """How well one resume covers one posting."""

    posting_index: int
    posting_title: str | None
    score: int
    matched: tuple[dict[str, Any], ...]
    missing: tuple[dict[str, Any], ...]
    hitl_alignment: dict[str, Any]
    explanation: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "posting": self.posting_index,
            "posting_title": self.posting_title,
            "score": self.score,
            "matched": list(self.matched),
            "missing": list(self.missing),
            "hitl_alignment": self.hitl_alignment,
            "explanation": self.explanation,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Match:
        """Rebuild a match from ``to_dict()`` output."""
        return cls(
            posting_index=d["posting"],
            posting_title=d["posting_title"],
            score=d["score"],
            matched=tuple(d["matched"]),
            missing=tuple(d["missing"]),
            hitl_alignment=d["hitl_alignment"],
            explanation=d["explanation"],
        )


def keyword_weight(keyword: Keyword) -> float:
    """The weight a posting keyword carries in the score."""
    if keyword.category in UNSCORED_CATEGORIES:
        return 0.0
    return REQUIRED_WEIGHT if keyword.required else PREFERRED_WEIGHT


def match_resume(
    posting_index: int,
    posting: PostingAnalysis,
    resume_text: str,
    resume_keywords: Sequence[Keyword],
    findings: Sequence[Finding],
    roles: Sequence[RoleAssessment],
    entry_roles: dict[str, str],
) -> Match:
    """Score coverage of the posting's keywords and HITL signals by the resume."""
    by_id = {k.id: k for k in resume_keywords}
    by_label = {_key(k.label): k for k in resume_keywords}
    by_base = {_base(k.label): k for k in resume_keywords}
    resume_words = set(_WORD_RE.findall(resume_text.lower()))
    role_scores = {r.id: r.score for r in roles}

    matched: list[dict[str, Any]] = []
    missing: list[dict[str, Any]] = []
    total = covered = 0.0
    for keyword in posting.keywords:
        weight = keyword_weight(keyword)
        total += weight
        item: dict[str, Any] = {
            "id": keyword.id,
            "text": keyword.text,
            "label": keyword.label,
            "category": keyword.category,
            "kind": keyword.kind,
            "required": keyword.required,
            "weight": weight,
        }
        found = (
            by_id.get(keyword.id)
            or by_label.get(_key(keyword.label))
            or by_base.get(_base(keyword.label))
            or _degree_at_least(keyword, resume_keywords)
        )
        if found is not None:
            covered += weight
            item["resume"] = [
                {"text": resume_text[s:e], "start": s, "end": e}
                for s, e in (found.mentions or ((found.start, found.end),))[:MAX_RESUME_SPANS]
            ]
            item["via"] = _via(keyword, found)
            matched.append(item)
        else:
            item["related_evidence"] = _related(
                keyword, resume_keywords, resume_words, entry_roles, role_scores
            )
            missing.append(item)
    missing.sort(key=lambda m: (not m["required"], m["weight"] == 0))

    posting_signals = list(dict.fromkeys(s for p in posting.hitl_phrases for s in p.signals))
    resume_signals = {s for f in findings for s in f.signals}
    for signal in posting_signals:
        total += HITL_SIGNAL_WEIGHT
        if signal in resume_signals:
            covered += HITL_SIGNAL_WEIGHT
    alignment = {
        "posting_signals": posting_signals,
        "matched_signals": [s for s in posting_signals if s in resume_signals],
        "missing_signals": [s for s in posting_signals if s not in resume_signals],
        "posting_explicit_ai": any(p.explicit_ai for p in posting.hitl_phrases),
        "resume_explicit_ai": any(f.explicit_ai for f in findings),
    }
    score = round(100 * covered / total) if total else 0
    explanation = (
        f"{covered:g} of {total:g} weighted points covered: required keywords weigh "
        f"{REQUIRED_WEIGHT:g}, preferred {PREFERRED_WEIGHT:g}, each HITL behaviour the posting "
        f"asks for {HITL_SIGNAL_WEIGHT:g}; years of experience are listed, not scored."
    )
    return Match(
        posting_index, posting.title, score, tuple(matched), tuple(missing), alignment, explanation
    )


def _key(text: str) -> tuple[str, ...]:
    return phrase_key(text)


def _base(text: str) -> tuple[str, ...]:
    """The key without version numbers: "HTML5" and "HTML", "Python 3" and "Python" meet."""
    return tuple(k.rstrip("0123456789.") or k for k in phrase_key(text) if not k[:1].isdigit())


def _via(keyword: Keyword, found: Keyword) -> str:
    """How a posting keyword was met: the same words, a synonym, a version, a degree level."""
    if _key(found.text) == _key(keyword.text):
        return "same"
    if found.id == keyword.id or _key(found.label) == _key(keyword.label):
        return "synonym"
    if keyword.level and found.level:
        return "degree_level"
    return "version"


def _degree_at_least(keyword: Keyword, resume_keywords: Sequence[Keyword]) -> Keyword | None:
    """A resume degree at or above the level the posting asks for (any field)."""
    if not keyword.level:
        return None
    wanted = DEGREE_LEVELS.index(keyword.level)
    held = [k for k in resume_keywords if k.level and DEGREE_LEVELS.index(k.level) >= wanted]
    return max(held, key=lambda k: DEGREE_LEVELS.index(k.level), default=None)


def _related(
    keyword: Keyword,
    resume_keywords: Sequence[Keyword],
    resume_words: set[str],
    entry_roles: dict[str, str],
    role_scores: dict[str, int],
) -> dict[str, Any] | None:
    """The nearest evidence for a missing keyword: broader term, same group, role, shared words."""
    head = _key(keyword.label)[-1:]
    same_head = None
    for other in resume_keywords:
        if not head or other.category != keyword.category:
            continue
        if _key(other.label) == head:
            return {"kind": "broader", "text": other.text, "start": other.start, "end": other.end}
        if same_head is None and _key(other.label)[-1:] == head:
            same_head = {
                "kind": "same_head",
                "text": other.text,
                "start": other.start,
                "end": other.end,
            }
    if same_head is not None:
        return same_head
    if keyword.broader:
        for other in resume_keywords:
            if keyword.broader in (other.broader, other.label) and other.id != keyword.id:
                return {
                    "kind": "same_group",
                    "group": keyword.broader,
                    "text": other.text,
                    "start": other.start,
                    "end": other.end,
                }
    role = entry_roles.get(keyword.id)
    if role and role_scores.get(role, 0) >= RELATED_ROLE_MIN_SCORE:
        return {"kind": "role", "role": role}
    shared = sorted(
        w for w in _WORD_RE.findall(keyword.text.lower()) if w in resume_words and w not in _STOP
    )
    if shared:
        return {"kind": "words", "words": shared}
    return None
