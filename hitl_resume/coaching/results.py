"""What the user takes away: grounded rewrites, SOAR interview prompts and the week's plan.

Immutable results with explicit ``to_dict()``; they are produced by ``hitl_resume.coaching``
from findings and rendered by the Markdown/HTML/DOCX renderers, the web page and ``annotate``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, cast

Tense = Literal["past", "present"]


@dataclass(frozen=True, slots=True)
class Rewrite:
    """A governance-style rewrite of one bullet, tied to its finding and original text.

    ``needs_confirmation`` lists facts the framing relies on that the bullet does not state
    ("confirm: the claims were flagged by an automated system"); the user decides.
    ``start``/``end`` are the original bullet's offsets in the resume text.
    """

    id: str
    finding_id: str
    role: str
    original: str
    proposed: str
    template: str
    framing: str
    needs_confirmation: tuple[str, ...]
    tense: Tense
    start: int
    end: int
    #: The sentence of the bullet the rewrite is built on (long bullets are split first).
    clause: str = ""
    #: The automation-framed variant, to use only once ``needs_confirmation`` is confirmed.
    alternative: str | None = None
    #: How much the rewrite adds (ranks rewrites; not part of the JSON, nor of equality).
    value: int = field(default=0, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "finding_id": self.finding_id,
            "role": self.role,
            "original": self.original,
            "proposed": self.proposed,
            "template": self.template,
            "framing": self.framing,
            "needs_confirmation": list(self.needs_confirmation),
            "alternative": self.alternative,
            "clause": self.clause,
            "tense": self.tense,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Rewrite:
        """Rebuild a rewrite from ``to_dict()`` output."""
        return cls(
            id=d["id"],
            finding_id=d["finding_id"],
            role=d["role"],
            original=d["original"],
            proposed=d["proposed"],
            template=d["template"],
            framing=d["framing"],
            needs_confirmation=tuple(d["needs_confirmation"]),
            tense=cast(Tense, d["tense"]),
            start=d["start"],
            end=d["end"],
            clause=d["clause"],
            alternative=d["alternative"],
        )


@dataclass(frozen=True, slots=True)
class InterviewPrompt:
    """SOAR prompts (Situation, Obstacle, Action, Result) built from one finding's own words."""

    finding_id: str
    role: str
    situation: str
    obstacle: str
    action: str
    result: str
    result_hint: str | None
    #: Why the bullet got no rewrite when its sentence cannot carry one (no main verb, garbled).
    notice: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "finding_id": self.finding_id,
            "role": self.role,
            "situation": self.situation,
            "obstacle": self.obstacle,
            "action": self.action,
            "result": self.result,
            "result_hint": self.result_hint,
            "notice": self.notice,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> InterviewPrompt:
        return cls(
            d["finding_id"], d["role"], d["situation"], d["obstacle"], d["action"], d["result"],
            d["result_hint"], d["notice"],
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class SearchLink:
    """A job-board search for one query string."""

    query: str
    board: str
    url: str

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "board": self.board, "url": self.url}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> SearchLink:
        return cls(d["query"], d["board"], d["url"])


@dataclass(frozen=True, slots=True)
class Plan:
    """This week's checklist, personalised from the analysis."""

    searches: tuple[SearchLink, ...]
    rewrite_first: tuple[str, ...]
    linkedin_skills: tuple[str, ...]
    look_back: tuple[str, ...]
    steps: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "searches": [s.to_dict() for s in self.searches],
            "rewrite_first": list(self.rewrite_first),
            "linkedin_skills": list(self.linkedin_skills),
            "look_back": list(self.look_back),
            "steps": list(self.steps),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Plan:
        return cls(
            searches=tuple(SearchLink.from_dict(s) for s in d["searches"]),
            rewrite_first=tuple(d["rewrite_first"]),
            linkedin_skills=tuple(d["linkedin_skills"]),
            look_back=tuple(d["look_back"]),
            steps=tuple(d["steps"]),
        )
