"""The cohort view a coach pastes into a plan: role levels, top roles, missing keywords, a chart."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from html import escape

from hitl_resume.batch.results import FileResult
from hitl_resume.language.lexicon_loader import ROLE_IDS
from hitl_resume.render.markdown_renderer import md

LEVELS = ("strong", "moderate", "emerging", "none")
NO_ROLE = "none"
TOP_KEYWORDS = 15


def role_labels(files: Sequence[FileResult]) -> dict[str, str]:
    """Lexicon labels by role id (ids stand in when no file was analysed)."""
    labels = {role: role.replace("_", " ").capitalize() for role in ROLE_IDS}
    for result in files:
        labels.update(dict(result.labels))
    return labels


def level_counts(files: Sequence[FileResult]) -> dict[str, Counter[str]]:
    """Per role: how many analysed clients reach each level."""
    counts: dict[str, Counter[str]] = {role: Counter() for role in ROLE_IDS}
    for result in files:
        for role, level in result.levels:
            counts.setdefault(role, Counter())[level] += 1
    return counts


def top_role_counts(files: Sequence[FileResult]) -> Counter[str]:
    """How many analysed clients have each role as their top pattern (``none`` when no role)."""
    return Counter(result.top_role or NO_ROLE for result in files)


def missing_keywords(files: Sequence[FileResult]) -> list[Counter[str]]:
    """Per posting: how many clients miss each keyword (counted once per client)."""
    postings = max((len(result.missing) for result in files), default=0)
    counts: list[Counter[str]] = [Counter() for _ in range(postings)]
    for result in files:
        for index, keywords in enumerate(result.missing):
            counts[index].update({k.casefold() for k in keywords if k})
    return counts


def render_cohort_markdown(results: Sequence[FileResult]) -> str:
    """The cohort tables as Markdown."""
    files = [r for r in results if r.status == "ok"]
    failed = len(results) - len(files)
    labels = role_labels(files)
    out = ["# Cohort overview", ""]
    out.append(f"{len(files)} resumes analysed, {failed} could not be read (see errors.csv).")
    out += ["", "## Role patterns across the cohort", ""]
    out += ["| Role | Strong | Moderate | Emerging | None |", "|---|---:|---:|---:|---:|"]
    for role, counter in level_counts(files).items():
        cells = " | ".join(str(counter[level]) for level in LEVELS)
        out.append(f"| {md(labels.get(role, role))} | {cells} |")
    out += ["", "## Top role per client", "", "| Top role | Clients | Share |", "|---|---:|---:|"]
    tops = top_role_counts(files)
    for role, count in tops.most_common():
        name = "No clear pattern" if role == NO_ROLE else labels.get(role, role)
        share = f"{100 * count / len(files):.0f}%"
        out.append(f"| {md(name)} | {count} | {share} |")
    for index, counter in enumerate(missing_keywords(files), start=1):
        out += ["", f"## Most common missing keywords: posting {index}", ""]
        out += ["| Keyword | Clients missing it |", "|---|---:|"]
        for keyword, count in counter.most_common(TOP_KEYWORDS):
            out.append(f"| {md(keyword)} | {count} of {len(files)} |")
        if not counter:
            out.append("| (none: every client covers every keyword) | 0 |")
    return "\n".join(out) + "\n"


def render_cohort_svg(results: Sequence[FileResult]) -> str:
    """A horizontal bar chart of the top-role distribution (hand-written SVG, text escaped)."""
    files = [r for r in results if r.status == "ok"]
    labels = role_labels(files)
    tops = top_role_counts(files)
    rows = [(labels.get(role, role), tops.get(role, 0)) for role in ROLE_IDS]
    rows.append(("No clear pattern", tops.get(NO_ROLE, 0)))
    peak = max((count for _, count in rows), default=0) or 1
    left, bar_max, row_height = 230, 340, 28
    height = 50 + row_height * len(rows)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="640" height="{height}" '
        f'viewBox="0 0 640 {height}" role="img" font-family="sans-serif" font-size="13">',
        f"<title>Top role per client ({len(files)} resumes)</title>",
        '<text x="10" y="24" font-size="15" font-weight="bold">Top role per client</text>',
    ]
    for number, (label, count) in enumerate(rows):
        y = 40 + number * row_height
        width = round(bar_max * count / peak)
        parts.append(f'<text x="{left - 8}" y="{y + 17}" text-anchor="end">{escape(label)}</text>')
        parts.append(f'<rect x="{left}" y="{y + 4}" width="{width}" height="18" fill="#3b6ea8"/>')
        parts.append(f'<text x="{left + width + 6}" y="{y + 17}">{count}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
