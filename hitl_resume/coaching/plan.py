"""The week's plan: searches for the user's own titles, bullets to fix first, skills, look-back."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from urllib.parse import quote_plus

from hitl_resume.coaching.results import InterviewPrompt, Plan, Rewrite, SearchLink
from hitl_resume.coaching.titles import job_title
from hitl_resume.detection.results import Finding, RoleAssessment
from hitl_resume.language.coaching_lexicon import CoachingData, PlanEntry
from hitl_resume.language.structure_lexicon import Places
from hitl_resume.models import Resume

MAX_TITLES = 2
MAX_HITL_TITLES = 3
MAX_SKILLS = 5
MAX_LOOK_BACK = 4
#: A query never carries contact details, dates or numbers (a title with one was misread).
_UNSAFE_QUERY = re.compile(r"@|https?:|www\.|\d")


def job_titles(
    resume: Resume, title_words: frozenset[str], places: Places | None = None
) -> tuple[str, ...]:
    """The user's own job titles: current job first, then resume order; deduplicated.

    Only text that reads as a job title counts: never a place, phone, date or heading.
    """
    entries = sorted(resume.experience, key=lambda e: not e.is_current)
    titles: dict[str, str] = {}
    for entry in entries:
        title = job_title(entry.title, title_words, places)
        if title is not None:
            titles.setdefault(title.lower(), title)
    return tuple(titles.values())[:MAX_TITLES]


def hitl_titles(
    findings: Sequence[Finding], data: CoachingData, roles: Sequence[RoleAssessment] = ()
) -> tuple[str, ...]:
    """Titles HITL postings use for the families the person's findings show, strongest first.

    With ``roles``, only families the assessment rates at least "emerging" count: a search for
    "recruiting coordinator" on a finance executive's one HR-flavoured line finds nothing for
    them (two coaches' reads of the plans).
    """
    weight: dict[str, float] = {}
    for finding in findings:
        weight[finding.role] = weight.get(finding.role, 0.0) + finding.score
    if roles:
        shown = {r.id for r in roles if r.level != "none"}
        weight = {role: w for role, w in weight.items() if role in shown}
    ranked = sorted(weight, key=lambda role: (-weight[role], role))[:2]
    entries = data.plan_of("hitl_title")
    per_role = [[e.text for e in entries if role in e.roles] for role in ranked]
    # Alternate between the two strongest families so each gets a search.
    chosen = [t for group in itertools.zip_longest(*per_role) for t in group if t is not None]
    return tuple(dict.fromkeys(chosen))[:MAX_HITL_TITLES]


def searches(
    titles: Sequence[str], hitl: Sequence[str], data: CoachingData
) -> tuple[SearchLink, ...]:
    """The person's own titles with the HITL term, and the HITL titles postings use."""
    terms = [e.text for e in data.plan_of("search_term")]
    boards = data.plan_of("board")
    queries = [f"{title} {terms[0]}" for title in titles] if terms else list(titles)
    if titles and len(terms) > 1:
        queries.append(f"{titles[0]} {terms[1]}")
    queries += list(hitl)
    if not queries and terms:
        queries = terms[:1]
    safe = [q for q in dict.fromkeys(queries) if not _UNSAFE_QUERY.search(q)]
    return tuple(
        SearchLink(query=query, board=board.text, url=board.url + quote_plus(query))
        for query in safe
        for board in boards
    )


def rewrite_first(rewrites: Sequence[Rewrite], findings: Sequence[Finding]) -> tuple[str, ...]:
    """Two or three rewrites worth doing first: strongest findings, different roles first."""
    score = {f.id: f.score for f in findings}
    ranked = sorted(
        rewrites,
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
    """Enough findings show the skill: the right signal, role and (if asked) an AI system."""
    backing = [
        f
        for f in findings
        if (not entry.explicit_only or f.names_ai)
        and (not entry.systems_only or f.explicit_ai)
        and (not entry.roles or f.role in entry.roles)
        and (not entry.signals or any(s in entry.signals for s in f.signals))
        and (not entry.words or bool(set(re.findall(r"[a-z]+", f.text.lower())) & set(entry.words)))
    ]
    return len(backing) >= entry.min_findings


def linkedin_skills(findings: Sequence[Finding], data: CoachingData) -> tuple[str, ...]:
    """Skills the evidence supports, each on its own findings (none without findings)."""
    if not findings:
        return ()
    skills = [e.text for e in data.plan_of("skill") if _supported(e, findings)]
    return tuple(skills[:MAX_SKILLS])


def look_back(
    findings: Sequence[Finding], roles: Sequence[RoleAssessment], data: CoachingData
) -> tuple[str, ...]:
    """What to look for in recent work when no finding names an AI system."""
    if any(f.names_ai for f in findings):
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
    title_words: frozenset[str],
    places: Places | None = None,
) -> Plan:
    """Assemble the week's checklist from the analysis (``title_words``, ``places``: the
    lexicon's)."""
    own = job_titles(resume, title_words, places)
    links = searches(own, hitl_titles(findings, data, roles), data)
    first = rewrite_first(rewrites, findings)
    skills = linkedin_skills(findings, data)
    back = look_back(findings, roles, data)
    employed = any(entry.is_current for entry in resume.experience)
    present = {
        "always": True,
        "employed": bool(back) and employed,
        "between_jobs": bool(back) and not employed,
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
