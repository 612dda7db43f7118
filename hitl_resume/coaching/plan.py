"""The week's plan: searches for the user's own titles, bullets to fix first, skills, look-back."""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import quote_plus

from hitl_resume.coaching.results import InterviewPrompt, Plan, Rewrite, SearchLink
from hitl_resume.detection.results import Finding, RoleAssessment
from hitl_resume.ingest.text_cleaning import strip_unsafe
from hitl_resume.language.coaching_lexicon import CoachingData, PlanEntry
from hitl_resume.models import Resume

MAX_TITLES = 3
MAX_TITLE_WORDS = 6
MAX_SKILLS = 6
MAX_LOOK_BACK = 4
_TITLE_JUNK = re.compile(r"[^\w&/+.,' -]+")


def job_titles(resume: Resume) -> tuple[str, ...]:
    """The user's own job titles: current job first, then resume order; deduplicated."""
    entries = sorted(resume.experience, key=lambda e: not e.is_current)
    titles: dict[str, str] = {}
    for entry in entries:
        if not entry.title:
            continue
        title = " ".join(_TITLE_JUNK.sub(" ", strip_unsafe(entry.title)).split()).strip(" ,.-")
        if not title or len(title.split()) > MAX_TITLE_WORDS:
            continue
        titles.setdefault(title.lower(), title)
    return tuple(titles.values())[:MAX_TITLES]


def searches(
    titles: Sequence[str], roles: Sequence[RoleAssessment], data: CoachingData
) -> tuple[SearchLink, ...]:
    """Title + HITL term queries on each job board (a role label stands in for no titles)."""
    terms = [e.text for e in data.plan_of("search_term")]
    boards = data.plan_of("board")
    if not titles:
        top = max(roles, key=lambda r: r.score, default=None)
        titles = (top.label,) if top is not None and top.level != "none" else ()
    queries = [f"{title} {terms[0]}" for title in titles] if terms else list(titles)
    if titles and len(terms) > 1:
        queries.append(f"{titles[0]} {terms[1]}")
    if not queries:
        queries = terms[:1]
    return tuple(
        SearchLink(query=query, board=board.text, url=board.url + quote_plus(query))
        for query in queries
        for board in boards
    )


def rewrite_first(rewrites: Sequence[Rewrite], findings: Sequence[Finding]) -> tuple[str, ...]:
    """Two or three rewrites worth doing first: strongest findings, different roles first."""
    score = {f.id: f.score for f in findings}
    ranked = sorted(
        (r for r in rewrites if not r.needs_confirmation),
        key=lambda r: (-score.get(r.finding_id, 0.0), r.id),
    )
    chosen: list[Rewrite] = []
    for pass_roles in (True, False):
        for rewrite in ranked:
            if len(chosen) == 3:
                break
            if rewrite in chosen or any(c.finding_id == rewrite.finding_id for c in chosen):
                continue
            if pass_roles and any(c.role == rewrite.role for c in chosen):
                continue
            chosen.append(rewrite)
    return tuple(r.id for r in chosen)


def _supported(entry: PlanEntry, findings: Sequence[Finding]) -> bool:
    for finding in findings:
        if entry.explicit_only and not finding.explicit_ai:
            continue
        if entry.roles and finding.role not in entry.roles:
            continue
        if entry.signals and not any(s in entry.signals for s in finding.signals):
            continue
        return True
    return False


def linkedin_skills(findings: Sequence[Finding], data: CoachingData) -> tuple[str, ...]:
    """Skills the evidence supports (none without findings; AI ones only with explicit AI)."""
    if not findings:
        return ()
    skills = [e.text for e in data.plan_of("skill") if _supported(e, findings)]
    return tuple(skills[:MAX_SKILLS])


def look_back(
    findings: Sequence[Finding], roles: Sequence[RoleAssessment], data: CoachingData
) -> tuple[str, ...]:
    """What to look for in the last three months when no finding names an AI system."""
    if any(f.explicit_ai for f in findings):
        return ()
    ranked = [r.id for r in sorted(roles, key=lambda r: (-r.score, r.id)) if r.level != "none"]
    entries = data.plan_of("look_back")
    chosen = [e.text for role in ranked[:2] for e in entries if role in e.roles]
    chosen += [e.text for e in entries if not e.roles]
    return tuple(dict.fromkeys(chosen))[:MAX_LOOK_BACK]


def build_plan(
    resume: Resume,
    findings: Sequence[Finding],
    roles: Sequence[RoleAssessment],
    rewrites: Sequence[Rewrite],
    interview: Sequence[InterviewPrompt],
    data: CoachingData,
) -> Plan:
    """Assemble the week's checklist from the analysis."""
    links = searches(job_titles(resume), roles, data)
    first = rewrite_first(rewrites, findings)
    skills = linkedin_skills(findings, data)
    back = look_back(findings, roles, data)
    present = {
        "always": True,
        "look_back": bool(back),
        "rewrites": bool(first),
        "skills": bool(skills),
        "interview": bool(interview),
    }
    values = {
        "searches": str(len({link.query for link in links})),
        "rewrite_ids": ", ".join(first),
        "skills": ", ".join(skills),
    }
    steps = tuple(
        re.sub(r"\{([a-z_]+)\}", lambda m: values.get(m.group(1), ""), entry.text)
        for entry in data.plan_of("step")
        if present.get(entry.when, False)
    )
    return Plan(
        searches=links, rewrite_first=first, linkedin_skills=skills, look_back=back, steps=steps
    )
