"""Role assessment: all seven roles scored 0-100 as documented sums (see ``weights``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from hitl_resume.detection import weights as w
from hitl_resume.detection.occupation_titles import OccupationMatch
from hitl_resume.detection.phrase_index import Hit
from hitl_resume.detection.results import Contribution, Finding, RoleAssessment
from hitl_resume.language.lexicon_loader import Role


@dataclass(frozen=True, slots=True)
class JobTitle:
    """What one job's title says: roles its lexicon title terms name, and its O*NET occupation."""

    term_roles: frozenset[str]
    occupation: OccupationMatch | None


def assess_roles(
    roles: Sequence[Role],
    findings: Sequence[Finding],
    title_hits: Iterable[Hit],
    domain_hits: Iterable[Hit],
    headline_hits: Iterable[Hit] = (),
    jobs: Sequence[JobTitle] = (),
    headline: OccupationMatch | None = None,
) -> tuple[RoleAssessment, ...]:
    """Score every role from findings and the titles and terms around them.

    ``title_hits`` come from job headers, ``domain_hits`` from work text and ``headline_hits``
    from the headline and summary at the top of the resume; ``jobs`` and ``headline`` carry the
    O*NET occupations the titles name, which count for their role or, for occupations of no
    pattern, against every role.
    """
    by_role: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_role[finding.role].append(finding)
    titles = _distinct_by_role(h for h in title_hits if h.entry.kind == "title")
    domains = _distinct_by_role(h for h in domain_hits if h.entry.kind != "title")
    headlines = _distinct_by_role(h for h in headline_hits if h.entry.kind == "title")

    assessments = []
    for role in roles:
        role_findings = sorted(by_role.get(role.id, []), key=lambda f: (-f.score, f.start))
        distinct = list({_key(f.text): f for f in reversed(role_findings)}.values())[::-1]
        contributions: list[Contribution] = [
            Contribution(f.id, "finding", _shorten(f.text), f.score)
            for f in distinct[: w.TOP_FINDINGS]
        ]
        title_budget = w.MAX_TITLE_POINTS
        for hit in titles.get(role.id, []):
            points = min(w.TITLE_POINTS, title_budget)
            if points <= 0:
                break
            title_budget -= points
            contributions.append(Contribution(hit.entry.id, "job title", hit.text, points))
        for job in jobs:
            occupation = job.occupation
            if occupation is None or occupation.role != role.id or job.term_roles:
                continue  # the lexicon's own title terms take precedence over O*NET
            points = min(w.TITLE_POINTS, title_budget)
            if points <= 0:
                break
            title_budget -= points
            contributions.append(
                Contribution(occupation.rule_id, "job occupation", _named(occupation), points)
            )
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
            points = min(w.DOMAIN_POINTS * hit.entry.weight, domain_budget)
            if points <= 0:
                break
            domain_budget -= points
            contributions.append(
                Contribution(hit.entry.id, f"domain {hit.entry.kind}", hit.text, points)
            )
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
    other = [
        job.occupation
        for job in jobs
        if not job.term_roles and job.occupation is not None and job.occupation.role == "none"
    ]
    found: list[Contribution] = []
    budget = w.MAX_AGAINST_POINTS
    for occupation in other[titled_for:]:
        points = min(w.AGAINST_POINTS, budget)
        if points <= 0:
            break
        budget -= points
        found.append(Contribution(occupation.rule_id, "non-HITL job", _named(occupation), -points))
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
