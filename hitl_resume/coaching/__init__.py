"""Coaching: grounded governance rewrites, SOAR interview prompts and the week's plan.

``coach`` parses only the bullets it rewrites (one ``nlp.pipe`` batch); the pipeline and lexicon
are passed in (defaults when missing) so tests can inject their own.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from hitl_resume.coaching.grounding import GroundingGuard, resume_employers
from hitl_resume.coaching.interview import interview_prompts
from hitl_resume.coaching.plan import build_plan
from hitl_resume.coaching.rewrites import Candidate, best_rewrite, word_count
from hitl_resume.coaching.slots import (
    Slots,
    extract_slots,
    parse_text,
    select_segment,
    strip_weak_opening,
)
from hitl_resume.coaching.templates import (
    COACHING_FILES,
    CoachingData,
    check_coaching_lexicon,
    load_coaching_data,
)
from hitl_resume.coaching_results import InterviewPrompt, Plan, Rewrite, Tense
from hitl_resume.detection.results import Finding, RoleAssessment
from hitl_resume.lexicon_loader import Lexicon, bundled_lexicon_dir, load_lexicon
from hitl_resume.models import Resume

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["check_coaching_lexicon", "coach", "coaching_data_for", "load_coaching_data"]

MAX_REWRITES = 8
STRONG_MAX_WORDS = 30


def coaching_data_for(lexicon: Lexicon) -> CoachingData:
    """The coaching files beside a lexicon; a directory without any of them uses the bundled set."""
    directory = Path(lexicon.source_dir)
    if directory.resolve() == bundled_lexicon_dir().resolve() or not any((directory / name).is_file() for name in COACHING_FILES):
        return load_coaching_data()
    return load_coaching_data(directory)


def is_strong(finding: Finding) -> bool:
    """Already governance-style: names the AI system, shows two behaviours, and is concise."""
    return (
        finding.explicit_ai
        and len(finding.signals) >= 2
        and word_count(finding.text) <= STRONG_MAX_WORDS
    )


def _anchor(finding: Finding) -> str | None:
    return next((c.text for c in finding.contributions if c.kind.startswith("signal:")), None)


def _tense(resume: Resume, finding: Finding) -> Tense:
    index = finding.entry_index
    if index is not None and 0 <= index < len(resume.experience):
        return "present" if resume.experience[index].is_current else "past"
    return "past"


def _with_context(slots: Slots, resume: Resume, finding: Finding, opening: str | None) -> Slots:
    index = finding.entry_index
    entry = resume.experience[index] if index is not None else None
    return dataclasses.replace(
        slots,
        weak_opening=opening,
        employer=entry.organization if entry else None,
        domain=tuple(c.text for c in finding.contributions if c.kind == "domain"),
        artifact=tuple(c.text for c in finding.contributions if c.kind == "artifact"),
        ai=next((c.text for c in finding.contributions if c.kind == "ai_system"), None),
    )


def prepare(
    resume: Resume,
    findings: Sequence[Finding],
    data: CoachingData,
    nlp: Language | None,
) -> list[Candidate]:
    """Parse the chosen bullets' key clauses (one batch) and read their slots."""
    chosen = sorted(
        (f for f in findings if not is_strong(f)), key=lambda f: (-f.score, f.start)
    )[:MAX_REWRITES]
    jobs: list[tuple[Finding, str, str | None, str | None]] = []
    for finding in sorted(chosen, key=lambda f: f.start):
        segment = select_segment(finding.text, _anchor(finding))
        stripped = strip_weak_opening(segment, data.weak)
        if stripped is not None:
            jobs.append((finding, *stripped))
    if not jobs:
        return []
    if nlp is None:
        from hitl_resume.nlp import load_model

        nlp = load_model()
    texts = [parse_text(remainder) for _, remainder, _, _ in jobs]
    slots = [
        extract_slots(doc, remainder, len(text) - len(remainder))
        for doc, text, (_, remainder, _, _) in zip(nlp.pipe(texts), texts, jobs, strict=True)
    ]
    retry = [i for i, s in enumerate(slots) if s.verb is None and jobs[i][3]]
    if retry:
        texts = [f"I {jobs[i][3]} {jobs[i][1]}" for i in retry]
        for i, doc, text in zip(retry, nlp.pipe(texts), texts, strict=True):
            slots[i] = extract_slots(doc, text[2:], 2)
    return [
        Candidate(finding, _with_context(s, resume, finding, opening), _tense(resume, finding))
        for (finding, _, opening, _), s in zip(jobs, slots, strict=True)
    ]


def coach(
    resume: Resume,
    findings: Sequence[Finding],
    roles: Sequence[RoleAssessment],
    *,
    nlp: Language | None = None,
    lexicon: Lexicon | None = None,
) -> tuple[tuple[Rewrite, ...], tuple[InterviewPrompt, ...], Plan]:
    """Rewrites, SOAR prompts and the plan for one analysed resume (deterministic).

    Raises:
        LexiconError: when a coaching data file beside a custom lexicon is malformed.
    """
    lexicon = lexicon or load_lexicon()
    data = coaching_data_for(lexicon)
    guard = GroundingGuard(lexicon, resume_employers(resume))
    candidates = prepare(resume, findings, data, nlp)
    rewrites: list[Rewrite] = []
    for candidate in candidates:
        rewrite = best_rewrite(
            candidate, data.rewrites, guard, data.weak, rewrite_id=f"R{len(rewrites) + 1:03d}"
        )
        if rewrite is not None:
            rewrites.append(rewrite)
    confirm = _confirm_variant(candidates, data, guard, f"R{len(rewrites) + 1:03d}")
    if confirm is not None:
        rewrites.append(confirm)
    interview = interview_prompts(findings, resume.experience, data.soar)
    plan = build_plan(resume, findings, roles, rewrites, interview, data)
    return tuple(rewrites), interview, plan


def _confirm_variant(
    candidates: Sequence[Candidate], data: CoachingData, guard: GroundingGuard, rewrite_id: str
) -> Rewrite | None:
    """One automation-framed variant, for the strongest transferable finding, to be confirmed."""
    ranked = sorted(
        (c for c in candidates if not c.finding.explicit_ai and c.slots.object),
        key=lambda c: (-c.finding.score, c.finding.start),
    )
    for candidate in ranked[:1]:
        return best_rewrite(
            candidate, data.rewrites, guard, data.weak, rewrite_id=rewrite_id, confirm_only=True
        )
    return None
