"""Role assessment: all seven roles scored 0-100 as documented sums (see ``weights``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from hitl_resume.detection import weights as w
from hitl_resume.detection.phrase_index import Hit
from hitl_resume.detection.results import Contribution, Finding, RoleAssessment
from hitl_resume.language.lexicon_loader import Role


def assess_roles(
    roles: Sequence[Role],
    findings: Sequence[Finding],
    title_hits: Iterable[Hit],
    domain_hits: Iterable[Hit],
    headline_hits: Iterable[Hit] = (),
) -> tuple[RoleAssessment, ...]:
    """Score every role from findings and the titles and terms around them.

    ``title_hits`` come from job headers, ``domain_hits`` from work text and ``headline_hits``
    from the headline and summary at the top of the resume.
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
        for hit in headlines.get(role.id, [])[:1]:
            contributions.append(
                Contribution(hit.entry.id, "headline title", hit.text, w.HEADLINE_POINTS)
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
        score = round(min(100.0, sum(c.points for c in contributions)))
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
