"""Coaching: grounded governance rewrites, SOAR interview prompts and the week's plan.

``coach`` parses only the bullets it rewrites (one ``nlp.pipe`` batch); the pipeline and lexicon
are passed in (defaults when missing) so tests can inject their own.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from hitl_resume.coaching.grounding import GroundingGuard, resume_employers
from hitl_resume.coaching.interview import interview_prompts
from hitl_resume.coaching.plan import build_plan
from hitl_resume.coaching.results import InterviewPrompt, Plan, Rewrite, Tense
from hitl_resume.coaching.rewrites import best_rewrite, word_count
from hitl_resume.coaching.segments import (
    parse_text,
    select_segment,
    start_at_signal_verb,
    strip_weak_opening,
)
from hitl_resume.coaching.shapes import Candidate
from hitl_resume.coaching.slots import Slots, extract_slots
from hitl_resume.coaching.verbs import verb_index
from hitl_resume.detection.results import Finding, RoleAssessment
from hitl_resume.language.coaching_lexicon import CoachingData
from hitl_resume.language.lexicon_loader import Lexicon
from hitl_resume.models import Resume

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Token

__all__ = ["coach", "is_strong"]

MAX_REWRITES = 8
MAX_CANDIDATES = 16
STRONG_MAX_WORDS = 30


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


def _variants(finding: Finding, known: frozenset[str]) -> dict[str, str | None]:
    """The key clause, then clauses starting at each later signal verb ("..., approved X").

    Each variant maps to the clause it was cut from (None when it was not cut), so the cut can
    be checked against the parse of the whole clause.
    """
    segments: dict[str, str | None] = {}
    first = select_segment(finding.text, _anchor(finding), known)
    if first:
        segments[first] = None
    for contribution in finding.contributions:
        if contribution.kind.startswith("signal:"):
            segment = select_segment(finding.text, contribution.text, known)
            cut = start_at_signal_verb(segment, contribution.text, known, strict=False)
            if cut and cut not in segments:
                segments[cut] = segment if cut != segment else None
    return segments


def _cut_at_verb(nlp: Language, cuts: dict[str, str]) -> set[str]:
    """The cut variants whose first word is a verb in the whole clause's parse.

    "..., sponsor feedback, audit findings and responses": "audit" is a noun there, and a
    clause cut at it would turn it into a verb.
    """
    items = list(cuts.items())
    texts = [parse_text(whole) for _, whole in items]
    kept = set()
    for (cut, whole), text, doc in zip(items, texts, nlp.pipe(texts), strict=True):
        offset = len(text) - len(whole) + whole.rfind(cut)
        token = next((t for t in doc if t.idx == offset), None)
        if token is None:
            continue
        # "Plan, monitor, and review": a conjunct of a verb is a verb, whatever its tag.
        verb_conjunct = token.dep_ == "conj" and token.head.pos_ in {"VERB", "AUX"}
        if (token.pos_ in {"VERB", "AUX"} or verb_conjunct) and _joins_main_verb(token):
            kept.add(cut)
    return kept


def _joins_main_verb(token: Token) -> bool:
    """The verb is coordinated with the clause's main verb, so the person did it.

    "allowing folks to sign up and review their information": "review" is the folks' act.
    """
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ == "ROOT"


_LIST_COMMA = re.compile(r"^(\w+),\s+(and|or)\s+")


def verb_signals(lexicon: Lexicon) -> dict[str, tuple[str, ...]]:
    """One-word signal verbs of the lexicon and the signals they carry ("verify" -> validate)."""
    found: dict[str, list[str]] = {}
    for signal in lexicon.signals:
        if signal.pos == "verb":
            for phrase in signal.phrases:
                if " " not in phrase:
                    found.setdefault(phrase, []).append(signal.signal)
    return {verb: tuple(dict.fromkeys(kinds)) for verb, kinds in found.items()}


_JOINERS = frozenset({",", "and", "or", "&", "/"})


def _own_signals(slots: Slots, signal_verbs: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Signals of the verbs that lead the clause ("Identify, evaluate, and resolve X").

    The parser may tag a listed verb as a noun ("evaluate"); its place in the leading list
    shows it is a verb all the same.
    """
    words: list[str] = []
    pieces = [p for p in slots.pieces if p.text.strip()]
    for index, piece in enumerate(pieces):
        if piece.text.lower() in _JOINERS:
            continue
        words.append(piece.lemma or piece.text.lower())
        following = pieces[index + 1].text.lower() if index + 1 < len(pieces) else ""
        if following not in _JOINERS:
            break
    found = [kind for word in words for kind in signal_verbs.get(word, ())]
    return tuple(dict.fromkeys(found))


def prepare(
    resume: Resume,
    findings: Sequence[Finding],
    data: CoachingData,
    nlp: Language | None,
    signal_verbs: Mapping[str, tuple[str, ...]] | None = None,
) -> list[Candidate]:
    """Parse the chosen bullets' key clauses (one batch) and read their slots.

    A finding may yield several candidates (its clause variants), strongest variant first.
    ``signal_verbs`` (from ``verb_signals``) credits a clause whose own head verb is a signal.
    """
    ranked = sorted((f for f in findings if not is_strong(f)), key=lambda f: (-f.score, f.start))
    if nlp is None:
        from hitl_resume.language.nlp import load_model

        nlp = load_model()
    known = verb_index(nlp)
    jobs: list[tuple[Finding, str, str | None, str | None]] = []
    cut: set[int] = set()
    chosen = sorted(ranked[:MAX_CANDIDATES], key=lambda f: f.start)
    variants = [_variants(finding, known) for finding in chosen]
    verb_cuts = _cut_at_verb(nlp, {c: w for v in variants for c, w in v.items() if w})
    for finding, found in zip(chosen, variants, strict=True):
        usable = [
            _LIST_COMMA.sub(r"\1 \2 ", c)  # "monitor, and review" -> "monitor and review"
            for c, whole in found.items()
            if whole is None or c in verb_cuts
        ]
        for number, segment in enumerate(usable):
            stripped = strip_weak_opening(segment, data.weak)
            if stripped is not None:
                if number:
                    cut.add(len(jobs))  # cut at a later signal verb of the same sentence
                jobs.append((finding, *stripped))
    if not jobs:
        return []
    texts = [parse_text(remainder) for _, remainder, _, _ in jobs]
    slots = [
        extract_slots(doc, remainder, len(text) - len(remainder), known)
        for doc, text, (_, remainder, _, _) in zip(nlp.pipe(texts), texts, jobs, strict=True)
    ]
    retry = [i for i, s in enumerate(slots) if s.verb is None and jobs[i][3]]
    if retry:
        texts = [f"I {jobs[i][3]} {jobs[i][1]}" for i in retry]
        for i, doc, text in zip(retry, nlp.pipe(texts), texts, strict=True):
            slots[i] = extract_slots(doc, text[2:], 2, known)
    candidates = []
    for index, ((finding, _, opening, _), s) in enumerate(zip(jobs, slots, strict=True)):
        tense = _tense(resume, finding)
        whole = finding.text if index not in cut else s.segment
        messy = is_messy(whole, s, opening)
        own = _own_signals(s, signal_verbs or {})
        candidates.append(
            Candidate(finding, _with_context(s, resume, finding, opening), tense, messy, own)
        )
    return candidates


def is_messy(text: str, slots: Slots, opening: str | None) -> bool:
    """Whether a plain clean-up of the clause already improves the bullet.

    Only a removed opening or a piece cut from a run-on counts: re-tensing the first verb
    alone ("Reconcile ..." -> "Reconciled ...") adds too little to propose.
    """
    return opening is not None or _normal(slots.segment) != _normal(text)


def _normal(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


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
    if lexicon is None:
        from hitl_resume.defaults import default_lexicon

        lexicon = default_lexicon()
    data = lexicon.coaching
    guard = GroundingGuard(lexicon, resume_employers(resume))
    candidates = prepare(resume, findings, data, nlp, verb_signals(lexicon))
    rewrites: list[Rewrite] = []
    done: set[str] = set()
    for candidate in _by_strength(candidates):
        if len(rewrites) == MAX_REWRITES:
            break
        if candidate.finding.id in done:
            continue
        rewrite = best_rewrite(
            candidate, data.rewrites, guard, data.weak, rewrite_id=f"R{len(rewrites) + 1:03d}"
        )
        if rewrite is not None:
            rewrites.append(rewrite)
            done.add(candidate.finding.id)
    rewrites = _renumber(sorted(rewrites, key=lambda r: (r.start, r.id)))
    confirm = _confirm_variant(candidates, data, guard, f"R{len(rewrites) + 1:03d}")
    if confirm is not None:
        rewrites.append(confirm)
    objects = {
        c.finding.id: re.sub(r"^(?:the|each) ", "", c.slots.object)
        for c in candidates
        if c.slots.object
    }
    interview = interview_prompts(findings, resume.experience, data.soar, objects)
    plan = build_plan(resume, findings, roles, rewrites, interview, data)
    return tuple(rewrites), interview, plan


def _by_strength(candidates: Sequence[Candidate]) -> list[Candidate]:
    return sorted(candidates, key=lambda c: (-c.finding.score, c.finding.start))


def _renumber(rewrites: Sequence[Rewrite]) -> list[Rewrite]:
    """Ids follow resume order (R001 is the first rewritten bullet)."""
    return [dataclasses.replace(r, id=f"R{n:03d}") for n, r in enumerate(rewrites, start=1)]


def _confirm_variant(
    candidates: Sequence[Candidate], data: CoachingData, guard: GroundingGuard, rewrite_id: str
) -> Rewrite | None:
    """One automation-framed variant, for the strongest transferable finding, to be confirmed."""
    ranked = sorted(
        (
            c
            for c in candidates
            if not c.finding.explicit_ai
            and c.slots.object
            and c.slots.object_of_head
            and c.slots.object_plural
            and c.slots.object[:1].islower()  # "Wellness Program Manager" is no work item
            and not c.slots.object.startswith(("the ", "each "))
        ),
        key=lambda c: (-c.finding.score, c.finding.start),
    )
    for candidate in ranked[:1]:
        return best_rewrite(
            candidate, data.rewrites, guard, data.weak, rewrite_id=rewrite_id, confirm_only=True
        )
    return None
