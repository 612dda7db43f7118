"""Turn lexicon hits in work lines into findings: signals + role evidence, explained."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from hitl_resume.detection import weights as w
from hitl_resume.detection.occupation_titles import OccupationMatch
from hitl_resume.detection.phrase_index import Hit
from hitl_resume.detection.results import Contribution, Finding
from hitl_resume.detection.units import EntryHeader, Unit


@dataclass(frozen=True, slots=True)
class UnitHits:
    """The hits that fall inside one unit, split by category."""

    signals: tuple[Hit, ...]
    role_terms: tuple[Hit, ...]
    ai: tuple[Hit, ...]


def hits_within(hits: Sequence[Hit], start: int, end: int) -> list[Hit]:
    """Hits whose span lies inside [start, end); ``hits`` must be sorted by start."""
    starts = [h.start for h in hits]
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_left(starts, end)
    return [h for h in hits[lo:hi] if h.end <= end]


def is_negated(
    hit: Hit, tokens_lower: Sequence[str], unit_token_start: int, cues: set[str]
) -> bool:
    """A negation cue in the few tokens before a hit ("did not review", "without escalating")."""
    window_start = max(unit_token_start, hit.token_start - w.NEGATION_WINDOW)
    return any(tokens_lower[i] in cues for i in range(window_start, hit.token_start))


#: Role-term kinds that name things (a job, an artifact) rather than describe work.
NAME_KINDS = frozenset({"title", "artifact"})


def split_hits(
    unit_hits: list[Hit], tokens_lower: Sequence[str], unit_token_start: int, negations: set[str]
) -> UnitHits:
    """Drop negated signals and AI terms; keep role terms (a negated artifact is still a domain).

    A signal word that is (part of) a job title or artifact name ("performance reviews", "Audit
    Manager", "referral") names a thing, not something the person did, so it is dropped too.
    """
    names = [h for h in unit_hits if h.entry.category == "role_term" and h.entry.kind in NAME_KINDS]
    signals = [
        h
        for h in unit_hits
        if h.entry.category == "signal"
        and not is_negated(h, tokens_lower, unit_token_start, negations)
        and not any(n.start <= h.start and h.end <= n.end for n in names)
    ]
    ai = [
        h
        for h in unit_hits
        if h.entry.category == "ai" and not is_negated(h, tokens_lower, unit_token_start, negations)
    ]
    terms = [h for h in unit_hits if h.entry.category == "role_term"]
    return UnitHits(tuple(signals), tuple(terms), tuple(ai))


def build_finding(
    finding_id: str,
    unit: Unit,
    found: UnitHits,
    header_terms: Sequence[Hit],
    entry_title: str | None,
    occupation: OccupationMatch | None = None,
) -> Finding | None:
    """Return a finding when the line shows a signal and evidence for some role, else ``None``.

    ``occupation`` is what the job's title names (O*NET); a title of one of the patterns gives
    the line's signals a role even when the line names no domain term.
    """
    if not found.signals:
        return None
    if occupation is not None and (
        not occupation.counts_for_role
        or any(h.entry.kind == "title" and h.entry.role for h in header_terms)
    ):
        occupation = None
    role = _choose_role(found.role_terms, header_terms, occupation)
    if role is None:
        return None
    contributions: list[Contribution] = []
    signal_names: list[str] = []
    # light signals ("check", "resolve") come after full ones: a line is named by what it does most
    ordered = sorted(
        _first_per(found.signals, key=lambda h: h.entry.kind),
        key=lambda h: h.entry.weight < w.FULL_SIGNAL_WEIGHT,
    )
    for hit in ordered[: w.MAX_SIGNALS]:
        signal_names.append(hit.entry.kind)
        contributions.append(
            Contribution(
                hit.entry.id,
                f"signal:{hit.entry.kind}",
                hit.text,
                w.SIGNAL_POINTS * hit.entry.weight,
            )
        )
    role_terms = [h for h in found.role_terms if h.entry.role == role]
    for hit in _first_per(role_terms, key=lambda h: h.entry.id)[: w.MAX_TERMS]:
        contributions.append(
            Contribution(
                hit.entry.id, f"{hit.entry.kind}", hit.text, w.TERM_POINTS * hit.entry.weight
            )
        )
    context = [h for h in header_terms if h.entry.role == role]
    for hit in _first_per(context, key=lambda h: h.entry.id)[:2]:
        contributions.append(
            Contribution(
                hit.entry.id, f"job {hit.entry.kind}", hit.text, w.CONTEXT_POINTS * hit.entry.weight
            )
        )
    if occupation is not None and occupation.role == role and not context:
        contributions.append(
            Contribution(
                occupation.rule_id,
                f"job occupation {occupation.code}",
                occupation.text,
                w.CONTEXT_POINTS * w.OCCUPATION_TERM_WEIGHT,
            )
        )
    for hit in found.ai[:1]:
        system = hit.entry.kind == "system"
        contributions.append(
            Contribution(
                hit.entry.id,
                "reviewed_system" if system else "ai_system",
                hit.text,
                w.SYSTEM_POINTS if system else w.AI_POINTS,
            )
        )
    explicit_ai = bool(found.ai)
    return Finding(
        id=finding_id,
        role=role,
        signals=tuple(dict.fromkeys(signal_names)),
        explicit_ai=explicit_ai,
        text=unit.text,
        start=unit.start,
        end=unit.end,
        section=unit.section,
        entry_index=unit.entry_index,
        entry_title=entry_title,
        score=sum(c.points for c in contributions),
        contributions=tuple(contributions),
        explanation=explain(role, contributions, explicit_ai),
    )


def _choose_role(
    terms: Sequence[Hit], header_terms: Sequence[Hit], occupation: OccupationMatch | None
) -> str | None:
    """The role with most weighted evidence in the line, job header evidence counting less."""
    evidence: dict[str, float] = defaultdict(float)
    if occupation is not None:
        evidence[occupation.role] += w.CONTEXT_POINTS * w.OCCUPATION_TERM_WEIGHT
    for hit in _first_per(terms, key=lambda h: h.entry.id):
        if hit.entry.role:
            evidence[hit.entry.role] += w.TERM_POINTS * hit.entry.weight
    for hit in _first_per(header_terms, key=lambda h: h.entry.id):
        if hit.entry.role:
            evidence[hit.entry.role] += w.CONTEXT_POINTS * hit.entry.weight
    if not evidence:
        return None
    return max(sorted(evidence), key=lambda role: evidence[role])


def _first_per(hits: Sequence[Hit], key: Callable[[Hit], str]) -> list[Hit]:
    """First hit per key, in text order."""
    seen: dict[str, Hit] = {}
    for hit in hits:
        k = key(hit)
        if k not in seen:
            seen[k] = hit
    return list(seen.values())


def explain(role: str, contributions: Sequence[Contribution], explicit_ai: bool) -> str:
    """One plain sentence saying which lexicon entries fired and what each added."""
    parts = [f"“{c.text}” ({c.kind}, {c.entry_id}, +{c.points:g})" for c in contributions]
    systems = [c.text for c in contributions if c.kind == "reviewed_system"]
    if systems:
        evidence = (
            f"Explicit: the line names a system that routes or decides the work ({systems[0]})."
        )
    elif explicit_ai:
        evidence = "Explicit: the line names an AI or automated system."
    else:
        evidence = "Transferable: the line names no AI or automated system."
    return f"Counts for {role} because of " + "; ".join(parts) + f". {evidence}"


def header_hits(headers: Sequence[EntryHeader], hits: Sequence[Hit]) -> dict[int, list[Hit]]:
    """Role terms found in each job's header region, keyed by entry index."""
    result: dict[int, list[Hit]] = {}
    for header in headers:
        result[header.entry_index] = [
            h
            for h in hits_within(hits, header.start, header.end)
            if h.entry.category == "role_term"
        ]
    return result
