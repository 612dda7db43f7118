"""The whole analysis of one resume: the ``analyze --format json`` document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hitl_resume.coaching.results import InterviewPrompt, Plan, Rewrite
from hitl_resume.detection.matching import Match
from hitl_resume.detection.posting_analysis import PostingAnalysis
from hitl_resume.detection.results import Finding, RoleAssessment, top_role
from hitl_resume.models import SCHEMA_VERSION, Resume


@dataclass(frozen=True, slots=True)
class Analysis:
    """Immutable, JSON-ready result of ``hitl_resume.analyze``."""

    resume: Resume
    roles: tuple[RoleAssessment, ...]
    findings: tuple[Finding, ...]
    postings: tuple[PostingAnalysis, ...] = ()
    matches: tuple[Match, ...] = ()
    rewrites: tuple[Rewrite, ...] = ()
    interview: tuple[InterviewPrompt, ...] = ()
    plan: Plan | None = None

    def top_role(self) -> RoleAssessment | None:
        """The best role above level none, if any."""
        return top_role(self.roles)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract of docs/output.md (keys in contract order)."""
        top = self.top_role()
        return {
            "schema_version": SCHEMA_VERSION,
            "source": self.resume.source.to_dict(),
            "resume": self.resume.to_dict(),
            "top_role": top.id if top else None,
            "roles": [r.to_dict() for r in self.roles],
            "findings": [f.to_dict() for f in self.findings],
            "rewrites": [r.to_dict() for r in self.rewrites],
            "interview": [p.to_dict() for p in self.interview],
            "plan": self.plan.to_dict() if self.plan is not None else None,
            "matches": [m.to_dict() for m in self.matches],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Analysis:
        """Rebuild an analysis from ``to_dict()`` output (posting texts are not part of it)."""
        plan = d["plan"]
        return cls(
            resume=Resume.from_dict(d["resume"]),
            roles=tuple(RoleAssessment.from_dict(r) for r in d["roles"]),
            findings=tuple(Finding.from_dict(f) for f in d["findings"]),
            matches=tuple(Match.from_dict(m) for m in d["matches"]),
            rewrites=tuple(Rewrite.from_dict(r) for r in d["rewrites"]),
            interview=tuple(InterviewPrompt.from_dict(p) for p in d["interview"]),
            plan=Plan.from_dict(plan) if plan is not None else None,
        )
