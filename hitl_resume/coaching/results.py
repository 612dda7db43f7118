"""What the user takes away: grounded rewrites, SOAR interview prompts and the week's plan.

Immutable results with explicit ``to_dict()``; they are produced by ``hitl_resume.coaching``
from findings and rendered by the Markdown/HTML/DOCX renderers, the web page and ``annotate``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

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
    #: How much the rewrite adds (ranks rewrites; not part of the JSON).
    value: int = 0

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


@dataclass(frozen=True, slots=True)
class SearchLink:
    """A job-board search for one query string."""

    query: str
    board: str
    url: str

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "board": self.board, "url": self.url}


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
