"""Immutable detection results with explicit ``to_dict()`` (the JSON contract in docs/output.md)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, cast

Level = Literal["strong", "moderate", "emerging", "none"]


@dataclass(frozen=True, slots=True)
class Contribution:
    """One lexicon entry that fired, and the points it added; the unit of every explanation."""

    entry_id: str
    kind: str
    text: str
    points: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "entry_id": self.entry_id,
            "kind": self.kind,
            "text": self.text,
            "points": round(self.points, 2),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Contribution:
        return cls(d["entry_id"], d["kind"], d["text"], float(d["points"]))


@dataclass(frozen=True, slots=True)
class Finding:
    """A line of the resume that shows HITL behaviour for a role, with its evidence."""

    id: str
    role: str
    signals: tuple[str, ...]
    explicit_ai: bool
    text: str
    start: int
    end: int
    section: str
    entry_index: int | None
    entry_title: str | None
    score: float
    contributions: tuple[Contribution, ...]
    explanation: str

    @property
    def names_ai(self) -> bool:
        """The line names an AI or automation term, not only a system worked in ("SAP", "HRIS"):
        only that supports "AI output" wording (a framing, a skill) without asking first."""
        return self.explicit_ai and any(c.kind == "ai_system" for c in self.contributions)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "role": self.role,
            "signals": list(self.signals),
            "explicit_ai": self.explicit_ai,
            "evidence": "explicit" if self.explicit_ai else "transferable",
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "section": self.section,
            "entry": self.entry_index,
            "entry_title": self.entry_title,
            "score": round(self.score, 2),
            "explanation": self.explanation,
            "contributions": [c.to_dict() for c in self.contributions],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Finding:
        """Rebuild a finding from ``to_dict()`` output."""
        return cls(
            id=d["id"],
            role=d["role"],
            signals=tuple(d["signals"]),
            explicit_ai=bool(d["explicit_ai"]),
            text=d["text"],
            start=d["start"],
            end=d["end"],
            section=d["section"],
            entry_index=d["entry"],
            entry_title=d["entry_title"],
            score=float(d["score"]),
            contributions=tuple(Contribution.from_dict(c) for c in d["contributions"]),
            explanation=d["explanation"],
        )


@dataclass(frozen=True, slots=True)
class RoleAssessment:
    """A role's 0-100 score as an explainable sum, its level and the findings behind it."""

    id: str
    label: str
    score: int
    level: Level
    finding_ids: tuple[str, ...]
    contributions: tuple[Contribution, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "score": self.score,
            "level": self.level,
            "finding_ids": list(self.finding_ids),
            "explanation": [c.to_dict() for c in self.contributions],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> RoleAssessment:
        """Rebuild a role assessment from ``to_dict()`` output."""
        return cls(
            id=d["id"],
            label=d["label"],
            score=int(d["score"]),
            level=cast(Level, d["level"]),
            finding_ids=tuple(d["finding_ids"]),
            contributions=tuple(Contribution.from_dict(c) for c in d["explanation"]),
        )


@dataclass(frozen=True, slots=True)
class HitlPhrase:
    """A sentence of a posting that asks for HITL behaviour."""

    text: str
    start: int
    end: int
    explicit_ai: bool
    signals: tuple[str, ...]
    ai_terms: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "explicit_ai": self.explicit_ai,
            "signals": list(self.signals),
            "ai_terms": list(self.ai_terms),
        }


def top_role(
    roles: Sequence[RoleAssessment], *, any_evidence: bool = False
) -> RoleAssessment | None:
    """The highest-scoring role, or None when nothing qualifies.

    Equal scores (rounded, or both clamped at 100) go to the role with more evidence: the larger
    unclamped sum of its contributions, then its best single contribution; lexicon order last.
    A resume's top role needs a level above none; a posting always describes some job, so for
    postings (``any_evidence``) any score above zero counts.
    """
    best = max(roles, key=_strength, default=None)
    if best is None:
        return None
    qualifies = best.score > 0 if any_evidence else best.level != "none"
    return best if qualifies else None


def _strength(role: RoleAssessment) -> tuple[int, float, float]:
    """Sort key: the score, then the evidence behind it (ties are not settled by role order)."""
    points = [c.points for c in role.contributions]
    return role.score, round(sum(points), 6), max(points, default=0.0)
