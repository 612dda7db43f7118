"""Resume × posting: weighted keyword and HITL-signal coverage, every item explained."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from hitl_resume.detection import weights as w
from hitl_resume.detection.phrase_index import Hit
from hitl_resume.detection.posting_analysis import PostingAnalysis
from hitl_resume.detection.results import Finding, RoleAssessment

#: Coverage weights (see ``weights``): a missing required keyword costs twice a preferred one.
REQUIRED_WEIGHT = w.MATCH_REQUIRED_WEIGHT
PREFERRED_WEIGHT = w.MATCH_PREFERRED_WEIGHT
HITL_SIGNAL_WEIGHT = w.MATCH_HITL_SIGNAL_WEIGHT
RELATED_ROLE_MIN_SCORE = w.MATCH_RELATED_ROLE_MIN_SCORE
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


def match_resume(
    posting_index: int,
    posting: PostingAnalysis,
    resume_text: str,
    resume_hits: Sequence[Hit],
    findings: Sequence[Finding],
    roles: Sequence[RoleAssessment],
    entry_roles: dict[str, str],
) -> Match:
    """Score coverage of the posting's keywords and HITL signals by the resume."""
    where: dict[str, list[Hit]] = {}
    for hit in resume_hits:
        where.setdefault(hit.entry.id, []).append(hit)
    resume_words = set(_WORD_RE.findall(resume_text.lower()))
    role_scores = {r.id: r.score for r in roles}

    matched: list[dict[str, Any]] = []
    missing: list[dict[str, Any]] = []
    total = covered = 0.0
    for keyword in posting.keywords:
        weight = REQUIRED_WEIGHT if keyword.required else PREFERRED_WEIGHT
        total += weight
        item: dict[str, Any] = {
            "id": keyword.id,
            "text": keyword.text,
            "kind": keyword.kind,
            "required": keyword.required,
            "weight": weight,
        }
        if keyword.id in where:
            covered += weight
            item["resume"] = [
                {"text": h.text, "start": h.start, "end": h.end} for h in where[keyword.id][:3]
            ]
            matched.append(item)
        else:
            item["related_evidence"] = _related(
                keyword.text, keyword.id, resume_words, entry_roles, role_scores
            )
            missing.append(item)

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
        f"asks for {HITL_SIGNAL_WEIGHT:g}."
    )
    return Match(
        posting_index, posting.title, score, tuple(matched), tuple(missing), alignment, explanation
    )


def _related(
    text: str,
    entry_id: str,
    resume_words: set[str],
    entry_roles: dict[str, str],
    role_scores: dict[str, int],
) -> dict[str, Any] | None:
    """Evidence that the resume is near a missing keyword: its role shows, or a word is shared."""
    role = entry_roles.get(entry_id)
    if role and role_scores.get(role, 0) >= RELATED_ROLE_MIN_SCORE:
        return {"kind": "role", "role": role}
    shared = sorted(
        w for w in _WORD_RE.findall(text.lower()) if w in resume_words and w not in _STOP
    )
    if shared:
        return {"kind": "words", "words": shared}
    return None
