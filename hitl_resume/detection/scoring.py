"""Role assessment: all seven roles scored 0-100 as documented sums (see ``weights``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from hitl_resume.detection import weights as w
from hitl_resume.detection.occupation_titles import OccupationMatch
from hitl_resume.detection.phrase_index import Hit
from hitl_resume.detection.recency import scaled_kind
from hitl_resume.detection.results import Contribution, Finding, RoleAssessment
from hitl_resume.language.lexicon_loader import Role


@dataclass(frozen=True, slots=True)
class JobTitle:
    """What one job's title says (lexicon title terms, O*NET occupation) and how much it counts.

    ``factor`` is the job's recency weight (``recency.job_factors``): 1.0 for the current and
    latest jobs, less for jobs that ended long before them.
    """

    term_roles: frozenset[str]
    occupation: OccupationMatch | None
    title_hits: tuple[Hit, ...] = ()
    factor: float = 1.0


def assess_roles(
    roles: Sequence[Role],
    findings: Sequence[Finding],
    domain_hits: Sequence[Hit],
    headline_hits: Iterable[Hit] = (),
    jobs: Sequence[JobTitle] = (),
    headline: OccupationMatch | None = None,
    factors: Mapping[int, float] | None = None,
    hit_factors: Mapping[int, float] | None = None,
) -> tuple[RoleAssessment, ...]:
    """Score every role from findings and the titles and terms around them.

    ``jobs`` (one per entry index, then titles read from unsplit work lines) carry the title
    terms of each job's header and the O*NET occupation its title names, which count for their
    role or, for occupations of no pattern, against every role; ``domain_hits`` come from work
    text and ``headline_hits`` from the headline and summary at the top of the resume.
    ``factors`` weigh each job's findings by recency (entry index → factor; 1.0 when absent)
    and ``hit_factors`` each domain hit by the recency of the job it sits in (hit start →
    factor); a term counts at the factor of its most recent job.
    """
    factors = factors or {}
    term_factor: dict[str, float] = {}
    for hit in domain_hits:
        factor = (hit_factors or {}).get(hit.start, 1.0)
        term_factor[hit.entry.id] = max(factor, term_factor.get(hit.entry.id, 0.0))
    by_role: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_role[finding.role].append(finding)
    titles = _titles_by_role(jobs)
    domains = _distinct_by_role(h for h in domain_hits if h.entry.kind != "title")
    headlines = _distinct_by_role(h for h in headline_hits if h.entry.kind == "title")

    assessments = []
    for role in roles:
        role_findings = sorted(by_role.get(role.id, []), key=lambda f: (-f.score, f.start))

        def weight(finding: Finding) -> float:
            return factors.get(finding.entry_index, 1.0) if finding.entry_index is not None else 1.0

        ranked = sorted(role_findings, key=lambda f: (-f.score * weight(f), f.start))
        distinct = list({_key(f.text): f for f in reversed(ranked)}.values())[::-1]
        contributions: list[Contribution] = [
            Contribution(
                f.id, scaled_kind("finding", weight(f)), _shorten(f.text), f.score * weight(f)
            )
            for f in distinct[: w.TOP_FINDINGS]
        ]
        title_budget = w.MAX_TITLE_POINTS
        for entry_id, text, kind, factor in titles.get(role.id, []):
            points = min(w.TITLE_POINTS * factor, title_budget)
            if points <= 0:
                break
            title_budget -= points
            contributions.append(Contribution(entry_id, scaled_kind(kind, factor), text, points))
        for hit in headlines.get(role.id, [])[:1]:
            contributions.append(
                Contribution(hit.entry.id, "headline title", hit.text, w.HEADLINE_POINTS)
            )
        if headline is not None and headline.role == role.id and not headlines.get(role.id):
            contributions.append(
                Contribution(
                    headline.rule_id, "headline occupation", _named(headline), w.HEADLINE_POINTS
                )
            )
        domain_budget = w.MAX_DOMAIN_POINTS
        for hit in domains.get(role.id, []):
            factor = term_factor.get(hit.entry.id, 1.0)
            points = min(w.DOMAIN_POINTS * hit.entry.weight * factor, domain_budget)
            if points <= 0:
                break
            domain_budget -= points
            kind = scaled_kind(f"domain {hit.entry.kind}", factor)
            contributions.append(Contribution(hit.entry.id, kind, hit.text, points))
        headline_for = bool(headlines.get(role.id)) or (
            headline is not None and headline.role == role.id
        )
        contributions += _against(role.id, jobs, headline, bool(headlines), int(headline_for))
        score = round(max(0.0, min(100.0, sum(c.points for c in contributions))))
        assessments.append(
            RoleAssessment(
                id=role.id,
                label=role.label,
                score=score,
                level=w.level_for(score),
                finding_ids=tuple(f.id for f in role_findings),
                contributions=tuple(contributions),
            )
        )
    return tuple(assessments)


def _against(
    role_id: str,
    jobs: Sequence[JobTitle],
    headline: OccupationMatch | None,
    headline_has_role_title: bool,
    headline_titled_for: int,
) -> list[Contribution]:
    """Negative contributions: jobs (and a headline) titled as occupations of no pattern.

    Each such job beyond the number of jobs titled for this role costs ``AGAINST_POINTS``, so a
    chef who became a call-centre agent keeps the agent's points for customer service.
    """
    titled_for = headline_titled_for + sum(
        1
        for job in jobs
        if role_id in job.term_roles
        or (not job.term_roles and job.occupation is not None and job.occupation.role == role_id)
    )
    other = sorted(
        (
            job
            for job in jobs
            if not job.term_roles and job.occupation is not None and job.occupation.role == "none"
        ),
        key=lambda job: -job.factor,
    )
    found: list[Contribution] = []
    budget = w.MAX_AGAINST_POINTS
    for job in other[titled_for:]:
        points = min(w.AGAINST_POINTS * job.factor, budget)
        if points <= 0 or job.occupation is None:
            break
        budget -= points
        found.append(
            Contribution(
                job.occupation.rule_id,
                scaled_kind("non-HITL job", job.factor),
                _named(job.occupation),
                -points,
            )
        )
    if (
        headline is not None
        and headline.role == "none"
        and not headline_has_role_title
        and titled_for == 0
        and budget > 0
    ):
        points = min(w.HEADLINE_AGAINST_POINTS, budget)
        found.append(Contribution(headline.rule_id, "non-HITL headline", _named(headline), -points))
    return found


def _named(occupation: OccupationMatch) -> str:
    """ "claims adjuster (O*NET 13-1031.00 Claims Adjusters…)" for explanations."""
    return f"{occupation.text} (O*NET {occupation.code} {occupation.occupation})"


def _titles_by_role(jobs: Sequence[JobTitle]) -> dict[str, list[tuple[str, str, str, float]]]:
    """Per role, each distinct title of its jobs: (entry id, text, kind, best recency factor).

    A lexicon title term counts once however many jobs hold it, at the factor of its most
    recent job; a job's O*NET occupation counts when no lexicon title term names a role there.
    Sorted by factor, so the budget goes to the latest jobs first.
    """
    best: dict[str, tuple[str, str, str, float]] = {}
    roles: dict[str, str] = {}
    for index, job in enumerate(jobs):
        named = [
            (h.entry.id, h.entry.id, h.text, "job title", h.entry.role) for h in job.title_hits
        ]
        if not job.term_roles and job.occupation is not None:
            occupation = job.occupation  # each job so titled counts, as O*NET titles vary
            named = [
                (
                    f"job {index}",
                    occupation.rule_id,
                    _named(occupation),
                    "job occupation",
                    occupation.role,
                )
            ]
        for key, entry_id, text, kind, role in named:
            if not role or role in ("none", "neutral"):
                continue
            if key not in best or best[key][3] < job.factor:
                best[key] = (entry_id, text, kind, job.factor)
                roles[key] = role
    grouped: dict[str, list[tuple[str, str, str, float]]] = defaultdict(list)
    for key, value in best.items():
        grouped[roles[key]].append(value)
    for values in grouped.values():
        values.sort(key=lambda v: -v[3])
    return grouped


def _distinct_by_role(hits: Iterable[Hit]) -> dict[str, list[Hit]]:
    """First hit of each lexicon entry, grouped by role."""
    seen: set[str] = set()
    grouped: dict[str, list[Hit]] = defaultdict(list)
    for hit in hits:
        if hit.entry.role and hit.entry.id not in seen:
            seen.add(hit.entry.id)
            grouped[hit.entry.role].append(hit)
    return grouped


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
