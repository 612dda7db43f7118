"""Markdown reports for people: roles, evidence with explanations, posting matches."""

from __future__ import annotations

from hitl_resume.analysis import Analysis
from hitl_resume.detection.posting_analysis import PostingAnalysis
from hitl_resume.detection.results import RoleAssessment
from hitl_resume.ingest.text_cleaning import strip_unsafe

_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_{}[]<>|#"})


def md(text: str) -> str:
    """Escape user text so it renders literally (no links, tags or tables injected)."""
    return " ".join(strip_unsafe(text).split()).translate(_MD_SPECIAL)


def _roles_table(roles: tuple[RoleAssessment, ...]) -> list[str]:
    lines = ["| Role | Score | Level | Findings |", "|---|---:|---|---:|"]
    for role in sorted(roles, key=lambda r: -r.score):
        lines.append(f"| {role.label} | {role.score} | {role.level} | {len(role.finding_ids)} |")
    return lines


def _coaching_sections(analysis: Analysis) -> list[str]:
    """Rewrites (original -> proposed), SOAR prompts and the week's plan."""
    out = ["", "## Suggested rewrites", ""]
    if not analysis.rewrites:
        out.append("No bullet needs a rewrite yet.")
    for rewrite in analysis.rewrites:
        out += [
            f"### {md(rewrite.id)} ({md(rewrite.template)})",
            "",
            f"- Original: {md(rewrite.original)}",
            f"- Proposed: **{md(rewrite.proposed)}**",
        ]
        for item in rewrite.needs_confirmation:
            out.append(f"- Needs confirmation: {md(item)}")
        if rewrite.alternative:
            out.append(f"- If confirmed, instead: {md(rewrite.alternative)}")
        out.append("")
    out += ["## Interview prompts (SOAR)", ""]
    if not analysis.interview:
        out.append("No interview prompts yet.")
    for prompt in analysis.interview:
        out += [
            f"### Finding {md(prompt.finding_id)}",
            "",
            *([f"- {md(prompt.notice)}"] if prompt.notice else []),
            f"- **Situation:** {md(prompt.situation)}",
            f"- **Obstacle:** {md(prompt.obstacle)}",
            f"- **Action:** {md(prompt.action)}",
            f"- **Result:** {md(prompt.result)}",
        ]
        if prompt.result_hint:
            out.append(f"  - Hint: {md(prompt.result_hint)}")
        out.append("")
    plan = analysis.plan
    if plan is None:
        return out
    out += ["## This week's plan", ""]
    out += [f"{n}. {md(step)}" for n, step in enumerate(plan.steps, start=1)]
    if plan.searches:
        out += ["", "Job searches:", ""]
        out += [
            f"- {md(link.query)} — [{md(link.board)}](<{link.url.replace('>', '%3E')}>)"
            for link in plan.searches
        ]
    if plan.linkedin_skills:
        out += ["", "LinkedIn skills: " + ", ".join(md(s) for s in plan.linkedin_skills)]
    if plan.look_back:
        out += ["", "Look back over the last three months for:", ""]
        out += [f"- {md(item)}" for item in plan.look_back]
    return out


def render_analysis_markdown(analysis: Analysis) -> str:
    """The full resume report as Markdown."""
    out = ["# Human-in-the-loop experience report", ""]
    top = analysis.top_role()
    if top is None:
        out.append(
            "No HITL role pattern shows clearly yet; see the plan below for what to look for."
        )
    else:
        out.append(f"Strongest pattern: **{top.label}** ({top.score}/100, {top.level}).")
    explicit = sum(1 for f in analysis.findings if f.explicit_ai)
    out += [
        "",
        f"{len(analysis.findings)} evidence lines found; {explicit} name an AI or automated "
        "system (explicit), the rest show transferable review work.",
        "",
        "## Role patterns",
        "",
        *_roles_table(analysis.roles),
        "",
        "## Evidence",
    ]
    labels = {r.id: r.label for r in analysis.roles}
    for role in sorted(analysis.roles, key=lambda r: -r.score):
        role_findings = [f for f in analysis.findings if f.role == role.id]
        if not role_findings:
            continue
        out += ["", f"### {labels[role.id]}", ""]
        for finding in role_findings:
            tag = "explicit AI" if finding.explicit_ai else "transferable"
            where = f" — {md(finding.entry_title)}" if finding.entry_title else ""
            out.append(f"- **{md(finding.text)}** ({tag}; {', '.join(finding.signals)}){where}")
            out.append(f"  - Why: {md(finding.explanation)}")
    for match in analysis.matches:
        title = md(match.posting_title or f"Posting {match.posting_index + 1}")
        out += [
            "",
            f"## Match: {title}",
            "",
            f"Score: **{match.score}/100**. {md(match.explanation)}",
        ]
        if match.matched:
            out.append("")
            out.append("Matched: " + ", ".join(md(str(m["text"])) for m in match.matched))
        if match.missing:
            out.append("")
            out.append(
                "Missing: "
                + ", ".join(
                    md(str(m["text"])) + (" (required)" if m["required"] else "")
                    for m in match.missing
                )
            )
        missing_signals = match.hitl_alignment.get("missing_signals") or []
        if missing_signals:
            out.append("")
            out.append(
                "HITL behaviours the posting asks for that the resume does not show yet: "
                + ", ".join(missing_signals)
            )
    out += _coaching_sections(analysis)
    return "\n".join(out) + "\n"


def render_posting_markdown(posting: PostingAnalysis) -> str:
    """A posting's role pattern, HITL phrases and keywords as Markdown."""
    out = ["# Job posting analysis", ""]
    if posting.title:
        out += [f"Title: **{md(posting.title)}**", ""]
    out += ["## Role patterns", "", *_roles_table(posting.roles), "", "## HITL language", ""]
    if not posting.hitl_phrases:
        out.append("No human-in-the-loop language found.")
    for phrase in posting.hitl_phrases:
        tag = "explicit AI" if phrase.explicit_ai else "review work"
        out.append(f"- {md(phrase.text)} ({tag}; {', '.join(phrase.signals)})")
    out += ["", "## Keywords", ""]
    for label, required in (("Required", True), ("Preferred", False)):
        words = [md(k.text) for k in posting.keywords if k.required is required]
        out.append(f"- {label}: " + (", ".join(words) if words else "none found"))
    return "\n".join(out) + "\n"
