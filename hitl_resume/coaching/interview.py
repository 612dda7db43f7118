"""SOAR interview prompts written from a finding's own employer, artifact and signal."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from hitl_resume.coaching.results import InterviewPrompt
from hitl_resume.coaching.segments import find_numbers
from hitl_resume.detection.results import Finding
from hitl_resume.language.coaching_lexicon import SoarTemplate
from hitl_resume.language.inflect import noun_forms
from hitl_resume.models import ExperienceEntry

MAX_PROMPTS = 5
MAX_PER_ROLE = 2
QUOTE_WORDS = 18
_DECISIONS = {
    "approve": "approve",
    "modify": "correct",
    "override": "override",
    "escalate": "escalate",
    "escalation_design": "escalate",
    "feedback": "report an error",
    "bias_monitoring": "challenge a result",
    "train_reviewers": "correct a reviewer",
}


def choose_findings(findings: Sequence[Finding]) -> list[Finding]:
    """The strongest findings, explicit first, at most two per role, in a stable order."""
    ranked = sorted(findings, key=lambda f: (not f.explicit_ai, -f.score, f.start))
    chosen: list[Finding] = []
    per_role: dict[str, int] = {}
    for finding in ranked:
        if per_role.get(finding.role, 0) >= MAX_PER_ROLE:
            continue
        chosen.append(finding)
        per_role[finding.role] = per_role.get(finding.role, 0) + 1
        if len(chosen) == MAX_PROMPTS:
            break
    return chosen


def _pick(templates: Sequence[SoarTemplate], part: str, finding: Finding) -> SoarTemplate | None:
    fitting = [
        t
        for t in templates
        if t.part == part
        and (t.evidence == "any" or (t.evidence == "explicit") == finding.explicit_ai)
        and (not t.roles or finding.role in t.roles)
        and (not t.signals or any(s in t.signals for s in finding.signals))
    ]
    return max(fitting, key=lambda t: (t.priority, t.id), default=None)


def plural(phrase: str) -> str:
    """The phrase with its last word in the plural ("case" -> "cases", "claims" unchanged)."""
    words = phrase.split()
    if not words:
        return phrase
    last = words[-1]
    if last.lower().endswith("s") or last.isupper():
        return phrase
    forms = noun_forms(last.lower())
    return " ".join([*words[:-1], forms[1] if len(forms) > 1 else last])


def artifact_of(finding: Finding) -> str:
    """What the person reviewed, in the bullet's words (artifact, else domain), plural."""
    for kind in ("artifact", "domain"):
        for contribution in finding.contributions:
            if contribution.kind == kind:
                text = (
                    contribution.text if contribution.text.isupper() else contribution.text.lower()
                )
                if kind == "artifact" or text.endswith("s"):
                    return plural(text)
                return f"{text} cases"
    return "cases"


def _quote(text: str) -> str:
    words = " ".join(text.split()).split(" ")
    quoted = " ".join(words[:QUOTE_WORDS])
    return quoted.rstrip(".;,:") + ("…" if len(words) > QUOTE_WORDS else "")


def _decisions(finding: Finding) -> str:
    verbs = list(dict.fromkeys(_DECISIONS[s] for s in finding.signals if s in _DECISIONS))
    if not verbs:
        return "accept or flag"
    if len(verbs) == 1:
        return (
            "accept or " + verbs[0] if verbs[0] in {"correct", "override", "escalate"} else verbs[0]
        )
    return ", ".join(verbs[:-1]) + " or " + verbs[-1]


def _where(entry: ExperienceEntry | None) -> str:
    if entry is None:
        return "work"
    if entry.organization and entry.title:
        return f"{entry.organization} ({entry.title})"
    return entry.organization or entry.title or "work"


def build_prompt(
    finding: Finding,
    entry: ExperienceEntry | None,
    templates: Sequence[SoarTemplate],
    reviewed: str | None = None,
) -> InterviewPrompt | None:
    """Fill the four SOAR parts and the Result hint; None when a part has no template."""
    numbers = find_numbers(finding.text)
    framework = next((c.text for c in finding.contributions if c.kind == "framework"), None)
    ai = next((c.text for c in finding.contributions if c.kind == "ai_system"), None)
    values = {
        "where": _where(entry),
        "quote": _quote(finding.text),
        "artifact": reviewed or artifact_of(finding),
        "ai": ai or "automated system",
        "decisions": _decisions(finding),
        "numbers": ", ".join(numbers),
        "framework_hint": f" (for example {framework})" if framework else "",
    }
    parts: dict[str, str] = {}
    for part in ("situation", "obstacle", "action"):
        template = _pick(templates, part, finding)
        if template is None:
            return None
        parts[part] = _fill(template.text, values)
    result = _pick(
        [t for t in templates if ("{numbers}" in t.text) == bool(numbers)], "result", finding
    )
    if result is None:
        return None
    hint = None if numbers else _pick(templates, "result_hint", finding)
    return InterviewPrompt(
        finding_id=finding.id,
        role=finding.role,
        situation=parts["situation"],
        obstacle=parts["obstacle"],
        action=parts["action"],
        result=_fill(result.text, values),
        result_hint=_fill(hint.text, values) if hint else None,
    )


def _fill(text: str, values: dict[str, str]) -> str:
    return re.sub(r"\{([a-z_]+)\}", lambda m: values.get(m.group(1), ""), text)


def interview_prompts(
    findings: Sequence[Finding],
    entries: Sequence[ExperienceEntry],
    templates: Sequence[SoarTemplate],
    objects: Mapping[str, str] | None = None,
) -> tuple[InterviewPrompt, ...]:
    """SOAR prompts for the strongest findings across roles (``objects``: parsed, by finding)."""
    prompts = []
    for finding in choose_findings(findings):
        index = finding.entry_index
        entry = entries[index] if index is not None and 0 <= index < len(entries) else None
        reviewed = (objects or {}).get(finding.id)
        prompt = build_prompt(finding, entry, templates, plural(reviewed) if reviewed else None)
        if prompt is not None:
            prompts.append(prompt)
    return tuple(prompts)
